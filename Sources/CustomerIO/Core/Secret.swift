import Foundation

/// A credential that never prints itself: not in logs, crash output, `print`, `dump` or string interpolation.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let value: String

    /// Trims surrounding white space (keys pasted from a browser often carry a newline); nil when empty.
    public init?(_ raw: String) {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        value = trimmed
    }

    /// The secret itself; call sites are few and easy to audit (request headers only).
    public func reveal() -> String { value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "<redacted>" }
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Replaces any occurrence of the secret in `text`, for error excerpts that might echo a header back.
    public func redact(in text: String) -> String {
        text.replacingOccurrences(of: value, with: "<redacted>")
    }
}
