/// JSON shapes for deliveries (messages), which vary slightly by endpoint in the vendor spec.
enum DeliveryWire {
    /// Which variant of the delivery object an endpoint returns.
    enum Shape {
        /// `/v1/messages`, campaign/broadcast/newsletter messages: with `customer_identifiers`.
        case full
        /// `/v1/customers/{id}/messages`: slimmer, no identifiers or parent action.
        case person
        /// `/v1/transactional/{id}/messages`: the same fields as `full` in the spec (kept apart for its callers).
        case transactional
    }

    static func delivery(_ delivery: DeliveryRecord, people: PeopleDirectory, shape: Shape) -> SandboxJSON {
        let row = Int(delivery.customer)
        let lastMetric = delivery.metrics.map(\.at).max() ?? delivery.created
        var pairs: [(String, SandboxJSON)] = [
            ("id", .string(delivery.id)),
            ("deduplicate_id", .string("\(delivery.id):\(lastMetric)")),
        ]
        // The spec spells the template id two ways: `msg_template_id` (a string) on a person's messages,
        // `message_template_id` (an integer) everywhere else; each list answers with its own spelling.
        if shape == .person {
            pairs += [("msg_template_id", .string(String(delivery.templateID))), ("customer_id", .str(people.id(row)))]
        } else {
            pairs += [
                ("message_template_id", .int(delivery.templateID)),
                ("customer_id", .str(people.id(row))),
                ("customer_identifiers", PeopleWire.identifiers(people, row)),
            ]
        }
        pairs += [
            ("recipient", .string(delivery.recipient)),
            ("subject", .string(delivery.subject)),
            ("type", .string(delivery.type)),
            ("metrics", .obj(delivery.metrics.map { ($0.metric.key, SandboxJSON.int($0.at)) })),
            ("created", .int(delivery.created)),
            ("failure_message", .str(delivery.failureMessage)),
        ]
        pairs += sourcePairs(delivery, shape: shape)
        if shape != .person { pairs.append(("trigger_event_id", .null)) }
        pairs.append(("forgotten", .bool(false)))
        return .obj(pairs)
    }

    /// Campaign, action, newsletter, content, broadcast and parent-action ids. A person's messages declare every
    /// one as a non-nullable integer, and the other lists `parent_action_id` and `content_id`, so a delivery without
    /// one leaves it out there; the other lists mark the rest nullable and get `null`.
    private static func sourcePairs(_ delivery: DeliveryRecord, shape: Shape) -> [(String, SandboxJSON)] {
        var pairs: [(String, SandboxJSON)] = []
        if shape == .person {
            pairs.append("campaign_id", ifPresent: delivery.campaignID)
            pairs.append("action_id", ifPresent: delivery.actionID)
            pairs.append("newsletter_id", ifPresent: delivery.newsletterID)
            pairs.append("content_id", ifPresent: delivery.contentID)
            pairs.append("broadcast_id", ifPresent: delivery.broadcastID)
            return pairs
        }
        pairs += [("campaign_id", .num(delivery.campaignID)), ("action_id", .num(delivery.actionID))]
        pairs.append("parent_action_id", ifPresent: delivery.parentActionID)
        pairs.append(("newsletter_id", .num(delivery.newsletterID)))
        pairs.append("content_id", ifPresent: delivery.contentID)
        pairs.append(("broadcast_id", .num(delivery.broadcastID)))
        return pairs
    }

    static func archived(_ delivery: DeliveryRecord) -> SandboxJSON {
        let isHTTP = delivery.type == "webhook" || delivery.type == "slack"
        var pairs: [(String, SandboxJSON)] = [
            ("id", .string(delivery.id)),
            ("body", .string(delivery.body)),
            ("from", .string(isHTTP ? "" : delivery.from)),
            ("reply_to", .string(delivery.type == "email" ? "support@lumenapp.io" : "")),
            ("recipient", .string(delivery.recipient)),
            ("subject", .string(delivery.subject)),
            ("bcc", .string("")),
            ("fake_bcc", .bool(false)),
            ("preheader_text", .string("")),
            ("url", .string(isHTTP ? delivery.recipient : "")),
        ]
        // `request_method` is an enum of HTTP verbs in the spec: a message sent without a request leaves it out.
        if isHTTP { pairs.append(("request_method", .string("POST"))) }
        pairs += [
            ("headers", .obj(isHTTP ? ["Content-Type": .string("application/json")] : [:])),
            ("forgotten", .bool(false)),
        ]
        return .obj(["archived_message": .obj(pairs)])
    }
}
