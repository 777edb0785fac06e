/// `/v1/activities` and the per-person feed.
enum ActivityRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/activities", use: listActivities)
    }

    static func listActivities(_ request: RouteRequest) throws -> Reply {
        let exchange = request.exchange
        var customer: Int32?
        if let value = exchange.query["customer_id"], !value.isEmpty {
            guard let row = try request.app.store.resolve(value, idType: exchange.query["id_type"]) else {
                // An unknown person simply has no activity.
                return .json(.obj(["activities": .array([]), "next": .string("")]))
            }
            customer = Int32(row)
        }
        return try feed(request, customer: customer)
    }

    /// `documents400`: the operation documents a 400, so a `type` outside the spec's enum and a `limit` above its
    /// maximum are refused; elsewhere the type matches nothing and the limit is clamped.
    static func feed(_ request: RouteRequest, customer: Int32?, documents400: Bool = false) throws -> Reply {
        let (exchange, app) = (request.exchange, request.app)
        let limit = try exchange.limit(default: 10, max: 100, refusesAboveMaximum: documents400)
        let offset = Cursor.decode(exchange.query["start"], pastEnd: Int(Int32.max)) ?? 0
        let type = exchange.query["type"].flatMap { $0.isEmpty ? nil : $0 }
        if documents400, let type, !isKnownType(type) { throw APIFailure.badRequest("type \(type) is not an activity type") }
        let name = exchange.query["name"].flatMap { $0.isEmpty ? nil : $0 }
        let people = app.store.directory()
        let page = app.store.activityPage(customer: customer, type: type, name: name, offset: offset, limit: limit)
        return .json(.obj([
            "activities": .array(page.items.map { WorkspaceWire.activity($0, people: people, seed: app.data.seed) }),
            "next": .string(page.more ? Cursor.encode(offset + page.items.count) : ""),
        ]))
    }

    /// The activity types the spec's `type` enum lists. Object and relationship types carry the object type's id
    /// (`_o:<object_type_id>:create`), so those are matched with the id read as a placeholder.
    static let knownTypes: Set<String> = [
        "add_relationship", "anon_merge", "attempted_action", "attempted_email", "attempted_in_app",
        "attempted_push", "attempted_slack", "attempted_twilio", "attempted_webhook", "attribute_change",
        "bounced_action", "bounced_email", "bounced_push", "bounced_twilio", "clicked_action", "clicked_content",
        "clicked_email", "clicked_in_app", "clicked_push", "clicked_twilio", "clicked_webhook", "converted_action",
        "converted_content", "converted_email", "converted_in_app", "converted_slack", "converted_twilio",
        "converted_webhook", "deferred_action", "deferred_email", "deferred_in_app", "deferred_push",
        "deferred_slack", "deferred_twilio", "deferred_webhook", "delete_relationship", "delivered_action",
        "delivered_email", "delivered_push", "delivered_twilio", "device_change", "drafted_action", "drafted_email",
        "drafted_in_app", "drafted_push", "drafted_slack", "drafted_twilio", "drafted_webhook", "dropped_action",
        "dropped_email", "dropped_push", "dropped_twilio", "dropped_webhook", "event", "failed_action",
        "failed_attribute_change", "failed_batch_update", "failed_email", "failed_event", "failed_in_app",
        "failed_object_journeys", "failed_push", "failed_query_collection", "failed_slack", "failed_twilio",
        "failed_webhook", "opened_action", "opened_email", "opened_in_app", "opened_push", "page", "profile_create",
        "profile_delete", "profile_merge", "relationship_attribute_change", "relationship_failed_attribute_change",
        "screen", "sent_action", "sent_email", "sent_in_app", "sent_push", "sent_slack", "sent_twilio",
        "sent_webhook", "skipped_update", "spammed_email", "suppressed_twilio", "topic_unsubscribed_email",
        "undeliverable_action", "undeliverable_email", "undeliverable_in_app", "undeliverable_push",
        "undeliverable_slack", "undeliverable_twilio", "undeliverable_webhook", "unsubscribed_action",
        "unsubscribed_email", "viewed_content", "webhook_event",
    ]
    static let objectTypeSuffixes: Set<String> = ["add_relationship", "attribute_change", "create", "delete", "delete_relationship", "failed_attribute_change"]
    static let relationshipTypeSuffixes: Set<String> = ["attribute_change", "failed_attribute_change"]

    /// Whether `type` is one the spec lists; `_o:`/`_r:` types take any whole number (or the spec's placeholder).
    static func isKnownType(_ type: String) -> Bool {
        if knownTypes.contains(type) { return true }
        let parts = type.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1] == "<object_type_id>" || (!parts[1].isEmpty && parts[1].allSatisfy(\.isNumber)) else { return false }
        switch parts[0] {
        case "_o": return objectTypeSuffixes.contains(String(parts[2]))
        case "_r": return relationshipTypeSuffixes.contains(String(parts[2]))
        default: return false
        }
    }
}
