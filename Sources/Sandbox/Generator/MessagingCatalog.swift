/// API-triggered broadcasts, newsletters (one-time sends) and transactional templates.
enum MessagingCatalog {
    static func broadcasts(context: inout CatalogContext) -> [BroadcastRecord] {
        let blueprints: [(String, String, Int, String, [String])] = [
            ("Flash sale announcement", "running", SegmentCatalog.betaTesters, "ep", ["promo"]),
            ("Service status update", "running", SegmentCatalog.vipAccounts, "e", ["ops"]),
            ("Product launch: Lumen 3", "running", SegmentCatalog.proInGermany, "epe", ["product", "launch"]),
            ("Holiday opening hours", "draft", SegmentCatalog.webinarAttendees, "e", ["seasonal"]),
            ("Security notice (SMS)", "running", SegmentCatalog.supportEscalations, "s", ["security"]),
        ]
        return blueprints.enumerated().map { offset, blueprint in
            let (name, state, audience, channels, tags) = blueprint
            var rng = SplitMix64(seed: SplitMix64.hash(context.seed, 0xB40A, UInt64(offset)))
            let id = 60 + offset
            let created = context.anchor - (120 + rng.below(300)) * 86_400
            // Earlier triggers went out on a few days of the window.
            var profile = SeriesGenerator.profile(volume: max(2, Double(context.customerCount) * (0.002 + rng.unit() * 0.01)), days: context.days, rng: &rng)
            profile.burstDays = (0 ..< (2 + rng.below(4))).map { _ in rng.below(context.days) }.sorted()
            if state == "draft" { profile.activeDays = 0 ..< 0 }
            let series = SeriesGenerator(firstDay: context.firstDay, days: context.days).make(profile, rng: &rng)
            let letters = Array(channels)
            let actions: [ActionRecord] = letters.enumerated().map { index, letter in
                let type = letter == "p" ? "push" : letter == "s" ? "twilio" : "email"
                let sender = context.sender(for: type, rng: &rng)
                let subject = type == "twilio" ? "" : index == 0 ? name : "Reminder: \(name)"
                return ActionRecord(
                    id: context.nextActionID(), parentID: id, parentActionID: nil,
                    name: MessageCopy.actionName(type: type, step: index + 1, campaign: name), type: type,
                    sendingState: state == "draft" ? "draft" : "automatic", subject: subject,
                    body: MessageCopy.body(subject: subject.isEmpty ? name : subject, type: type),
                    fromID: sender.id, from: sender.address, replyToID: type == "email" ? 2 : nil,
                    replyTo: type == "email" ? "support@lumenapp.io" : nil, recipient: MessageCopy.recipient(type: type),
                    language: "", created: created, updated: created + 86_400, url: nil, method: nil,
                    weight: 1 / Double(letters.count)
                )
            }
            return BroadcastRecord(
                id: id, name: name, state: state, created: created, updated: created + rng.below(60) * 86_400,
                firstStarted: state == "draft" ? nil : created + 86_400, tags: tags, actions: actions,
                audienceSegmentID: audience, plan: series,
                links: context.makeLinks(count: 2, topic: name, rng: &rng), createdBy: CampaignCatalog.authors[offset % CampaignCatalog.authors.count]
            )
        }
    }

    /// Days (within the window) on which each broadcast's past triggers ran.
    static func burstDays(of broadcast: BroadcastRecord) -> [Int] {
        (0 ..< broadcast.plan.days).filter { broadcast.plan[.sent, $0] > 0 }
    }

    static func newsletters(context: inout CatalogContext) -> [NewsletterRecord] {
        let names = [
            "January product update", "February product update", "March product update", "Spring sale", "Customer story: Northwind",
            "Webinar: automations 101", "April product update", "Summer roadmap", "Lumen 3 is here", "Pricing update",
            "Year in review (draft)", "Holiday gift guide (draft)", "Partner program (draft)",
        ]
        return names.enumerated().map { offset, name in
            var rng = SplitMix64(seed: SplitMix64.hash(context.seed, 0x4E57, UInt64(offset)))
            let id = 101 + offset
            let draft = name.hasSuffix("(draft)")
            let sentDay = draft ? nil : Int(Double(context.days - 3) * Double(offset) / Double(names.count - 3))
            let sentAt = sentDay.map { context.firstDay + $0 * 86_400 + 14 * 3_600 + rng.below(3_600) }
            let created = (sentAt ?? context.anchor) - (3 + rng.below(20)) * 86_400
            var profile = SeriesGenerator.profile(volume: max(3, Double(context.customerCount) * (0.05 + rng.unit() * 0.3)), days: context.days, rng: &rng)
            profile.burstDays = sentDay.map { [$0] } ?? []
            if sentDay == nil { profile.activeDays = 0 ..< 0 }
            let series = SeriesGenerator(firstDay: context.firstDay, days: context.days).make(profile, rng: &rng)
            let variants = rng.chance(0.35) ? 2 : 1
            let sender = context.sender(for: "email", rng: &rng)
            let contents: [ContentRecord] = (0 ..< variants).map { variant in
                let subject = variant == 0 ? name : "\(name) — you'll want to see this"
                return ContentRecord(
                    id: context.nextContentID(), ownerID: id, name: variants == 1 ? "Default" : "Variant \(["A", "B"][variant])",
                    type: "email", subject: subject, body: MessageCopy.body(subject: subject, type: "email"),
                    fromID: sender.id, from: sender.address, replyTo: "support@lumenapp.io", recipient: "{{customer.email}}",
                    language: "", created: created, updated: created + 3_600
                )
            }
            let segments = [[SegmentCatalog.paying], [SegmentCatalog.freeUsers, SegmentCatalog.paying], [SegmentCatalog.unitedStates], [SegmentCatalog.betaTesters]][rng.below(4)]
            return NewsletterRecord(
                id: id, name: name, type: "email", contents: contents, sentAt: sentAt, created: created,
                updated: (sentAt ?? created) + 600, tags: rng.chance(0.5) ? ["newsletter"] : ["newsletter", "product"],
                recipientSegmentIDs: segments, subscriptionTopicID: [1, 2, nil][rng.below(3)], plan: series,
                links: context.makeLinks(count: 3, topic: name, rng: &rng)
            )
        }
    }

    static func templates(context: inout CatalogContext) -> [TemplateRecord] {
        let blueprints: [(String, String, String, String, Bool)] = [
            ("Order receipt", "order_receipt", "email", "Sent when an order is paid; lists items and totals.", true),
            ("Password reset", "password_reset", "email", "Sends a link that lets the person choose a new password.", true),
            ("Shipping update", "shipping_update", "email", "Tells the person their parcel is on its way, with tracking.", false),
            ("2FA code (SMS)", "two_factor_sms", "sms", "A one-time sign-in code by text message.", true),
            ("New login alert (push)", "login_alert_push", "push", "A push notification when someone signs in from a new device.", true),
            ("Magic link sign-in", "magic_link", "email", "A passwordless sign-in link, valid for 15 minutes.", true),
            ("Invoice paid", "invoice_paid", "email", "A PDF invoice after a successful payment.", false),
            ("Team invitation", "team_invitation", "email", "Invites a colleague to join an account.", false),
        ]
        return blueprints.enumerated().map { offset, blueprint in
            let (name, trigger, channel, description, toUnsubscribed) = blueprint
            var rng = SplitMix64(seed: SplitMix64.hash(context.seed, 0x7A45, UInt64(offset)))
            let id = offset + 1
            let created = context.anchor - (200 + rng.below(400)) * 86_400
            let type = channel == "sms" ? "twilio" : channel
            let sender = context.sender(for: type, rng: &rng)
            let languages = rng.chance(0.4) ? ["", "de", "fr"] : [""]
            let subject = channel == "email" ? "Your \(name.lowercased())" : name
            let contents: [ContentRecord] = languages.map { language in
                ContentRecord(
                    id: context.nextContentID(), ownerID: id, name: name, type: channel == "sms" ? "twilio" : channel,
                    subject: subject, body: MessageCopy.body(subject: subject, type: type), fromID: sender.id,
                    from: sender.address, replyTo: channel == "email" ? "support@lumenapp.io" : nil,
                    recipient: MessageCopy.recipient(type: type), language: language, created: created, updated: created + 7_200
                )
            }
            var profile = SeriesGenerator.profile(volume: max(1, Double(context.customerCount) * (0.002 + rng.unit() * 0.02)), days: context.days, rng: &rng)
            profile.trend = 0.2
            let series = SeriesGenerator(firstDay: context.firstDay, days: context.days).make(profile, rng: &rng)
            return TemplateRecord(
                id: id, name: name, triggerName: trigger, description: description, channel: channel,
                sendToUnsubscribed: toUnsubscribed, linkTracking: channel == "email" && rng.chance(0.6), openTracking: channel == "email",
                hideMessageBody: trigger == "password_reset" || trigger == "two_factor_sms" || trigger == "magic_link",
                queueDrafts: false, created: created, updated: created + rng.below(100) * 86_400,
                contents: contents, plan: series, links: channel == "email" ? context.makeLinks(count: 2, topic: name, rng: &rng) : []
            )
        }
    }
}

extension MessagingCatalog {
    /// The earlier API triggers of each broadcast, one per day its series shows a send.
    static func pastTriggers(broadcasts: [BroadcastRecord], firstDay: Int) -> [TriggerRecord] {
        var moments: [(broadcastID: Int, createdAt: Int)] = []
        for broadcast in broadcasts {
            for day in burstDays(of: broadcast) {
                moments.append((broadcast.id, firstDay + day * 86_400 + 9 * 3_600 + (broadcast.id * 97) % 3_600))
            }
        }
        moments.sort { ($0.createdAt, $0.broadcastID) < ($1.createdAt, $1.broadcastID) }
        return moments.enumerated().map { index, moment in
            TriggerRecord(
                id: index + 1, broadcastID: moment.broadcastID, createdAt: moment.createdAt, processedAt: moment.createdAt + 42,
                processAfter: 0, audience: [], errors: (index + 1) % 4 == 0 ? ["customer not found: email=old.address@example.com"] : []
            )
        }
    }
}
