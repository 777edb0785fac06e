/// JSON shapes for exports, triggers, activities and the workspace's small lists.
enum WorkspaceWire {
    static func export(_ export: ExportRecord, status: ExportStatus) -> SandboxJSON {
        .obj([
            "id": .int(export.id),
            "user_id": .int(7),
            "user_email": .string("maya@lumenapp.io"),
            "total": .int(max(0, export.total)),
            "deduplicate_id": .string("\(export.id):\(export.createdAt)"),
            "type": .string(export.type),
            "failed": .bool(export.failed),
            "description": .string(export.description),
            "downloads": .int(export.downloads),
            "created_at": .int(export.createdAt),
            "updated_at": .int(export.createdAt),
            "status": .string(status.rawValue),
        ])
    }

    /// Trigger status: a bare object (no envelope), `processed_at` null until processed.
    static func trigger(_ trigger: TriggerRecord) -> SandboxJSON {
        .obj([
            "id": .int(trigger.id),
            "broadcast_id": .int(trigger.broadcastID),
            "created_at": .int(trigger.createdAt),
            "processed_at": .num(trigger.processedAt),
        ])
    }

    static func activity(_ item: SandboxWorkspace.ActivityItem, people: PeopleDirectory, seed: UInt64) -> SandboxJSON {
        let row = Int(item.customer)
        var pairs: [(String, SandboxJSON)] = [
            ("id", .string(activityID(item, seed: seed))),
            ("type", .string(item.type)),
            ("timestamp", .int(item.timestamp)),
            ("customer_id", .str(people.id(row))),
            ("customer_identifiers", PeopleWire.identifiers(people, row)),
        ]
        switch item {
        case .message(let delivery):
            pairs += messagePairs(delivery)
        case .recorded(let activity, let position, _):
            pairs += recordedPairs(activity, position: position, people: people, seed: seed)
        case .tracked(let activity):
            if let name = activity.name { pairs.append(("name", .string(name))) }
            // A page view's name is its URL, as in the generated ones.
            if activity.type == "page", let name = activity.name { pairs.append(("url", .string(name))) }
            pairs.append(("data", activity.data))
        }
        return .obj(pairs)
    }

    private static func messagePairs(_ delivery: DeliveryRecord) -> [(String, SandboxJSON)] {
        let deliveryType: String
        switch delivery.type {
        case "push": deliveryType = delivery.recipient.hasPrefix("fcm:") ? "android" : "ios"
        case "twilio": deliveryType = "phone"
        default: deliveryType = "email"
        }
        let opened: SandboxJSON = delivery.reached(.delivered) == nil ? .null : .bool(delivery.reached(.opened) != nil)
        return [
            ("delivery_id", .string(delivery.id)),
            ("delivery_type", .string(deliveryType)),
            ("data", .obj(["delivery_id": .string(delivery.id), "delivered": .num(delivery.reached(.delivered)), "opened": opened])),
        ]
    }

    private static func recordedPairs(_ activity: ActivityRecord, position: Int, people: PeopleDirectory, seed: UInt64) -> [(String, SandboxJSON)] {
        let h = SplitMix64.hash(seed, UInt64(position), 0xAC7)
        switch activity.kind {
        case .event:
            let name = ActivityGenerator.eventNames[Int(activity.nameIndex)]
            var data: [(String, SandboxJSON)] = []
            if name == "purchase" || name == "added_to_cart" {
                data = [("amount", .string("\(10 + h % 290).\(h % 90 + 10)")), ("currency", .string("USD")), ("sku", .string("SKU-\(1_000 + h % 9_000)"))]
            }
            return [("name", .string(name)), ("data", .obj(data))]
        case .page:
            let url = ActivityGenerator.pageURLs[Int(activity.nameIndex)]
            return [("name", .string(url)), ("url", .string(url)), ("data", .obj(["referrer": .string(h % 2 == 0 ? "https://www.google.com/" : "")]))]
        case .screen:
            return [("name", .string(ActivityGenerator.screenNames[Int(activity.nameIndex)])), ("data", .obj([]))]
        case .attributeChange:
            // Generated for the person it happened to (who may since have merged into someone else).
            let subject = Int(activity.customer)
            let field = ActivityGenerator.changedAttributes[Int(activity.nameIndex)]
            let now = people.customers.attribute(field, subject) ?? ""
            let before: String
            switch field {
            case "plan": before = CustomerTable.plans[max(0, Int(people.customers.plan[subject]) - 1)]
            case "last_seen": before = String(activity.timestamp - Int(h % 604_800))
            case "language": before = "en"
            default: before = ""
            }
            return [("data", .obj([(field, .obj(["from": .string(before), "to": .string(now)]))]))]
        }
    }

    /// ULID-looking ids (26 Crockford base32 characters), stable for the same activity.
    static func activityID(_ item: SandboxWorkspace.ActivityItem, seed: UInt64) -> String {
        if case .tracked(let activity) = item, let id = activity.id { return id }
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var milliseconds = UInt64(max(0, item.timestamp)) * 1_000
        var chars: [Character] = []
        for _ in 0 ..< 10 {
            chars.append(alphabet[Int(milliseconds & 31)])
            milliseconds >>= 5
        }
        chars.reverse()
        let salt: UInt64
        switch item {
        case .recorded(_, let position, _): salt = UInt64(position)
        case .message(let delivery): salt = 1 << 40 | UInt64(delivery.seq)
        case .tracked(let activity): salt = 1 << 41 | UInt64(activity.seq)
        }
        var random = SplitMix64.hash(seed, salt, 0x0111D)
        var random2 = SplitMix64.hash(seed, salt, 0x0111E)
        for index in 0 ..< 16 {
            if index < 12 {
                chars.append(alphabet[Int(random & 31)])
                random >>= 5
            } else {
                chars.append(alphabet[Int(random2 & 31)])
                random2 >>= 5
            }
        }
        return String(chars)
    }

    static func sender(_ sender: SenderIdentityRecord) -> SandboxJSON {
        .obj([
            "id": .int(sender.id),
            "deduplicate_id": .string("\(sender.id):\(sender.created)"),
            "name": .string(sender.name),
            "email": .string(sender.email),
            "address": .string(sender.address),
            "template_type": .string(sender.templateType),
            "auto_generated": .bool(sender.autoGenerated),
        ])
    }

    static func collection(_ collection: CollectionRecord) -> SandboxJSON {
        var schema: [String] = []
        for row in collection.rows { for (key, _) in row where !schema.contains(key) { schema.append(key) } }
        return .obj([
            "id": .int(collection.id),
            "name": .string(collection.name),
            "bytes": .int(content(collection).serialized().count),
            "rows": .int(collection.rows.count),
            "schema": .strs(schema.sorted()),
            "created_at": .int(collection.created),
            "updated_at": .int(collection.updated),
        ])
    }

    /// A collection's stored data: a bare JSON array of its rows.
    static func content(_ collection: CollectionRecord) -> SandboxJSON {
        .array(collection.rows.map { SandboxJSON.obj($0) })
    }

    static func snippet(_ snippet: SnippetRecord) -> SandboxJSON {
        .obj(["name": .string(snippet.name), "value": .string(snippet.value), "updated_at": .int(snippet.updatedAt)])
    }

    static func topic(_ topic: TopicRecord) -> SandboxJSON {
        .obj([
            "id": .int(topic.id),
            "identifier": .string("topic_\(topic.id)"),
            "name": .string(topic.name),
            "description": .string(topic.description),
            "subscribed_by_default": .bool(topic.subscribedByDefault),
        ])
    }
}
