import Foundation

/// Finds the line a TOML key was written on, so that semantic errors can point at it.
///
/// TOMLKit reports positions only for syntax errors: a parsed table carries no source positions. So this scans the
/// text once, line by line, tracking the current `[table]` header and recording where each key path first appears
/// (`key = …`, dotted keys, headers). It does not parse values; it only skips the bodies of multi-line strings so that
/// text inside them is never mistaken for a key. Keys inside inline tables (`{ fg = … }`) are not recorded: asking for
/// one answers with the line of the nearest recorded ancestor, which is the line that holds the inline table.
struct SourceLocator {
    private var lines: [[String]: Int] = [:]

    init(text: String) {
        var table: [String] = []
        var openMultiline: String?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = Substring(rawLine)
            if let delimiter = openMultiline {
                if Self.count(of: delimiter, in: line) % 2 == 1 { openMultiline = nil }
                continue
            }
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("[") {
                let isArray = trimmed.hasPrefix("[[")
                var cursor = trimmed.dropFirst(isArray ? 2 : 1)
                if let path = Self.keyPath(&cursor), cursor.first == "]" {
                    table = path
                    // `[a.b]` also brings `a` into being: a mistake in `a` is best shown here.
                    for length in 1...path.count { record(Array(path.prefix(length)), line: number) }
                }
                continue
            }
            var cursor = trimmed
            guard let path = Self.keyPath(&cursor), cursor.first == "=" else { continue }
            for length in 1...path.count { record(table + path.prefix(length), line: number) }
            openMultiline = Self.unclosedMultiline(in: cursor.dropFirst())
        }
    }

    /// The 1-based line of `path`, or of its nearest recorded ancestor; nil when none of it was found.
    func line(of path: [String]) -> Int? {
        var candidate = path[...]
        while !candidate.isEmpty {
            if let line = lines[Array(candidate)] { return line }
            candidate = candidate.dropLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// Reads `a.b."c d".'e'` with optional blanks around the dots, leaving `cursor` after trailing blanks.
    private static func keyPath(_ cursor: inout Substring) -> [String]? {
        var path: [String] = []
        while true {
            skipBlanks(&cursor)
            guard let segment = keySegment(&cursor) else { return nil }
            path.append(segment)
            skipBlanks(&cursor)
            guard cursor.first == "." else { return path }
            cursor = cursor.dropFirst()
        }
    }

    private static func keySegment(_ cursor: inout Substring) -> String? {
        switch cursor.first {
        case "\"": return quoted(&cursor, quote: "\"", escapes: true)
        case "'": return quoted(&cursor, quote: "'", escapes: false)
        default:
            let bare = cursor.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") })
            guard !bare.isEmpty else { return nil }
            cursor = cursor.dropFirst(bare.count)
            return String(bare)
        }
    }

    private static func quoted(_ cursor: inout Substring, quote: Character, escapes: Bool) -> String? {
        var result = ""
        var rest = cursor.dropFirst()
        while let character = rest.first {
            rest = rest.dropFirst()
            if character == quote {
                cursor = rest
                return result
            }
            if escapes, character == "\\", let escaped = rest.first {
                rest = rest.dropFirst()
                result.append(Self.escapes[escaped] ?? escaped)
            } else {
                result.append(character)
            }
        }
        return nil
    }

    private static let escapes: [Character: Character] = ["n": "\n", "t": "\t", "r": "\r", "\"": "\"", "\\": "\\"]

    private static func skipBlanks(_ cursor: inout Substring) {
        cursor = cursor.drop(while: { $0 == " " || $0 == "\t" })
    }

    /// The delimiter of a multi-line string that opens in `value` and does not close on the same line.
    private static func unclosedMultiline(in value: Substring) -> String? {
        for delimiter in ["\"\"\"", "'''"] where count(of: delimiter, in: value) % 2 == 1 {
            return delimiter
        }
        return nil
    }

    private static func count(of delimiter: String, in text: Substring) -> Int {
        var count = 0
        var rest = text
        while let range = rest.range(of: delimiter) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
