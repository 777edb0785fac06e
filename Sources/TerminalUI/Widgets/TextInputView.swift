import Styling

/// Styles a text field draws with.
public struct TextInputStyles: Sendable, Hashable {
    public var prompt: CellStyle
    public var text: CellStyle
    public var cursor: CellStyle
    public var placeholder: CellStyle

    public init(
        prompt: CellStyle = CellStyle(attributes: .bold),
        text: CellStyle = .plain,
        cursor: CellStyle = CellStyle(attributes: .reverse),
        placeholder: CellStyle = CellStyle(attributes: .dim)
    ) {
        self.prompt = prompt
        self.text = text
        self.cursor = cursor
        self.placeholder = placeholder
    }

    /// The theme's input roles; the prompt uses the accent so it reads as a label, not as typed text.
    public init(theme: Theme) {
        self.init(prompt: theme[.accent], text: theme[.input], cursor: theme[.inputCursor], placeholder: theme[.inputPlaceholder])
    }
}

/// A one-row text field: a prompt, then the text scrolled sideways so the cursor is always in view.
public struct TextInputView: Sendable {
    public var prompt: String
    public var placeholder: String
    public var styles: TextInputStyles

    public init(prompt: String = "", placeholder: String = "", styles: TextInputStyles = TextInputStyles()) {
        self.prompt = prompt
        self.placeholder = placeholder
        self.styles = styles
    }

    /// The display column (from the start of the text) of the first cell shown in a field `width` cells wide:
    /// 0 while text and cursor fit, else the first character boundary that keeps the cursor cell in the field.
    /// Starting on a boundary means a wide character is never shown by half.
    public static func scrollColumn(of state: TextInputState, width: Int) -> Int {
        let characters = Array(state.text)
        let cursor = min(max(state.cursor, 0), characters.count)
        var columns: [Int] = []
        var column = 0
        for character in characters {
            columns.append(column)
            column += DisplayWidth.of(character)
        }
        let cursorColumn = cursor < characters.count ? columns[cursor] : column
        let cursorWidth = cursor < characters.count ? max(DisplayWidth.of(characters[cursor]), 1) : 1
        let needed = cursorColumn + cursorWidth - max(width, 1)
        guard needed > 0 else { return 0 }
        // Never past the cursor itself: a wide cursor in a one-cell field still starts the field.
        return min(columns.first { $0 >= needed } ?? cursorColumn, cursorColumn)
    }

    /// Draws on the first row of `rect`. Without focus there is no cursor and the text shows from its start,
    /// as a form's other fields should look.
    public func render(into canvas: inout Canvas, in rect: Rect, state: TextInputState, focused: Bool = true) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        let y = area.y
        let row = Rect(x: area.x, y: y, width: area.width, height: 1)
        canvas.fill(row, style: styles.text, clip: area)
        // The prompt gives way before the field does: one cell of text tells more than a cut prompt.
        let promptWidth = DisplayWidth.of(prompt)
        let showsPrompt = promptWidth > 0 && promptWidth < area.width
        if showsPrompt { canvas.put(prompt, x: area.x, y: y, style: styles.prompt, clip: row) }
        let field = Rect(x: area.x + (showsPrompt ? promptWidth : 0), y: y, width: area.width - (showsPrompt ? promptWidth : 0), height: 1)

        if state.text.isEmpty {
            let shown = Canvas.fit(RowText.singleLine(placeholder), width: field.width)
            canvas.put(shown, x: field.x, y: y, style: styles.placeholder, clip: field)
            guard focused else { return }
            // The cursor sits on the placeholder's first character, which stays readable under it.
            let first = shown.first.map(String.init) ?? " "
            canvas.put(first, x: field.x, y: y, style: styles.cursor, clip: field)
            return
        }

        let start = focused ? Self.scrollColumn(of: state, width: field.width) : 0
        let cursor = min(max(state.cursor, 0), state.text.count)
        var column = 0
        var cursorX: Int?
        var cursorText = " "
        for (index, character) in state.text.enumerated() {
            if column - start >= field.width { break }
            let x = field.x + column - start
            if column >= start { canvas.put(String(character), x: x, y: y, style: styles.text, clip: field) }
            if index == cursor {
                cursorX = x
                cursorText = DisplayWidth.of(character) > 0 ? String(character) : " "
            }
            column += DisplayWidth.of(character)
        }
        guard focused else { return }
        let x = cursorX ?? field.x + column - start
        canvas.put(cursorText, x: x, y: y, style: styles.cursor, clip: field)
    }
}
