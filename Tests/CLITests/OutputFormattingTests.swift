import CustomerIO
import Foundation
import TerminalUI
import Testing
import App
@testable import cio

@Suite struct OutputFormattingTests {
    /// The app's rule and text for a time among attributes, which `cio get customer` prints too.
    @Test func timestampAttributesGetAReadableDate() {
        let now = Date(timeIntervalSince1970: 1_700_000_000 + 3 * 86_400)
        #expect(TimeText.attribute(key: "created_at", value: .string("1700000000"), now: now) == TimeText.full(1_700_000_000, now: now))
        #expect(TimeText.attribute(key: "created_at", value: .number(1_700_000_000), now: now)?.hasSuffix("(3d ago)") == true)
        #expect(TimeText.attribute(key: "last_seen", value: .string("1700000000"), now: now)?.hasPrefix("2023-11-") == true)
        #expect(TimeText.attribute(key: "plan", value: .string("1700000000"), now: now) == nil)
        #expect(TimeText.attribute(key: "timezone", value: .string("1700000000"), now: now) == nil)
        #expect(TimeText.attribute(key: "created_at", value: .string("soon"), now: now) == nil)
        #expect(TimeText.attribute(key: "created_at", value: .string("42"), now: now) == nil)
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

    /// The app's sparkline: two days a braille cell, scaled to the row's own maximum, every day with activity
    /// at least one dot.
    @Test func sparklinesScaleToTheirOwnMaximum() {
        #expect(Format.sparkline([0, 7, 14, 1]) == "\u{28A0}\u{28C7}")
        #expect(Format.sparkline([0, 0]) == "\u{2800}")
        #expect(Format.sparkline([]) == "")
        #expect(Format.sparkline(Array(repeating: 1, count: 90)).count == 15, "90 days fill the same 15 cells")
    }

    /// One dash for "nothing to divide by", the app's.
    @Test func ratesNeverDivideByZero() {
        #expect(Format.percent(1, of: 4) == "25.0%")
        #expect(Format.percent(1, of: 0) == "—")
    }
}
