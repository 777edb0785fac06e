/// A named part of the interface that a theme styles. The raw value is the key used in theme files.
public enum ThemeRole: String, CaseIterable, Sendable, Hashable {
    // Everywhere
    case text, muted, accent, border, title
    // Top bar
    case topBar = "top_bar", tab, tabActive = "tab_active", breadcrumb
    // Tables
    case tableHeader = "table_header", tableRow = "table_row", tableSelected = "table_selected", tableMatch = "table_match"
    // Status bar
    case statusBar = "status_bar", statusHint = "status_hint", badgeProfile = "badge_profile"
    case badgeDemo = "badge_demo", badgeReadOnly = "badge_read_only", spinner
    // Flash messages
    case flashInfo = "flash_info", flashWarn = "flash_warn", flashError = "flash_error"
    // Dialogs
    case dialog, dialogTitle = "dialog_title", dialogButton = "dialog_button"
    case dialogButtonFocused = "dialog_button_focused", dialogDanger = "dialog_danger"
    // Text input and forms
    case input, inputCursor = "input_cursor", inputPlaceholder = "input_placeholder"
    case formLabel = "form_label", formError = "form_error"
    // Detail views and JSON trees
    case detailKey = "detail_key", detailValue = "detail_value"
    case jsonKey = "json_key", jsonString = "json_string", jsonNumber = "json_number"
    case jsonBool = "json_bool", jsonNull = "json_null", jsonPunctuation = "json_punctuation"
    // Help overlay and command palette
    case helpKey = "help_key", helpSection = "help_section"
    case paletteSelected = "palette_selected", paletteMatch = "palette_match"
    // Charts and states
    case sparkline, sparklineAlt = "sparkline_alt"
    case stateGood = "state_good", stateWarn = "state_warn", stateBad = "state_bad"

    /// The role a missing entry falls back to, so a theme may style only what it cares about.
    public var fallback: ThemeRole? {
        switch self {
        case .text: nil
        case .tableRow, .detailValue, .input, .dialog, .jsonString, .jsonNumber, .jsonBool: .text
        case .tab, .breadcrumb: .topBar
        case .statusHint, .spinner: .statusBar
        case .inputPlaceholder, .jsonNull, .jsonPunctuation: .muted
        case .dialogButton: .dialog
        case .paletteSelected: .tableSelected
        case .paletteMatch: .tableMatch
        case .sparklineAlt: .sparkline
        default: .text
        }
    }
}

/// Styles for every role of the interface: what a theme file describes.
public struct Theme: Sendable, Hashable {
    /// The theme's name, as `--theme` and `:theme` take it.
    public var name: String
    private var styles: [ThemeRole: CellStyle]

    /// A theme from explicit styles; roles left out take their fallback role's style.
    public init(name: String, styles: [ThemeRole: CellStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`, following fallbacks for roles the theme leaves out.
    public subscript(role: ThemeRole) -> CellStyle {
        get {
            var current: ThemeRole? = role
            while let candidate = current {
                if let style = styles[candidate] { return style }
                current = candidate.fallback
            }
            return .plain
        }
        set { styles[role] = newValue }
    }

    /// Whether the theme sets `role` itself (rather than inheriting it).
    public func defines(_ role: ThemeRole) -> Bool { styles[role] != nil }

    /// The same theme with every colour removed (for `NO_COLOR` and monochrome terminals). Roles that were told
    /// apart only by colour keep an attribute so that selection, focus and errors stay visible.
    public func monochrome() -> Theme {
        var result = Theme(name: name, styles: [:])
        for role in ThemeRole.allCases {
            var style = self[role]
            style.foreground = .default
            style.background = .default
            style.attributes.formUnion(Self.monochromeEmphasis[role] ?? [])
            result.styles[role] = style
        }
        return result
    }

    private static let monochromeEmphasis: [ThemeRole: TextAttributes] = [
        .tabActive: [.reverse, .bold], .tableHeader: .bold, .tableSelected: .reverse, .tableMatch: [.bold, .underline],
        .statusBar: .reverse, .badgeDemo: [.bold], .badgeReadOnly: [.bold], .flashError: .bold,
        .dialogButtonFocused: .reverse, .dialogDanger: .bold, .inputCursor: .reverse, .formError: .bold,
        .paletteSelected: .reverse, .paletteMatch: [.bold, .underline], .helpKey: .bold, .helpSection: .bold,
        .topBar: .reverse, .stateBad: .bold,
    ]

    /// The built-in dark theme, compiled in: used before any file loads and whenever a theme file is broken.
    public static let fallback: Theme = {
        func style(_ fg: UInt8?, _ bg: UInt8? = nil, _ attributes: TextAttributes = []) -> CellStyle {
            CellStyle(foreground: fg.map { .indexed($0) } ?? .default, background: bg.map { .indexed($0) } ?? .default, attributes: attributes)
        }
        return Theme(name: "default", styles: [
            .text: .plain, .muted: style(8), .accent: style(6, nil, .bold), .border: style(8), .title: style(nil, nil, .bold),
            .topBar: style(15, 236), .tab: style(250, 236), .tabActive: style(0, 6, .bold), .breadcrumb: style(250, 236),
            .tableHeader: style(6, nil, .bold), .tableRow: .plain, .tableSelected: style(15, 24), .tableMatch: style(11, nil, [.bold, .underline]),
            .statusBar: style(250, 236), .statusHint: style(244, 236), .badgeProfile: style(0, 6, .bold),
            .badgeDemo: style(0, 11, .bold), .badgeReadOnly: style(15, 4, .bold), .spinner: style(6, 236),
            .flashInfo: style(0, 6), .flashWarn: style(0, 11), .flashError: style(15, 1, .bold),
            .dialog: style(15, 237), .dialogTitle: style(15, 237, .bold), .dialogButton: style(250, 239),
            .dialogButtonFocused: style(0, 6, .bold), .dialogDanger: style(15, 1, .bold),
            .input: .plain, .inputCursor: style(nil, nil, .reverse), .inputPlaceholder: style(8),
            .formLabel: style(250), .formError: style(9),
            .detailKey: style(6), .detailValue: .plain,
            .jsonKey: style(6), .jsonString: style(2), .jsonNumber: style(5), .jsonBool: style(3), .jsonNull: style(8), .jsonPunctuation: style(8),
            .helpKey: style(11, nil, .bold), .helpSection: style(6, nil, .bold), .paletteSelected: style(15, 24), .paletteMatch: style(11, nil, .bold),
            .sparkline: style(6), .sparklineAlt: style(5),
            .stateGood: style(2), .stateWarn: style(3), .stateBad: style(1),
        ])
    }()
}
