/// The text form of an ``AudienceFilter`` that people type, e.g. `plan = pro and not segment 12 and has phone`.
public enum FilterQuery {
    /// The most levels of `and`, `or` and `not` a filter may nest: the deepest the vendor's schema spells out is
    /// `not` → `and` → `not` → `or` → a condition. A bound kept beside the finer ``AudienceFilter/schemaProblem``
    /// check, for decoding too.
    public static let maxDepth = 4
    /// The most parentheses and `not`s the text may nest while it is read: far past any real query, and a bound on
    /// the parser's recursion, so that no input can exhaust the stack.
    public static let maxTextNesting = 16

    /// Reads a query; throws ``FilterQueryError`` naming the column and what was expected there, or saying which group
    /// nests deeper than the API's filter schema allows (``AudienceFilter/schemaProblem``), so such a query is refused
    /// here with a way to rewrite it instead of by a bare 400 from the API.
    public static func parse(_ text: String) throws -> AudienceFilter {
        var parser = try FilterQueryParser(text)
        let filter = try parser.parseQuery()
        // The plain bound first: cheap, and it keeps the message for absurdly deep queries short.
        let depth = filter.depth
        guard depth <= maxDepth else {
            throw FilterQueryError(
                column: 1, expected: "at most \(maxDepth) levels of and / or / not (Customer.io's filters nest only a few)",
                found: "\(depth) levels"
            )
        }
        if let problem = filter.schemaProblem { throw FilterQueryError(schemaProblem: problem) }
        return filter
    }

    /// Writes a filter as query text that ``parse(_:)`` reads back to an equal filter.
    ///
    /// That holds for filters in the shape the parser produces: `and`/`or` with two or more parts that are not
    /// themselves the same connective, segment ids of zero or more, and non-empty field names.
    public static func render(_ filter: AudienceFilter) -> String {
        switch filter {
        case .and(let parts):
            return group(parts, joinedBy: " and ") { $0.isConnective }
        case .or(let parts):
            return group(parts, joinedBy: " or ") { if case .or = $0 { true } else { false } }
        case .not(.attribute(let name, .equals(let text))):
            return "\(field(name)) != \(value(text))"
        case .not(let inner):
            return inner.isConnective ? "not (\(render(inner)))" : "not \(render(inner))"
        case .segment(let id):
            return "segment \(id)"
        case .attribute(let name, .exists):
            return "has \(field(name))"
        case .attribute(let name, .equals(let text)):
            return "\(field(name)) = \(value(text))"
        }
    }

    /// An empty group has no text form; `()` keeps that visible (parse rejects it) rather than hiding it.
    private static func group(_ parts: [AudienceFilter], joinedBy separator: String, parenthesise: (AudienceFilter) -> Bool) -> String {
        guard !parts.isEmpty else { return "()" }
        return parts.map { parenthesise($0) ? "(\(render($0)))" : render($0) }.joined(separator: separator)
    }

    private static func field(_ name: String) -> String {
        quotedIfNeeded(name, bare: FilterQueryLexer.isFieldCharacter)
    }

    private static func value(_ text: String) -> String {
        quotedIfNeeded(text, bare: FilterQueryLexer.isWordCharacter)
    }

    private static func quotedIfNeeded(_ text: String, bare: (Character) -> Bool) -> String {
        if !text.isEmpty, text.allSatisfy(bare), !FilterQueryLexer.isKeyword(text) {
            return text
        }
        var escaped = ""
        for character in text {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"\(escaped)\""
    }
}

extension AudienceFilter {
    /// Levels of `and`, `or` and `not` on the deepest path: 0 for a single condition.
    public var depth: Int {
        switch self {
        case .and(let parts), .or(let parts): 1 + (parts.map(\.depth).max() ?? 0)
        case .not(let inner): 1 + inner.depth
        case .segment, .attribute: 0
        }
    }
}

/// A recursive-descent parser over the grammar in ``FilterQuery``, one token of lookahead.
struct FilterQueryParser {
    private var lexer: FilterQueryLexer
    private var current: FilterQueryToken
    /// Parentheses and `not`s open around the current token.
    private var nesting = 0

    init(_ text: String) throws(FilterQueryError) {
        lexer = FilterQueryLexer(text)
        current = try lexer.next()
    }

    mutating func parseQuery() throws(FilterQueryError) -> AudienceFilter {
        if current.kind == .end {
            throw FilterQueryError(column: 1, expected: "a condition", found: "an empty query")
        }
        let filter = try parseOr()
        switch current.kind {
        case .end:
            return filter
        case .rightParen:
            throw failure(expected: "'and', 'or' or end of query", found: "')' with no matching '('")
        default:
            throw failure(expected: "'and', 'or' or end of query")
        }
    }

    private mutating func parseOr() throws(FilterQueryError) -> AudienceFilter {
        var parts = [try parseAnd()]
        while isKeyword("or") {
            try advance()
            parts.append(try parseAnd())
        }
        return parts.count == 1 ? parts[0] : .or(parts.flatMap { if case .or(let inner) = $0 { inner } else { [$0] } })
    }

    private mutating func parseAnd() throws(FilterQueryError) -> AudienceFilter {
        var parts = [try parseUnary()]
        while isKeyword("and") {
            try advance()
            parts.append(try parseUnary())
        }
        return parts.count == 1 ? parts[0] : .and(parts.flatMap { if case .and(let inner) = $0 { inner } else { [$0] } })
    }

    private mutating func parseUnary() throws(FilterQueryError) -> AudienceFilter {
        guard isKeyword("not") else { return try parsePrimary() }
        try enterNesting()
        defer { nesting -= 1 }
        try advance()
        let negated = try parseUnary()
        // `not not x` and `not (x != y)` negate twice: the API refuses a not directly inside a not, and the two
        // cancel, so what is left is the condition itself.
        if case .not(let inner) = negated { return inner }
        return .not(negated)
    }

    /// Counts one more level of parentheses or `not`, refusing past ``FilterQuery/maxTextNesting``.
    private mutating func enterNesting() throws(FilterQueryError) {
        guard nesting < FilterQuery.maxTextNesting else {
            throw failure(expected: "at most \(FilterQuery.maxTextNesting) nested parentheses and 'not's (Customer.io's filters nest only a few levels)")
        }
        nesting += 1
    }

    private mutating func parsePrimary() throws(FilterQueryError) -> AudienceFilter {
        switch current.kind {
        case .leftParen:
            let opening = current
            try enterNesting()
            defer { nesting -= 1 }
            try advance()
            let inner = try parseOr()
            switch current.kind {
            case .rightParen:
                try advance()
                return inner
            case .end:
                throw FilterQueryError(column: opening.column, expected: "a ')' to close this '('", found: "end of query")
            default:
                throw failure(expected: "'and', 'or' or ')'")
            }
        case .word(let word) where FilterQueryLexer.isKeyword(word):
            switch word.lowercased() {
            case "segment":
                try advance()
                try rejectComparison(afterKeyword: word, expected: Self.segmentIDExpectation)
                return .segment(id: try segmentID())
            case "has":
                try advance()
                try rejectComparison(afterKeyword: word, expected: "a field name after 'has'")
                return .attribute(field: try fieldName(expected: "a field name after 'has'"), condition: .exists)
            default:
                throw failure(expected: "a condition", found: keywordHint(word, usedAs: "a field name"))
            }
        case .word, .quoted:
            let fieldToken = current
            let field = try fieldName(expected: "a condition")
            return try comparison(on: field, fieldToken: fieldToken)
        default:
            throw failure(expected: "a condition")
        }
    }

    /// What follows a field: `exists`, `= value` or `!= value`.
    private mutating func comparison(on field: String, fieldToken: FilterQueryToken) throws(FilterQueryError) -> AudienceFilter {
        switch current.kind {
        case .word where isKeyword("exists"):
            try advance()
            return .attribute(field: field, condition: .exists)
        case .equals:
            try advance()
            return .attribute(field: field, condition: .equals(try value(after: "=")))
        case .notEquals:
            try advance()
            return .not(.attribute(field: field, condition: .equals(try value(after: "!="))))
        default:
            // Spelled out because people reach for these first and the API cannot express them.
            if current.kind == .unsupportedOperator || isKeyword("contains") {
                throw failure(
                    expected: "'=', '!=' or 'exists'",
                    found: "\(describe(current)), but the App API's filters only support equality (=, !=) and existence (has, exists)"
                )
            }
            throw failure(expected: "'=', '!=' or 'exists' after \(describe(fieldToken))")
        }
    }

    private mutating func fieldName(expected: String) throws(FilterQueryError) -> String {
        switch current.kind {
        case .quoted(let name) where name.isEmpty:
            throw failure(expected: expected, found: "an empty field name")
        case .quoted(let name):
            try advance()
            return name
        case .word(let name) where FilterQueryLexer.isKeyword(name):
            throw failure(expected: expected, found: keywordHint(name, usedAs: "a field name"))
        case .word(let name) where !name.allSatisfy(FilterQueryLexer.isFieldCharacter):
            throw failure(
                expected: expected,
                found: "'\(name)' (put field names in quotes when they use characters other than letters, digits, '_', '.' or '-')"
            )
        case .word(let name):
            try advance()
            return name
        default:
            throw failure(expected: expected)
        }
    }

    private mutating func value(after operatorText: String) throws(FilterQueryError) -> String {
        let expected = "a value after '\(operatorText)'"
        switch current.kind {
        case .word(let word) where FilterQueryLexer.isKeyword(word):
            throw failure(expected: expected, found: keywordHint(word, usedAs: "a value"))
        case .word(let text), .quoted(let text):
            try advance()
            return text
        default:
            throw failure(expected: expected)
        }
    }

    /// `segment = 3` almost certainly means a field called segment, so say how to write that.
    private func rejectComparison(afterKeyword keyword: String, expected: String) throws(FilterQueryError) {
        guard current.kind == .equals || current.kind == .notEquals else { return }
        throw failure(expected: expected, found: "\(describe(current)) (put '\(keyword)' in quotes to use it as a field name)")
    }

    private static let segmentIDExpectation = "a whole-number segment id after 'segment'"

    private mutating func segmentID() throws(FilterQueryError) -> Int {
        // Int("+5") and Int("-5") parse, but neither is how anyone writes a segment id.
        if case .word(let word) = current.kind, word.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(word) {
            try advance()
            return id
        }
        throw failure(expected: Self.segmentIDExpectation)
    }

    private mutating func advance() throws(FilterQueryError) {
        current = try lexer.next()
    }

    /// Whether the current token is the bare word `keyword`, in any case.
    private func isKeyword(_ keyword: String) -> Bool {
        if case .word(let word) = current.kind { word.lowercased() == keyword } else { false }
    }

    private func keywordHint(_ word: String, usedAs role: String) -> String {
        "the keyword '\(word)' (put it in quotes to use it as \(role))"
    }

    private func describe(_ token: FilterQueryToken) -> String {
        switch token.kind {
        case .end: "end of query"
        case .quoted: token.text
        default: "'\(token.text)'"
        }
    }

    private func failure(expected: String, found: String? = nil) -> FilterQueryError {
        FilterQueryError(column: current.column, expected: expected, found: found ?? describe(current))
    }
}
