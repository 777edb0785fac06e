import Foundation
import Testing
@testable import CustomerIO

private func eq(_ field: String, _ value: String) -> AudienceFilter {
    .attribute(field: field, condition: .equals(value))
}

private let a = eq("a", "1"), b = eq("b", "2"), c = eq("c", "3"), d = eq("d", "4")

/// The nesting the vendor's filter schema allows (`Audience Filter` under `POST /v1/customers`, the same for export
/// `filters` and trigger `recipients`), checked on filters and on the queries that make them.
@Suite struct FilterSchemaTests {
    /// Every shape the schema spells out, and the vendor's own examples.
    @Test(arguments: [
        "segment 3",
        "not segment 3",
        "plan = pro and has phone",
        "plan = pro or has phone",
        // Top and: conditions, an or of conditions, a not of a condition or of an and / or of conditions.
        "a = 1 and (b = 2 or c = 3) and not (c = 3 and d = 4) and not (a = 1 or b = 2) and d != 4",
        // Top or: the mirror image.
        "a = 1 or (b = 2 and c = 3) or not (c = 3 or d = 4) or not (a = 1 and b = 2) or d != 4",
        // Top not: an and / or whose members may be groups of conditions or a not of one.
        "not (a = 1 and (b = 2 or c = 3) and not (c = 3 or d = 4))",
        "not (a = 1 or (b = 2 and c = 3) or not (c = 3 and d = 4))",
        "not (a = 1 or not (b = 2 and c = 3))",
        // The vendor's example: a negated condition inside the second-level or.
        "segment 3 and (interest = roadrunners or state = NM or species != roadrunners)",
        "(country = DE or country = AT) and plan != free",
    ])
    func queriesTheSchemaTakesParse(query: String) throws {
        let filter = try FilterQuery.parse(query)
        #expect(filter.schemaProblem == nil)
    }

    /// The brief's cases, and every way of nesting one level too deep, each refused before anything is sent.
    @Test(arguments: [
        ("a = 1 and (b = 2 or (c = 3 and d = 4))", "the group `c = 3 and d = 4` inside `b = 2 or (c = 3 and d = 4)`"),
        ("a = 1 or (b = 2 and (c = 3 or d = 4))", "the group `c = 3 or d = 4` inside `b = 2 and (c = 3 or d = 4)`"),
        ("a = 1 and (b = 2 or not (c = 3 and d = 4))", "a not may hold only a single condition there"),
        ("a = 1 and not (b = 2 or (c = 3 and d = 4))", "the group `c = 3 and d = 4`"),
        ("a = 1 and not (b = 2 or c != 3)", "only plain conditions may stand there, not negated ones"),
        ("not (a = 1 and (b = 2 or (c = 3 and d = 4)))", "the group `c = 3 and d = 4`"),
        ("not (a = 1 and (b = 2 or c != 3))", "only plain conditions may stand there, not negated ones"),
        ("a = 1 or not (b = 2 and (c = 3 or d = 4))", "the group `c = 3 or d = 4`"),
    ])
    func queriesNestedTooDeepAreRefused(query: String, fragment: String) throws {
        let error = try #require(throws: FilterQueryError.self) { try FilterQuery.parse(query) }
        #expect(error.isSchemaProblem)
        #expect(error.description.contains(fragment), "\(error.description)")
        #expect(error.description.contains("nested one level deeper than Customer.io's filters allow"))
    }

    @Test func theMessageNamesTheGroupAndARewriteThatFits() throws {
        let error = try #require(throws: FilterQueryError.self) { try FilterQuery.parse("a = 1 and (b = 2 or (c = 3 and d = 4))") }
        #expect(error.description == "the group `c = 3 and d = 4` inside `b = 2 or (c = 3 and d = 4)` is nested one level deeper than Customer.io's filters allow: only single conditions may stand there. Write `b = 2 or (c = 3 and d = 4)` as `(b = 2 or c = 3) and (b = 2 or d = 4)`, which merges into the and around it.")
        // The suggested rewrite is one the schema takes, and means the same.
        let rewritten = try FilterQuery.parse("a = 1 and (b = 2 or c = 3) and (b = 2 or d = 4)")
        #expect(rewritten.schemaProblem == nil)
    }

    /// `!=` under a not would be a not directly in a not, which the API refuses: the two cancel instead.
    @Test func notEqualsUnderNotCancels() throws {
        #expect(try FilterQuery.parse("not (x != y)") == eq("x", "y"))
        #expect(try FilterQuery.parse("a = 1 and not (b != 2)") == .and([a, b]))
        #expect(try FilterQuery.parse("not (a != 1 and b != 2)") == .not(.and([.not(a), .not(b)])))
        #expect(try FilterQuery.parse("not (a != 1 and b != 2)").schemaProblem == nil)
    }

    @Test(arguments: [
        (AudienceFilter.not(.not(a)), "`not (a != 1)` has a not directly inside a not, which Customer.io's filters do not allow; the two cancel, so write `a = 1`."),
        (.and([.and([a, b]), c]), "`a = 1 and b = 2` is an and directly inside an and, which Customer.io's filters do not allow; merge the two into one (`a = 1 and b = 2 and c = 3`)."),
        (.or([a, .or([b, c])]), "`b = 2 or c = 3` is an or directly inside an or, which Customer.io's filters do not allow; merge the two into one (`a = 1 or b = 2 or c = 3`)."),
    ])
    func shapesOnlyJSONCanSayAreExplained(filter: AudienceFilter, expected: String) {
        #expect(filter.schemaProblem == expected)
    }

    @Test func deepFiltersAreQuotedShortly() throws {
        let long = (0..<30).map { eq("field\($0)", "value") }
        let problem = try #require(AudienceFilter.and([a, .or([b, .and(long)])]).schemaProblem)
        #expect(problem.contains("…`"))
        #expect(problem.count < 600)
    }

    /// The vendor's request examples for the three endpoints that take filters all fit.
    @Test func theVendorsExamplesFit() throws {
        let examples = [
            #"{"and":[{"attribute":{"field":"email","operator":"eq","value":"{{customer.email}}"}},{"not":{"attribute":{"field":"source","operator":"eq","value":"website_newsletter"}}}]}"#,
            #"{"and":[{"segment":{"id":3}},{"or":[{"attribute":{"field":"interest","operator":"eq","value":"roadrunners"}},{"attribute":{"field":"state","operator":"eq","value":"NM"}},{"not":{"attribute":{"field":"species","operator":"eq","value":"roadrunners"}}}]}]}"#,
        ]
        for example in examples {
            let filter = try JSONDecoder().decode(AudienceFilter.self, from: Data(example.utf8))
            #expect(filter.schemaProblem == nil, "\(example)")
        }
    }
}
