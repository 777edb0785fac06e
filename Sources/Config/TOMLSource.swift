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

    /// Parses `text`; a syntax error keeps TOMLKit's line and column.
    init(text: String) throws(SourceIssue) {
        do {
            root = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            // toml++ says "Error while parsing …"; "syntax error while parsing …" reads better after a location.
            let detail = error.description.hasPrefix("Error while ") ? String(error.description.dropFirst(6)) : ": \(error.description)"
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
