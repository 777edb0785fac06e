/// One piece of a filter query, with where it starts so errors can point at it.
struct FilterQueryToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A bare word: a field, a value, a number or a keyword; the parser decides which.
        case word(String)
        /// A quoted string with its escapes already resolved.
        case quoted(String)
        case leftParen
        case rightParen
        case equals
        case notEquals
        /// `>`, `<`, `>=`, `<=` or `~`: kept as tokens so the parser can explain the API lacks them.
        case unsupportedOperator
        /// Any other character; the parser reports it with what it expected there.
        case unexpected
        case end
    }

    let kind: Kind
    /// The text as typed, quotes included, for error messages.
    let text: String
    /// 1-based, counted in characters.
    let column: Int
}

/// Splits query text into tokens on demand, so the first error reported is the leftmost one.
struct FilterQueryLexer {
    /// Reserved words; as fields or values they must be quoted.
    static let keywords: Set<String> = ["and", "or", "not", "segment", "has", "exists"]

    static func isKeyword(_ word: String) -> Bool {
        keywords.contains(word.lowercased())
    }

    /// Characters a bare field name may use.
    static func isFieldCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || "_.-".contains(character)
    }

    /// Characters a bare value may use: field characters plus those common in emails, phones and URLs.
    static func isWordCharacter(_ character: Character) -> Bool {
        isFieldCharacter(character) || "@+:/".contains(character)
    }

    private let characters: [Character]
    private var index = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func next() throws(FilterQueryError) -> FilterQueryToken {
        while index < characters.count, characters[index].isWhitespace {
            index += 1
        }
        let start = index
        guard index < characters.count else {
            return FilterQueryToken(kind: .end, text: "", column: start + 1)
        }
        let character = characters[index]
        index += 1
        let kind: FilterQueryToken.Kind
        switch character {
        case "(":
            kind = .leftParen
        case ")":
            kind = .rightParen
        case "=":
            kind = .equals
        case "!":
            kind = consume("=") ? .notEquals : .unexpected
        case ">", "<":
            _ = consume("=")
            kind = .unsupportedOperator
        case "~":
            kind = .unsupportedOperator
        case "\"", "'":
            kind = .quoted(try quoted(closing: character, openedAt: start))
        case _ where Self.isWordCharacter(character):
            while index < characters.count, Self.isWordCharacter(characters[index]) {
                index += 1
            }
            kind = .word(String(characters[start..<index]))
        default:
            kind = .unexpected
        }
        return FilterQueryToken(kind: kind, text: String(characters[start..<index]), column: start + 1)
    }

    private mutating func consume(_ expected: Character) -> Bool {
        guard index < characters.count, characters[index] == expected else { return false }
        index += 1
        return true
    }

    /// Reads up to the closing quote; `index` is just past the opening one.
    private mutating func quoted(closing quote: Character, openedAt start: Int) throws(FilterQueryError) -> String {
        var content = ""
        while index < characters.count {
            let character = characters[index]
            index += 1
            if character == quote {
                return content
            }
            guard character == "\\" else {
                content.append(character)
                continue
            }
            guard index < characters.count else { break }
            let escaped = characters[index]
            guard escaped == "\"" || escaped == "'" || escaped == "\\" else {
                throw FilterQueryError(
                    column: index + 1,
                    expected: "a quote or another backslash after '\\'",
                    found: "'\(escaped)'"
                )
            }
            content.append(escaped)
            index += 1
        }
        throw FilterQueryError(
            column: start + 1,
            expected: "a closing \(quote) to end the quoted text that starts here",
            found: "end of query"
        )
    }
}
