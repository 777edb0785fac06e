import Testing
@testable import TerminalUI

@Suite struct FormTests {
    static func form() -> FormState {
        FormState(fields: [
            FormField(id: "email", label: "Email", placeholder: "you@example.com", isRequired: true) { $0.contains("@") ? nil : "Needs an @" },
            FormField(id: "name", label: "Name"),
            FormField(id: "age", label: "Age", text: "12x") { Int($0) == nil ? "Must be a number" : nil },
        ])
    }

    @Test func errorsComeFromRequirednessThenTheRule() {
        var form = Self.form()
        #expect(form.error(for: "email") == "Required")
        #expect(form.error(for: "name") == nil)
        #expect(form.error(for: "age") == "Must be a number")
        #expect(form.error(for: "missing") == nil)
        #expect(!form.isValid)
        #expect(form.firstInvalid == 0)
        form.editFocused { $0.insert("   ") }
        #expect(form.error(for: "email") == "Required")
        form.editFocused { $0.setText("ada") }
        #expect(form.error(for: "email") == "Needs an @")
        form.editFocused { $0.insert("@example.com") }
        #expect(form.error(for: "email") == nil)
        #expect(form.firstInvalid == 2)
        form.fields[2].input.backspace()
        #expect(form.isValid)
        #expect(form.firstInvalid == nil)
    }

    @Test func focusWrapsAndLeavingAFieldTouchesIt() {
        var form = Self.form()
        #expect(form.visibleError(at: 0) == "Required")
        #expect(form.visibleError(at: 2) == nil)
        form.focusPrevious()
        #expect(form.focused == 2)
        #expect(form.touched == ["email"])
        #expect(form.visibleError(at: 2) == "Must be a number")
        form.focusNext()
        #expect(form.focused == 0)
        #expect(form.touched == ["email", "age"])
        #expect(form.visibleError(at: 2) == "Must be a number")
        #expect(form.visibleError(at: 1) == nil)
        #expect(form.visibleError(at: 7) == nil)
        var empty = FormState(fields: [])
        empty.focusNext()
        #expect(empty.focused == 0)
    }

    @Test func submitReturnsValuesOrShowsEveryError() {
        var form = Self.form()
        form.focused = 1
        #expect(form.submit() == nil)
        #expect(form.focused == 0)
        #expect(form.touched == ["email", "name", "age"])
        form.editFocused { $0.insert("a@b.c") }
        form.fields[2].input = TextInputState(text: "42")
        #expect(form.submit() == ["email": "a@b.c", "name": "", "age": "42"])
    }

    func render(_ form: FormState, _ size: Size) throws -> HeadlessScreen {
        try present(size) { FormView().render(into: &$0, in: $1, state: form) }
    }

    @Test func rendersLabelsInputsAndInlineErrors() throws {
        var form = Self.form()
        let first = try render(form, Size(width: 40, height: 6))
        // Nothing touched yet: only the focused field's error shows; each field keeps its error row.
        #expect(first.text == "Email * you@example.com\n        Required\nName\n\nAge     12x\n")
        #expect(first.style(x: 0, y: 0)?.attributes == .bold)
        #expect(first.style(x: 8, y: 0)?.attributes == .reverse)
        #expect(first.style(x: 9, y: 0)?.attributes == .dim)
        #expect(first.style(x: 8, y: 1)?.attributes == .bold)
        #expect(first.style(x: 0, y: 2) == .plain)
        form.focusNext()
        form.focusNext()
        let last = try render(form, Size(width: 40, height: 6))
        #expect(last.text == """
        Email * you@example.com
                Required
        Name

        Age     12x
                Must be a number
        """)
        #expect(last.style(x: 0, y: 0) == .plain)
        #expect(last.style(x: 0, y: 4)?.attributes == .bold)
        #expect(last.style(x: 11, y: 4)?.attributes == .reverse)
        #expect(last.style(x: 9, y: 0)?.attributes == .dim)
        #expect(last.style(x: 8, y: 0)?.attributes == .dim)
    }

    @Test func shortAreasScrollToTheFocusedField() throws {
        var form = Self.form()
        form.focusPrevious()
        #expect(try render(form, Size(width: 30, height: 3)).text == "Age     12x\n        Must be a number\n")
        #expect(try render(form, Size(width: 30, height: 1)).text == "Age     12x")
        // Labels get at most 40% of the width (5 of 14 cells).
        #expect(try render(form, Size(width: 14, height: 2)).text == "Age   12x\n      Must be…")
        form.focused = 0
        #expect(try render(form, Size(width: 14, height: 2)).text == "Emai… you@exa…\n      Required")
        let one = try render(Self.form(), Size(width: 1, height: 1))
        #expect(one.text == "…")
        #expect(one.style(x: 0, y: 0)?.attributes == .reverse)
    }
}
