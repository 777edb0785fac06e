/// JSON shapes for campaigns, broadcasts, newsletters, templates and their actions and contents.
enum CampaignWire {
    static func campaign(_ campaign: CampaignRecord) -> SandboxJSON {
        var pairs: [(String, SandboxJSON)] = [
            ("id", .int(campaign.id)),
            ("deduplicate_id", .string("\(campaign.id):\(campaign.updated)")),
            ("name", .string(campaign.name)),
            ("type", .string(campaign.type)),
            ("created", .int(campaign.created)),
            ("updated", .int(campaign.updated)),
            ("active", .bool(campaign.state == "running")),
            ("state", .string(campaign.state)),
            ("actions", .array(campaign.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) })),
            ("tags", .strs(campaign.tags)),
            ("created_by", .string(campaign.createdBy)),
            ("filter_segment_ids", .ints(campaign.filterSegmentIDs)),
            ("trigger_segment_ids", .ints(campaign.triggerSegmentIDs)),
            ("msg_templates", .array(campaign.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) })),
        ]
        pairs.append("first_started", ifPresent: campaign.firstStarted)
        switch campaign.type {
        case "event":
            pairs.append("event_name", ifPresent: campaign.eventName)
        case "date":
            pairs.append(("frequency", .string("yearly")))
            pairs.append("date_attribute", ifPresent: campaign.dateAttribute)
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
    static func action(_ action: ActionRecord, parentKey: String, language: String? = nil) -> SandboxJSON {
        var pairs: [(String, SandboxJSON)] = [
            ("id", .int(action.id)),
            (parentKey, .int(action.parentID)),
        ]
        if parentKey == "campaign_id" { pairs.append("parent_action_id", ifPresent: action.parentActionID) }
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
        ]
        pairs.append("reply_to", ifPresent: action.replyTo)
        pairs.append("reply_to_id", ifPresent: action.replyToID)
        pairs += [
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
            pairs.append("method", ifPresent: action.method)
        }
        return .obj(pairs)
    }

    static func broadcast(_ broadcast: BroadcastRecord) -> SandboxJSON {
        var pairs: [(String, SandboxJSON)] = [
            ("id", .int(broadcast.id)),
            ("deduplicate_id", .string("\(broadcast.id):\(broadcast.updated)")),
            ("name", .string(broadcast.name)),
            ("type", .string("triggered_broadcast")),
            ("created", .int(broadcast.created)),
            ("updated", .int(broadcast.updated)),
            ("created_by", .string(broadcast.createdBy)),
            ("active", .bool(broadcast.state == "running")),
            ("state", .string(broadcast.state)),
            ("actions", .array(broadcast.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) })),
            ("msg_template_ids", .array(broadcast.actions.map { .obj(["id": .int($0.id), "type": .string($0.type)]) })),
        ]
        pairs.append("first_started", ifPresent: broadcast.firstStarted)
        pairs.append(("tags", .strs(broadcast.tags)))
        return .obj(pairs)
    }

    static func newsletter(_ newsletter: NewsletterRecord) -> SandboxJSON {
        var pairs: [(String, SandboxJSON)] = [
            ("id", .int(newsletter.id)),
            ("deduplicate_id", .string("\(newsletter.id):\(newsletter.updated)")),
            ("name", .string(newsletter.name)),
            ("type", .string(newsletter.type)),
            ("content_ids", .ints(newsletter.contents.map(\.id))),
        ]
        pairs.append("sent_at", ifPresent: newsletter.sentAt)
        pairs += [
            ("created", .int(newsletter.created)),
            ("updated", .int(newsletter.updated)),
            ("tags", .strs(newsletter.tags)),
            ("recipient_segment_ids", .ints(newsletter.recipientSegmentIDs)),
        ]
        pairs.append("subscription_topic_id", ifPresent: newsletter.subscriptionTopicID)
        return .obj(pairs)
    }

    /// A newsletter content (`ownerKey` = `newsletter_id`) or a transactional content (`ownerKey` = nil).
    static func content(_ content: ContentRecord, ownerKey: String?, language: String? = nil) -> SandboxJSON {
        var pairs: [(String, SandboxJSON)] = [("id", .int(content.id))]
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

    static func template(_ template: TemplateRecord) -> SandboxJSON {
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

    /// `{"metric":{"series":{…}}}` for the given metrics from counts indexed by `Metric.rawValue`.
    static func series(_ counts: [[Int]], metrics: [Metric]) -> SandboxJSON {
        let pairs = metrics.map { metric -> (String, SandboxJSON) in (metric.key, .ints(counts[metric.rawValue])) }
        return .obj(["metric": .obj(["series": .obj(pairs)])])
    }

    /// `{"links":[{"link":{"id","href"},"metric":{"series":{"clicked":[…]}}}]}`, every link listed, clicked or not.
    static func links(_ links: [LinkRecord], clicks: [Int32: [Int]], buckets: Int) -> SandboxJSON {
        .obj(["links": .array(links.map { link in
            .obj([
                "link": .obj(["id": .int(link.id), "href": .string(link.href)]),
                "metric": .obj(["series": .obj(["clicked": .ints(clicks[Int32(link.id)] ?? Array(repeating: 0, count: buckets))])]),
            ])
        })])
    }
}
