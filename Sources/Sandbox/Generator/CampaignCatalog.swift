import Foundation

/// Campaigns ("automations") of every trigger type, with message actions, links and 90 days of daily metrics.
enum CampaignCatalog {
    /// The shape of one campaign before numbers are attached.
    private struct Blueprint {
        let name: String
        let type: String
        let tags: [String]
        let trigger: String?  // event name, date attribute or nothing
        let channels: String  // one letter per action: e=email p=push s=sms w=webhook k=slack i=in_app
        let segments: [Int]
    }

    private static let blueprints: [Blueprint] = [
        .init(name: "Welcome series", type: "segment", tags: ["onboarding"], trigger: nil, channels: "eeeep", segments: [SegmentCatalog.freeUsers]),
        .init(name: "Onboarding: day 3 tips", type: "event", tags: ["onboarding"], trigger: "signed_up", channels: "ee", segments: []),
        .init(name: "Trial ending reminder", type: "date", tags: ["lifecycle", "billing"], trigger: "trial_ends_at", channels: "eps", segments: []),
        .init(name: "Abandoned cart", type: "event", tags: ["ecommerce", "revenue"], trigger: "added_to_cart", channels: "epe", segments: []),
        .init(name: "Win-back after 30 days", type: "segment", tags: ["retention"], trigger: nil, channels: "ee", segments: [SegmentCatalog.paying]),
        .init(name: "Upgrade to Pro nudge", type: "segment", tags: ["revenue", "plan"], trigger: nil, channels: "eep", segments: [SegmentCatalog.freeUsers]),
        .init(name: "Birthday greeting", type: "date", tags: ["lifecycle"], trigger: "birthday", channels: "e", segments: []),
        .init(name: "Renewal reminder", type: "date", tags: ["billing"], trigger: "renews_at", channels: "ees", segments: [SegmentCatalog.paying]),
        .init(name: "NPS survey", type: "form", tags: ["feedback"], trigger: nil, channels: "e", segments: []),
        .init(name: "Webinar registration follow-up", type: "form", tags: ["events"], trigger: nil, channels: "eew", segments: []),
        .init(name: "Password changed alert", type: "event", tags: ["security"], trigger: "password_changed", channels: "ep", segments: []),
        .init(name: "Order shipped", type: "event", tags: ["ecommerce"], trigger: "order_shipped", channels: "eps", segments: []),
        .init(name: "Review request", type: "event", tags: ["ecommerce", "feedback"], trigger: "order_delivered", channels: "e", segments: []),
        .init(name: "Re-engagement", type: "segment", tags: ["retention"], trigger: nil, channels: "epe", segments: [SegmentCatalog.freeUsers]),
        .init(name: "Feature announcement: dashboards", type: "segment", tags: ["product"], trigger: nil, channels: "ei", segments: [SegmentCatalog.paying]),
        .init(name: "Churn risk outreach", type: "segment", tags: ["retention", "sales"], trigger: nil, channels: "ewk", segments: [SegmentCatalog.enterprise]),
        .init(name: "Payment failed", type: "event", tags: ["billing"], trigger: "payment_failed", channels: "eesw", segments: []),
        .init(name: "Invoice available", type: "event", tags: ["billing"], trigger: "invoice_created", channels: "e", segments: []),
        .init(name: "Referral program", type: "segment", tags: ["growth"], trigger: nil, channels: "ee", segments: [SegmentCatalog.proPlan]),
        .init(name: "Loyalty tier upgrade", type: "event", tags: ["loyalty"], trigger: "tier_changed", channels: "ep", segments: []),
        .init(name: "Inactive user sweep", type: "segment", tags: ["hygiene"], trigger: nil, channels: "ew", segments: [SegmentCatalog.unsubscribed]),
        .init(name: "Lead nurture (B2B)", type: "segment", tags: ["sales", "b2b"], trigger: nil, channels: "eeeeeeeeeeee", segments: [SegmentCatalog.enterprise]),
        .init(name: "Event reminder", type: "date", tags: ["events"], trigger: "event_starts_at", channels: "eps", segments: []),
        .init(name: "Sign-up anniversary", type: "date", tags: ["lifecycle"], trigger: "created_at", channels: "e", segments: []),
        .init(name: "Contact form auto-reply", type: "form", tags: ["support"], trigger: nil, channels: "e", segments: []),
        .init(name: "Demo request follow-up", type: "form", tags: ["sales"], trigger: nil, channels: "eew", segments: []),
        .init(name: "CRM sync on sign-up", type: "webhook", tags: ["integrations"], trigger: nil, channels: "w", segments: []),
        .init(name: "Account plan changed", type: "object", tags: ["b2b"], trigger: nil, channels: "ew", segments: []),
        .init(name: "New teammate added to account", type: "relationship", tags: ["b2b", "onboarding"], trigger: nil, channels: "ep", segments: []),
        .init(name: "German onboarding (DE)", type: "segment", tags: ["onboarding", "geo"], trigger: nil, channels: "eee", segments: [SegmentCatalog.germany]),
        .init(name: "SMS appointment reminders", type: "event", tags: ["sms"], trigger: "appointment_booked", channels: "ss", segments: [SegmentCatalog.reachableBySMS]),
        .init(name: "Push: streak reminder", type: "event", tags: ["mobile"], trigger: "streak_at_risk", channels: "pp", segments: []),
        .init(name: "Usage report (weekly)", type: "date", tags: ["product"], trigger: "report_day", channels: "e", segments: [SegmentCatalog.paying]),
        .init(name: "Price increase notice", type: "segment", tags: ["billing"], trigger: nil, channels: "e", segments: [SegmentCatalog.proPlan]),
        .init(name: "Beta feature invite", type: "segment", tags: ["product"], trigger: nil, channels: "ep", segments: [SegmentCatalog.betaTesters]),
        .init(name: "VIP concierge check-in", type: "segment", tags: ["sales"], trigger: nil, channels: "ek", segments: [SegmentCatalog.vipAccounts]),
        .init(name: "Escalation follow-up", type: "segment", tags: ["support"], trigger: nil, channels: "ee", segments: [SegmentCatalog.supportEscalations]),
        .init(name: "French newsletter opt-in", type: "segment", tags: ["language"], trigger: nil, channels: "e", segments: [SegmentCatalog.frenchSpeakers]),
        .init(name: "Cart recovery (SMS)", type: "event", tags: ["ecommerce", "sms"], trigger: "added_to_cart", channels: "s", segments: []),
        .init(name: "App update available", type: "event", tags: ["mobile"], trigger: "app_version_outdated", channels: "pi", segments: []),
        .init(name: "Holiday gift guide drip", type: "segment", tags: ["seasonal", "revenue"], trigger: nil, channels: "eeeeeeeeeeeeee", segments: [SegmentCatalog.paying]),
        .init(name: "Security key reminder", type: "event", tags: ["security"], trigger: "signed_in_without_2fa", channels: "e", segments: []),
        .init(name: "Q4 planning workshop", type: "form", tags: ["events"], trigger: nil, channels: "ee", segments: []),
        .init(name: "Data export ready", type: "event", tags: ["product"], trigger: "export_finished", channels: "e", segments: []),
    ]

    static let authors = ["maya@lumenapp.io", "tom@lumenapp.io", "priya@lumenapp.io", "li.wei@lumenapp.io", "jörg@lumenapp.io"]

    /// The catalog's campaigns; with `count` above the catalog's size, more are made from the same blueprints
    /// (named "… 2", "… 3"), for benchmarks that need a long list.
    static func campaigns(context: inout CatalogContext, count: Int = 0) -> [CampaignRecord] {
        var result: [CampaignRecord] = []
        for offset in 0..<max(count, blueprints.count) {
            let base = blueprints[offset % blueprints.count]
            let round = offset / blueprints.count
            let blueprint = round == 0 ? base : Blueprint(name: "\(base.name) \(round + 1)", type: base.type, tags: base.tags, trigger: base.trigger, channels: base.channels, segments: base.segments)
            var rng = SplitMix64(seed: SplitMix64.hash(context.seed, 0xCA4A, UInt64(offset)))
            let id = offset + 1
            let roll = rng.unit()
            // The first few are always running so the demo opens on a lively list.
            let state = offset < 6 ? "running" : roll < 0.62 ? "running" : roll < 0.8 ? "draft" : "stopped"
            let createdDaysAgo = 30 + rng.below(500)
            let created = context.anchor - createdDaysAgo * 86_400 - rng.below(86_400)
            let days = context.days
            var activeStart = max(0, days - createdDaysAgo)
            var activeEnd = days
            if state == "stopped" { activeEnd = max(activeStart + 1, days - 5 - rng.below(40)) }
            if state == "draft" { activeStart = days; activeEnd = days }
            let firstStarted: Int? = state == "draft" ? nil : created + rng.below(5) * 86_400

            // Typical weekday volume scales with the workspace, from a trickle to a few percent of everyone.
            let rate = 0.0004 * pow(40, rng.unit())
            var profile = SeriesGenerator.profile(volume: Double(context.customerCount) * rate, days: days, rng: &rng)
            profile.activeDays = activeStart ..< max(activeStart, activeEnd)
            let series = SeriesGenerator(firstDay: context.firstDay, days: days).make(profile, rng: &rng)

            let actions = makeActions(blueprint: blueprint, campaignID: id, created: created, state: state, context: &context, rng: &rng)
            let links = context.makeLinks(count: 2 + rng.below(3), topic: blueprint.name, rng: &rng)
            let triggerSegments = blueprint.type == "segment" ? blueprint.segments : []
            var filterSegments = blueprint.type == "segment" ? [] : blueprint.segments
            if blueprint.tags.contains("revenue") || blueprint.tags.contains("retention") {
                filterSegments.append(SegmentCatalog.paying == blueprint.segments.first ? SegmentCatalog.hasPhone : SegmentCatalog.unitedStates)
            }
            result.append(CampaignRecord(
                id: id, name: blueprint.name, type: blueprint.type, state: state, created: created,
                updated: created + rng.below(max(1, createdDaysAgo)) * 86_400, firstStarted: firstStarted, tags: blueprint.tags,
                actions: actions, triggerSegmentIDs: triggerSegments, filterSegmentIDs: filterSegments,
                eventName: blueprint.type == "event" ? blueprint.trigger : nil,
                dateAttribute: blueprint.type == "date" ? blueprint.trigger : nil,
                plan: series, links: links, createdBy: authors[rng.below(authors.count)]
            ))
        }
        return result
    }

    private static func makeActions(
        blueprint: Blueprint, campaignID: Int, created: Int, state: String, context: inout CatalogContext, rng: inout SplitMix64
    ) -> [ActionRecord] {
        let letters = Array(blueprint.channels)
        // Earlier steps reach more people than later ones (people convert or exit along the way).
        let raw = letters.indices.map { pow(0.8, Double($0)) }
        let total = raw.reduce(0, +)
        var previous: Int?
        return letters.enumerated().map { index, letter in
            let type: String
            switch letter {
            case "p": type = "push"
            case "s": type = "twilio"
            case "w": type = "webhook"
            case "k": type = "slack"
            case "i": type = "in_app"
            default: type = "email"
            }
            let id = context.nextActionID()
            let step = index + 1
            let sender = context.sender(for: type, rng: &rng)
            let subject = MessageCopy.subject(campaign: blueprint.name, step: step, type: type)
            let action = ActionRecord(
                id: id, parentID: campaignID, parentActionID: previous, name: MessageCopy.actionName(type: type, step: step, campaign: blueprint.name),
                type: type, sendingState: state == "draft" ? "draft" : (rng.chance(0.08) ? "draft" : "automatic"),
                subject: subject, body: MessageCopy.body(subject: subject, type: type),
                fromID: sender.id, from: sender.address, replyToID: type == "email" ? 2 : nil, replyTo: type == "email" ? "support@lumenapp.io" : nil,
                recipient: MessageCopy.recipient(type: type), language: "", created: created, updated: created + rng.below(30) * 86_400,
                url: type == "webhook" ? "https://hooks.lumenapp.io/cio/\(campaignID)/\(id)" : (type == "slack" ? "https://hooks.slack.com/services/T000/B000/\(id)" : nil),
                method: type == "webhook" || type == "slack" ? "POST" : nil,
                weight: raw[index] / total
            )
            previous = id
            return action
        }
    }
}
