import Foundation
import Testing
@testable import CustomerIO

@Suite struct AudienceFilterCodingTests {
    private func json(_ filter: AudienceFilter) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(filter), as: UTF8.self)
    }

    private func decode(_ text: String) throws -> AudienceFilter {
        try JSONDecoder().decode(AudienceFilter.self, from: Data(text.utf8))
    }

    @Test func parsedExampleEncodesToTheAPIsShape() throws {
        let filter = try FilterQuery.parse("plan = pro and not segment 12 and has phone")
        #expect(try json(filter) == #"{"and":[{"attribute":{"field":"plan","operator":"eq","value":"pro"}},{"not":{"segment":{"id":12}}},{"attribute":{"field":"phone","operator":"exists"}}]}"#)
    }

    @Test(arguments: [
        (AudienceFilter.or([.segment(id: 1), .segment(id: 2)]), #"{"or":[{"segment":{"id":1}},{"segment":{"id":2}}]}"#),
        (.not(.attribute(field: "plan", condition: .equals("pro"))), #"{"not":{"attribute":{"field":"plan","operator":"eq","value":"pro"}}}"#),
        (.attribute(field: "age", condition: .equals("30")), #"{"attribute":{"field":"age","operator":"eq","value":"30"}}"#),
        (.and([]), #"{"and":[]}"#),
    ])
    func encodesOneKeyPerLevel(filter: AudienceFilter, expected: String) throws {
        #expect(try json(filter) == expected)
    }

    @Test(arguments: [
        (#"{"segment":{"id":12}}"#, AudienceFilter.segment(id: 12)),
        (#"{"segment":{"id":"12"}}"#, .segment(id: 12)),
        (#"{"attribute":{"field":"age","operator":"eq","value":30}}"#, .attribute(field: "age", condition: .equals("30"))),
        (#"{"attribute":{"field":"score","operator":"eq","value":2.5}}"#, .attribute(field: "score", condition: .equals("2.5"))),
        (#"{"attribute":{"field":"vip","operator":"eq","value":true}}"#, .attribute(field: "vip", condition: .equals("true"))),
        (#"{"attribute":{"field":"phone","operator":"exists"}}"#, .attribute(field: "phone", condition: .exists)),
        (#"{"or":[{"not":{"segment":{"id":"3"}}},{"and":[]}]}"#, .or([.not(.segment(id: 3)), .and([])])),
    ])
    func decodesTheVendorsShapes(text: String, expected: AudienceFilter) throws {
        #expect(try decode(text) == expected)
    }

    @Test(arguments: [
        #"{"segment":{"id":1},"attribute":{"field":"x","operator":"exists"}}"#,
        #"{"and":[],"or":[]}"#,
        #"{}"#,
        #"{"segments":{"id":1}}"#,
        #"{"attribute":{"field":"age","operator":"gt","value":"30"}}"#,
        #"{"attribute":{"field":"age","operator":"eq"}}"#,
        #"{"attribute":{"operator":"exists"}}"#,
        #"{"segment":{"id":"twelve"}}"#,
        #"{"segment":{"id":1.5}}"#,
        #"{"and":{"segment":{"id":1}}}"#,
    ])
    func rejectsMalformedFilters(text: String) {
        #expect(throws: DecodingError.self) { try decode(text) }
    }

    @Test func twoKeysAtOneLevelNamesBoth() throws {
        let error = try #require(throws: DecodingError.self) {
            try decode(#"{"segment":{"id":1},"attribute":{"field":"x","operator":"exists"}}"#)
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.debugDescription.contains("segment, attribute"))
    }

    @Test func unknownOperatorIsNamed() throws {
        let error = try #require(throws: DecodingError.self) {
            try decode(#"{"attribute":{"field":"age","operator":"gt","value":"30"}}"#)
        }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.debugDescription.contains("gt"))
    }

    @Test func parsedQueriesSurviveJSON() throws {
        let queries = [
            "plan = pro and not segment 12 and has phone",
            #"(a = 1 or "first name" != 'Ann') and not (segment 4 or x exists)"#,
            "名前 = 太郎 or email = jane+promo@example.com",
        ]
        for query in queries {
            let filter = try FilterQuery.parse(query)
            let data = try JSONEncoder().encode(filter)
            #expect(try JSONDecoder().decode(AudienceFilter.self, from: data) == filter, "query: \(query)")
        }
    }
}
