import Foundation
import Synchronization

/// Puts the terminal back the way it was if the process dies while ncurses owns it: on a crash the handler
/// restores the saved modes and leaves the alternate screen, then hands the signal on to whatever handled it
/// before (the Swift runtime's crash report, or the default action). Also ignores SIGQUIT while a screen is open.
/// (SIGINT, SIGTERM and SIGHUP are not handled here: the run loop turns them into an orderly quit.)
///
/// Installs nest: every open screen holds a `Registration`; the handlers go in with the first and the actions
/// that were there before come back with the last, so screens opened one after another (tests, benchmarks) never
/// leave the process with a handler of ours, or with the default where the runtime's crash report was.
enum TerminalRestorer {
    static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    /// One open screen's claim on the handlers; give it back with `uninstall`.
    struct Registration: Sendable, Equatable {
        fileprivate let id: Int
    }

    private struct Registry {
        var nextID = 0
        /// The open screens' terminals, oldest first; the newest is the one a crash restores.
        var open: [(id: Int, terminal: CrashTerminal?)] = []
        var previousQuit = sigaction()
    }

    private static let registry = Mutex(Registry())

    /// Claims the crash handlers for a screen writing to `descriptor`. Only a terminal is restored (a file or a
    /// pipe has no modes); `noteDescriptor` receives the one line that says so (-1: none).
    static func install(ttyDescriptor descriptor: Int32, noteDescriptor: Int32 = STDERR_FILENO) -> Registration {
        let terminal = CrashTerminal(descriptor: descriptor, noteDescriptor: noteDescriptor)
        return registry.withLock { registry in
            let registration = Registration(id: registry.nextID)
            registry.nextID += 1
            registry.open.append((registration.id, terminal))
            // Published before the handlers go in, so that they never find a half-written terminal.
            CrashState.publish(terminal)
            if registry.open.count == 1 {
                CrashState.prepareAlternateStack()
                installHandlers(savingQuitIn: &registry.previousQuit)
            }
            return registration
        }
    }

    /// Gives back a claim; the last one puts back the actions that were there before the first.
    static func uninstall(_ registration: Registration) {
        registry.withLock { registry in
            guard let index = registry.open.firstIndex(where: { $0.id == registration.id }) else { return }
            registry.open.remove(at: index)
            if let newest = registry.open.last {
                CrashState.publish(newest.terminal)
            } else {
                restoreHandlers(quit: registry.previousQuit)
                CrashState.publish(nil)
            }
        }
    }

    /// How many screens hold the handlers now.
    static var installCount: Int { registry.withLock { $0.open.count } }

    /// The address of the crash handler, for telling whether a signal's action is ours.
    static var handlerAddress: UnsafeRawPointer { unsafeBitCast(restoreOnFatalSignal, to: UnsafeRawPointer.self) }

    private static func installHandlers(savingQuitIn previousQuit: inout sigaction) {
        // The other fatal signals wait while one is handled, so a second fault cannot interleave its restore with
        // the first's. On the alternate stack, so that a stack overflow can still be handled.
        var ours = sigaction.calling(restoreOnFatalSignal, flags: SA_ONSTACK, blocking: fatalSignals)
        for signalNumber in fatalSignals {
            _ = sigaction(signalNumber, &ours, CrashState.previous(signalNumber))
        }
        // With no quit character, only a SIGQUIT from outside is left; the runtime would print its crash report
        // over the screen and leave the terminal as it is, so it is ignored while a screen is open.
        var ignore = sigaction.ignoring
        _ = sigaction(SIGQUIT, &ignore, &previousQuit)
    }

    private static func restoreHandlers(quit previousQuit: sigaction) {
        // Only where the action is still ours: one installed over ours since is its owner's to keep (and after a
        // fatal signal went through, the previous one is back already).
        for signalNumber in fatalSignals where sigaction.current(signalNumber).handlerAddress == handlerAddress {
            _ = sigaction(signalNumber, CrashState.previous(signalNumber), nil)
        }
        if sigaction.current(SIGQUIT).handlerAddress == sigaction.ignoring.handlerAddress {
            var previous = previousQuit
            _ = sigaction(SIGQUIT, &previous, nil)
        }
    }

    /// Writes `value` in decimal into `buffer` without allocating (a signal handler may not); returns the length.
    static func decimal(_ value: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var magnitude = value.magnitude
        var digits = 0
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        let length = digits + (value < 0 ? 1 : 0)
        guard length <= buffer.count else { return 0 }
        if value < 0 { buffer[0] = UInt8(ascii: "-") }
        magnitude = value.magnitude
        for position in stride(from: length - 1, through: length - digits, by: -1) {
            buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        return length
    }
}

/// A screen's terminal as the crash handler needs it: where to write and the modes to put back.
private struct CrashTerminal {
    let descriptor: Int32
    let noteDescriptor: Int32
    let modes: termios

    /// Nil when `descriptor` is not a terminal: there is nothing to restore, and nothing is written.
    init?(descriptor: Int32, noteDescriptor: Int32) {
        var modes = termios()
        guard isatty(descriptor) == 1, tcgetattr(descriptor, &modes) == 0 else { return nil }
        self.descriptor = descriptor
        self.noteDescriptor = noteDescriptor
        self.modes = modes
    }
}

/// What the crash handler reads. Fixed storage allocated once and never freed (a handler may run at any moment),
/// reached through pointers and atomics only: no reference counting, no locks, no allocation in the handler.
private enum CrashState {
    /// The terminal's descriptor, -1 while there is none; the rest is written only while it is -1.
    static let descriptor = Atomic<Int32>(-1)
    static let noteDescriptor = Atomic<Int32>(-1)
    nonisolated(unsafe) static let modes: UnsafeMutablePointer<termios> = {
        let storage = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        storage.initialize(to: termios())
        return storage
    }()
    /// The action each signal had before ours, indexed by signal number.
    nonisolated(unsafe) static let previousActions: UnsafeMutablePointer<sigaction> = {
        let storage = UnsafeMutablePointer<sigaction>.allocate(capacity: signalLimit)
        storage.initialize(repeating: sigaction(), count: signalLimit)
        return storage
    }()
    static let signalLimit = 65
    static let alternateStackSize = 64 * 1024

    static func previous(_ signalNumber: Int32) -> UnsafeMutablePointer<sigaction> {
        previousActions + Int(signalNumber)
    }

    static func publish(_ terminal: CrashTerminal?) {
        descriptor.store(-1, ordering: .sequentiallyConsistent)
        guard let terminal else { return }
        modes.pointee = terminal.modes
        noteDescriptor.store(terminal.noteDescriptor, ordering: .sequentiallyConsistent)
        descriptor.store(terminal.descriptor, ordering: .sequentiallyConsistent)
    }

    /// Gives the calling thread (the one that opens the screen and draws it) an alternate signal stack when it
    /// has none, so that the handler can run after a stack overflow. Never freed: the thread keeps it after the
    /// screen closes, and a thread has at most one.
    static func prepareAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: alternateStackSize, alignment: 16)
        stack.ss_size = alternateStackSize
        stack.ss_flags = 0
        _ = sigaltstack(&stack, nil)
    }

    /// Only async-signal-safe calls: tcsetattr and write, of bytes prepared before the signal.
    static func restoreTerminal(after signalNumber: Int32) {
        let terminal = descriptor.load(ordering: .sequentiallyConsistent)
        guard terminal >= 0 else { return }
        _ = tcsetattr(terminal, TCSANOW, modes)
        // Reset attributes, show the cursor, leave keypad mode and the alternate screen.
        write(terminal, "\u{1B}[0m\u{1B}[?25h\u{1B}[?1l\u{1B}[?1049l")
        let note = noteDescriptor.load(ordering: .sequentiallyConsistent)
        guard note >= 0 else { return }
        write(note, "cio stopped on signal ")
        var digits: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            _ = Foundation.write(note, buffer.baseAddress, TerminalRestorer.decimal(signalNumber, into: buffer))
        }
        write(note, "; the terminal has been restored.\n")
    }

    private static func write(_ descriptor: Int32, _ text: StaticString) {
        _ = Foundation.write(descriptor, text.utf8Start, text.utf8CodeUnitCount)
    }
}

/// Restores the terminal, puts back the action the signal had before, and lets that action see the signal. A
/// signal sent by a process (kill, raise, abort) is raised again; it waits until this handler returns. A fault
/// (a bad address, an illegal instruction) is not: returning runs the faulting instruction again, and the fault
/// reaches the previous handler with its own context, so the runtime's crash report shows where it happened.
/// A breakpoint trap would not fault again, so SIGTRAP is always raised.
private let restoreOnFatalSignal: SignalInfoHandler = { signalNumber, info, _ in
    let savedErrno = errno
    CrashState.restoreTerminal(after: signalNumber)
    guard signalNumber > 0, signalNumber < CrashState.signalLimit else { return }
    _ = sigaction(signalNumber, CrashState.previous(signalNumber), nil)
    let sentByAProcess = (info?.pointee.si_code ?? 0) <= 0
    if sentByAProcess || signalNumber == SIGTRAP || signalNumber == SIGABRT { raise(signalNumber) }
    errno = savedErrno
}
