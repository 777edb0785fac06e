import CustomerIO
import Foundation
import TerminalUI
import Testing
@testable import cio

@Suite struct OutputFormattingTests {
    @Test func timestampAttributesGetAReadableDate() {
        #expect(Format.attribute(name: "created_at", value: "1700000000").hasPrefix("1700000000 (2023-11-"))
        #expect(Format.attribute(name: "last_seen", value: "1700000000").contains("(2023-11-"))
        #expect(Format.attribute(name: "plan", value: "1700000000") == "1700000000")
        #expect(Format.attribute(name: "created_at", value: "soon") == "soon")
        #expect(Format.attribute(name: "created_at", value: "42") == "42")
    }

    @Test func aDeliverysStateIgnoresTheHumanAndPrefetchBreakdowns() {
        let delivery = Delivery(id: "d", metrics: ["sent": 10, "delivered": 11, "opened": 20, "prefetch_opened": 25, "human_clicked": 30])
        #expect(delivery.latestMetric == "opened")
        #expect(Delivery(id: "e", metrics: [:]).latestMetric == nil)
    }

    @Test func tablesAlignWideCharactersAndClipLongValues() {
        let table = Table(headers: ["NAME", "CITY"], rows: [["李雷", "北京"], ["Zoë", "Zürich"]], maxColumnWidth: 10).render()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        // "李雷" is four cells wide, so the CITY column starts at cell 6 on every line.
        let lastCells = ["CITY", "北京", "Zürich"]
        #expect(zip(lines, lastCells).map { DisplayWidth.of($0) - DisplayWidth.of($1) } == [6, 6, 6])
        let clipped = Table(headers: ["X"], rows: [[String(repeating: "a", count: 30)]], maxColumnWidth: 10).render()
        #expect(clipped.contains("aaaaaaaaa…"))
    }

    @Test func sparklinesScaleToTheirOwnMaximum() {
        #expect(Format.sparkline([0, 7, 14]) == "▁▄█")
        #expect(Format.sparkline([0, 0]) == "▁▁")
        #expect(Format.sparkline([]) == "")
    }

    @Test func ratesNeverDivideByZero() {
        #expect(Format.percent(1, of: 4) == "25.0%")
        #expect(Format.percent(1, of: 0) == "–")
    }
}
