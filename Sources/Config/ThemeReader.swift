import TOMLKit
import Spelling
import Styling

/// Turns the `[palette]` and `[roles]` tables of a theme file into styles, reporting the first problem with its line.
struct ThemeReader {
    let source: TOMLSource
    private(set) var palette: [String: TerminalColor] = [:]

    init(source: TOMLSource) {
        self.source = source
    }

    mutating func readPalette(_ value: any TOMLValueConvertible) throws(SourceIssue) {
        let path = ["palette"]
        let table = try source.table(value, at: path, what: "palette")
        for name in source.orderedKeys(of: table, at: path) {
            let entryPath = path + [name]
            guard name.lowercased() != "default" else {
                throw source.issue("palette name \"default\" is reserved for the terminal's own colour", at: entryPath)
            }
            palette[name] = try literalColor(table[name]!, at: entryPath, what: "palette entry \(name)", suggestions: [])
        }
    }

    func readRoles(_ value: any TOMLValueConvertible) throws(SourceIssue) -> [ThemeRole: CellStyle] {
        let path = ["roles"]
        let table = try source.table(value, at: path, what: "roles")
        var styles: [ThemeRole: CellStyle] = [:]
        for key in source.orderedKeys(of: table, at: path) {
            guard let role = ThemeRole(rawValue: key) else {
                let hint = Suggestion.hint(for: key, in: ThemeRole.allCases.map(\.rawValue))
                throw source.issue("unknown role \"\(key)\"\(hint)", at: path + [key])
            }
            styles[role] = try style(table[key]!, role: key, at: path + [key])
        }
        return styles
    }

    private static let fields = ["fg", "bg", "attrs"]

    private func style(_ value: any TOMLValueConvertible, role: String, at path: [String]) throws(SourceIssue) -> CellStyle {
        guard let table = value.table else {
            throw source.wrongType(value, at: path, what: "role \(role)", expected: "a table like { fg = \"…\", bg = \"…\", attrs = [\"bold\"] }")
        }
        var style = CellStyle()
        for field in source.orderedKeys(of: table, at: path) {
            let fieldValue = table[field]!
            switch field {
            case "fg": style.foreground = try color(fieldValue, role: role, at: path + [field])
            case "bg": style.background = try color(fieldValue, role: role, at: path + [field])
            case "attrs": style.attributes = try attributes(fieldValue, role: role, at: path + [field])
            default:
                throw source.issue("unknown field \"\(field)\" in role \(role)\(Suggestion.hint(for: field, in: Self.fields))", at: path + [field])
            }
        }
        return style
    }

    /// A role's colour: a palette name first (a palette may redefine "red"), then the literal forms.
    private func color(_ value: any TOMLValueConvertible, role: String, at path: [String]) throws(SourceIssue) -> TerminalColor {
        if let name = value.string, let colour = palette[name] { return colour }
        return try literalColor(value, at: path, what: "role \(role)", suggestions: palette.keys)
    }

    private func literalColor(_ value: any TOMLValueConvertible, at path: [String], what: String, suggestions: some Sequence<String>) throws(SourceIssue) -> TerminalColor {
        if let number = value.int {
            guard let index = UInt8(exactly: number) else {
                throw source.issue("colour \(number) for \(what) is out of range: indexed colours are 0–255", at: path)
            }
            return .indexed(index)
        }
        guard let text = value.string else {
            throw source.wrongType(value, at: path, what: "the colour for \(what)", expected: "a string or an integer 0–255")
        }
        if let colour = ColorSpec.literal(text) { return colour }
        if text.hasPrefix("#") {
            throw source.issue("bad colour \"\(text)\" for \(what): write 24-bit colours as \"#rrggbb\"", at: path)
        }
        if let number = Int(text.trimmingWhitespace()) {
            throw source.issue("colour \(number) for \(what) is out of range: indexed colours are 0–255", at: path)
        }
        let hint = Suggestion.hint(for: text, in: Array(suggestions) + ColorSpec.standardNames + ["default"])
        throw source.issue("unknown colour \"\(text)\" for \(what)\(hint)", at: path)
    }

    private func attributes(_ value: any TOMLValueConvertible, role: String, at path: [String]) throws(SourceIssue) -> TextAttributes {
        guard let list = value.array else {
            throw source.wrongType(value, at: path, what: "attrs of role \(role)", expected: "a list like [\"bold\", \"underline\"]")
        }
        var result: TextAttributes = []
        for element in list {
            guard let name = element.string else {
                throw source.wrongType(element, at: path, what: "each attribute of role \(role)", expected: "a string")
            }
            guard let attribute = ColorSpec.attributeNames.first(where: { $0.name == name.lowercased() }) else {
                let hint = Suggestion.hint(for: name, in: ColorSpec.attributeNames.map(\.name))
                throw source.issue("unknown attribute \"\(name)\" for role \(role)\(hint)", at: path)
            }
            result.insert(attribute.value)
        }
        return result
    }
}
