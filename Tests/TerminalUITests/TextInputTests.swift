import Testing
@testable import TerminalUI

@Suite struct TextInputTests {
    @Test func insertingAndDeletingMoveTheCursorByCharacters() {
        var input = TextInputState()
        input.insert("héllo")
        #expect(input.cursor == 5)
        input.moveLeft()
        input.moveLeft()
        input.insert("李")
        #expect(input.text == "hél李lo")
        #expect(input.cursor == 4)
        input.backspace()
        input.backspace()
        #expect(input.text == "hélo")
        #expect(input.cursor == 2)
        input.deleteForward()
        #expect(input.text == "héo")
        #expect(input.cursor == 2)
        input.moveToEnd()
        input.deleteForward()
        #expect(input.text == "héo")
        input.moveToStart()
        input.backspace()
        #expect(input.text == "héo")
        #expect(input.cursor == 0)
        input.moveLeft()
        #expect(input.cursor == 0)
    }

    @Test func emojiAndCombiningMarksAreOneStepEach() {
        var input = TextInputState(text: "a👍🏽e")
        input.insert("\u{301}")
        #expect(input.text == "a👍🏽é")
        #expect(input.cursor == 3)
        input.moveLeft()
        input.backspace()
        #expect(input.text == "aé")
        #expect(input.cursor == 1)
    }

    @Test func pastedLineBreaksBecomeSpacesAndControlCharactersAreDropped() {
        var input = TextInputState()
        input.insert("a\nb\tc\u{1B}[2Jd")
        #expect(input.text == "a b c[2Jd")
        input.insert("\u{7}")
        #expect(input.text == "a b c[2Jd")
    }

    @Test func wordMotions() {
        var input = TextInputState(text: "theme  dracula now")
        input.moveWordLeft()
        #expect(input.cursor == 15)
        input.moveWordLeft()
        #expect(input.cursor == 7)
        input.moveWordLeft()
        #expect(input.cursor == 0)
        input.moveWordLeft()
        #expect(input.cursor == 0)
        input.moveWordRight()
        #expect(input.cursor == 5)
        input.moveWordRight()
        #expect(input.cursor == 14)
        input.moveWordRight()
        input.moveWordRight()
        #expect(input.cursor == 18)
    }

    @Test func ctrlWDeletesSpacesThenAWord() {
        var input = TextInputState(text: "filter name=李雷   ")
        input.deleteWordBackward()
        #expect(input.text == "filter ")
        input.deleteWordBackward()
        #expect(input.text == "")
        input.deleteWordBackward()
        #expect(input.text == "")
        // In the middle: only what is before the cursor goes.
        input = TextInputState(text: "one two three", cursor: 7)
        input.deleteWordBackward()
        #expect(input.text == "one  three")
        #expect(input.cursor == 4)
    }

    @Test func ctrlUAndCtrlKDeleteToEitherEnd() {
        var input = TextInputState(text: "theme dracula", cursor: 6)
        input.deleteToStart()
        #expect(input.text == "dracula")
        #expect(input.cursor == 0)
        input.moveRight()
        input.deleteToEnd()
        #expect(input.text == "d")
        #expect(input.cursor == 1)
    }

    @Test func outOfRangeCursorsAreTreatedAsTheNearestEnd() {
        var input = TextInputState(text: "abc", cursor: 99)
        input.backspace()
        #expect(input.text == "ab")
        input.cursor = -4
        input.insert("x")
        #expect(input.text == "xab")
        #expect(input.cursor == 1)
    }

    @Test func historyKeepsTheDraftAndRestoresIt() {
        var input = TextInputState(history: ["first", "second"])
        input.insert("draf")
        input.historyPrevious()
        #expect(input.text == "second")
        #expect(input.historyIndex == 1)
        input.historyPrevious()
        input.historyPrevious()
        #expect(input.text == "first")
        #expect(input.cursor == 5)
        input.historyNext()
        #expect(input.text == "second")
        input.historyNext()
        #expect(input.text == "draf")
        #expect(input.historyIndex == nil)
        #expect(input.cursor == 4)
        input.historyNext()
        #expect(input.text == "draf")
    }

    @Test func editingARecalledLineMakesItTheDraft() {
        var input = TextInputState(history: ["one", "two"])
        input.historyPrevious()
        input.historyPrevious()
        input.insert("!")
        #expect(input.historyIndex == nil)
        input.historyPrevious()
        #expect(input.text == "two")
        input.historyNext()
        #expect(input.text == "one!")
    }

    @Test func commitClearsAndRecordsHistoryWithoutRepeatsOrBlanks() {
        var input = TextInputState()
        input.insert("theme dracula")
        #expect(input.commit() == "theme dracula")
        #expect(input.text.isEmpty)
        #expect(input.cursor == 0)
        input.insert("theme dracula")
        input.commit()
        #expect(input.commit() == "")
        #expect(input.history == ["theme dracula"])
        input.historyPrevious()
        input.insert("x")
        input.commit()
        #expect(input.history == ["theme dracula", "theme draculax"])
        for number in 0..<150 {
            input.insert("cmd \(number)")
            input.commit()
        }
        #expect(input.history.count == 100)
        #expect(input.history.first == "cmd 50")
        #expect(input.history.last == "cmd 149")
    }

    // MARK: - Rendering

    func render(_ state: TextInputState, width: Int, prompt: String = "> ", placeholder: String = "", focused: Bool = true) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: 1))
        TextInputView(prompt: prompt, placeholder: placeholder).render(into: &canvas, in: Rect(canvas.size), state: state, focused: focused)
        return canvas
    }

    @Test func theCursorCellIsDrawnInTheCursorStyle() {
        let canvas = render(TextInputState(text: "abc", cursor: 1), width: 10)
        #expect(canvas.text == "> abc")
        #expect(canvas[0, 0].style.attributes == .bold)
        #expect(canvas[3, 0].style.attributes == .reverse)
        #expect(canvas[2, 0].style == .plain)
        #expect(canvas[4, 0].style == .plain)
        // At the end the cursor is a blank cell after the text.
        let atEnd = render(TextInputState(text: "abc"), width: 10)
        #expect(atEnd[5, 0].style.attributes == .reverse)
        #expect(atEnd[5, 0].grapheme == " ")
        let unfocused = render(TextInputState(text: "abc"), width: 10, focused: false)
        #expect((0..<10).allSatisfy { !unfocused[$0, 0].style.attributes.contains(.reverse) })
    }

    @Test func longTextScrollsSoTheCursorShowsAndWideCharactersAreNotSplit() {
        let state = TextInputState(text: "hello 李雷 world")
        #expect(render(state, width: 13).row(0) == "> 李雷 world ")
        // One cell less would start the field on the right half of 李, so it starts at 雷 instead.
        #expect(render(state, width: 12).row(0) == "> 雷 world  ")
        #expect(render(state, width: 11).row(0) == "> 雷 world ")
        var middle = state
        middle.moveWordLeft()
        // Cursor on "w": the field of 3 cells starts on the space before it, never on half of 雷.
        #expect(render(middle, width: 5).row(0) == ">  wo")
        #expect(render(middle, width: 8).row(0) == "> 李雷 w")
        #expect(TextInputView.scrollColumn(of: middle, width: 5) == 8)
        middle.moveLeft()
        middle.moveLeft()
        // Cursor on 雷 in a 1-cell field: the wide cursor cannot show whole, so its visible half is blank.
        let tiny = render(middle, width: 1)
        #expect(tiny.row(0) == " ")
        #expect(tiny[0, 0].style.attributes == .reverse)
        // Unfocused fields show their start.
        #expect(render(state, width: 9, focused: false).row(0) == "> hello  ")
    }

    @Test func placeholderShowsDimUnderTheCursorWhenEmpty() {
        let canvas = render(TextInputState(), width: 14, placeholder: "Search…")
        #expect(canvas.text == "> Search…")
        #expect(canvas[2, 0].style.attributes == .reverse)
        #expect(canvas[3, 0].style.attributes == .dim)
        #expect(render(TextInputState(), width: 6, placeholder: "Search customers").text == "> Sea…")
    }

    @Test func thePromptGivesWayBeforeTheText() {
        #expect(render(TextInputState(text: "ab"), width: 2, prompt: ":").text == ":")
        #expect(render(TextInputState(text: "ab"), width: 1, prompt: ":").row(0) == " ")
        #expect(render(TextInputState(text: "ab", cursor: 0), width: 1, prompt: ":").row(0) == "a")
        #expect(render(TextInputState(text: "ab"), width: 0).text == "")
    }
}
