/// JSON shapes for people, written from the vendor spec (not from the client's models).
enum PeopleWire {
    /// `{"email":…,"id":…,"cio_id":…}` (a person created by email alone has a null id, one without an email a null email).
    static func identifiers(_ people: PeopleDirectory, _ row: Int) -> SandboxJSON {
        .obj(["email": .str(people.email(row)), "id": .str(people.id(row)), "cio_id": .string(people.cioID(row))])
    }

    /// A page of people as search and segment membership answer it: `identifiers`, the bare `ids`, and `next`.
    static func identifierPage(_ page: (items: ArraySlice<Int32>, next: String?), people: PeopleDirectory) -> SandboxJSON {
        .obj([
            "identifiers": .array(page.items.map { identifiers(people, Int($0)) }),
            "ids": .array(page.items.map { .string(people.customers.id(Int($0))) }),
            "next": .string(page.next ?? ""),
        ])
    }

    /// The `customer` object of the attributes endpoints.
    static func customer(_ people: PeopleDirectory, _ row: Int) -> SandboxJSON {
        let attributes = people.attributes(row).map { ($0.key, SandboxJSON.string($0.value)) }
        let timestamps = people.timestamps(row).map { ($0.key, SandboxJSON.int($0.value)) }
        let devices = people.devices(row).map { device in
            SandboxJSON.obj(["id": .string(device.token), "last_used": .int(device.lastUsed), "platform": .string(device.platform)])
        }
        return .obj([
            "id": .str(people.id(row)),
            "identifiers": identifiers(people, row),
            "attributes": .obj(attributes),
            "timestamps": .obj(timestamps),
            "unsubscribed": .bool(people.isUnsubscribed(row)),
            "devices": .array(devices),
        ])
    }

    /// Subscription preferences: one entry per topic; unsubscribed people are out of everything. A preference set
    /// through `cio_subscription_preferences` wins over the topic's default.
    static func subscriptionPreferences(_ people: PeopleDirectory, _ row: Int, topics: [TopicRecord], language: String?) -> SandboxJSON {
        let unsubscribed = people.isUnsubscribed(row)
        let customers = people.customers
        let items = topics.map { topic -> SandboxJSON in
            // Generated people left a fifth of the topics' defaults; created ones start from the defaults.
            let flip = !people.isCreated(row) && SplitMix64.unit(SplitMix64.hash(customers.seed, UInt64(row), 0x70B1C, UInt64(topic.id))) < 0.2
            let chosen = people.topicPreference("topic_\(topic.id)", row) ?? (topic.subscribedByDefault != flip)
            return .obj([
                "id": .string("topic_\(topic.id)"), "name": .string(topic.name),
                "description": .string(topic.description), "subscribed": .bool(!unsubscribed && chosen),
            ])
        }
        let german = (language ?? people.language(row)).hasPrefix("de")
        return .obj(["customer": .obj([
            "id": .str(people.id(row)),
            "identifiers": identifiers(people, row),
            "topics": .array(items),
            "unsubscribed": .bool(unsubscribed),
            "header": .obj([
                "title": .string(german ? "Deine E-Mail-Einstellungen" : "Your email preferences"),
                "subtitle": .string(german ? "Wähle, was du von Lumen bekommst." : "Choose what you hear about from Lumen."),
            ]),
        ])])
    }

    /// A person's relationships to objects: generated people belong to their company's account, some to a project
    /// too; the Track and Pipelines APIs add and remove more.
    static func relationships(_ people: PeopleDirectory, _ row: Int) -> [SandboxJSON] {
        people.relationships(row).map { relationship in
            .obj([
                "object_type_id": .int(relationship.object.key.type),
                "identifiers": .obj(["object_id": .string(relationship.object.key.id), "cio_object_id": .string(relationship.object.cioObjectID)]),
                "attributes": .obj(relationship.attributes.map { ($0.key, SandboxJSON.string($0.value)) }),
                "timestamps": .obj(relationship.attributes.map { ($0.key, SandboxJSON.int(relationship.time)) }),
            ])
        }
    }
}
