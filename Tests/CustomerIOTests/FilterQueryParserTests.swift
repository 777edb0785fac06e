import Foundation
import Testing
@testable import CustomerIO

private func eq(_ field: String, _ value: String) -> AudienceFilter {
    .attribute(field: field, condition: .equals(value))
}

private func has(_ field: String) -> AudienceFilter {
    .attribute(field: field, condition: .exists)
}

private let a = eq("a", "1"), b = eq("b", "2"), c = eq("c", "3"), d = eq("d", "4")

@Suite struct FilterQueryGrammarTests {
    @Test(arguments: [
        ("segment 12", AudienceFilter.segment(id: 12)),
        ("segment 0", .segment(id: 0)),
        ("segment 007", .segment(id: 7)),
        ("has phone", has("phone")),
        ("phone exists", has("phone")),
        ("plan = pro", eq("plan", "pro")),
        ("plan != pro", .not(eq("plan", "pro"))),
        ("not segment 3", .not(.segment(id: 3))),
        // A not of a not cancels (the API refuses one directly inside the other).
        ("not not has x", has("x")),
        ("not plan != pro", eq("plan", "pro")),
        ("not (plan != pro)", eq("plan", "pro")),
        ("not not not segment 3", .not(.segment(id: 3))),
        ("(plan = pro)", eq("plan", "pro")),
        ("((has x))", has("x")),
        ("age = 30", eq("age", "30")),
        ("score = -1.5", eq("score", "-1.5")),
        ("email = jane.doe+promo@example.com", eq("email", "jane.doe+promo@example.com")),
        ("site = https://example.com/a/b", eq("site", "https://example.com/a/b")),
        ("phone = +15551234567", eq("phone", "+15551234567")),
        ("first_name = Ann", eq("first_name", "Ann")),
        ("address.city = Berlin", eq("address.city", "Berlin")),
        ("utm-source = mail", eq("utm-source", "mail")),
        ("42 = answer", eq("42", "answer")),
        ("contains = yes", eq("contains", "yes")),
        ("plan = contains", eq("plan", "contains")),
        ("plan=pro", eq("plan", "pro")),
        ("plan!=pro", .not(eq("plan", "pro"))),
        ("(plan=pro)or(has x)", .or([eq("plan", "pro"), has("x")])),
        ("  \tplan\n=\npro  ", eq("plan", "pro")),
    ])
    func rule(query: String, expected: AudienceFilter) throws {
        #expect(try FilterQuery.parse(query) == expected)
    }

    @Test func keywordsAreCaseInsensitiveButFieldsAndValuesKeepTheirCase() throws {
        let parsed = try FilterQuery.parse("PLAN = Pro AND NOT Segment 3 OR Phone EXISTS Or HAS Email")
        #expect(parsed == .or([
            .and([eq("PLAN", "Pro"), .not(.segment(id: 3))]),
            has("Phone"),
            has("Email"),
        ]))
    }

    @Test func theBriefsExample() throws {
        let parsed = try FilterQuery.parse("plan = pro and not segment 12 and has phone")
        #expect(parsed == .and([eq("plan", "pro"), .not(.segment(id: 12)), has("phone")]))
    }

    @Test(arguments: [
        ("a = 1 or b = 2 and c = 3", AudienceFilter.or([a, .and([b, c])])),
        ("a = 1 and b = 2 or c = 3", .or([.and([a, b]), c])),
        ("not a = 1 and b = 2", .and([.not(a), b])),
        ("not a = 1 or b = 2", .or([.not(a), b])),
        ("not (a = 1 and b = 2)", .not(.and([a, b]))),
        ("(a = 1 or b = 2) and c = 3", .and([.or([a, b]), c])),
        ("a = 1 and (b = 2 or c = 3) and d = 4", .and([a, .or([b, c]), d])),
        ("not a != 1 or b = 2", .or([a, b])),
    ])
    func precedence(query: String, expected: AudienceFilter) throws {
        #expect(try FilterQuery.parse(query) == expected)
    }

    @Test(arguments: [
        ("a = 1 and b = 2 and c = 3", AudienceFilter.and([a, b, c])),
        ("(a = 1 and b = 2) and c = 3", .and([a, b, c])),
        ("a = 1 and (b = 2 and c = 3)", .and([a, b, c])),
        ("a = 1 or (b = 2 or c = 3) or d = 4", .or([a, b, c, d])),
        ("(a = 1 or b = 2) or (c = 3 and d = 4)", .or([a, b, .and([c, d])])),
        ("not (a = 1 and b = 2) and c = 3", .and([.not(.and([a, b])), c])),
        ("((a = 1 and b = 2)) and ((c = 3))", .and([a, b, c])),
        ("(a = 1 and b = 2)", .and([a, b])),
    ])
    func flattening(query: String, expected: AudienceFilter) throws {
        #expect(try FilterQuery.parse(query) == expected)
    }

    @Test(arguments: [
        (#"plan = "Pro Plus""#, eq("plan", "Pro Plus")),
        ("plan = 'Pro Plus'", eq("plan", "Pro Plus")),
        (#""first name" = Ann"#, eq("first name", "Ann")),
        ("'first name' exists", has("first name")),
        (#"has "and""#, has("and")),
        (#""segment" = 3"#, eq("segment", "3")),
        ("'has' exists", has("has")),
        (#"status = "not""#, eq("status", "not")),
        (#"note = "say \"hi\"""#, eq("note", #"say "hi""#)),
        (#"note = 'it\'s'"#, eq("note", "it's")),
        (#"note = "it's""#, eq("note", "it's")),
        (#"note = 'say "hi"'"#, eq("note", #"say "hi""#)),
        (#"path = "C:\\temp""#, eq("path", #"C:\temp"#)),
        (#"note = """#, eq("note", "")),
        (#"x = "a and b""#, eq("x", "a and b")),
        (#"x = "(=) != ~""#, eq("x", "(=) != ~")),
        (#"mood = "😀""#, eq("mood", "😀")),
        (#""a@b" = 1"#, eq("a@b", "1")),
        ("x = \"two\nlines\"", eq("x", "two\nlines")),
        (#"plan = "pro"and has x"#, .and([eq("plan", "pro"), has("x")])),
    ])
    func quotingAndEscapes(query: String, expected: AudienceFilter) throws {
        #expect(try FilterQuery.parse(query) == expected)
    }

    @Test(arguments: [
        ("städte = München", eq("städte", "München")),
        ("名前 = 太郎", eq("名前", "太郎")),
        ("ville = Saint-Étienne", eq("ville", "Saint-Étienne")),
        ("has Ελληνικά", has("Ελληνικά")),
        ("cafe\u{301} = oui", eq("cafe\u{301}", "oui")),
        ("город != Москва", .not(eq("город", "Москва"))),
    ])
    func unicodeLettersAreLetters(query: String, expected: AudienceFilter) throws {
        #expect(try FilterQuery.parse(query) == expected)
    }
}

@Suite struct FilterQueryErrorTests {
    @Test(arguments: [
        // Empty input.
        ("", 1, "column 1: expected a condition, found an empty query"),
        ("   \n ", 1, "column 1: expected a condition, found an empty query"),
        // Missing values; the end of the query sits one past the last character.
        ("last_name =", 12, "column 12: expected a value after '=', found end of query"),
        ("plan = ", 8, "column 8: expected a value after '=', found end of query"),
        ("plan != ", 9, "column 9: expected a value after '!=', found end of query"),
        ("plan = and has x", 8, "column 8: expected a value after '=', found the keyword 'and' (put it in quotes to use it as a value)"),
        ("plan = (pro)", 8, "column 8: expected a value after '=', found '('"),
        ("plan == pro", 7, "column 7: expected a value after '=', found '='"),
        ("mood = 😀", 8, "column 8: expected a value after '=', found '😀'"),
        ("名前 =", 5, "column 5: expected a value after '=', found end of query"),
        // Quotes.
        (#"plan = "pro"#, 8, #"column 8: expected a closing " to end the quoted text that starts here, found end of query"#),
        ("plan = 'pro", 8, "column 8: expected a closing ' to end the quoted text that starts here, found end of query"),
        (#"plan = "pro\""#, 8, #"column 8: expected a closing " to end the quoted text that starts here, found end of query"#),
        (#"plan = "pro\"#, 8, #"column 8: expected a closing " to end the quoted text that starts here, found end of query"#),
        (#"plan = "a\nb""#, 11, #"column 11: expected a quote or another backslash after '\', found 'n'"#),
        (#"名前 = "太郎"#, 6, #"column 6: expected a closing " to end the quoted text that starts here, found end of query"#),
        // The leftmost problem wins, even when a later quote is unterminated.
        (#"= "x"#, 1, "column 1: expected a condition, found '='"),
        // Segment ids.
        ("segment", 8, "column 8: expected a whole-number segment id after 'segment', found end of query"),
        ("segment abc", 9, "column 9: expected a whole-number segment id after 'segment', found 'abc'"),
        ("segment 1.5", 9, "column 9: expected a whole-number segment id after 'segment', found '1.5'"),
        ("segment -3", 9, "column 9: expected a whole-number segment id after 'segment', found '-3'"),
        ("segment +5", 9, "column 9: expected a whole-number segment id after 'segment', found '+5'"),
        (#"segment "12""#, 9, #"column 9: expected a whole-number segment id after 'segment', found "12""#),
        ("segment ١٢", 9, "column 9: expected a whole-number segment id after 'segment', found '١٢'"),
        ("segment 99999999999999999999", 9, "column 9: expected a whole-number segment id after 'segment', found '99999999999999999999'"),
        ("segment = 3", 9, "column 9: expected a whole-number segment id after 'segment', found '=' (put 'segment' in quotes to use it as a field name)"),
        // Parentheses.
        ("(plan = pro", 1, "column 1: expected a ')' to close this '(', found end of query"),
        ("has x and (a = 1 or (b = 2)", 11, "column 11: expected a ')' to close this '(', found end of query"),
        ("plan = pro)", 11, "column 11: expected 'and', 'or' or end of query, found ')' with no matching '('"),
        ("()", 2, "column 2: expected a condition, found ')'"),
        ("(plan = pro has x)", 13, "column 13: expected 'and', 'or' or ')', found 'has'"),
        // Trailing tokens and dangling connectives.
        ("plan = pro segment 3", 12, "column 12: expected 'and', 'or' or end of query, found 'segment'"),
        ("plan = pro pro", 12, "column 12: expected 'and', 'or' or end of query, found 'pro'"),
        (#"plan = pro "x""#, 12, #"column 12: expected 'and', 'or' or end of query, found "x""#),
        ("plan = pro & has x", 12, "column 12: expected 'and', 'or' or end of query, found '&'"),
        ("plan = pro and", 15, "column 15: expected a condition, found end of query"),
        ("plan = pro or", 14, "column 14: expected a condition, found end of query"),
        ("not", 4, "column 4: expected a condition, found end of query"),
        // Missing or unknown operators after a field.
        ("plan", 5, "column 5: expected '=', '!=' or 'exists' after 'plan', found end of query"),
        ("plan pro", 6, "column 6: expected '=', '!=' or 'exists' after 'plan', found 'pro'"),
        (#""first name" Ann"#, 14, #"column 14: expected '=', '!=' or 'exists' after "first name", found 'Ann'"#),
        ("plan ! pro", 6, "column 6: expected '=', '!=' or 'exists' after 'plan', found '!'"),
        // Keywords and odd characters where a field belongs.
        ("and = 1", 1, "column 1: expected a condition, found the keyword 'and' (put it in quotes to use it as a field name)"),
        ("x = 1 and Exists = 1", 11, "column 11: expected a condition, found the keyword 'Exists' (put it in quotes to use it as a field name)"),
        ("has segment", 5, "column 5: expected a field name after 'has', found the keyword 'segment' (put it in quotes to use it as a field name)"),
        ("has = 1", 5, "column 5: expected a field name after 'has', found '=' (put 'has' in quotes to use it as a field name)"),
        ("has", 4, "column 4: expected a field name after 'has', found end of query"),
        (#"has """#, 5, "column 5: expected a field name after 'has', found an empty field name"),
        (#""" = x"#, 1, "column 1: expected a condition, found an empty field name"),
        ("a@b = 1", 1, "column 1: expected a condition, found 'a@b' (put field names in quotes when they use characters other than letters, digits, '_', '.' or '-')"),
        ("has x:y", 5, "column 5: expected a field name after 'has', found 'x:y' (put field names in quotes when they use characters other than letters, digits, '_', '.' or '-')"),
    ])
    func error(query: String, column: Int, description: String) throws {
        let error = try #require(throws: FilterQueryError.self) { try FilterQuery.parse(query) }
        #expect(error.column == column)
        #expect(error.description == description)
    }

    @Test(arguments: [">", "<", ">=", "<=", "~", "contains", "CONTAINS"])
    func comparisonsTheAPILacks(spelling: String) throws {
        let error = try #require(throws: FilterQueryError.self) { try FilterQuery.parse("age \(spelling) 30") }
        #expect(error == FilterQueryError(
            column: 5,
            expected: "'=', '!=' or 'exists'",
            found: "'\(spelling)', but the App API's filters only support equality (=, !=) and existence (has, exists)"
        ))
        #expect(error.description == "column 5: expected '=', '!=' or 'exists', found '\(spelling)', but the App API's filters only support equality (=, !=) and existence (has, exists)")
    }

    @Test func errorsCarryTheirPartsSeparately() {
        #expect(throws: FilterQueryError(column: 12, expected: "a value after '='", found: "end of query")) {
            try FilterQuery.parse("last_name =")
        }
    }
}

@Suite struct FilterQueryRenderTests {
    @Test(arguments: [
        (AudienceFilter.and([eq("plan", "pro"), .not(.segment(id: 12)), has("phone")]), "plan = pro and not segment 12 and has phone"),
        (.not(eq("plan", "pro")), "plan != pro"),
        (.not(.not(eq("plan", "pro"))), "not plan != pro"),
        (.and([.or([a, b]), c]), "(a = 1 or b = 2) and c = 3"),
        (.or([.and([a, b]), c]), "a = 1 and b = 2 or c = 3"),
        (.not(.and([a, b])), "not (a = 1 and b = 2)"),
        (.not(.or([a, b])), "not (a = 1 or b = 2)"),
        (.not(has("x")), "not has x"),
        (eq("first name", "Ann Lee"), #""first name" = "Ann Lee""#),
        (eq("and", "or"), #""and" = "or""#),
        (has("Exists"), #"has "Exists""#),
        (eq("note", #"say "hi" \ bye"#), #"note = "say \"hi\" \\ bye""#),
        (eq("note", "it's"), #"note = "it's""#),
        (eq("note", ""), #"note = """#),
        (eq("email", "jane+promo@example.com"), "email = jane+promo@example.com"),
        (eq("a@b", "1"), #""a@b" = 1"#),
        (eq("名前", "太郎"), "名前 = 太郎"),
        (eq("mood", "😀"), #"mood = "😀""#),
        (.and([]), "()"),
    ])
    func rendering(filter: AudienceFilter, expected: String) {
        #expect(FilterQuery.render(filter) == expected)
    }

    @Test func nonCanonicalGroupsRenderToEquivalentText() throws {
        // One-element and nested same-connective groups have no text form of their own, so they come back simplified.
        #expect(try FilterQuery.parse(FilterQuery.render(.and([a]))) == a)
        #expect(try FilterQuery.parse(FilterQuery.render(.and([a, .and([b, c])]))) == .and([a, b, c]))
        #expect(throws: FilterQueryError.self) { try FilterQuery.parse(FilterQuery.render(.or([]))) }
    }

    @Test func handPickedFiltersRoundTrip() throws {
        let filters: [AudienceFilter] = [
            .segment(id: 0),
            .segment(id: Int.max),
            has("segment"),
            eq("not", "and"),
            .not(has("x")),
            .or([.not(.and([a, b])), .and([.not(d), has("ž")])]),
            .not(.and([a, .or([b, c]), .not(.or([d, has("ž")]))])),
            .and([a, .or([b, .not(c)])]),
            eq("x", "\\\"'"),
            eq("tab", "\t"),
            eq("line", "a\nb"),
        ]
        for filter in filters {
            let text = FilterQuery.render(filter)
            #expect(try FilterQuery.parse(text) == filter, "rendered as \(text)")
        }
    }

    /// 2,000 nested parentheses or 5,000 `not`s once overflowed the stack (exit 139, the terminal left in the
    /// alternate screen); now the parser stops at a bound with a clear message.
    @Test func deepNestingIsRefusedNotACrash() throws {
        let parentheses = String(repeating: "(", count: 2_000) + "a = 1" + String(repeating: ")", count: 2_000)
        let nots = String(repeating: "not ", count: 5_000) + "a = 1"
        let unclosed = String(repeating: "(", count: 100_000)
        for text in [parentheses, nots, unclosed] {
            #expect(throws: FilterQueryError.self) { try FilterQuery.parse(text) }
        }
        #expect(throws: FilterQueryError(column: 17, expected: "at most 16 nested parentheses and 'not's (Customer.io's filters nest only a few levels)", found: "'('")) {
            try FilterQuery.parse(parentheses)
        }
        // Redundant parentheses and 'not's within the bound are fine.
        #expect(try FilterQuery.parse(String(repeating: "(", count: 16) + "a = 1" + String(repeating: ")", count: 16)) == eq("a", "1"))
    }

    @Test func filtersDeeperThanTheAPITakesAreRefused() throws {
        #expect(FilterQuery.maxDepth == 4)
        let four = "not (a = 1 or not (b = 2 and c = 3))"
        #expect(try FilterQuery.parse(four).depth == 4)
        let five = "not (a = 1 or not (b = 2 and not (c = 3 or d = 4)))"
        #expect(throws: FilterQueryError(column: 1, expected: "at most 4 levels of and / or / not (Customer.io's filters nest only a few)", found: "6 levels")) {
            try FilterQuery.parse(five)
        }
    }

    /// The same bound holds for filters read from JSON (a saved draft, the sandbox reading a request).
    @Test func decodingADeepFilterStopsAtTheBound() throws {
        var json = #"{"segment":{"id":1}}"#
        for _ in 0..<400 { json = #"{"not":\#(json)}"# }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AudienceFilter.self, from: Data(json.utf8)) }
        let fine = #"{"and":[{"not":{"or":[{"segment":{"id":1}},{"not":{"segment":{"id":2}}}]}}]}"#
        #expect(try JSONDecoder().decode(AudienceFilter.self, from: Data(fine.utf8)).depth == 4)
    }

    /// Generated filters that fit the API's schema read back the same; those that nest too deep are refused with
    /// the schema's own explanation.
    @Test func generatedFiltersRoundTrip() throws {
        var generator = FilterGenerator(seed: 0xC105_F11E)
        var connectives = 0
        var refused = 0
        for _ in 0..<1_000 {
            let filter = generator.filter(depth: 4)
            if case .and = filter { connectives += 1 } else if case .or = filter { connectives += 1 }
            let text = FilterQuery.render(filter)
            if let problem = filter.schemaProblem {
                refused += 1
                #expect(throws: FilterQueryError(schemaProblem: problem), "rendered as \(text)") { try FilterQuery.parse(text) }
            } else {
                #expect(try FilterQuery.parse(text) == filter, "rendered as \(text)")
            }
        }
        // Guards against a generator that only ever makes leaves, or only filters of one kind.
        #expect(connectives > 100)
        #expect(refused > 100 && refused < 900, "\(refused) of 1000 refused")
    }
}

/// Makes filters in the parser's canonical shape, from words chosen to stress quoting.
private struct FilterGenerator {
    private var random: SplitMix
    private let words = [
        "plan", "pro", "and", "OR", "Not", "segment", "HAS", "exists", "contains", "first name", #"a"b"#, "it's",
        #"back\slash"#, "München", "名前", "😀", "x=y", "(paren)", "jane@example.com", "+1555", "https://x.io/a",
        "-5", "3.14", "a.b-c_d", " lead", "tab\t", "new\nline", "cafe\u{301}", "!=", "~", "''", #"\""#,
    ]

    init(seed: UInt64) {
        random = SplitMix(state: seed)
    }

    mutating func filter(depth: Int, inside parent: Kind? = nil) -> AudienceFilter {
        let kinds = (depth > 0 ? Kind.allCases : Kind.leaves).filter { $0 != parent }
        let kind = kinds.randomElement(using: &random)!
        switch kind {
        case .segment:
            return .segment(id: Int.random(in: 0...100_000, using: &random))
        case .exists:
            return .attribute(field: text(allowEmpty: false), condition: .exists)
        case .equals:
            return .attribute(field: text(allowEmpty: false), condition: .equals(text(allowEmpty: true)))
        case .not:
            // Never a not directly in a not: the parser cancels the pair, so it could not read back the same.
            return .not(filter(depth: depth - 1, inside: .not))
        case .and, .or:
            let parts = (0..<Int.random(in: 2...4, using: &random)).map { _ in filter(depth: depth - 1, inside: kind) }
            return kind == .and ? .and(parts) : .or(parts)
        }
    }

    private mutating func text(allowEmpty: Bool) -> String {
        if allowEmpty, Int.random(in: 0..<20, using: &random) == 0 { return "" }
        let count = Int.random(in: 1...2, using: &random)
        return (0..<count).map { _ in words.randomElement(using: &random)! }.joined()
    }

    enum Kind: CaseIterable {
        case segment, exists, equals, not, and, or
        static let leaves: [Kind] = [.segment, .exists, .equals]
    }
}
