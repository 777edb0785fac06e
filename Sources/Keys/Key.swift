/// A key press as the app sees it, whatever terminal sequence produced it.
public enum Key: Hashable, Sendable {
    /// A printable character (letters keep their case: `g` and `G` differ).
    case character(Character)
    /// Ctrl with a letter, stored lowercase (`ctrl-d`).
    case control(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete, insert
    /// F1…F12.
    case function(Int)

    /// Parses the form used in config files and docs: `q`, `G`, `?`, `ctrl-d`, `pgdn`, `shift-tab`, `f5`,
    /// `space`, `esc`. Case matters only for single characters.
    public init?(spec: String) {
        guard !spec.isEmpty else { return nil }
        if spec.count == 1, let character = spec.first {
            self = .character(character)
            return
        }
        let lowered = spec.lowercased()
        if lowered.hasPrefix("ctrl-") || lowered.hasPrefix("c-") {
            let rest = lowered.drop(while: { $0 != "-" }).dropFirst()
            guard rest.count == 1, let letter = rest.first, letter.isLetter, letter.isASCII else { return nil }
            self = .control(letter)
            return
        }
        if lowered.first == "f", let number = Int(lowered.dropFirst()), (1...12).contains(number) {
            self = .function(number)
            return
        }
        guard let named = Self.named[lowered] else { return nil }
        self = named
    }

    private static let named: [String: Key] = [
        "up": .up, "down": .down, "left": .left, "right": .right, "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
        "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape, "tab": .tab,
        "shift-tab": .backTab, "backtab": .backTab, "backspace": .backspace, "bs": .backspace,
        "delete": .delete, "del": .delete, "insert": .insert, "space": .character(" "),
    ]

    /// How help and docs write the key: `ctrl-d`, `PgDn`, `↑`, `G`.
    public var displayName: String {
        switch self {
        case .character(" "): "space"
        case .character(let character): String(character)
        case .control(let letter): "ctrl-\(letter)"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .enter: "Enter"
        case .escape: "Esc"
        case .tab: "Tab"
        case .backTab: "shift-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .insert: "Insert"
        case .function(let number): "F\(number)"
        }
    }

    /// The spec form (`Key(spec:)` reads it back): what docs/keybindings.md and config files use.
    public var spec: String {
        switch self {
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .home: "home"
        case .end: "end"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .enter: "enter"
        case .escape: "esc"
        case .tab: "tab"
        case .backTab: "shift-tab"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .function(let number): "f\(number)"
        default: displayName
        }
    }
}
