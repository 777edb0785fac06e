import Foundation
import Synchronization

/// Wakes a sleeping run loop from any thread (finished work) or from a signal handler (SIGINT, SIGTERM, SIGHUP):
/// one byte down a non-blocking pipe that the loop polls beside the terminal's input.
public final class WakePipe: Sendable {
    let readDescriptor: Int32
    let writeDescriptor: Int32

    public init() {
        var descriptors: [Int32] = [0, 0]
        if pipe(&descriptors) != 0 { descriptors = [-1, -1] }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
        for descriptor in descriptors where descriptor >= 0 {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the loop. A full pipe already means "wake up", so a failed write loses nothing.
    public func wake() {
        var byte: UInt8 = 0
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe; returns the signal numbers that signal handlers wrote (other wakes write 0).
    func drain() -> [Int32] {
        var signals: [Int32] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            signals += buffer[0..<count].filter { $0 != 0 }.map { Int32($0) }
        }
        return signals
    }
}

/// What ended a wait.
public struct Wakeup: Sendable, Equatable {
    /// The terminal has input to read.
    public var input = false
    /// Something called `WakePipe.wake()`.
    public var woken = false
    /// Signals that arrived (SIGINT, SIGTERM, SIGHUP, SIGWINCH).
    public var signals: [Int32] = []

    /// Whether one of them asks the app to leave.
    public var terminationRequested: Bool { signals.contains { $0 != SIGWINCH } }
    /// Whether the window changed size.
    public var resized: Bool { signals.contains(SIGWINCH) }
    /// A resize signal arrived (ncurses reports the new size through its input as well).
    public var interrupted = false
}

/// Waits on the terminal's input and the wake pipe together with `poll`, so an idle app sleeps in the kernel.
public final class EventLoop {
    private let input: Int32?
    public let wakePipe: WakePipe
    private var signalSlot: Int?

    public init(input: Int32?, wakePipe: WakePipe = WakePipe()) {
        self.input = input
        self.wakePipe = wakePipe
    }

    deinit { releaseSignals() }

    /// Turns SIGINT, SIGTERM and SIGHUP into a wake-up carrying the signal number, so the loop can restore the
    /// terminal and leave in order instead of dying mid-frame; SIGWINCH likewise, so a resize is drawn at once
    /// (ncurses alone would report it only with the next key press, since the loop sleeps in poll, not in ncurses).
    /// Until `releaseSignals` (or the loop's end), when the actions they had before come back. Calling it again
    /// changes nothing; false when too many loops already catch them.
    ///
    /// The signals are also unblocked on the calling thread (the loop's own): threads started from Swift's task
    /// pool inherit a mask that blocks them, and a signal every thread blocks is never delivered at all.
    @discardableResult
    public func catchSignals() -> Bool {
        var caught = sigset_t()
        sigemptyset(&caught)
        for signalNumber in SignalRouter.signals { sigaddset(&caught, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &caught, nil)
        if signalSlot == nil { signalSlot = SignalRouter.register(wakePipe.writeDescriptor) }
        return signalSlot != nil
    }

    /// Stops turning signals into wake-ups for this loop; when no loop catches them, the actions they had before
    /// `catchSignals` come back.
    public func releaseSignals() {
        guard let slot = signalSlot else { return }
        signalSlot = nil
        SignalRouter.unregister(slot)
    }

    /// Sleeps until input, a wake-up or `timeout` seconds (nil: no limit).
    public func wait(timeout: Double?) -> Wakeup {
        var descriptors = [pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if let input { descriptors.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = timeout.map { Int32(max(0, min($0 * 1000, 86_400_000)).rounded(.up)) } ?? -1
        var wakeup = Wakeup()
        let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
        if ready < 0 {
            // EINTR: SIGWINCH and friends; ncurses has the news queued as input.
            wakeup.interrupted = true
            wakeup.input = input != nil
        }
        if descriptors[0].revents & Int16(POLLIN) != 0 {
            wakeup.signals = wakePipe.drain()
            wakeup.woken = true
        }
        if descriptors.count > 1, descriptors[1].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
            wakeup.input = true
        }
        return wakeup
    }
}

/// A thread-safe inbox: finished work drops messages in from any thread and wakes the loop; the loop takes them all
/// at once, so a burst of results costs one render.
public final class Mailbox<Message: Sendable>: Sendable {
    private let messages = Mutex<[Message]>([])
    private let wakePipe: WakePipe

    public init(wakePipe: WakePipe) {
        self.wakePipe = wakePipe
    }

    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        wakePipe.wake()
    }

    public func takeAll() -> [Message] {
        messages.withLock { pending in
            defer { pending.removeAll() }
            return pending
        }
    }
}
