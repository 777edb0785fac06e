import CustomerIO
import Foundation

/// Attribute edits as a person types them on one line, in the spirit of httpie:
/// `plan=pro` sets a string, `score:=42` / `vip:=true` sets raw JSON (a number, a boolean, an object),
/// `trial_ends@=2026-12-31` sets a timestamp (a date, `YYYY-MM-DD HH:MM` local, or Unix seconds), and `-nickname` or
/// `nickname=` removes one. Values with spaces are quoted: `first_name="Mary Ann"`.
public struct AttributeChanges: Sendable, Hashable {
    /// What happens to one attribute.
    public enum Change: Sendable, Hashable {
        case set(JSONValue)
        case remove
    }

    /// The changes in the order typed (a name typed twice keeps its last change, in its first place).
    public var changes: [(name: String, change: Change)] {
        order.compactMap { name in byName[name].map { (name, $0) } }
    }

    private var order: [String] = []
    private var byName: [String: Change] = [:]

    public init() {}

    public static func == (lhs: AttributeChanges, rhs: AttributeChanges) -> Bool { lhs.order == rhs.order && lhs.byName == rhs.byName }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(order)
        for name in order { hasher.combine(byName[name]) }
    }

    public var isEmpty: Bool { order.isEmpty }

    mutating func add(_ name: String, _ change: Change) {
        if byName[name] == nil { order.append(name) }
        byName[name] = change
    }

    /// The `attributes` object the Track API takes: a removal is `null`, which the API documents as removing it.
    public var attributes: [String: JSONValue] {
        byName.mapValues { change in
            if case .set(let value) = change { return value }
            return .null
        }
    }

    /// Reads a line of edits; the message says which word is wrong and how to write it.
    public static func parse(_ text: String) throws -> AttributeChanges {
        var result = AttributeChanges()
        for word in try words(text) {
            try result.read(word)
        }
        return result
    }

    private mutating func read(_ word: String) throws {
        if word.hasPrefix("-"), !word.contains("=") {
            let name = String(word.dropFirst())
            guard !name.isEmpty else { throw TrackProblem("attributes", "“-” needs a name after it: -nickname removes nickname") }
            return add(name, .remove)
        }
        guard let equals = word.firstIndex(of: "=") else {
            throw TrackProblem("attributes", "“\(word)” is not an edit: write name=text, name:=42, name@=2026-12-31 or -name")
        }
        var name = String(word[..<equals])
        let value = String(word[word.index(after: equals)...])
        if name.hasSuffix(":") {
            name.removeLast()
            try add(checked(name), .set(json(value, name: name)))
        } else if name.hasSuffix("@") {
            name.removeLast()
            guard let time = Self.time(value) else {
                throw TrackProblem("attributes.\(name)", "“\(value)” is not a time: write 2026-12-31, \"2026-12-31 09:30\" (local) or Unix seconds")
            }
            try add(checked(name), .set(.number(Double(time))))
        } else {
            try add(checked(name), value.isEmpty ? .remove : .set(.string(value)))
        }
    }

    private func checked(_ name: String) throws -> String {
        guard !name.isEmpty else { throw TrackProblem("attributes", "an edit has no name before its =") }
        return name
    }

    private func json(_ text: String, name: String) throws -> JSONValue {
        switch JSONChecker.value(text) {
        case .success(let value): return value
        case .failure(let problem):
            throw TrackProblem("attributes.\(name)", "“\(text)” is not JSON (\(problem.message)); := takes 42, true, null or {…}")
        }
    }

    /// A date (midnight, local), `YYYY-MM-DD HH:MM` in local time, or Unix seconds.
    static func time(_ text: String) -> Int? {
        if let time = WritePlanner.parseTime(text) { return time }
        let date = text.split(separator: "-").compactMap { Int($0) }
        guard date.count == 3, text.count == 10 else { return nil }
        return WritePlanner.parseTime("\(text) 00:00")
    }

    /// Splits on spaces outside quotes; `"…"` and `'…'` keep spaces, and `\` escapes the next character.
    static func words(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        var inWord = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
            } else if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw TrackProblem("attributes", "a \(quote) is never closed") }
        if inWord { words.append(current) }
        return words
    }

    /// The review's lines: each attribute with what it was and what it becomes.
    public func diff(against current: [String: JSONValue]?) -> [String] {
        changes.map { name, change in
            let before = current.map { $0[name].map { "“\($0.displayText)”" } ?? "(not set)" } ?? "(profile not loaded)"
            switch change {
            case .remove: return "\(name): \(before) → removed"
            case .set(let value):
                let after = if case .string(let text) = value { "“\(text)”" } else { value.compactJSON }
                return "\(name): \(before) → \(after)"
            }
        }
    }
}
