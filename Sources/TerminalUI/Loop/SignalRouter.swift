import Foundation
import Synchronization

/// Delivers SIGINT, SIGTERM, SIGHUP and SIGWINCH to every event loop that catches them, as one byte (the signal
/// number) down each loop's wake pipe.
///
/// The handler writes to a fixed set of descriptors ("slots") that are opened once and never closed: a loop that
/// catches signals has its pipe duplicated onto a free slot, and a loop that stops has its slot pointed back at
/// /dev/null (dup2 swaps the two in one step). So a signal can never write to a descriptor that was closed and
/// handed to someone else's file since, however late it arrives, and two loops (tests running side by side) never
/// take each other's descriptor away. The actions the signals had before the first loop come back with the last.
enum SignalRouter {
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGWINCH]
    /// How many loops can catch signals at once; the app has one, tests a few.
    static let slotCount = 8

    private struct State {
        var owners = [Bool](repeating: false, count: SignalRouter.slotCount)
        var previous: [Int32: sigaction] = [:]
    }

    private static let state = Mutex(State())

    /// The slots, each a descriptor that stays open for the life of the process.
    nonisolated(unsafe) static let slots: UnsafeMutablePointer<Int32> = {
        let slots = UnsafeMutablePointer<Int32>.allocate(capacity: slotCount)
        for index in 0..<slotCount { slots[index] = open("/dev/null", O_WRONLY | O_CLOEXEC) }
        return slots
    }()

    /// A descriptor on /dev/null to point free slots at.
    private static let sink = open("/dev/null", O_WRONLY | O_CLOEXEC)

    /// Sends the signals to `descriptor` (a wake pipe's write end) until `unregister`; the slot, or nil when all
    /// are taken or the descriptor could not be duplicated.
    static func register(_ descriptor: Int32) -> Int? {
        state.withLock { state in
            guard let slot = state.owners.firstIndex(of: false), slots[slot] >= 0 else { return nil }
            guard redirect(slot, to: descriptor) else { return nil }
            state.owners[slot] = true
            if state.owners.filter({ $0 }).count == 1 { installHandlers(&state.previous) }
            return slot
        }
    }

    /// Stops sending to the descriptor registered in `slot`; the last one puts the previous actions back.
    static func unregister(_ slot: Int) {
        state.withLock { state in
            guard state.owners.indices.contains(slot), state.owners[slot] else { return }
            state.owners[slot] = false
            _ = redirect(slot, to: sink)
            if !state.owners.contains(true) { restoreHandlers(state.previous) }
        }
    }

    /// Points `slot` at what `descriptor` refers to, keeping the slot closed to children.
    private static func redirect(_ slot: Int, to descriptor: Int32) -> Bool {
        guard dup2(descriptor, slots[slot]) >= 0 else { return false }
        // dup2 clears close-on-exec; set it again, so an editor or a key command never inherits a wake pipe.
        _ = fcntl(slots[slot], F_SETFD, FD_CLOEXEC)
        return true
    }

    private static func installHandlers(_ previous: inout [Int32: sigaction]) {
        // SA_RESTART, as signal() would: other threads' reads and writes carry on; poll is interrupted anyway.
        var ours = sigaction.calling(forwardSignal, flags: SA_RESTART)
        for signalNumber in signals {
            var saved = sigaction()
            _ = sigaction(signalNumber, &ours, &saved)
            previous[signalNumber] = saved
        }
    }

    private static func restoreHandlers(_ previous: [Int32: sigaction]) {
        let ours = unsafeBitCast(forwardSignal, to: UnsafeRawPointer.self)
        // Only where the action is still ours: one installed over ours since is its owner's to keep.
        for signalNumber in signals where sigaction.current(signalNumber).handlerAddress == ours {
            guard var saved = previous[signalNumber] else { continue }
            _ = sigaction(signalNumber, &saved, nil)
        }
    }

    /// The address of the forwarding handler, for telling whether a signal's action is ours.
    static var handlerAddress: UnsafeRawPointer { unsafeBitCast(forwardSignal, to: UnsafeRawPointer.self) }
}

/// Writes the signal number to every slot (free ones go to /dev/null). Async-signal-safe: write, and reads of
/// fixed storage; errno is put back for the code the signal interrupted.
private let forwardSignal: @convention(c) (Int32) -> Void = { signalNumber in
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signalNumber)
    for slot in 0..<SignalRouter.slotCount {
        _ = write(SignalRouter.slots[slot], &byte, 1)
    }
    errno = savedErrno
}
