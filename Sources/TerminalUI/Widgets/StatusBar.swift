import Styling

/// A key and what it does, as the status bar suggests it (`? help`).
public struct StatusHint: Sendable, Hashable {
    public var key: String
    public var title: String

    public init(key: String, title: String) {
        self.key = key
        self.title = title
    }
}

/// Requests used of the rate limit in the current window (`7/10 req/s`).
public struct RateBudget: Sendable, Hashable {
    public var used: Int
    public var limit: Int

    public init(used: Int, limit: Int) {
        self.used = used
        self.limit = limit
    }
}

/// The braille spinner shown while requests are under way; the caller advances the frame on its own ticks.
public enum Spinner {
    public static let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    /// The frame for any counter value, wrapping (negative values too), so callers can just keep counting.
    public static func frame(_ index: Int) -> String {
        frames[((index % frames.count) + frames.count) % frames.count]
    }
}

/// Everything the bottom status bar shows, gathered by the app each frame.
public struct StatusBarModel: Sendable, Hashable {
    /// A warning that the session is not an ordinary one; the last thing the bar gives up when narrow.
    public enum Badge: Sendable, Hashable {
        case demo, readOnly

        public var label: String {
            switch self {
            case .demo: " DEMO "
            case .readOnly: " READ-ONLY "
            }
        }
    }

    public var profile: String
    public var region: String
    public var badge: Badge?
    public var rateBudget: RateBudget?
    public var inFlight: Int
    /// The spinner frame to show, or nil when nothing is under way.
    public var spinnerFrame: Int?
    public var hints: [StatusHint]
    /// Takes the place of the hints while shown.
    public var flash: Flash?

    public init(profile: String, region: String, badge: Badge? = nil, rateBudget: RateBudget? = nil, inFlight: Int = 0, spinnerFrame: Int? = nil, hints: [StatusHint] = [], flash: Flash? = nil) {
        self.profile = profile
        self.region = region
        self.badge = badge
        self.rateBudget = rateBudget
        self.inFlight = inFlight
        self.spinnerFrame = spinnerFrame
        self.hints = hints
        self.flash = flash
    }
}

/// Styles the status bar draws with.
public struct StatusBarStyles: Sendable, Hashable {
    public var bar: CellStyle
    public var profile: CellStyle
    public var demo: CellStyle
    public var readOnly: CellStyle
    public var hint: CellStyle
    public var hintKey: CellStyle
    public var spinner: CellStyle
    public var flashInfo: CellStyle
    public var flashWarn: CellStyle
    public var flashError: CellStyle

    /// Without colour the bar is reversed and what must stand out (badges, errors) is bold in normal video.
    public init(
        bar: CellStyle = CellStyle(attributes: .reverse), profile: CellStyle = CellStyle(attributes: .bold),
        demo: CellStyle = CellStyle(attributes: .bold), readOnly: CellStyle = CellStyle(attributes: .bold),
        hint: CellStyle = CellStyle(attributes: .reverse), hintKey: CellStyle = CellStyle(attributes: [.reverse, .bold]),
        spinner: CellStyle = CellStyle(attributes: .reverse), flashInfo: CellStyle = CellStyle(attributes: .reverse),
        flashWarn: CellStyle = CellStyle(attributes: [.reverse, .bold]), flashError: CellStyle = CellStyle(attributes: [.bold, .underline])
    ) {
        self.bar = bar
        self.profile = profile
        self.demo = demo
        self.readOnly = readOnly
        self.hint = hint
        self.hintKey = hintKey
        self.spinner = spinner
        self.flashInfo = flashInfo
        self.flashWarn = flashWarn
        self.flashError = flashError
    }

    /// The theme's status, badge and flash roles; hint keys are the hint style in bold, as no role covers them.
    public init(theme: Theme) {
        var hintKey = theme[.statusHint]
        hintKey.attributes.insert(.bold)
        self.init(
            bar: theme[.statusBar], profile: theme[.badgeProfile], demo: theme[.badgeDemo], readOnly: theme[.badgeReadOnly],
            hint: theme[.statusHint], hintKey: hintKey, spinner: theme[.spinner],
            flashInfo: theme[.flashInfo], flashWarn: theme[.flashWarn], flashError: theme[.flashError]
        )
    }

    func flash(_ level: Flash.Level) -> CellStyle {
        switch level {
        case .info: flashInfo
        case .warn: flashWarn
        case .error: flashError
        }
    }
}
