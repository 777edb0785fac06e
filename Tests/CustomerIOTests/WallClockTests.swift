@testable import CustomerIO
import Foundation
import TestClock
import Testing

/// The process clock: `CIO_NOW` moves where it starts, and every test process starts at one fixed moment.
@Suite struct WallClockTests {
    @Test func cioNowMovesTheStartAndTheClockRunsOn() throws {
        let system = try #require(WallClock.parse("2026-12-07T10:00:00Z"))
        #expect(WallClock.offset(from: "2026-11-30T10:00:00Z", system: system) == -7 * 86_400)
        #expect(WallClock.offset(from: "2026-11-30", system: system) == -7 * 86_400 - 10 * 3_600)
        #expect(WallClock.offset(from: nil, system: system) == 0)
        #expect(WallClock.offset(from: "", system: system) == 0)
        #expect(WallClock.offset(from: "next tuesday", system: system) == 0)
    }

    /// No test depends on today's date: this process runs on the pinned clock, and the `cio` it starts inherits it.
    /// (A `CIO_NOW` given from outside, to run the suite on another day, wins over the pin.)
    @Test func testProcessesRunOnThePinnedClock() throws {
        let start = try #require(ProcessInfo.processInfo.environment[WallClock.variable], "CIO_NOW is not set")
        let pinned = try #require(WallClock.parse(start))
        #expect(WallClock.parse(String(cString: cio_test_clock_start)) != nil, "the pin is a time CIO_NOW reads")
        let elapsed = WallClock.now().timeIntervalSince(pinned)
        #expect(elapsed >= 0 && elapsed < 3_600, "the clock started at the pinned moment and runs on: \(elapsed) s")
    }
}
