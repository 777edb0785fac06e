import CNcurses
import Foundation

// Signal handlers may touch only these: plain values set before the handlers are installed.
nonisolated(unsafe) private var savedModes = termios()
nonisolated(unsafe) private var haveSavedModes = false
nonisolated(unsafe) private var ttyDescriptor: Int32 = 1

/// Puts the terminal back the way it was if the process dies while ncurses owns it: on a crash the handler
/// restores the saved modes and leaves the alternate screen before the default action runs.
/// (SIGINT, SIGTERM and SIGHUP are not handled here: the run loop turns them into an orderly quit.)
enum TerminalRestorer {
    private static let fatalSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

    static func install(ttyDescriptor descriptor: Int32) {
        ttyDescriptor = descriptor
        haveSavedModes = tcgetattr(descriptor, &savedModes) == 0
        for signalNumber in fatalSignals {
            signal(signalNumber) { number in
                TerminalRestorer.restoreFromSignal()
                let note = Array("cio stopped on signal \(number); the terminal has been restored.\n".utf8)
                note.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    static func uninstall() {
        for signalNumber in fatalSignals { signal(signalNumber, SIG_DFL) }
    }

    /// Only async-signal-safe calls: tcsetattr and write.
    static func restoreFromSignal() {
        if haveSavedModes { tcsetattr(ttyDescriptor, TCSANOW, &savedModes) }
        // Reset attributes, show the cursor, leave keypad mode and the alternate screen.
        let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1l\u{1B}[?1049l"
        _ = write(ttyDescriptor, reset.utf8Start, reset.utf8CodeUnitCount)
    }
}
