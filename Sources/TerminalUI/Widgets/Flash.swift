/// A short message in the status bar that goes away by itself ("Copied", "Rate limited, retrying in 2 s").
/// Times are seconds on any monotonic clock the caller picks; the flash only compares them.
public struct Flash: Sendable, Hashable {
    /// How serious a flash is: it sets the colour and how long the message stays.
    public enum Level: Sendable, Hashable, CaseIterable {
        case info, warn, error

        /// Seconds on screen: longer for worse news, which takes longer to read and matters more.
        public var duration: Double {
            switch self {
            case .info: 3
            case .warn: 5
            case .error: 8
            }
        }
    }

    public var level: Level
    public var text: String
    public var expiresAt: Double

    public init(level: Level, text: String, expiresAt: Double) {
        self.level = level
        self.text = text
        self.expiresAt = expiresAt
    }

    /// A flash shown from `now` for its level's duration.
    public static func make(_ level: Level, _ text: String, now: Double) -> Flash {
        Flash(level: level, text: text, expiresAt: now + level.duration)
    }

    /// Whether the flash should be gone at `now` (it is gone at the very moment it expires).
    public func isExpired(at now: Double) -> Bool { now >= expiresAt }
}
