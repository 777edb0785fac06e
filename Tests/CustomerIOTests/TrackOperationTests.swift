import CustomerIO
import Foundation
import Testing

/// Track v2 operations: every payload cio builds holds to the vendor's schema for its action (extracted from the
/// vendor's spec into Fixtures/track), the client-side rules refuse what the API would, in words, and batches split
/// under the vendor's size limits.
@Suite struct TrackOperationTests {
    /// Read once; never written after.
    nonisolated(unsafe) static let schemas: [String: Any] = {
        let url = Bundle.module.url(forResource: "Fixtures/track/v2-operations", withExtension: "json")!
        let root = (try? JSONSerialization.jsonObject(with: Data(contentsOf: url))) as? [String: Any]
        return root?["schemas"] as? [String: Any] ?? [:]
    }()

    /// Where a value breaks a schema (nil when it holds): required keys, types, enums, allOf / oneOf / anyOf.
    static func violation(_ value: Any, _ schema: [String: Any], at path: String = "$") -> String? {
        if let all = schema["allOf"] as? [[String: Any]] {
            for part in all { if let problem = violation(value, part, at: path) { return problem } }
        }
        if let one = schema["oneOf"] as? [[String: Any]] {
            // The vendor's people-side identifiers list branches that require nothing (any object would match all
            // three); read such a branch as "has its one key", as the spec's words say ("one of id, email, cio_id").
            let matches = one.filter { branch in
                guard violation(value, branch, at: path) == nil else { return false }
                guard branch["required"] == nil, let keys = (branch["properties"] as? [String: Any])?.keys, let object = value as? [String: Any] else { return true }
                return keys.contains { object[$0] != nil }
            }.count
            if matches != 1 { return "\(path): matches \(matches) of oneOf" }
        }
        if let any = schema["anyOf"] as? [[String: Any]], !any.contains(where: { violation(value, $0, at: path) == nil }) {
            return "\(path): matches none of anyOf"
        }
        if let type = schema["type"] as? String, !Self.isOfType(value, type) { return "\(path): not \(type)" }
        if let allowed = schema["enum"] as? [Any], !allowed.contains(where: { "\($0)" == "\(value)" }) { return "\(path): \(value) not in enum" }
        guard let object = value as? [String: Any] else {
            if let items = schema["items"] as? [String: Any], let array = value as? [Any] {
                for (index, item) in array.enumerated() { if let problem = violation(item, items, at: "\(path)[\(index)]") { return problem } }
            }
            return nil
        }
        for key in schema["required"] as? [String] ?? [] where object[key] == nil { return "\(path): missing \(key)" }
        for (key, sub) in schema["properties"] as? [String: [String: Any]] ?? [:] {
            if let inner = object[key], let problem = violation(inner, sub, at: "\(path).\(key)") { return problem }
        }
        return nil
    }

    static func isOfType(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean": return value is Bool
        case "integer": return (value as? NSNumber).map { $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": return value is NSNumber
        default: return true
        }
    }

    func check(_ operation: TrackOperation, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let schema = try #require(Self.schemas[name] as? [String: Any], "no schema \(name)", sourceLocation: sourceLocation)
        let value = try JSONSerialization.jsonObject(with: try operation.encoded())
        #expect(Self.violation(value, schema) == nil, "\(name): \(Self.violation(value, schema) ?? "")", sourceLocation: sourceLocation)
        #expect(TrackValidation.problem(operation) == nil, sourceLocation: sourceLocation)
    }

    static let jane = CustomerIdentifier.id("42")
    static let acme = TrackObjectRef(typeID: "1", id: "acme")

    @Test func everyPersonOperationHoldsToTheVendorSchema() throws {
        try check(.identify(Self.jane, attributes: ["plan": "pro", "score": 42, "nickname": .null, "_update": true]), against: "identify")
        try check(.delete(.email("jane@example.com")), against: "delete")
        try check(.suppress(.cioID("a3000001")), against: "suppress")
        try check(.unsuppress(Self.jane), against: "unsuppress")
        try check(.merge(primary: Self.jane, secondary: .email("old@example.com")), against: "merge")
        try check(.addDevice(Self.jane, TrackDevice(token: "abc", platform: .android, lastUsed: 1_764_000_000, attributes: ["app_version": "2.1"])), against: "add_device")
        try check(.deleteDevice(Self.jane, token: "abc"), against: "delete_device")
        try check(.addRelationships(Self.jane, [TrackRelationship(Self.acme, attributes: ["role": "admin"])]), against: "add_relationships")
        try check(.deleteRelationships(Self.jane, [TrackRelationship(Self.acme)]), against: "delete_relationships")
        try check(.event(Self.jane, TrackEvent(name: "purchased", data: ["sku": "A-1"], timestamp: 1_764_000_000, id: "01JDQ7Z0000000000000000000")), against: "event")
    }

    @Test func objectOperationsHoldToTheVendorSchema() throws {
        try check(.identifyObject(Self.acme, attributes: ["name": "Acme"], people: [TrackRelationship(Self.jane, attributes: ["role": "owner"])]), against: "object identify")
        try check(.deleteObject(Self.acme), against: "object delete")
    }

    @Test func theExactBodyOfAnAttributeEdit() throws {
        let body = String(decoding: try TrackOperation.identify(Self.jane, attributes: ["plan": "pro", "gone": .null]).encoded(), as: UTF8.self)
        #expect(body == #"{"action":"identify","attributes":{"gone":null,"plan":"pro"},"identifiers":{"id":"42"},"type":"person"}"#)
    }

    @Test func theSchemaCheckerCatchesABadShape() throws {
        // The checker itself must fail what the vendor would refuse, or the tests above prove nothing.
        let schema = try #require(Self.schemas["event"] as? [String: Any])
        let missingName: [String: Any] = ["type": "person", "action": "event", "identifiers": ["id": "42"]]
        #expect(Self.violation(missingName, schema) != nil)
        let twoIdentifiers: [String: Any] = ["type": "person", "action": "event", "name": "x", "identifiers": ["id": "42", "email": "a@b.co"]]
        #expect(Self.violation(twoIdentifiers, schema) != nil)
        let wrongAction: [String: Any] = ["type": "person", "action": "page", "name": "x", "identifiers": ["id": "42"]]
        #expect(Self.violation(wrongAction, schema) != nil)
    }

    @Test func clientSideRulesRefuseWhatTheAPIWouldWithTheField() {
        let long = String(repeating: "x", count: 1_001)
        let cases: [(TrackOperation, String)] = [
            (.identify(.id(""), attributes: ["a": "b"]), "identifiers.id"),
            (.identify(.id(String(repeating: "9", count: 151)), attributes: ["a": "b"]), "identifiers.id"),
            (.identify(.email("not-an-address"), attributes: ["a": "b"]), "identifiers.email"),
            (.identify(Self.jane, attributes: [:]), "attributes"),
            (.identify(Self.jane, attributes: ["bio": .string(long)]), "attributes.bio"),
            (.identify(Self.jane, attributes: [String(repeating: "n", count: 151): "v"]), "attributes.nnnnnnnnnnnnnnnnnnnn…"),
            (.identify(Self.jane, attributes: Dictionary(uniqueKeysWithValues: (0...300).map { ("a\($0)", JSONValue.number(1)) })), "attributes"),
            (.identify(Self.jane, attributes: ["cio_subscription_preferences.topics.topic_x": true]), "attributes.topic_x"),
            (.identify(Self.jane, attributes: ["cio_subscription_preferences.topics.topic_2": "no"]), "attributes.topic_2"),
            (.merge(primary: Self.jane, secondary: Self.jane), "secondary"),
            (.event(Self.jane, TrackEvent(name: "")), "name"),
            (.event(Self.jane, TrackEvent(name: String(repeating: "e", count: 101))), "name"),
            (.event(Self.jane, TrackEvent(name: "x", timestamp: 1_764_000_000_000)), "timestamp"),
            (.event(Self.jane, TrackEvent(name: "x", id: "not-a-ulid")), "id"),
            (.addDevice(Self.jane, TrackDevice(token: " ", platform: .ios)), "device.token"),
            (.addRelationships(Self.jane, []), "cio_relationships"),
            (.addRelationships(Self.jane, [TrackRelationship(TrackObjectRef(typeID: "accounts", id: "a"))]), "cio_relationships[0].identifiers.object_type_id"),
            (.identifyObject(TrackObjectRef(typeID: "0", id: "a"), attributes: [:], people: []), "identifiers.object_type_id"),
        ]
        for (operation, field) in cases {
            let problem = TrackValidation.problem(operation)
            #expect(problem?.field == field, "\(operation.action): \(String(describing: problem))")
        }
    }

    @Test func anEntityOver32kBIsRefused() {
        let attributes = Dictionary(uniqueKeysWithValues: (0..<40).map { ("a\($0)", JSONValue.string(String(repeating: "v", count: 900))) })
        #expect(TrackValidation.problem(.identify(Self.jane, attributes: attributes))?.field == "body")
        #expect(throws: TrackProblem.self) { try AppAPIClient.entityRequest(.identify(Self.jane, attributes: attributes)) }
    }

    @Test func theEntityRequestIsTheTrackV2Call() throws {
        let request = try AppAPIClient.entityRequest(.suppress(Self.jane))
        #expect(request.method == .post)
        #expect(request.displayPath == "/api/v2/entity")
        #expect(request.api == .track)
        #expect(request.safety == .write, "a write is never retried")
    }

    @Test func aThousandPeopleSplitUnder500kBAndKeepTheirOrder() throws {
        let bulky = String(repeating: "z", count: 990)
        let operations = (1...1_000).map { TrackOperation.identify(.id(String($0)), attributes: ["note": .string(bulky), "_update": true]) }
        let batches = try AppAPIClient.batchRequests(operations)
        #expect(batches.count > 1)
        #expect(batches.map(\.operations.count).reduce(0, +) == 1_000)
        #expect(batches.first?.operations.lowerBound == 0)
        #expect(batches.last?.operations.upperBound == 1_000)
        for (previous, next) in zip(batches, batches.dropFirst()) { #expect(previous.operations.upperBound == next.operations.lowerBound) }
        for batch in batches {
            let body = try #require(batch.request.body)
            #expect(body.count <= TrackValidation.Limit.batchBody)
            let decoded = try #require(try JSONSerialization.jsonObject(with: body) as? [String: [[String: Any]]])
            #expect(decoded["batch"]?.count == batch.operations.count)
            #expect(batch.request.displayPath == "/api/v2/batch")
        }
        // Small operations fit in one request.
        let small = try AppAPIClient.batchRequests((1...1_000).map { TrackOperation.suppress(.id(String($0))) })
        #expect(small.count == 1)
    }

    @Test func aBadOperationInABatchIsNamedByItsPosition() {
        let operations: [TrackOperation] = [.suppress(Self.jane), .event(Self.jane, TrackEvent(name: ""))]
        #expect(throws: TrackProblem("batch[1].name", "an event needs a name")) { try AppAPIClient.batchRequests(operations) }
    }

    @Test func aBatchAnswerNamesTheRefusedByPosition() throws {
        let body = #"{"errors":[{"batch_index":3,"reason":"invalid","field":"identifiers","message":"missing id"}]}"#
        let answer = try JSONDecoder().decode(TrackBatchAnswer.self, from: Data(body.utf8))
        #expect(answer.refusals == [3: "identifiers: missing id"])
    }

    @Test func anAnonymousEventIsTheV1Call() throws {
        let request = try AppAPIClient.anonymousEventRequest(TrackEvent(name: "visited", data: ["page": "/pricing"]), anonymousID: "anon-1")
        #expect(request.displayPath == "/api/v1/events")
        let body = try #require(request.body.map { String(decoding: $0, as: UTF8.self) })
        #expect(body == #"{"anonymous_id":"anon-1","data":{"page":"/pricing"},"name":"visited"}"#)
        #expect(throws: TrackProblem.self) { try AppAPIClient.anonymousEventRequest(TrackEvent(name: "x"), anonymousID: " ") }
    }

    @Test func pipelinesFollowAnOverriddenAppHostNeverTheRealOne() throws {
        let sandbox = try ClientConfiguration(key: Secret("k")!, appBaseURL: URL(string: "http://127.0.0.1:4010")!)
        #expect(sandbox.cdpBaseURL.absoluteString == "http://127.0.0.1:4010/cdp")
        #expect(try ClientConfiguration(key: Secret("k")!, region: .eu).cdpBaseURL.absoluteString == "https://cdp-eu.customer.io")
    }

    @Test func deviceAttributesAreStrings() {
        let device = TrackDevice(token: "t", platform: .ios, attributes: ["push_enabled": true])
        #expect(TrackValidation.problem(.addDevice(Self.jane, device))?.field == "device.attributes.push_enabled")
    }

    @Test func ulidsAreRecognised() {
        #expect(TrackValidation.isULID("01ARZ3NDEKTSV4RRFFQ69G5FAV"))
        #expect(!TrackValidation.isULID("01ARZ3NDEKTSV4RRFFQ69G5FA"))
        #expect(!TrackValidation.isULID("81ARZ3NDEKTSV4RRFFQ69G5FAV"), "over 48 bits of time")
        #expect(!TrackValidation.isULID("01ARZ3NDEKTSV4RRFFQ69G5FAU"), "U is not Crockford base32")
    }
}
