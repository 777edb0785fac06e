import Foundation
import Testing
@testable import Sandbox

/// Track API v2 writes to people and objects, each read back through the App API.
@Suite struct TrackWriteRoutesTests {
    @Test func identifyChangesAndRemovesAttributes() async throws {
        try await withTrackSandbox { _, track in
            let before = try #require(try await track.attributes("42"))
            #expect(before["city"] != nil)
            let result = try await track.entity(#"{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{"plan":"enterprise","nickname":"Jo","seats":12,"vip":true,"city":null,"timezone":""}}"#)
            #expect(result.status == 200)
            #expect(result.text == "{}")
            let after = try #require(try await track.attributes("42"))
            #expect(after["plan"] == "enterprise")
            #expect(after["nickname"] == "Jo")
            #expect(after["seats"] == "12")
            #expect(after["vip"] == "true")
            #expect(after["city"] == nil)
            #expect(after["timezone"] == nil)
            #expect(after["first_name"] == before["first_name"], "attributes not named are kept")

            // An identify records the change in the person's activity.
            let changes = try await track.activities("42", query: "&type=attribute_change")
            #expect(changes.contains { (($0["data"] as? [String: Any])?["plan"] as? [String: Any])?["to"] as? String == "enterprise" })
        }
    }

    @Test func unsubscribedAndTopicPreferencesChangeTheSubscription() async throws {
        try await withTrackSandbox { _, track in
            let topicsBefore = try await track.topics("42")
            let firstTopic = try #require(topicsBefore["topic_1"] as Bool?)
            let set = #"{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{"unsubscribed":false,"cio_subscription_preferences":{"topics":{"topic_1":\#(!firstTopic)}},"cio_subscription_preferences.topics.topic_2":false}}"#
            #expect(try await track.entity(set).status == 200)
            let topics = try await track.topics("42")
            #expect(topics["topic_1"] == !firstTopic)
            #expect(topics["topic_2"] == false)

            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{"unsubscribed":true}}"#).status == 200)
            let customer = try #require(try await track.customer("42"))
            #expect(customer["unsubscribed"] as? Bool == true)
            #expect(try await track.topics("42").values.allSatisfy { !$0 }, "an unsubscribed person is out of every topic")

            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"42"},"action":"identify","attributes":{"unsubscribed":false}}"#).status == 200)
            #expect(try await track.customer("42")?["unsubscribed"] as? Bool == false)
        }
    }

    @Test func identifyOfSomeoneNewCreatesThemFoundByEveryIdentifier() async throws {
        try await withTrackSandbox { _, track in
            #expect(try await track.customer("ext-77") == nil)
            let created = try await track.entity(#"{"type":"person","identifiers":{"id":"ext-77"},"action":"identify","attributes":{"email":"new.person@example.com","plan":"pro"}}"#)
            #expect(created.status == 200)
            let customer = try #require(try await track.customer("ext-77"))
            let identifiers = try #require(customer["identifiers"] as? [String: Any])
            #expect(identifiers["email"] as? String == "new.person@example.com")
            let cioID = try #require(identifiers["cio_id"] as? String)
            #expect(try await track.attributes(cioID, idType: "cio_id")?["plan"] == "pro")
            #expect(try await track.attributes("new.person@example.com", idType: "email")?["id"] == "ext-77")
            let byEmail = try await track.client.get("/v1/customers?email=new.person%40example.com")
            #expect((byEmail.json["results"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["ext-77"])

            // By email alone: a person with that email and no id.
            #expect(try await track.entity(#"{"type":"person","identifiers":{"email":"only.mail@example.com"},"action":"identify","attributes":{"first_name":"Ola"}}"#).status == 200)
            #expect(try await track.attributes("only.mail@example.com", idType: "email")?["first_name"] == "Ola")

            // `_update` never creates.
            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"ghost"},"action":"identify","attributes":{"_update":true,"plan":"pro"}}"#).status == 200)
            #expect(try await track.customer("ghost") == nil)
        }
    }

    @Test func aDeviceIsAddedThenDeleted() async throws {
        try await withTrackSandbox { _, track in
            func tokens() async throws -> [String] {
                (try await track.customer("42")?["devices"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            }
            let add = #"{"type":"person","identifiers":{"id":"42"},"action":"add_device","device":{"token":"tok-abc","platform":"ios","last_used":1700000000}}"#
            #expect(try await track.entity(add).status == 200)
            #expect(try await tokens().contains("tok-abc"))
            let device = (try await track.customer("42")?["devices"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "tok-abc" }
            #expect(device?["platform"] as? String == "ios")
            #expect(device?["last_used"] as? Int == 1_700_000_000)

            #expect(try await track.entity(#"{"type":"person","identifiers":{"id":"42"},"action":"delete_device","device":{"token":"tok-abc"}}"#).status == 200)
            #expect(try await !tokens().contains("tok-abc"))
        }
    }

    @Test func eventsPagesAndScreensShowInTheActivityFeeds() async throws {
        try await withTrackSandbox { _, track in
            let event = #"{"type":"person","identifiers":{"id":"42"},"action":"event","name":"plan_upgraded","attributes":{"from":"pro","to":"enterprise"}}"#
            #expect(try await track.entity(event).status == 200)
            let newest = try #require(try await track.activities("42").first)
            #expect(newest["type"] as? String == "event")
            #expect(newest["name"] as? String == "plan_upgraded")
            #expect((newest["data"] as? [String: Any])?["to"] as? String == "enterprise")
            let everyone = try await track.client.get("/v1/activities?limit=1")
            #expect((everyone.json["activities"] as? [[String: Any]])?.first?["name"] as? String == "plan_upgraded")

            let page = #"{"type":"person","identifiers":{"id":"42"},"action":"page","name":"https://lumen.example/pricing","timestamp":1600000000}"#
            #expect(try await track.entity(page).status == 200)
            let pages = try await track.activities("42", query: "&type=page&name=https%3A%2F%2Flumen.example%2Fpricing")
            #expect(pages.count == 1)
            #expect(pages.first?["timestamp"] as? Int == 1_600_000_000)

            let screen = #"{"type":"person","identifiers":{"id":"42"},"action":"screen","name":"Settings","id":"01HZY3K8Q0M5V7W9X2A4B6C8D0"}"#
            #expect(try await track.entity(screen).status == 200)
            let screens = try await track.activities("42", query: "&type=screen")
            #expect(screens.first?["name"] as? String == "Settings")
            #expect(screens.first?["id"] as? String == "01HZY3K8Q0M5V7W9X2A4B6C8D0", "the caller's id is the activity's")
        }
    }

    @Test func relationshipsShowOnBothSides() async throws {
        try await withTrackSandbox { _, track in
            let add = #"{"type":"person","identifiers":{"id":"42"},"action":"add_relationships","cio_relationships":[{"identifiers":{"object_type_id":"2","object_id":"proj_7"},"relationship_attributes":{"role":"owner"}}]}"#
            #expect(try await track.entity(add).status == 200)
            #expect(try await track.relatedObjects("42").contains("proj_7"))
            #expect(try await track.objectPeople(type: 2, id: "proj_7").contains("42"))
            let relationships = try await track.client.get("/v1/customers/42/relationships").json["cio_relationships"] as? [[String: Any]] ?? []
            let project = relationships.first { ($0["identifiers"] as? [String: Any])?["object_id"] as? String == "proj_7" }
            #expect((project?["attributes"] as? [String: Any])?["role"] as? String == "owner")

            let remove = #"{"type":"person","identifiers":{"id":"42"},"action":"delete_relationships","cio_relationships":[{"identifiers":{"object_type_id":"2","object_id":"proj_7"}}]}"#
            #expect(try await track.entity(remove).status == 200)
            #expect(try await !track.relatedObjects("42").contains("proj_7"))
            #expect(try await !track.objectPeople(type: 2, id: "proj_7").contains("42"))
        }
    }

    @Test func anObjectIsIdentifiedRelatedThenDeleted() async throws {
        try await withTrackSandbox { _, track in
            let identify = #"{"type":"object","identifiers":{"object_type_id":"2","object_id":"launch-2025"},"action":"identify","attributes":{"name":"Launch 2025","budget":5000},"cio_relationships":[{"identifiers":{"id":"7"},"relationship_attributes":{"role":"lead"}}]}"#
            #expect(try await track.entity(identify).status == 200)
            let object = try await track.client.get("/v1/objects/2/launch-2025/attributes")
            #expect(object.status == 200)
            let attributes = (object.json["object"] as? [String: Any])?["attributes"] as? [String: Any]
            #expect(attributes?["name"] as? String == "Launch 2025")
            #expect(attributes?["budget"] as? String == "5000")
            let found = try await track.client.post("/v1/objects", #"{"object_type_id":"2","filter":{"object_attribute":{"field":"name","operator":"eq","value":"Launch 2025"}}}"#)
            #expect(found.json["ids"] as? [String] == ["launch-2025"])
            #expect(try await track.objectPeople(type: 2, id: "launch-2025") == ["7"])
            #expect(try await track.relatedObjects("7").contains("launch-2025"))

            let delete = #"{"type":"object","identifiers":{"object_type_id":"2","object_id":"launch-2025"},"action":"delete"}"#
            #expect(try await track.entity(delete).status == 200)
            #expect(try await track.client.get("/v1/objects/2/launch-2025/attributes").status == 404)
            #expect(try await !track.relatedObjects("7").contains("launch-2025"))

            // A generated object can go too, with its people.
            var member: (person: String, account: String)?
            for id in 1 ... 40 where member == nil {
                if let account = try await track.relatedObjects(String(id)).first(where: { $0.hasPrefix("acct_") }) { member = (String(id), account) }
            }
            let (person, account) = try #require(member)
            #expect(try await track.objectPeople(type: 1, id: account).contains(person))
            #expect(try await track.entity(#"{"type":"object","identifiers":{"object_type_id":"1","object_id":"\#(account)"},"action":"delete"}"#).status == 200)
            #expect(try await track.client.get("/v1/objects/1/\(account)/attributes").status == 404)
            #expect(try await !track.relatedObjects(person).contains(account))
        }
    }

    @Test func anObjectTakesAndLosesPeople() async throws {
        try await withTrackSandbox { _, track in
            let add = #"{"type":"object","identifiers":{"object_type_id":"2","object_id":"proj_9"},"action":"add_relationships","cio_relationships":[{"identifiers":{"email":"\#(try await email(of: "12", track))"}}]}"#
            #expect(try await track.entity(add).status == 200)
            #expect(try await track.objectPeople(type: 2, id: "proj_9").contains("12"))
            let remove = #"{"type":"object","identifiers":{"object_type_id":"2","object_id":"proj_9"},"action":"delete_relationships","cio_relationships":[{"identifiers":{"id":"12"}}]}"#
            #expect(try await track.entity(remove).status == 200)
            #expect(try await !track.objectPeople(type: 2, id: "proj_9").contains("12"))
        }
    }

    private func email(of id: String, _ track: TrackCalls) async throws -> String {
        try #require(try await track.attributes(id)?["email"])
    }
}
