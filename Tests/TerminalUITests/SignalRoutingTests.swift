import Foundation
import Testing
@testable import TerminalUI

extension ProcessWideTests {
    /// SIGINT, SIGTERM, SIGHUP and SIGWINCH as event-loop wake-ups: delivered to every loop that catches them,
    /// never to a loop that ended (nor to whatever reused its descriptors), and the previous actions back after.
    /// Signals are raised on the test's thread, which they are unblocked on: sent to the whole process, a signal may
    /// land on any thread that does not block it, which made the test depend on what else the run had started.
    @Suite struct SignalRoutingTests {
        @Test func sigwinchAndSigtermArriveAsWakeups() throws {
            let before = SignalRouter.signals.map { sigaction.current($0).handlerAddress }
            let loop = EventLoop(input: nil)
            try #require(loop.catchSignals())
            raise(SIGWINCH)
            var wakeup = loop.wait(timeout: 30)
            #expect(wakeup.resized)
            #expect(!wakeup.terminationRequested)
            raise(SIGTERM)
            wakeup = loop.wait(timeout: 30)
            #expect(wakeup.terminationRequested)
            loop.releaseSignals()
            #expect(SignalRouter.signals.map { sigaction.current($0).handlerAddress } == before)
        }

        /// The loop's pipe is closed when it ends, and the next pipe opened takes the lowest free numbers, very
        /// likely its very numbers: a handler still writing to them would write into that pipe.
        @Test func aLoopThatEndedGetsNoSignalsAndThePreviousHandlerRunsAgain() throws {
            let original = CountingHandler.install(for: SIGWINCH)
            defer { restore(SIGWINCH, to: original) }
            var loop: EventLoop? = EventLoop(input: nil)
            loop?.catchSignals()
            loop = nil
            var other: [Int32] = [-1, -1]
            try #require(pipe(&other) == 0)
            defer { close(other[0]); close(other[1]) }
            _ = fcntl(other[0], F_SETFL, O_NONBLOCK)
            let counted = CountingHandler.count
            unblock([SIGWINCH])
            raise(SIGWINCH)
            #expect(CountingHandler.count == counted + 1)
            var byte: UInt8 = 0
            #expect(read(other[0], &byte, 1) == -1)
        }

        @Test func twoLoopsEachGetTheSignalAndOneEndingLeavesTheOther() throws {
            let first = EventLoop(input: nil)
            try #require(first.catchSignals())
            defer { first.releaseSignals() }
            var second: EventLoop? = EventLoop(input: nil)
            try #require(second?.catchSignals() == true)
            raise(SIGWINCH)
            #expect(first.wait(timeout: 30).resized)
            #expect(second?.wait(timeout: 30).resized == true)
            // The loop that caught them last ends first: the other must still hear about the next one.
            second = nil
            raise(SIGWINCH)
            #expect(first.wait(timeout: 30).resized)
        }

        @Test func catchingTwiceTakesOneSlotAndOneReleaseRestores() throws {
            let before = sigaction.current(SIGWINCH).handlerAddress
            let loop = EventLoop(input: nil)
            try #require(loop.catchSignals())
            try #require(loop.catchSignals())
            #expect(sigaction.current(SIGWINCH).handlerAddress == SignalRouter.handlerAddress)
            loop.releaseSignals()
            #expect(sigaction.current(SIGWINCH).handlerAddress == before)
        }

        @Test func loopsBeyondTheSlotsAreRefusedNotMixedUp() {
            let loops = (0...SignalRouter.slotCount).map { _ in EventLoop(input: nil) }
            let caught = loops.map { $0.catchSignals() }
            #expect(caught == Array(repeating: true, count: SignalRouter.slotCount) + [false])
            loops.forEach { $0.releaseSignals() }
            #expect(sigaction.current(SIGWINCH).handlerAddress != SignalRouter.handlerAddress)
        }
    }
}
