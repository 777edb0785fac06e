import Foundation

/// Keeps secrets out of config error messages: the TOML parser may quote the text it choked on ("'9876…' is not
/// representable in 64 bits"), and on a line that sets a key, a token or a site id, that text is the secret.
extension ConfigParser {
    /// Words that make a setting's value secret wherever they appear in its name, whatever the case.
    static let secretWords = ["key", "token", "secret", "password"]

    /// Whether a setting's value may be a secret: every `…key…`, `…token…`, `…secret…` and `…password…` (the
    /// `_env` and `_command` forms too: a key is sometimes pasted there by mistake), and `site_id`. `keys`, the
    /// keymap table, holds keystrokes.
    static func isSecretField(_ name: String) -> Bool {
        let name = name.lowercased()
        if name == "keys" { return false }
        return name == "site_id" || secretWords.contains { name.contains($0) }
    }

    /// `issue` with no secret of `text` in it: a syntax error on a line holding a secret's name or value says only
    /// that, and every secret value is taken out of any other message.
    static func redactingKeys(_ issue: SourceIssue, in text: String) -> SourceIssue {
        var scanner = SecretScanner()
        scanner.scan(text)
        var result = issue
        if issue.column != nil, let line = issue.line, scanner.lines.contains(line) {
            result.message = "syntax error in a key value (the text is not shown, since it may be a key)"
            return result
        }
        // Longest first, so a secret holding a shorter one is not left half shown.
        for value in scanner.values.sorted(by: { $0.count > $1.count }) {
            result.message = result.message.replacingOccurrences(of: value, with: "<redacted>")
        }
        return result
    }
}

/// Finds, without parsing (the file may not parse), the lines where a secret setting's name or value is written
/// and the text of those values: keys dotted, quoted or inside inline tables, values over several lines (arrays,
/// multi-line strings). It walks the text once, keeping a stack of open brackets, so no input drives it deeper.
struct SecretScanner {
    /// 1-based lines that hold a secret's name or part of its value.
    private(set) var lines: Set<Int> = []
    /// Secret values (strings' contents and bare words) of at least four characters, to take out of messages.
    private(set) var values: Set<String> = []

    /// A setting whose value is being read, and how many brackets were open when it began.
    private struct Pair {
        let secret: Bool
        let depth: Int
    }

    private var scalars: [Unicode.Scalar] = []
    private var index = 0
    private var line = 1
    /// `[` and `{` open inside values.
    private var brackets: [Unicode.Scalar] = []
    private var pairs: [Pair] = []
    private var expectingKey = true
    private var keyText = ""
    private var word = ""

    private var inSecret: Bool { pairs.last?.secret ?? false }

    /// The setting named by the key read so far: the last part of a dotted key, quotes left out.
    private var keyName: String {
        keyText.filter { $0 != "\"" && $0 != "'" }.split(separator: ".").last.map { String($0).trimmingWhitespace() } ?? ""
    }

    mutating func scan(_ text: String) {
        scalars = Array(text.unicodeScalars)
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            step(scalar)
            if inSecret { lines.insert(line) }
        }
        endLine()
    }

    private mutating func step(_ scalar: Unicode.Scalar) {
        switch scalar {
        case "#": while index < scalars.count, scalars[index] != "\n" { index += 1 }
        case "\"", "'": readString(opening: scalar)
        case "\n": newline()
        case "=" where expectingKey: beginPair()
        case "[" where expectingKey && brackets.isEmpty:
            // A table header: a name, never a value.
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
        case "[" where !expectingKey, "{" where !expectingKey:
            endWord()
            brackets.append(scalar)
            expectingKey = scalar == "{"
        case "]", "}":
            endWord()
            endPairs(deeperThan: brackets.count - 1)
            _ = brackets.popLast()
            expectingKey = false
        case ",":
            endWord()
            if brackets.last == "{" {
                endPairs(deeperThan: brackets.count - 1)
                expectingKey = true
            }
        default:
            if expectingKey {
                keyText.unicodeScalars.append(scalar)
            } else if scalar.properties.isWhitespace {
                endWord()
            } else {
                word.unicodeScalars.append(scalar)
            }
        }
    }

    private mutating func beginPair() {
        let secret = inSecret || ConfigParser.isSecretField(keyName)
        pairs.append(Pair(secret: secret, depth: brackets.count))
        keyText = ""
        expectingKey = false
    }

    private mutating func endPairs(deeperThan depth: Int) {
        while let last = pairs.last, last.depth > depth { pairs.removeLast() }
    }

    private mutating func endWord() {
        if inSecret { remember(word) }
        word = ""
    }

    private mutating func remember(_ value: String) {
        let value = value.trimmingWhitespace()
        if value.count >= 4, value != "true", value != "false" { values.insert(value) }
    }

    /// A line ends a setting unless a bracket is still open (an array over several lines).
    private mutating func newline() {
        endWord()
        guard brackets.isEmpty else {
            line += 1
            return
        }
        endLine()
        line += 1
        pairs.removeAll()
        expectingKey = true
    }

    /// A name with no `=` after it (a broken line) still marks its line when it names a secret.
    private mutating func endLine() {
        endWord()
        if !keyName.isEmpty, ConfigParser.isSecretField(keyName) { lines.insert(line) }
        keyText = ""
    }

    /// A string whose opening quote was just read (one or three): its contents go to the key or, in a secret's
    /// value, to the values. A one-line string ends at the line's end, as TOML says, even when unclosed.
    private mutating func readString(opening quote: Unicode.Scalar) {
        let multiline = index + 1 < scalars.count && scalars[index] == quote && scalars[index + 1] == quote
        if multiline { index += 2 }
        var contents = ""
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\n" {
                if !multiline { break }
                line += 1
            }
            index += 1
            if scalar == "\\", quote == "\"", index < scalars.count {
                contents.unicodeScalars.append(scalar)
                contents.unicodeScalars.append(scalars[index])
                if scalars[index] == "\n" { line += 1 }
                index += 1
                continue
            }
            if scalar == quote, !multiline || (index + 1 < scalars.count && scalars[index] == quote && scalars[index + 1] == quote) {
                if multiline { index += 2 }
                break
            }
            contents.unicodeScalars.append(scalar)
            if inSecret { lines.insert(line) }
        }
        if expectingKey { keyText += contents } else if inSecret { remember(contents) }
    }
}
