import Styling
import Testing
@testable import TerminalUI

@Suite struct BoxTests {
    func box(_ size: Size, _ rect: Rect, title: String? = nil) -> Canvas {
        var canvas = Canvas(size: size)
        canvas.drawBox(rect, style: CellStyle(attributes: .bold), title: title)
        return canvas
    }

    @Test func framesTheRectAndSetsTheTitleIntoTheTopEdge() {
        #expect(box(Size(width: 14, height: 4), Rect(x: 1, y: 0, width: 12, height: 4), title: "Customers").text == """
         ┌─ Custo… ─┐
         │          │
         │          │
         └──────────┘
        """)
        #expect(box(Size(width: 16, height: 3), Rect(x: 0, y: 0, width: 16, height: 3), title: "李雷的活动").text == """
        ┌─ 李雷的活动 ─┐
        │              │
        └──────────────┘
        """)
        // Eight cells for the title: 活 would need the cell the ellipsis takes, so it goes whole.
        #expect(box(Size(width: 14, height: 2), Rect(x: 0, y: 0, width: 14, height: 2), title: "李雷的活动").row(0) == "┌─ 李雷的… ──┐")
        // Six cells leave no room for a title between the corners.
        #expect(box(Size(width: 6, height: 2), Rect(x: 0, y: 0, width: 6, height: 2), title: "Title").text == "┌────┐\n└────┘")
        #expect(box(Size(width: 7, height: 2), Rect(x: 0, y: 0, width: 7, height: 2), title: "Title").text == "┌─ … ─┐\n└─────┘")
    }

    @Test func thinRectsBecomeLines() {
        #expect(box(Size(width: 5, height: 3), Rect(x: 0, y: 1, width: 5, height: 1)).text == "\n─────\n")
        #expect(box(Size(width: 3, height: 3), Rect(x: 1, y: 0, width: 1, height: 3)).text == " │\n │\n │")
        #expect(box(Size(width: 1, height: 1), Rect(x: 0, y: 0, width: 1, height: 1)).text == "─")
        #expect(box(Size(width: 2, height: 2), Rect(x: 0, y: 0, width: 2, height: 2)).text == "┌┐\n└┘")
        #expect(box(Size(width: 0, height: 0), Rect(x: 0, y: 0, width: 0, height: 0)).text == "")
    }

    @Test func aBoxOffTheCanvasLosesThoseEdges() {
        let canvas = box(Size(width: 5, height: 3), Rect(x: -2, y: -1, width: 6, height: 3))
        #expect(canvas.text == "   │\n───┘\n")
        #expect(canvas[3, 0].style.attributes == .bold)
        #expect(canvas[4, 0] == .blank)
    }

    @Test func fillPaintsTheInsideOnly() {
        var canvas = Canvas(size: Size(width: 5, height: 4), fill: Cell("#"))
        canvas.drawBox(Rect(x: 0, y: 0, width: 4, height: 4), style: .plain, fill: CellStyle(attributes: .reverse))
        #expect(canvas.text == "┌──┐#\n│  │#\n│  │#\n└──┘#")
        #expect(canvas[1, 1].style.attributes == .reverse)
        #expect(canvas[0, 1].style == .plain)
    }

    @Test func centeredClampsToTheArea() {
        let area = Rect(x: 10, y: 5, width: 30, height: 9)
        #expect(Rect.centered(width: 10, height: 3, in: area) == Rect(x: 20, y: 8, width: 10, height: 3))
        #expect(Rect.centered(width: 11, height: 4, in: area) == Rect(x: 19, y: 7, width: 11, height: 4))
        #expect(Rect.centered(width: 100, height: 100, in: area) == area)
        #expect(Rect.centered(width: -3, height: 2, in: area).isEmpty)
        #expect(Rect.centered(width: 4, height: 4, in: Rect(x: 0, y: 0, width: 0, height: 0)) == Rect(x: 0, y: 0, width: 0, height: 0))
    }

    @Test func clippedPutsKeepWideCharactersWhole() {
        var canvas = Canvas(size: Size(width: 8, height: 1), fill: Cell("#"))
        let clip = Rect(x: 2, y: 0, width: 4, height: 1)
        #expect(canvas.put("李雷韩", x: 1, y: 0, style: .plain, clip: clip) == 6)
        // 李 straddles the left edge and 韩 the right: their visible halves are blank; outside stays "#".
        #expect(canvas.row(0) == "## 雷 ##")
        canvas.put("x", x: 0, y: 3, style: .plain, clip: Rect(x: 0, y: 0, width: 8, height: 8))
        #expect(canvas.row(0) == "## 雷 ##")
    }
}
