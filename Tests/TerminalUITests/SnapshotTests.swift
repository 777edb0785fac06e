import Styling
import Testing
@testable import TerminalUI

/// Draws a small sample view (a header, a clipped list with wide names, sparklines) into canvases of the
/// sizes the app must survive, and compares the text.
@Suite struct SnapshotTests {
    static let rows: [(String, [Int])] = [
        ("Welcome series", [1, 3, 5, 7, 9, 7, 5]),
        ("李雷的活动", [0, 0, 4, 8, 4, 0, 0]),
        ("Zoë's 👍 picks", [2, 2, 2, 2, 2, 2, 2]),
    ]

    static func render(_ size: Size) -> Canvas {
        var canvas = Canvas(size: size)
        canvas.put(clipping: "Campaigns", x: 0, y: 0, width: size.width, style: CellStyle(attributes: .bold))
        for (index, row) in rows.enumerated() where index + 1 < size.height {
            let nameWidth = max(0, size.width - 9)
            canvas.put(clipping: row.0, x: 0, y: index + 1, width: nameWidth)
            canvas.put(Sparkline.blocks(row.1, width: 7), x: nameWidth + 1, y: index + 1)
        }
        return canvas
    }

    @Test func oneByOne() throws {
        let screen = HeadlessScreen(size: Size(width: 1, height: 1))
        try screen.present(Self.render(screen.size))
        #expect(screen.text == "…")
        #expect(screen.style(x: 0, y: 0)?.attributes == .bold)
        #expect(screen.style(x: 1, y: 0) == nil)
    }

    @Test func twentyByFive() throws {
        let screen = HeadlessScreen(size: Size(width: 20, height: 5))
        try screen.present(Self.render(screen.size))
        // Names get 11 cells: cut with an ellipsis, wide characters counted as two; the fifth row is empty.
        #expect(screen.text == """
        Campaigns
        Welcome se… ▁▃▄▆█▆▄
        李雷的活动  ▁▁▄█▄▁▁
        Zoë's 👍 p… ███████

        """)
    }

    @Test func eightyByTwentyFour() throws {
        let canvas = Self.render(Size(width: 80, height: 24))
        let lines = canvas.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)
        // Names get 71 cells, a gap, then 7 cells of sparkline; the last column stays empty (and is trimmed).
        #expect(lines[1] == "Welcome series" + String(repeating: " ", count: 58) + "▁▃▄▆█▆▄")
        #expect(lines[2].hasPrefix("李雷的活动"))
        #expect(DisplayWidth.of(lines[2]) == 79)
        #expect(lines[4...].allSatisfy { $0.isEmpty })
    }

    @Test func twoHundredFiftyBySeventy() throws {
        let screen = HeadlessScreen(size: Size(width: 250, height: 70))
        try screen.present(Self.render(screen.size))
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 70)
        #expect(lines.prefix(4).dropFirst().allSatisfy { DisplayWidth.of($0) == 249 })
    }

    @Test func aSecondIdenticalFrameRepaintsNothingAndAResizeRepaintsAll() throws {
        let screen = HeadlessScreen(size: Size(width: 30, height: 6))
        try screen.present(Self.render(screen.size))
        #expect(screen.lastRepaintedCells == 180)
        try screen.present(Self.render(screen.size))
        #expect(screen.lastRepaintedCells == 0)
        screen.resize(to: Size(width: 20, height: 5))
        try screen.present(Self.render(screen.size))
        #expect(screen.lastRepaintedCells == 100)
        #expect(screen.presentedFrames == 3)
    }
}
