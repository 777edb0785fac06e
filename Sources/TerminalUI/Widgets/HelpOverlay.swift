import Styling

/// One binding in the help overlay; `disabledReason` says why it does nothing here ("read-only profile").
public struct HelpEntry: Sendable, Hashable {
    public var keys: String
    public var title: String
    public var disabledReason: String?

    public init(keys: String, title: String, disabledReason: String? = nil) {
        self.keys = keys
        self.title = title
        self.disabledReason = disabledReason
    }
}

/// A titled group of bindings ("Navigation", "Customers").
public struct HelpSection: Sendable, Hashable {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// Styles the help overlay draws with.
public struct HelpOverlayStyles: Sendable, Hashable {
    public var body: CellStyle
    public var border: CellStyle
    public var title: CellStyle
    public var section: CellStyle
    public var key: CellStyle
    public var disabled: CellStyle

    public init(
        body: CellStyle = .plain, border: CellStyle = .plain, title: CellStyle = CellStyle(attributes: .bold),
        section: CellStyle = CellStyle(attributes: [.bold, .underline]), key: CellStyle = CellStyle(attributes: .bold),
        disabled: CellStyle = CellStyle(attributes: .dim)
    ) {
        self.body = body
        self.border = border
        self.title = title
        self.section = section
        self.key = key
        self.disabled = disabled
    }

    /// The dialog roles for the frame, help_* for the text, muted for what is disabled; roles without a
    /// background take the dialog's, so the overlay is one solid panel.
    public init(theme: Theme) {
        let body = theme[.dialog]
        self.init(
            body: body, border: body, title: theme[.dialogTitle], section: theme[.helpSection].over(body),
            key: theme[.helpKey].over(body), disabled: theme[.muted].over(body)
        )
    }
}

/// The `?` overlay: every binding by section in a centred box, in two columns when the screen is wide enough.
public struct HelpOverlayView: Sendable {
    public var styles: HelpOverlayStyles

    public static let title = "Help — ? or Esc to close"

    public init(styles: HelpOverlayStyles = HelpOverlayStyles()) {
        self.styles = styles
    }

    /// A row of a column: a section title, a binding, or the blank between sections.
    enum Row: Hashable {
        case section(String), entry(HelpEntry), blank
    }

    struct Layout {
        var box: Rect
        var columns: [[Row]]
        var columnWidth: Int
        var keysWidth: Int
        var contentHeight: Int
        var visibleRows: Int
    }

    static func rows(_ sections: ArraySlice<HelpSection>) -> [Row] {
        var rows: [Row] = []
        for section in sections {
            if !rows.isEmpty { rows.append(.blank) }
            rows.append(.section(section.title))
            rows += section.entries.map(Row.entry)
        }
        return rows
    }

    static func entryText(_ entry: HelpEntry) -> String {
        RowText.singleLine(entry.title) + (entry.disabledReason.map { " (" + RowText.singleLine($0) + ")" } ?? "")
    }

    /// Where everything goes in `area`: sections are kept whole and split between two columns at the point that
    /// best evens their heights, when both columns fit side by side at full width.
    static func layout(_ sections: [HelpSection], in area: Rect) -> Layout {
        let entries = sections.flatMap(\.entries)
        let keysWidth = entries.map { DisplayWidth.of(RowText.singleLine($0.keys)) }.max() ?? 0
        let entryWidth = entries.map { keysWidth + 2 + DisplayWidth.of(entryText($0)) }.max() ?? 0
        let columnWidth = max(entryWidth, sections.map { DisplayWidth.of(RowText.singleLine($0.title)) }.max() ?? 0)
        let room = area.width - 4
        var columns = [rows(sections[...])]
        if sections.count > 1, 2 * columnWidth + 3 <= room {
            let best = (1..<sections.count).min { a, b in
                max(rows(sections[..<a]).count, rows(sections[a...]).count) < max(rows(sections[..<b]).count, rows(sections[b...]).count)
            } ?? 1
            columns = [rows(sections[..<best]), rows(sections[best...])]
        }
        // Wide enough for the title in the frame too, since it says how to close the overlay.
        let wanted = max(columns.count == 2 ? 2 * columnWidth + 3 : columnWidth, DisplayWidth.of(title) + 2)
        let inner = min(wanted, max(room, 0))
        let contentHeight = columns.map(\.count).max() ?? 0
        let box = Rect.centered(width: inner + 4, height: contentHeight + 2, in: area)
        return Layout(box: box, columns: columns, columnWidth: min(columnWidth, inner), keysWidth: min(keysWidth, inner * 2 / 5),
                      contentHeight: contentHeight, visibleRows: max(box.height - 2, 0))
    }

    /// The largest useful scroll offset for `sections` drawn in `rect`, for the reducer to clamp against.
    public static func maxScrollOffset(sections: [HelpSection], in rect: Rect) -> Int {
        let layout = layout(sections, in: rect)
        return max(layout.contentHeight - layout.visibleRows, 0)
    }

    /// Draws the overlay centred in `rect`, scrolled down `scrollOffset` rows (clamped to the content).
    public func render(into canvas: inout Canvas, in rect: Rect, sections: [HelpSection], scrollOffset: Int) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        guard area.height >= 3, area.width >= 5 else {
            // No room for a frame: the title says what this is and how to leave.
            canvas.fill(area, style: styles.body, clip: area)
            canvas.put(Canvas.fit(Self.title, width: area.width), x: area.x, y: area.y, style: styles.title, clip: area)
            return
        }
        let layout = Self.layout(sections, in: area)
        let box = layout.box
        canvas.drawBox(box, style: styles.border, title: Self.title, titleStyle: styles.title, fill: styles.body)
        let offset = min(max(scrollOffset, 0), max(layout.contentHeight - layout.visibleRows, 0))
        for (index, column) in layout.columns.enumerated() {
            let x = box.x + 2 + index * (layout.columnWidth + 3)
            let clip = Rect(x: x, y: box.y + 1, width: min(layout.columnWidth, box.maxX - 2 - x), height: layout.visibleRows)
            for line in 0..<layout.visibleRows where offset + line < column.count {
                draw(column[offset + line], y: clip.y + line, clip: clip, keysWidth: layout.keysWidth, canvas: &canvas)
            }
        }
        // Arrows in the bottom edge say there is more than shows.
        let above = offset > 0
        let below = offset + layout.visibleRows < layout.contentHeight
        if (above || below), box.width >= 7 {
            let arrow = above && below ? " ↕ " : (above ? " ↑ " : " ↓ ")
            canvas.put(arrow, x: box.maxX - 5, y: box.maxY - 1, style: styles.border, clip: box)
        }
    }

    private func draw(_ row: Row, y: Int, clip: Rect, keysWidth: Int, canvas: inout Canvas) {
        switch row {
        case .blank:
            break
        case .section(let title):
            canvas.put(Canvas.fit(RowText.singleLine(title), width: clip.width), x: clip.x, y: y, style: styles.section, clip: clip)
        case .entry(let entry):
            let disabled = entry.disabledReason != nil
            let keys = Canvas.fit(RowText.singleLine(entry.keys), width: keysWidth)
            canvas.put(keys, x: clip.x, y: y, style: disabled ? styles.disabled : styles.key, clip: clip)
            let textX = clip.x + keysWidth + 2
            let text = Canvas.fitWords(Self.entryText(entry), width: clip.maxX - textX)
            canvas.put(text, x: textX, y: y, style: disabled ? styles.disabled : styles.body, clip: clip)
        }
    }
}
