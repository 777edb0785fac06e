import Foundation
import Styling
import TerminalUI

/// The composer over the main area: the menu of new kinds and drafts, or a draft's form with the field being typed,
/// a JSON problem under its field, a picker, and what stopped the last review.
enum ComposerView {
    static func render(_ composer: ComposerState, state: AppState, into canvas: inout Canvas, in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let theme = state.theme
        canvas.fill(rect, with: Cell(" ", style: theme[.text]))
        let (lines, selectedLine) = composer.draft.map { form($0, composer, theme: theme) } ?? menu(composer, theme: theme)
        // Scroll so the focused line stays on screen.
        let top = max(0, (selectedLine ?? 0) - rect.height + 2)
        for (offset, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            canvas.fill(Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: 1), with: Cell(" ", style: line.1))
            // Prose is cut at a word; the line being typed in keeps its end in view as it always did.
            let editing = composer.editing != nil && top + offset == selectedLine
            canvas.put(clipping: editing ? line.0 : Canvas.fitWords(line.0, width: rect.width), x: rect.x, y: rect.y + offset, width: rect.width, style: line.1)
        }
        if let picker = composer.picker { renderPicker(picker, theme: theme, into: &canvas, in: rect) }
    }

    /// A draft's form: a line per field (the focused one marked, a JSON problem under its field), then what stopped
    /// the last review; and the index of the focused line.
    private static func form(_ draft: ComposeDraft, _ composer: ComposerState, theme: Theme) -> ([(String, CellStyle)], Int?) {
        var lines: [(String, CellStyle)] = []
        var selectedLine: Int?
        lines.append((" \(draft.kind.title) — Enter edits · s reviews · Esc: menu (the draft is kept)", theme[.title]))
        // As wide as the longest label (email_ignore_missing), so none is cut.
        let labelWidth = min(22, composer.fields.map { $0.label.count }.max() ?? 18)
        for (index, field) in composer.fields.enumerated() {
            let focused = index == composer.focus
            let value: String
            if focused, let input = composer.editing {
                value = input.text + "▏"
            } else {
                let text = draft.text(of: field)
                let hint = field == .audienceValue ? ComposeField.audienceHint(draft.audience) : field.hint
                value = text.isEmpty ? "(\(hint.isEmpty ? "empty" : hint))" : text.replacingOccurrences(of: "\n", with: " ⏎ ")
            }
            let marker = focused ? "›" : " "
            if focused { selectedLine = lines.count }
            let label = field.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            lines.append((" \(marker) \(label) \(value)", focused ? theme[.tableSelected] : theme[.text]))
            if let problem = draft.jsonProblem(field) {
                lines.append(("     \(String(repeating: " ", count: labelWidth)) ✗ \(problem)", theme[.formError]))
            }
        }
        if !composer.problems.isEmpty {
            lines.append(("", theme[.text]))
            lines.append((" Not ready to review:", theme[.formError]))
            lines += composer.problems.map { ("  • \($0)", theme[.formError]) }
        }
        return (lines, selectedLine)
    }

    /// The menu: the kinds of new draft, then the saved drafts; and the index of the selected line.
    private static func menu(_ composer: ComposerState, theme: Theme) -> ([(String, CellStyle)], Int?) {
        var lines: [(String, CellStyle)] = []
        var selectedLine: Int?
        lines.append((" Compose — Enter opens · d deletes a draft · Esc closes", theme[.title]))
        if let person = composer.person {
            lines.append(("   to \(person.email ?? person.id ?? person.cioID ?? "")", theme[.muted]))
        }
        for (index, kind) in ComposeDraft.Kind.allCases.enumerated() {
            let selected = index == composer.menuSelection
            if selected { selectedLine = lines.count }
            lines.append((" \(selected ? "›" : " ") New \(kind.title.lowercased())", selected ? theme[.tableSelected] : theme[.text]))
        }
        lines.append(("", theme[.text]))
        lines.append((composer.drafts.isEmpty ? " No saved drafts." : " Drafts (saved as you type):", theme[.muted]))
        for (offset, draft) in composer.drafts.enumerated() {
            let index = ComposeDraft.Kind.allCases.count + offset
            let selected = index == composer.menuSelection
            if selected { selectedLine = lines.count }
            let when = draft.updatedAt > 1 ? TimeText.short(Int(draft.updatedAt)) + "  " : ""
            let flag = draft.unknownOutcome == nil ? "" : "  ⚠ outcome unknown"
            lines.append((" \(selected ? "›" : " ") \(when)\(draft.summary)\(flag)", selected ? theme[.tableSelected] : theme[.text]))
        }
        return (lines, selectedLine)
    }

    private static func renderPicker(_ picker: ComposerState.Picker, theme: Theme, into canvas: inout Canvas, in area: Rect) {
        let title = picker.field == .template ? "Pick a template" : "Pick a broadcast"
        let options = picker.shown
        let body: [String] = picker.options == nil ? ["loading…"] : (options.isEmpty ? ["nothing matches"] : options.map(\.label))
        ChoiceListView.render(title: title, filter: picker.input, rows: body, selected: picker.options == nil ? nil : picker.selected, theme: theme, into: &canvas, in: area)
    }
}

/// A boxed list with a filter line, shared by the composer's pickers and the segment chooser.
enum ChoiceListView {
    static func render(title: String, filter: TextInputState, rows: [String], selected: Int?, theme: Theme, into canvas: inout Canvas, in area: Rect) {
        let width = min(area.width, max(40, min(80, (rows.map(DisplayWidth.of).max() ?? 0) + 6)))
        let height = min(area.height, rows.count + 4)
        guard width > 4, height > 3 else { return }
        let box = Rect.centered(width: width, height: height, in: area)
        canvas.drawBox(box, style: theme[.border], title: title, titleStyle: theme[.dialogTitle], fill: theme[.dialog])
        let inner = Rect(x: box.x + 2, y: box.y + 1, width: box.width - 4, height: box.height - 2)
        TextInputView(prompt: "/", placeholder: "type to narrow", styles: TextInputStyles(theme: theme))
            .render(into: &canvas, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: 1), state: filter)
        let visible = inner.height - 1
        let top = max(0, (selected ?? 0) - visible + 1)
        for (offset, row) in rows.dropFirst(top).prefix(visible).enumerated() {
            let isSelected = selected == top + offset
            let style = isSelected ? theme[.tableSelected] : theme[.dialog]
            canvas.fill(Rect(x: inner.x, y: inner.y + 1 + offset, width: inner.width, height: 1), with: Cell(" ", style: style))
            canvas.put(clipping: row, x: inner.x, y: inner.y + 1 + offset, width: inner.width, style: style)
        }
    }
}
