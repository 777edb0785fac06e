import CustomerIO
import Foundation
import Styling
import TerminalUI

/// A Track write's form over the main area: who it is for, a line per field (the focused one with its cursor, a
/// JSON problem under its field), and what would stop the review, worked out as it is typed.
enum TrackFormView {
    static func render(_ form: TrackForm, theme: Theme, into canvas: inout Canvas, in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        canvas.fill(rect, with: Cell(" ", style: theme[.text]))
        let (lines, focusLine) = self.lines(form, theme: theme)
        let top = max(0, focusLine - rect.height + 3)
        for (offset, line) in lines.dropFirst(top).prefix(rect.height).enumerated() {
            canvas.fill(Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: 1), with: Cell(" ", style: line.1))
            let text = top + offset == focusLine ? line.0 : Canvas.fitWords(line.0, width: rect.width)
            canvas.put(clipping: text, x: rect.x, y: rect.y + offset, width: rect.width, style: line.1)
        }
    }

    static func lines(_ form: TrackForm, theme: Theme) -> ([(String, CellStyle)], Int) {
        var lines: [(String, CellStyle)] = [
            (" \(form.action.title)", theme[.title]),
            ("   \(form.person.label)" + (form.action == .pipelines || form.person.label == form.person.identifier.value ? "" : " (\(form.person.identifier.label))"), theme[.text]),
            ("", theme[.text]),
        ]
        let labelWidth = form.fields.map(\.label.count).max() ?? 12
        var focusLine = 0
        for (index, field) in form.fields.enumerated() {
            let focused = index == form.focus
            if focused { focusLine = lines.count }
            let label = field.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let value: String
            if focused && field.choices == nil {
                value = cursorText(field.input)
            } else if field.text.isEmpty {
                value = field.hint.isEmpty ? "" : "(\(field.hint))"
            } else {
                value = field.text + (field.choices == nil ? "" : "   (Enter: next)")
            }
            lines.append((" \(focused ? "›" : " ") \(label)  \(value)", focused ? theme[.tableSelected] : theme[.text]))
            if let problem = field.problem { lines.append(("   \(String(repeating: " ", count: labelWidth)) ✗ \(problem)", theme[.formError])) }
            if focused, field.choices == nil, !field.text.isEmpty, !field.hint.isEmpty {
                lines.append(("   \(String(repeating: " ", count: labelWidth)) \(field.hint)", theme[.muted]))
            }
        }
        lines.append(("", theme[.text]))
        if let problem = form.problem {
            lines.append((" Not ready: \(problem)", theme[.formError]))
        } else {
            lines.append((" Ready: ctrl-s (or Enter on the last field) shows the review; only y there sends", theme[.stateGood]))
        }
        lines.append((" Tab / ↓ next field · ↑ previous · Enter steps a choice · Esc closes (nothing sent)", theme[.muted]))
        return (lines, focusLine)
    }

    /// The text with a bar where the cursor is.
    private static func cursorText(_ input: TextInputState) -> String {
        let characters = Array(input.text)
        let cursor = max(0, min(characters.count, input.cursor))
        return String(characters[..<cursor]) + "▏" + String(characters[cursor...])
    }
}
