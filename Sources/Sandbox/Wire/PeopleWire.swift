/// JSON shapes for people, written from the vendor spec (not from the client's models).
enum PeopleWire {
    /// `{"email":…,"id":…,"cio_id":…}`
    static func identifiers(_ customers: CustomerTable, _ row: Int) -> JSONValue {
        .obj(["email": .string(customers.email(row)), "id": .string(customers.id(row)), "cio_id": .string(customers.cioID(row))])
    }

    /// The `customer` object of the attributes endpoints.
    static func customer(_ customers: CustomerTable, _ row: Int) -> JSONValue {
        let attributes = customers.attributes(row).map { ($0.key, JSONValue.string($0.value)) }
        let timestamps = customers.timestamps(row).map { ($0.key, JSONValue.int($0.value)) }
        let devices = customers.devices(row).map { device in
            JSONValue.obj(["id": .string(device.id), "last_used": .int(device.lastUsed), "platform": .string(device.platform)])
        }
        return .obj([
            "id": .string(customers.id(row)),
            "identifiers": identifiers(customers, row),
            "attributes": .obj(attributes),
            "timestamps": .obj(timestamps),
            "unsubscribed": .bool(customers.isUnsubscribed(row)),
            "devices": .array(devices),
        ])
    }

    /// Subscription preferences: one entry per topic; unsubscribed people are out of everything.
    static func subscriptionPreferences(_ customers: CustomerTable, _ row: Int, topics: [TopicRecord], language: String?) -> JSONValue {
        let unsubscribed = customers.isUnsubscribed(row)
        let items = topics.map { topic -> JSONValue in
            let flip = SplitMix64.unit(SplitMix64.hash(customers.seed, UInt64(row), 0x70B1C, UInt64(topic.id))) < 0.2
            let subscribed = !unsubscribed && (topic.subscribedByDefault != flip)
            return .obj([
                "id": .string("topic_\(topic.id)"), "name": .string(topic.name),
                "description": .string(topic.description), "subscribed": .bool(subscribed),
            ])
        }
        let german = (language ?? customers.languageText(row)).hasPrefix("de")
        return .obj(["customer": .obj([
            "id": .string(customers.id(row)),
            "identifiers": identifiers(customers, row),
            "topics": .array(items),
            "unsubscribed": .bool(unsubscribed),
            "header": .obj([
                "title": .string(german ? "Deine E-Mail-Einstellungen" : "Your email preferences"),
                "subtitle": .string(german ? "Wähle, was du von Lumen bekommst." : "Choose what you hear about from Lumen."),
            ]),
        ])])
    }

    /// Relationships to account objects: people belong to their company's account, some to a project too.
    static func relationships(_ customers: CustomerTable, _ row: Int) -> [JSONValue] {
        let created = Int(customers.createdAt[row])
        return SandboxObjects.related(customers, row).map { object in
            var attributes: [(String, JSONValue)] = [("name", .string(SandboxObjects.name(object)))]
            if object.type == 1 { attributes.append(("role", .string(SandboxObjects.hash(customers, row) % 5 == 0 ? "admin" : "member"))) }
            return .obj([
                "object_type_id": .int(object.type),
                "identifiers": SandboxObjects.identifiers(object),
                "attributes": .obj(attributes),
                "timestamps": .obj(attributes.map { ($0.0, JSONValue.int(created)) }),
            ])
        }
    }
}
