/// JSON shapes for campaigns, broadcasts, newsletters, templates and their actions and contents.
enum CampaignWire {
    static func campaign(_ campaign: CampaignRecord) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .int(campaign.id)),
            ("deduplicate_id", .string("\(campaign.id):\(campaign.updated)")),
            ("name", .string(campaign.name)),
            ("type", .string(campaign.type)),
            ("created", .int(campaign.created)),
            ("updated", .int(campaign.updated)),
            ("active", .bool(campaign.state == "running")),
            ("state", .string(campaign.state)),
            ("actions", .array(campaign.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) })),
            ("first_started", .num(campaign.firstStarted)),
            ("tags", .strs(campaign.tags)),
            ("created_by", .string(campaign.createdBy)),
            ("filter_segment_ids", .ints(campaign.filterSegmentIDs)),
            ("trigger_segment_ids", .ints(campaign.triggerSegmentIDs)),
            ("msg_templates", .array(campaign.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) })),
        ]
        switch campaign.type {
        case "event":
            pairs.append(("event_name", .str(campaign.eventName)))
        case "date":
            pairs.append(("frequency", .string("yearly")))
            pairs.append(("date_attribute", .str(campaign.dateAttribute)))
            pairs.append(("timezone", .string("America/New_York")))
            pairs.append(("use_customer_timezone", .bool(true)))
            pairs.append(("start_hour", .int(9)))
            pairs.append(("start_minutes", .int(0)))
        case "relationship", "object":
            pairs.append(("object_type_id", .int(1)))
        case "webhook":
            pairs.append(("webhook_id", .int(campaign.id * 10 + 1)))
        default:
            break
        }
        return .obj(pairs)
    }

    /// A campaign or broadcast action; `parentKey` is `campaign_id` or `broadcast_id`.
    static func action(_ action: ActionRecord, parentKey: String, language: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .int(action.id)),
            (parentKey, .int(action.parentID)),
        ]
        if parentKey == "campaign_id" { pairs.append(("parent_action_id", .num(action.parentActionID))) }
        pairs += [
            ("deduplicate_id", .string("\(action.id):\(action.updated)")),
            ("name", .string(action.name)),
            ("layout", .string(action.type == "email" ? "<html><body>{{ content }}</body></html>" : "")),
            ("created", .int(action.created)),
            ("updated", .int(action.updated)),
            ("body", .string(action.body)),
            ("body_amp", .string("")),
            ("language", .string(language ?? action.language)),
            ("type", .string(action.type)),
            ("sending_state", .string(action.sendingState)),
            ("from", .string(action.from)),
            ("from_id", .int(action.fromID)),
            ("reply_to", .str(action.replyTo)),
            ("reply_to_id", .num(action.replyToID)),
            ("preprocessor", .string("premailer")),
            ("recipient", .string(action.recipient)),
            ("subject", .string(action.subject)),
            ("bcc", .string("")),
            ("fake_bcc", .bool(false)),
            ("preheader_text", .string("")),
            ("headers", .obj([])),
        ]
        if let url = action.url {
            pairs.append(("url", .string(url)))
            pairs.append(("method", .str(action.method)))
        }
        return .obj(pairs)
    }

    static func broadcast(_ broadcast: BroadcastRecord) -> JSONValue {
        .obj([
            "id": .int(broadcast.id),
            "deduplicate_id": .string("\(broadcast.id):\(broadcast.updated)"),
            "name": .string(broadcast.name),
            "type": .string("triggered_broadcast"),
            "created": .int(broadcast.created),
            "updated": .int(broadcast.updated),
            "created_by": .string(broadcast.createdBy),
            "active": .bool(broadcast.state == "running"),
            "state": .string(broadcast.state),
            "actions": .array(broadcast.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) }),
            "msg_template_ids": .array(broadcast.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) }),
            "first_started": .num(broadcast.firstStarted),
            "tags": .strs(broadcast.tags),
        ])
    }

    static func newsletter(_ newsletter: NewsletterRecord) -> JSONValue {
        .obj([
            "id": .int(newsletter.id),
            "deduplicate_id": .string("\(newsletter.id):\(newsletter.updated)"),
            "name": .string(newsletter.name),
            "type": .string(newsletter.type),
            "content_ids": .ints(newsletter.contents.map(\.id)),
            "sent_at": .num(newsletter.sentAt),
            "created": .int(newsletter.created),
            "updated": .int(newsletter.updated),
            "tags": .strs(newsletter.tags),
            "recipient_segment_ids": .ints(newsletter.recipientSegmentIDs),
            "subscription_topic_id": .num(newsletter.subscriptionTopicID),
        ])
    }

    /// A newsletter content (`ownerKey` = `newsletter_id`) or a transactional content (`ownerKey` = nil).
    static func content(_ content: ContentRecord, ownerKey: String?, language: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .int(content.id))]
        if let ownerKey { pairs.append((ownerKey, .int(content.ownerID))) }
        pairs += [
            ("deduplicate_id", .string("\(content.id):\(content.updated)")),
            ("name", .string(content.name)),
            ("created", .int(content.created)),
            ("updated", .int(content.updated)),
            ("body", .string(content.body)),
            ("body_amp", .string("")),
            ("language", .string(language ?? content.language)),
            ("type", .string(content.type)),
            ("from", .string(content.from)),
            ("from_id", .int(content.fromID)),
            ("reply_to", .str(content.replyTo)),
            ("reply_to_id", content.replyTo == nil ? .null : .int(2)),
            ("preprocessor", .string("premailer")),
            ("recipient", .string(content.recipient)),
            ("subject", .string(content.subject)),
            ("bcc", .string("")),
            ("fake_bcc", .bool(false)),
            ("preheader_text", .string("")),
            ("headers", .obj([])),
        ]
        if ownerKey != nil { pairs.append(("layout", .string("<html><body>{{ content }}</body></html>"))) }
        return .obj(pairs)
    }

    static func template(_ template: TemplateRecord) -> JSONValue {
        .obj([
            "id": .int(template.id),
            "name": .string(template.name),
            "description": .string(template.description),
            "send_to_unsubscribed": .bool(template.sendToUnsubscribed),
            "link_tracking": .bool(template.linkTracking),
            "open_tracking": .bool(template.openTracking),
            "hide_message_body": .bool(template.hideMessageBody),
            "queue_drafts": .bool(template.queueDrafts),
            "created_at": .int(template.created),
            "updated_at": .int(template.updated),
        ])
    }

    /// `{"metric":{"series":{…}}}` for the given metrics and bucket boundaries.
    static func series(_ series: DailySeries, metrics: [Metric], boundaries: [Int], until: Int, extra: [(Metric, [Int])] = []) -> JSONValue {
        let pairs = metrics.map { metric -> (String, JSONValue) in
            var values = series.buckets(metric, boundaries: boundaries, until: until)
            if let added = extra.first(where: { $0.0 == metric })?.1 {
                values = zip(values, added).map { $0 + $1 }
            }
            return (metric.key, .ints(values))
        }
        return .obj(["metric": .obj(["series": .obj(pairs)])])
    }

    /// `{"links":[{"link":{"id","href"},"metric":{"series":{"clicked":[…]}}}]}`. Unique clicks are the people who
    /// clicked (the series' `clicked`), split over the links so that every bucket adds up exactly; all clicks count
    /// repeat clicks too, a quarter more.
    static func links(_ links: [LinkRecord], series: DailySeries, boundaries: [Int], until: Int, unique: Bool) -> JSONValue {
        let people = series.buckets(.clicked, boundaries: boundaries, until: until)
        let clicks = unique ? people : Self.runningRounded(people.map { Double($0) * 1.25 })
        let perLink = split(clicks, shares: links.map(\.share))
        return .obj(["links": .array(zip(links, perLink).map { link, counts in
            .obj([
                "link": .obj(["id": .int(link.id), "href": .string(link.href)]),
                "metric": .obj(["series": .obj(["clicked": .ints(counts)])]),
            ])
        })])
    }

    /// Splits each bucket's total over shares, carrying each share's remainder to the next bucket, so every bucket
    /// adds up exactly and a small share still gets its clicks over a window.
    static func split(_ totals: [Int], shares: [Double]) -> [[Int]] {
        var carry = Array(repeating: 0.0, count: shares.count)
        var result = Array(repeating: [Int](), count: shares.count)
        for total in totals {
            let wants = shares.indices.map { carry[$0] + Double(total) * shares[$0] }
            var given = wants.map { max(0, Int($0.rounded(.down))) }
            var left = total - given.reduce(0, +)
            let byRemainder = shares.indices.sorted { wants[$0] - Double(given[$0]) > wants[$1] - Double(given[$1]) }
            for index in byRemainder where left > 0 { given[index] += 1; left -= 1 }
            for index in byRemainder.reversed() where left < 0 && given[index] > 0 { given[index] -= 1; left += 1 }
            for index in shares.indices {
                carry[index] = wants[index] - Double(given[index])
                result[index].append(given[index])
            }
        }
        return result
    }

    /// Whole numbers from fractional ones, rounding the running total so the whole is kept.
    static func runningRounded(_ values: [Double]) -> [Int] {
        var running = 0.0
        var emitted = 0
        return values.map { value in
            running += value
            let rounded = Int(running.rounded())
            defer { emitted = rounded }
            return rounded - emitted
        }
    }
}
