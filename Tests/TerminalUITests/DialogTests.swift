import Styling
import Testing
@testable import TerminalUI

@Suite struct DialogTests {
    static let plain = DialogState.confirm(title: "Discard draft?", message: "Your changes to 李雷's profile 👍 will be lost.", confirmTitle: "Discard")
    static let danger = DialogState.confirm(
        title: "Delete customer 李雷?",
        message: "This deletes the customer and all 1,204 events. It cannot be undone: https://fly.customer.io/workspaces/12345/people/abcdefghijklmnop",
        confirmTitle: "Delete", isDanger: true
    )
    static let theme = Theme.fallback

    func render(_ state: DialogState, _ size: Size, styles: DialogStyles = DialogStyles()) throws -> HeadlessScreen {
        try present(size) { DialogView(styles: styles).render(into: &$0, in: $1, state: state) }
    }

    @Test func confirmStartsOnCancelAndOnlyTheActionConfirms() {
        var dialog = Self.danger
        #expect(dialog.buttons == ["Cancel", "Delete"])
        #expect(dialog.focused == 0)
        #expect(!dialog.isConfirmed(dialog.focused))
        dialog.focusNext()
        #expect(dialog.focused == 1)
        #expect(dialog.isConfirmed(dialog.focused))
        dialog.focusNext()
        #expect(dialog.focused == 0)
        dialog.focusPrevious()
        #expect(dialog.focused == 1)
        #expect(!dialog.isConfirmed(5))
        #expect(!DialogState(title: "Done", message: "", buttons: ["OK"]).isConfirmed(0))
        var empty = DialogState(title: "", message: "", buttons: [])
        empty.focusNext()
        #expect(empty.focused == 0)
    }

    @Test func textWrapBreaksAtSpacesAndHardWrapsLongWords() {
        #expect(TextWrap.lines("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(TextWrap.lines("abcdefghij xy", width: 4) == ["abcd", "efgh", "ij", "xy"])
        #expect(TextWrap.lines("李雷韩梅梅 ok", width: 5) == ["李雷", "韩梅", "梅 ok"])
        #expect(TextWrap.lines("one\n\ntwo  three", width: 20) == ["one", "", "two three"])
        #expect(TextWrap.lines("anything", width: 0) == [])
        // A wide character in a one-cell line still moves on, one per line.
        #expect(TextWrap.lines("李雷", width: 1) == ["李", "雷"])
    }

    @Test func oneByOneShowsTheFocusedButton() throws {
        for state in [Self.plain, Self.danger] {
            let screen = try render(state, Size(width: 1, height: 1))
            #expect(screen.text == "…")
            #expect(screen.style(x: 0, y: 0)?.attributes == .reverse)
        }
    }

    @Test func twentyByFiveCutsTheMessageAndKeepsTheButtons() throws {
        #expect(try render(Self.plain, Size(width: 20, height: 5)).text == """
        ┌─ Discard draft? ─┐
        │ Your changes to  │
        │ 李雷's profile…  │
        │         [Cancel] │
        └──────────────────┘
        """)
        let danger = try render(Self.danger, Size(width: 20, height: 5))
        #expect(danger.text == """
        ┌─ Delete custom… ─┐
        │ This deletes the │
        │ customer and al… │
        │         [Cancel] │
        └──────────────────┘
        """)
        #expect(danger.style(x: 0, y: 0)?.attributes == .bold)
        #expect(danger.style(x: 12, y: 3)?.attributes == .reverse)
    }

    @Test func eightyByTwentyFourPlain() throws {
        let styles = DialogStyles(theme: Self.theme)
        let screen = try render(Self.plain, Size(width: 80, height: 24), styles: styles)
        let drawn = block(screen.text)
        #expect(drawn.top == 9)
        #expect(drawn.left == 14)
        #expect(drawn.text == """
        ┌─ Discard draft? ────────────────────────────────┐
        │ Your changes to 李雷's profile 👍 will be lost. │
        │                                                 │
        │                         [ Cancel ]  [ Discard ] │
        └─────────────────────────────────────────────────┘
        """)
        #expect(screen.style(x: 14, y: 9) == Self.theme[.dialog])
        #expect(screen.style(x: 18, y: 9) == Self.theme[.dialogTitle])
        #expect(screen.style(x: 30, y: 11) == Self.theme[.dialog])
        #expect(screen.style(x: 40, y: 12) == Self.theme[.dialogButtonFocused])
        #expect(screen.style(x: 52, y: 12) == Self.theme[.dialogButton])
        #expect(screen.style(x: 13, y: 9) == .plain)
    }

    @Test func eightyByTwentyFourDangerWrapsAndStylesTheAction() throws {
        let styles = DialogStyles(theme: Self.theme)
        var state = Self.danger
        let screen = try render(state, Size(width: 80, height: 24), styles: styles)
        let drawn = block(screen.text)
        #expect(drawn.top == 8)
        #expect(drawn.left == 13)
        #expect(drawn.text == """
        ┌─ Delete customer 李雷? ────────────────────────────┐
        │ This deletes the customer and all 1,204 events. It │
        │ cannot be undone:                                  │
        │ https://fly.customer.io/workspaces/12345/people/ab │
        │ cdefghijklmnop                                     │
        │                                                    │
        │                             [ Cancel ]  [ Delete ] │
        └────────────────────────────────────────────────────┘
        """)
        let danger = Self.theme[.dialogDanger]
        #expect(screen.style(x: 13, y: 8) == danger)
        #expect(screen.style(x: 13, y: 12) == danger)
        #expect(screen.style(x: 17, y: 8) == danger)
        #expect(screen.style(x: 45, y: 14) == Self.theme[.dialogButtonFocused])
        #expect(screen.style(x: 57, y: 14) == danger)
        state.focusNext()
        let focused = try render(state, Size(width: 80, height: 24), styles: styles)
        #expect(focused.style(x: 45, y: 14) == Self.theme[.dialogButton])
        #expect(focused.style(x: 57, y: 14) == styles.dangerFocused)
        #expect(styles.dangerFocused != danger)
        #expect(styles.dangerFocused.attributes.contains(.reverse))
    }

    @Test func twoFiftyBySeventyCentresTheSameBox() throws {
        let plain = block(try render(Self.plain, Size(width: 250, height: 70)).text)
        #expect(plain.top == 32)
        #expect(plain.left == 99)
        #expect(plain.text.hasPrefix("┌─ Discard draft? ─"))
        #expect(plain.text.split(separator: "\n").count == 5)
        let danger = block(try render(Self.danger, Size(width: 250, height: 70)).text)
        #expect(danger.top == 31)
        #expect(danger.left == 98)
        #expect(danger.text.split(separator: "\n").map { DisplayWidth.of($0) } == Array(repeating: 54, count: 8))
    }

    @Test func tinyAreasDropTheFrameThenTheMessage() throws {
        #expect(try render(Self.danger, Size(width: 10, height: 3)).text == """
        ┌─ Del… ─┐
        │ [Canc… │
        └────────┘
        """)
        #expect(try render(Self.plain, Size(width: 4, height: 2)).text == "Dis…\n[Ca…")
        #expect(try render(Self.plain, Size(width: 30, height: 2)).text == "Discard draft?\n       [ Cancel ]  [ Discard ]")
    }
}
