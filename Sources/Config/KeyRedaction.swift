import Foundation

/// Keeps literal keys out of syntax error messages: the TOML parser may quote the text it choked on, and on an
/// `api_key = …` line that text is the key.
extension ConfigParser {
    static let literalKeyFields = ["api_key", "track_api_key"]

    static func redactingKeys(_ issue: SourceIssue, in text: String) -> SourceIssue {
        var result = issue
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            guard let value = literalKeyValue(in: line) else { continue }
            if issue.column != nil, issue.line == index + 1 {
                result.message = "syntax error in a key value (the text is not shown, since it may be a key)"
                return result
            }
            if value.count >= 4 { result.message = result.message.replacingOccurrences(of: value, with: "<redacted>") }
        }
        return result
    }

    /// The raw text after `=` on an `api_key = …` or `track_api_key = …` line, quotes removed.
    private static func literalKeyValue(in line: Substring) -> String? {
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard let field = literalKeyFields.first(where: { trimmed.hasPrefix($0) }) else { return nil }
        let rest = trimmed.dropFirst(field.count).drop(while: { $0 == " " || $0 == "\t" })
        guard rest.first == "=" else { return nil }
        let value = String(rest.dropFirst()).trimmingWhitespace()
        return String(value.filter { $0 != "\"" && $0 != "'" })
    }
}
