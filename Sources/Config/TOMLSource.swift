import TOMLKit

/// A problem in a TOML file, located, before it becomes a `ThemeError` or a `ConfigError`.
struct SourceIssue: Error {
    var line: Int?
    var column: Int?
    var message: String
}

/// A parsed TOML document together with what is needed to point at its lines, shared by theme and config files.
struct TOMLSource {
    let root: TOMLTable
    let locator: SourceLocator

    /// How deep keys may nest, counting the parts of dotted keys and the brackets around them. toml++ walks dotted
    /// keys recursively with no bound of its own (it bounds nested arrays and inline tables at 256, but not
    /// `a.b.c…`), so a long one would exhaust the stack; none of cio's settings nests more than four deep.
    static let maxDottedParts = 32

    /// Parses `text`; a syntax error keeps TOMLKit's line and column.
    init(text: String) throws(SourceIssue) {
        if let line = DottedKeyScanner.firstLine(withMoreDotsThan: Self.maxDottedParts - 1, in: text) {
            throw SourceIssue(line: line, column: nil, message: "keys nest more than \(Self.maxDottedParts) levels deep here; no setting nests that deep")
        }
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // toml++ says "Error while parsing …"; "syntax error while parsing …" reads better after a location.
            let detail = error.description.hasPrefix("Error while ") ? " " + error.description.dropFirst(6) : ": \(error.description)"
            throw SourceIssue(line: error.source.begin.line, column: error.source.begin.column, message: "syntax error\(detail)")
        } catch {
            throw SourceIssue(line: nil, column: nil, message: "syntax error: \(error)")
        }
        locator = SourceLocator(text: text)
    }

    /// An issue placed on the line where `path` (or its nearest written ancestor) appears.
    func issue(_ message: String, at path: [String]) -> SourceIssue {
        SourceIssue(line: locator.line(of: path), column: nil, message: message)
    }

    /// The keys of `table` in the order they were written, so the first error reported is the first in the file.
    func orderedKeys(of table: TOMLTable, at path: [String]) -> [String] {
        table.keys
            .map { (key: $0, line: locator.line(of: path + [$0]) ?? Int.max) }
            .sorted { ($0.line, $0.key) < ($1.line, $1.key) }
            .map(\.key)
    }

    func table(_ value: any TOMLValueConvertible, at path: [String], what: String) throws(SourceIssue) -> TOMLTable {
        guard let table = value.table else { throw wrongType(value, at: path, what: what, expected: "a table") }
        return table
    }

    func string(_ value: any TOMLValueConvertible, at path: [String], what: String) throws(SourceIssue) -> String {
        guard let string = value.string else { throw wrongType(value, at: path, what: what, expected: "a string") }
        return string
    }

    func bool(_ value: any TOMLValueConvertible, at path: [String], what: String) throws(SourceIssue) -> Bool {
        guard let bool = value.bool else { throw wrongType(value, at: path, what: what, expected: "true or false") }
        return bool
    }

    /// An error that names what was expected and what was found, never the value itself (it may be a key).
    func wrongType(_ value: any TOMLValueConvertible, at path: [String], what: String, expected: String) -> SourceIssue {
        issue("\(what) must be \(expected), not \(Self.describe(value.type))", at: path)
    }

    static func describe(_ type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "a list"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a decimal number"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        }
    }
}

/// Finds a key path deeper than a bound without parsing: outside strings and comments it counts, for each
/// key-value pair, the dots of its key and of every key it sits inside (a dotted key holding an inline table of
/// dotted keys adds up), plus one per open bracket. A comma or a line ends a pair; a closing bracket returns to the
/// count where it opened.
enum DottedKeyScanner {
    /// The 1-based line where the count first passes `limit`, or nil.
    static func firstLine(withMoreDotsThan limit: Int, in text: String) -> Int? {
        var line = 1
        var depth = 0
        // The count at each open bracket, which a comma or a new line inside it returns to.
        var opened: [Int] = []
        var bytes = Array(text.utf8)[...]
        while let byte = bytes.popFirst() {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: ","):
                if byte == UInt8(ascii: "\n") { line += 1 }
                depth = opened.last ?? 0
            case UInt8(ascii: "."), UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                if byte != UInt8(ascii: ".") { opened.append(depth) }
                if depth > limit { return line }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                _ = opened.popLast()
                depth = opened.last ?? 0
            case UInt8(ascii: "#"):
                while let next = bytes.first, next != UInt8(ascii: "\n") { bytes.removeFirst() }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                line += skipString(opening: byte, &bytes)
            default:
                continue
            }
        }
        return nil
    }

    /// Skips a string whose opening quote was just read (one or three of them); returns the newlines skipped.
    private static func skipString(opening quote: UInt8, _ bytes: inout ArraySlice<UInt8>) -> Int {
        let isMultiline = bytes.prefix(2).elementsEqual([quote, quote])
        if isMultiline { bytes.removeFirst(2) }
        var newlines = 0
        while let byte = bytes.popFirst() {
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                if bytes.popFirst() == UInt8(ascii: "\n") { newlines += 1 }
                continue
            }
            if byte == UInt8(ascii: "\n") {
                newlines += 1
                if !isMultiline { return newlines }
            }
            guard byte == quote else { continue }
            if !isMultiline { return newlines }
            if bytes.prefix(2).elementsEqual([quote, quote]) {
                bytes.removeFirst(2)
                return newlines
            }
        }
        return newlines
    }
}
