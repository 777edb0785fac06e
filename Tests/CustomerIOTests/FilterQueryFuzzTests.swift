import Foundation
import Testing
@testable import CustomerIO

/// The query parser on random and adversarial input, from fixed seeds (a failure reproduces): it returns a filter
/// or a `FilterQueryError`, never anything else, never a crash; what it returns reads back the same and nests no
/// deeper than the API's filter schema allows.
@Suite struct FilterQueryFuzzTests {
    /// Pieces queries are made of, chosen to hit every rule of the lexer and the parser and their edges.
    static let pieces = [
        "(", ")", "((", "))", "not", "NOT", "and", "or", "Or", "has", "exists", "segment", "=", "!=", "==", ">", "<=",
        "~", "contains", "\"", "'", "\\", "\"a b\"", "'x'", "plan", "pro", "12", "-3", "1.5", "名前", "😀", "e\u{301}",
        " ", "  ", "\t", "\n", "", "\u{0}", "a.b-c_d", "jane@example.com", "\"unclosed", "\\\"",
    ]

    @Test(arguments: [UInt64(1), 0xC10, 0xDEAD_BEEF])
    func randomQueriesParseOrFailCleanly(seed: UInt64) throws {
        var random = SplitMix(state: seed)
        var parsed = 0
        for _ in 0..<4_000 {
            // Mostly-grammatical queries (some nest deeper than the API takes), then a few random edits to them.
            var tokens = query(depth: Int.random(in: 0...7, using: &random), &random)
            for _ in 0..<Int.random(in: 0...2, using: &random) {
                let index = Int.random(in: 0...tokens.count, using: &random)
                let piece = Self.pieces.randomElement(using: &random)!
                if index < tokens.count, Bool.random(using: &random) { tokens[index] = piece } else { tokens.insert(piece, at: index) }
            }
            if try check(tokens.joined(separator: " ")) { parsed += 1 }
        }
        // Both paths are exercised: many parse, many are refused.
        #expect(parsed > 400 && parsed < 3_900, "\(parsed) of 4000 parsed")
    }

    /// A query's tokens, nesting up to `depth` levels of and / or / not / parentheses.
    private func query(depth: Int, _ random: inout SplitMix) -> [String] {
        let leaves = [["plan", "=", "pro"], ["has", "phone"], ["segment", "12"], ["city", "!=", "\"New York\""], ["名前", "exists"]]
        guard depth > 0, Int.random(in: 0..<4, using: &random) > 0 else { return leaves.randomElement(using: &random)! }
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return ["not"] + query(depth: depth - 1, &random)
        case 1: return ["("] + query(depth: depth - 1, &random) + [")"]
        default:
            let joint = Bool.random(using: &random) ? "and" : "or"
            let parts = (0..<Int.random(in: 2...3, using: &random)).map { _ in ["("] + query(depth: depth - 1, &random) + [")"] }
            return Array(parts.joined(separator: [joint]))
        }
    }

    @Test func adversarialQueriesParseOrFailCleanly() throws {
        let deep = [1_000, 20_000, 200_000]
        var texts = deep.map { String(repeating: "(", count: $0) + "a = 1" + String(repeating: ")", count: $0) }
        texts += deep.map { String(repeating: "not ", count: $0) + "has x" }
        texts += deep.map { String(repeating: "not (", count: $0 / 2) }
        texts += deep.map { (0..<$0 / 8).map { "a\($0) = 1" }.joined(separator: " and ") }
        texts += deep.map { "\"" + String(repeating: "\\\\", count: $0) }
        texts += [String(repeating: "(", count: 500_000), String(repeating: ")", count: 500_000), String(repeating: "😀", count: 100_000)]
        for text in texts { _ = try check(text) }
    }

    /// Whether `text` parsed; throws (failing the test) on anything but a parse or a `FilterQueryError`.
    private func check(_ text: String) throws -> Bool {
        let filter: AudienceFilter
        do {
            filter = try FilterQuery.parse(text)
        } catch is FilterQueryError {
            return false
        }
        #expect(filter.depth <= FilterQuery.maxDepth, "\(text.prefix(200))")
        #expect(filter.schemaProblem == nil, "\(text.prefix(200))")
        let rendered = FilterQuery.render(filter)
        #expect(try FilterQuery.parse(rendered) == filter, "\(text.prefix(200)) rendered as \(rendered.prefix(200))")
        return true
    }
}

/// SplitMix64: small, fast and the same everywhere, so a seed names a run (shared by this module's generated tests).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
