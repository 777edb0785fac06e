import Styling

/// A modal question: title, message, a row of buttons and which one has focus.
public struct DialogState: Sendable, Hashable {
    public var title: String
    public var message: String
    /// Left to right; the first is the way out (Cancel), the last the action.
    public var buttons: [String]
    public var focused: Int
    /// Draws the frame, title and action button in the danger style (deletes, unsubscribes).
    public var isDanger: Bool

    public init(title: String, message: String, buttons: [String], focused: Int = 0, isDanger: Bool = false) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focused = focused
        self.isDanger = isDanger
    }

    /// A Cancel / `confirmTitle` question with focus on Cancel, so a stray Enter never does the action.
    public static func confirm(title: String, message: String, confirmTitle: String, isDanger: Bool = false) -> DialogState {
        DialogState(title: title, message: message, buttons: ["Cancel", confirmTitle], focused: 0, isDanger: isDanger)
    }

    /// Tab / →: the next button, wrapping.
    public mutating func focusNext() { moveFocus(by: 1) }

    /// shift-Tab / ←: the previous button, wrapping.
    public mutating func focusPrevious() { moveFocus(by: -1) }

    private mutating func moveFocus(by delta: Int) {
        guard !buttons.isEmpty else { return }
        let current = min(max(focused, 0), buttons.count - 1)
        focused = ((current + delta) % buttons.count + buttons.count) % buttons.count
    }

    /// Whether pressing button `pressedIndex` means "go ahead": only the last button does, and never the first,
    /// so a one-button dialog is an acknowledgement and not a confirmation.
    public func isConfirmed(_ pressedIndex: Int) -> Bool {
        pressedIndex > 0 && pressedIndex == buttons.count - 1
    }
}

/// Styles a dialog draws with.
public struct DialogStyles: Sendable, Hashable {
    public var body: CellStyle
    public var border: CellStyle
    public var title: CellStyle
    public var button: CellStyle
    public var buttonFocused: CellStyle
    public var danger: CellStyle
    public var dangerFocused: CellStyle

    public init(
        body: CellStyle = .plain,
        border: CellStyle = .plain,
        title: CellStyle = CellStyle(attributes: .bold),
        button: CellStyle = .plain,
        buttonFocused: CellStyle = CellStyle(attributes: .reverse),
        danger: CellStyle = CellStyle(attributes: .bold),
        dangerFocused: CellStyle = CellStyle(attributes: [.bold, .reverse])
    ) {
        self.body = body
        self.border = border
        self.title = title
        self.button = button
        self.buttonFocused = buttonFocused
        self.danger = danger
        self.dangerFocused = dangerFocused
    }

    /// The theme's dialog roles. The focused danger button is the danger style reversed (underlined if it is
    /// reversed already), so focus on the dangerous action is visible whatever the theme's colours.
    public init(theme: Theme) {
        var dangerFocused = theme[.dialogDanger]
        dangerFocused.attributes.insert(dangerFocused.attributes.contains(.reverse) ? .underline : .reverse)
        self.init(
            body: theme[.dialog], border: theme[.dialog], title: theme[.dialogTitle], button: theme[.dialogButton],
            buttonFocused: theme[.dialogButtonFocused], danger: theme[.dialogDanger], dangerFocused: dangerFocused
        )
    }
}

/// Draws a dialog centred in its area: a framed box with the wrapped message and the buttons on the last row.
/// In areas too small for a frame the box goes, then the message, and the buttons stay to the last.
public struct DialogView: Sendable {
    public var styles: DialogStyles

    /// The widest a message line gets, so long messages wrap into a readable block rather than a long strip.
    public static let maxMessageWidth = 50

    public init(styles: DialogStyles = DialogStyles()) {
        self.styles = styles
    }

    /// Draws the dialog centred in `rect`, covering what is under its box.
    public func render(into canvas: inout Canvas, in rect: Rect, state: DialogState) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        let titleWidth = DisplayWidth.of(RowText.singleLine(state.title))
        let messageWidth = state.message.split(whereSeparator: \.isNewline).map { DisplayWidth.of($0) }.max() ?? 0
        let buttonsWidth = Self.buttonLabels(state.buttons, compact: false).reduce(0) { $0 + DisplayWidth.of($1) + 2 } - 2
        let preferred = max(buttonsWidth, titleWidth + 2, min(messageWidth, Self.maxMessageWidth), 20)
        let contentWidth = min(preferred, area.width - 4)
        guard contentWidth >= 1, area.height >= 3 else {
            renderBare(into: &canvas, area: area, state: state)
            return
        }
        let lines = TextWrap.lines(state.message, width: contentWidth)
        // Frame, message, one blank row, buttons: as much of it as fits.
        let box = Rect.centered(width: contentWidth + 4, height: lines.count + 4, in: area)
        let border = state.isDanger ? styles.danger : styles.border
        canvas.drawBox(box, style: border, title: state.title, titleStyle: state.isDanger ? styles.danger : styles.title, fill: styles.body)
        let content = Rect(x: box.x + 2, y: box.y + 1, width: contentWidth, height: box.height - 2)
        drawMessage(lines, in: Rect(x: content.x, y: content.y, width: content.width, height: content.height - 1), canvas: &canvas)
        drawButtons(state, y: content.maxY - 1, in: content, canvas: &canvas)
    }

    /// No room for a frame: title and message on the rows above, buttons on the last row.
    private func renderBare(into canvas: inout Canvas, area: Rect, state: DialogState) {
        canvas.fill(area, style: styles.body, clip: area)
        if area.height >= 2 {
            let title = Canvas.fit(RowText.singleLine(state.title), width: area.width)
            canvas.put(title, x: area.x, y: area.y, style: state.isDanger ? styles.danger : styles.title, clip: area)
            let rows = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2)
            drawMessage(TextWrap.lines(state.message, width: area.width), in: rows, canvas: &canvas)
        }
        drawButtons(state, y: area.maxY - 1, in: area, canvas: &canvas)
    }

    /// Message lines from the top of `rect`; when they do not all fit, the last one shown ends in "…".
    private func drawMessage(_ lines: [String], in rect: Rect, canvas: inout Canvas) {
        guard !rect.isEmpty else { return }
        for (row, line) in lines.prefix(rect.height).enumerated() {
            let cut = row == rect.height - 1 && lines.count > rect.height
            let text = cut ? Canvas.fit(line + "…", width: rect.width) : line
            canvas.put(text, x: rect.x, y: rect.y + row, style: styles.body, clip: rect)
        }
    }

    static func buttonLabels(_ buttons: [String], compact: Bool) -> [String] {
        buttons.map { compact ? "[\(RowText.singleLine($0))]" : "[ \(RowText.singleLine($0)) ]" }
    }

    /// Buttons right-aligned on row `y`: `[ Cancel ]  [ Delete ]`, then `[Cancel] [Delete]` when that does not
    /// fit, then only the focused button, cut to the width, since that is the one Enter would press.
    private func drawButtons(_ state: DialogState, y: Int, in rect: Rect, canvas: inout Canvas) {
        guard !state.buttons.isEmpty else { return }
        let focused = min(max(state.focused, 0), state.buttons.count - 1)
        var labels = Self.buttonLabels(state.buttons, compact: false)
        var gap = 2
        var indices = Array(state.buttons.indices)
        func width() -> Int { labels.reduce(0) { $0 + DisplayWidth.of($1) } + gap * (labels.count - 1) }
        if width() > rect.width {
            labels = Self.buttonLabels(state.buttons, compact: true)
            gap = 1
        }
        if width() > rect.width {
            labels = [Canvas.fit(labels[focused], width: rect.width)]
            indices = [focused]
        }
        var x = rect.maxX - width()
        for (label, index) in zip(labels, indices) {
            let action = state.isDanger && state.isConfirmed(index)
            let style = index == focused ? (action ? styles.dangerFocused : styles.buttonFocused) : (action ? styles.danger : styles.button)
            canvas.put(label, x: x, y: y, style: style, clip: rect)
            x += DisplayWidth.of(label) + gap
        }
    }
}
