import Styling
import Testing
@testable import TerminalUI

@Suite struct CanvasTests {
    @Test func textIsClippedAtTheEdge() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        #expect(canvas.put("hello world", x: 0, y: 0) == 5)
        #expect(canvas.text == "hello")
        #expect(canvas.put("x", x: 9, y: 0) == 0)
        #expect(canvas.put("x", x: 0, y: 3) == 0)
    }

    @Test func wideCharactersTakeTwoCellsAndAreNeverSplit() {
        var canvas = Canvas(size: Size(width: 5, height: 1))
        canvas.put("李雷韩", x: 0, y: 0)
        // Two wide characters fit in four cells; the third would straddle the edge, so a space stands there.
        #expect(canvas.row(0) == "李雷 ")
        #expect(canvas[1, 0].isContinuation)
        #expect(!canvas[4, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.put("李雷", x: 0, y: 0)
        canvas.put("x", x: 1, y: 0)
        #expect(canvas.row(0) == " x雷")
        canvas.put("y", x: 2, y: 0)
        #expect(canvas.row(0) == " xy ")
    }

    @Test func combiningMarksStayWithTheirLetter() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        #expect(canvas.put("e\u{301}ab", x: 0, y: 0) == 3)
        #expect(canvas[0, 0].grapheme == "e\u{301}")
        #expect(canvas.text == "e\u{301}ab")
    }

    @Test func clippingAddsAnEllipsisAndPads() {
        var canvas = Canvas(size: Size(width: 10, height: 2))
        canvas.put(clipping: "Welcome series", x: 0, y: 0, width: 8)
        canvas.put(clipping: "ok", x: 0, y: 1, width: 8, style: CellStyle(attributes: .reverse))
        #expect(canvas.text == "Welcome…\nok")
        #expect(canvas[7, 1].style.attributes == .reverse)
        #expect(canvas[8, 1].style == .plain)
        #expect(Canvas.fit("李雷韩梅", width: 5) == "李雷…")
        #expect(Canvas.fit("abc", width: 0) == "")
    }

    @Test func negativeStartsAreClippedNotCrashed() {
        var canvas = Canvas(size: Size(width: 3, height: 1))
        canvas.put("abcde", x: -2, y: 0)
        #expect(canvas.text == "cde")
        canvas.fill(Rect(x: -5, y: -5, width: 100, height: 100), with: Cell("#"))
        #expect(canvas.text == "###")
    }

    @Test func changesReportOnlyTheCellsThatDiffer() {
        var before = Canvas(size: Size(width: 20, height: 3))
        before.put("row one", x: 0, y: 0)
        before.put("row two", x: 0, y: 1)
        var after = before
        after.put("TWO", x: 4, y: 1)
        let changes = after.changes(since: before)
        #expect(changes.count == 1)
        #expect(changes.first?.row == 1)
        #expect(changes.first?.columns == 4..<7)
        #expect(after.changes(since: after).isEmpty)
        #expect(after.changes(since: nil).count == 3)
        #expect(after.changes(since: Canvas(size: Size(width: 5, height: 5))).count == 3)
    }

    @Test func aChangeInsideAWideCharacterRepaintsAllOfIt() {
        var before = Canvas(size: Size(width: 6, height: 1))
        before.put("ab李", x: 0, y: 0)
        var after = before
        after.put("雷", x: 2, y: 0)
        #expect(after.changes(since: before).first?.columns == 2..<4)
    }
}
