import Foundation
import Synchronization
import Testing
@testable import TerminalUI

/// Tests that change what the whole process shares (signal actions, ncurses' current screen, the locale) run
/// here, one at a time: Swift Testing runs every other suite in parallel in the same process, and `.serialized`
/// holds for the suites nested in this one too.
@Suite(.serialized) enum ProcessWideTests {}

/// A handler for tests to install as "what was there before": it counts the signals it gets.
enum CountingHandler {
    static let received = Atomic<Int>(0)

    static let handler: @convention(c) (Int32) -> Void = { _ in
        _ = CountingHandler.received.add(1, ordering: .sequentiallyConsistent)
    }

    static var address: UnsafeRawPointer { unsafeBitCast(handler, to: UnsafeRawPointer.self) }

    static var count: Int { received.load(ordering: .sequentiallyConsistent) }

    /// Installs the counting handler for `signalNumber` and returns what it replaced, to put back afterwards.
    static func install(for signalNumber: Int32) -> sigaction {
        var counting = sigaction.calling(handler, flags: 0)
        var replaced = sigaction()
        _ = sigaction(signalNumber, &counting, &replaced)
        return replaced
    }
}

/// Puts `action` back as `signalNumber`'s.
func restore(_ signalNumber: Int32, to action: sigaction) {
    var action = action
    _ = sigaction(signalNumber, &action, nil)
}

/// Lets `signals` be delivered to the calling thread (task-pool threads may block them), so that `raise` runs the
/// handler before it returns.
func unblock(_ signals: [Int32]) {
    var set = sigset_t()
    sigemptyset(&set)
    for signalNumber in signals { sigaddset(&set, signalNumber) }
    pthread_sigmask(SIG_UNBLOCK, &set, nil)
}
