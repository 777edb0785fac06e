import Styling

/// Styles the command palette draws with.
public struct CommandPaletteStyles: Sendable, Hashable {
    public var row: CellStyle
    public var detail: CellStyle
    public var selected: CellStyle
    public var match: CellStyle
    public var input: TextInputStyles

    public init(
        row: CellStyle = .plain, detail: CellStyle = CellStyle(attributes: .dim), selected: CellStyle = CellStyle(attributes: .reverse),
        match: CellStyle = CellStyle(attributes: [.bold, .underline]), input: TextInputStyles = TextInputStyles()
    ) {
        self.row = row
        self.detail = detail
        self.selected = selected
        self.match = match
        self.input = input
    }

    /// The theme's palette roles, muted for the command titles and the input roles for the prompt row.
    public init(theme: Theme) {
        self.init(row: theme[.text], detail: theme[.muted], selected: theme[.paletteSelected], match: theme[.paletteMatch], input: TextInputStyles(theme: theme))
    }
}

/// The `:` prompt on the bottom row of its area with suggestions stacked just above it, so they appear next to
/// where the user is typing and cover as little of the view as possible.
public struct CommandPaletteView: Sendable {
    public var styles: CommandPaletteStyles
    /// At most this many suggestion rows, however tall the area.
    public var maxSuggestions: Int

    public init(styles: CommandPaletteStyles = CommandPaletteStyles(), maxSuggestions: Int = 8) {
        self.styles = styles
        self.maxSuggestions = maxSuggestions
    }

    /// Draws into `rect`: suggestions (label, then the command's title) above an input row prefixed with ":".
    public func render(into canvas: inout Canvas, in rect: Rect, state: CommandPaletteState, commands: [PaletteCommand]) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        let inputY = area.maxY - 1
        TextInputView(prompt: ":", styles: styles.input)
            .render(into: &canvas, in: Rect(x: area.x, y: inputY, width: area.width, height: 1), state: state.input)
        let completions = CommandPaletteState.completions(for: state.input.text, in: commands)
        let shown = min(max(maxSuggestions, 0), area.height - 1, completions.count)
        guard shown > 0 else { return }
        let selected = min(max(state.selected, 0), completions.count - 1)
        let first = ScrollWindow.offset(selected: selected, current: 0, count: completions.count, visible: shown)
        // One cell of margin each side. Labels are what the user picks between, so they may take two thirds of
        // the width before they are cut; titles get the rest.
        let longest = completions.map { DisplayWidth.of(RowText.singleLine($0.label)) }.max() ?? 0
        let labelWidth = min(longest, max(area.width * 2 / 3, 1))
        for line in 0..<shown {
            let index = first + line
            let y = inputY - shown + line
            let isSelected = index == selected
            let base = isSelected ? styles.selected : styles.row
            canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: base, clip: area)
            drawLabel(completions[index], x: area.x + 1, y: y, width: labelWidth, base: base, selected: isSelected, canvas: &canvas, clip: area)
            let detailX = area.x + 1 + labelWidth + 2
            let detail = Canvas.fit(RowText.singleLine(completions[index].detail), width: area.maxX - 1 - detailX)
            canvas.put(detail, x: detailX, y: y, style: isSelected ? styles.selected : styles.detail, clip: area)
        }
    }

    /// The label cut to `width`, its matched Characters in the match style (on the row's background, so the
    /// selected row stays one solid bar).
    private func drawLabel(_ completion: PaletteCompletion, x: Int, y: Int, width: Int, base: CellStyle, selected: Bool, canvas: inout Canvas, clip: Rect) {
        let label = RowText.singleLine(completion.label)
        let fitted = Canvas.fit(label, width: width)
        let kept = fitted == label ? fitted.count : fitted.count - 1
        var match = styles.match
        match.background = base.background
        if selected, base.attributes.contains(.reverse) { match.attributes.insert(.reverse) }
        let matched = Set(completion.matched)
        var column = x
        for (offset, character) in fitted.enumerated() {
            let style = offset < kept && matched.contains(offset) ? match : base
            column += canvas.put(String(character), x: column, y: y, style: style, clip: clip)
        }
    }
}
