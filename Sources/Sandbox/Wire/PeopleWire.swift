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
        let h = SplitMix64.hash(customers.seed, UInt64(row), 0x4E1A7)
        guard SplitMix64.unit(h) < 0.4 else { return [] }
        let company = Int(customers.company[row])
        let created = Int(customers.createdAt[row])
        var result: [JSONValue] = [.obj([
            "object_type_id": .int(1),
            "identifiers": .obj(["object_id": .string("acct_\(company + 1)"), "cio_object_id": .string(String(0xB100_0000 + company, radix: 16))]),
            "attributes": .obj(["name": .string(customers.companyText(row)), "role": .string(h % 5 == 0 ? "admin" : "member")]),
            "timestamps": .obj(["name": .int(created), "role": .int(created)]),
        ])]
        if h % 3 == 0 {
            let project = Int((h >> 20) % 500)
            result.append(.obj([
                "object_type_id": .int(2),
                "identifiers": .obj(["object_id": .string("proj_\(project + 1)"), "cio_object_id": .string(String(0xB200_0000 + project, radix: 16))]),
                "attributes": .obj(["name": .string("Project \(project + 1)")]),
                "timestamps": .obj(["name": .int(created)]),
            ]))
        }
        return result
    }
}
