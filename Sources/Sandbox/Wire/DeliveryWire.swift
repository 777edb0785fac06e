/// JSON shapes for deliveries (messages), which vary slightly by endpoint in the vendor spec.
enum DeliveryWire {
    /// Which variant of the delivery object an endpoint returns.
    enum Shape {
        /// `/v1/messages`, campaign/broadcast/newsletter messages: with `customer_identifiers`.
        case full
        /// `/v1/customers/{id}/messages`: slimmer, no identifiers or parent action.
        case person
        /// `/v1/transactional/{id}/messages`: identifiers under `identifiers`.
        case transactional
    }

    static func delivery(_ delivery: DeliveryRecord, people: PeopleDirectory, shape: Shape) -> JSONValue {
        let row = Int(delivery.customer)
        let lastMetric = delivery.metrics.map(\.at).max() ?? delivery.created
        var pairs: [(String, JSONValue)] = [
            ("id", .string(delivery.id)),
            ("deduplicate_id", .string("\(delivery.id):\(lastMetric)")),
            ("msg_template_id", .int(delivery.templateID)),
            ("customer_id", .str(people.id(row))),
        ]
        switch shape {
        case .full: pairs.append(("customer_identifiers", PeopleWire.identifiers(people, row)))
        case .transactional: pairs.append(("identifiers", PeopleWire.identifiers(people, row)))
        case .person: break
        }
        pairs += [
            ("recipient", .string(delivery.recipient)),
            ("subject", .string(delivery.subject)),
            ("type", .string(delivery.type)),
            ("metrics", .obj(delivery.metrics.map { ($0.metric.key, JSONValue.int($0.at)) })),
            ("created", .int(delivery.created)),
            ("failure_message", .str(delivery.failureMessage)),
            ("campaign_id", .num(delivery.campaignID)),
            ("action_id", .num(delivery.actionID)),
        ]
        if shape == .full { pairs.append(("parent_action_id", .num(delivery.parentActionID))) }
        pairs += [
            ("newsletter_id", .num(delivery.newsletterID)),
            ("content_id", .num(delivery.contentID)),
            ("broadcast_id", .num(delivery.broadcastID)),
        ]
        if shape == .full { pairs.append(("trigger_event_id", .null)) }
        pairs.append(("forgotten", .bool(false)))
        return .obj(pairs)
    }

    static func archived(_ delivery: DeliveryRecord) -> JSONValue {
        let isHTTP = delivery.type == "webhook" || delivery.type == "slack"
        return .obj(["archived_message": .obj([
            "id": .string(delivery.id),
            "body": .string(delivery.body),
            "from": .string(isHTTP ? "" : delivery.from),
            "reply_to": .string(delivery.type == "email" ? "support@lumenapp.io" : ""),
            "recipient": .string(delivery.recipient),
            "subject": .string(delivery.subject),
            "bcc": .string(""),
            "fake_bcc": .bool(false),
            "preheader_text": .string(""),
            "url": .string(isHTTP ? delivery.recipient : ""),
            "request_method": .string(isHTTP ? "POST" : ""),
            "headers": .obj(isHTTP ? ["Content-Type": .string("application/json")] : [:]),
            "forgotten": .bool(false),
        ])])
    }
}
