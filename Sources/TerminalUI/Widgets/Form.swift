import Styling

/// One labelled text field of a form, with the rule its text must meet.
public struct FormField: Sendable {
    public var id: String
    public var label: String
    public var input: TextInputState
    public var placeholder: String
    public var isRequired: Bool
    /// The problem with a text, as a message for the user, or nil when the text is acceptable.
    public var validate: @Sendable (String) -> String?

    public init(id: String, label: String, text: String = "", placeholder: String = "", isRequired: Bool = false, validate: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.id = id
        self.label = label
        self.input = TextInputState(text: text)
        self.placeholder = placeholder
        self.isRequired = isRequired
        self.validate = validate
    }

    /// What is wrong with the current text, nil when nothing is. Emptiness is checked before `validate`, so
    /// rules need not repeat it.
    public var error: String? {
        if input.text.allSatisfy(\.isWhitespace) { return isRequired ? "Required" : nil }
        return validate(input.text)
    }
}

/// A form's fields, which one has focus, and which ones the user has already left.
public struct FormState: Sendable {
    public var fields: [FormField]
    public var focused: Int
    /// Ids of fields the user has left; their errors show from then on, while untouched fields stay quiet.
    public var touched: Set<String>

    public init(fields: [FormField], focused: Int = 0) {
        self.fields = fields
        self.focused = fields.isEmpty ? 0 : min(max(focused, 0), fields.count - 1)
        self.touched = []
    }

    /// Tab: focus moves to the next field, wrapping, and the field left behind counts as touched.
    public mutating func focusNext() { moveFocus(by: 1) }

    /// shift-Tab: focus moves to the previous field, wrapping.
    public mutating func focusPrevious() { moveFocus(by: -1) }

    private mutating func moveFocus(by delta: Int) {
        guard !fields.isEmpty else { return }
        let current = min(max(focused, 0), fields.count - 1)
        touched.insert(fields[current].id)
        focused = ((current + delta) % fields.count + fields.count) % fields.count
    }

    /// Applies an edit to the focused field's input.
    public mutating func editFocused(_ edit: (inout TextInputState) -> Void) {
        guard fields.indices.contains(focused) else { return }
        edit(&fields[focused].input)
    }

    /// The error of the field with `id`, nil when it is valid or there is no such field.
    public func error(for id: String) -> String? {
        fields.first { $0.id == id }?.error
    }

    /// The error to show under field `index`: only for the focused field and for fields already left.
    public func visibleError(at index: Int) -> String? {
        guard fields.indices.contains(index) else { return nil }
        let field = fields[index]
        guard index == focused || touched.contains(field.id) else { return nil }
        return field.error
    }

    public var isValid: Bool { fields.allSatisfy { $0.error == nil } }

    /// The index of the first field with an error, where a failed submit puts the focus.
    public var firstInvalid: Int? { fields.firstIndex { $0.error != nil } }

    /// The texts by field id.
    public var values: [String: String] {
        Dictionary(fields.map { ($0.id, $0.input.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// Enter on a form: the values when every field is valid; otherwise every field counts as touched, so all
    /// errors show, and focus jumps to the first bad one.
    public mutating func submit() -> [String: String]? {
        guard let bad = firstInvalid else { return values }
        touched.formUnion(fields.map(\.id))
        focused = bad
        return nil
    }
}

/// Styles a form draws with.
public struct FormStyles: Sendable, Hashable {
    public var label: CellStyle
    public var focusedLabel: CellStyle
    public var error: CellStyle
    public var input: TextInputStyles

    public init(label: CellStyle = .plain, focusedLabel: CellStyle = CellStyle(attributes: .bold), error: CellStyle = CellStyle(attributes: .bold), input: TextInputStyles = TextInputStyles()) {
        self.label = label
        self.focusedLabel = focusedLabel
        self.error = error
        self.input = input
    }

    /// The theme's form roles; the focused label takes the accent so the eye finds the active field.
    public init(theme: Theme) {
        self.init(label: theme[.formLabel], focusedLabel: theme[.accent], error: theme[.formError], input: TextInputStyles(theme: theme))
    }
}

/// Draws a form: labels in a column, inputs beside them, and each field's error on the row below its input.
/// Every field keeps its error row even when empty, so fields do not jump about as errors come and go.
public struct FormView: Sendable {
    public var styles: FormStyles

    public init(styles: FormStyles = FormStyles()) {
        self.styles = styles
    }

    /// Rows each field takes: the input and its error line.
    public static let rowsPerField = 2

    /// A field's label as shown: required fields end in " *".
    public static func label(of field: FormField) -> String {
        RowText.singleLine(field.label) + (field.isRequired ? " *" : "")
    }

    /// Draws the fields that fit in `rect`, scrolled so the focused field shows.
    public func render(into canvas: inout Canvas, in rect: Rect, state: FormState) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        canvas.fill(area, style: styles.input.text, clip: area)
        let longest = state.fields.map { DisplayWidth.of(Self.label(of: $0)) }.max() ?? 0
        let labelWidth = min(longest, area.width * 2 / 5)
        let inputX = area.x + labelWidth + (labelWidth > 0 ? 1 : 0)
        let visible = max(1, area.height / Self.rowsPerField)
        let first = ScrollWindow.offset(selected: state.focused, current: 0, count: state.fields.count, visible: visible)
        for slot in 0..<visible {
            let index = first + slot
            guard state.fields.indices.contains(index) else { break }
            let field = state.fields[index]
            let y = area.y + slot * Self.rowsPerField
            let focused = index == state.focused
            if labelWidth > 0 {
                let label = Canvas.fit(Self.label(of: field), width: labelWidth)
                canvas.put(label, x: area.x, y: y, style: focused ? styles.focusedLabel : styles.label, clip: area)
            }
            let inputRect = Rect(x: inputX, y: y, width: area.maxX - inputX, height: 1).intersection(area)
            TextInputView(placeholder: field.placeholder, styles: styles.input)
                .render(into: &canvas, in: inputRect, state: field.input, focused: focused)
            if let message = state.visibleError(at: index), y + 1 < area.maxY {
                let shown = Canvas.fit(RowText.singleLine(message), width: area.maxX - inputX)
                canvas.put(shown, x: inputX, y: y + 1, style: styles.error, clip: area)
            }
        }
    }
}
