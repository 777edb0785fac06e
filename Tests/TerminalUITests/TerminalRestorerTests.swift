import Foundation
import Testing
@testable import TerminalUI

extension ProcessWideTests {
    /// The crash handlers that give the terminal back: what they leave behind, how they nest, and what a fatal
    /// signal does while they are installed.
    @Suite struct TerminalRestorerTests {
        /// The Swift runtime installs its crash report for these at start; a screen used to put back the default
        /// action instead, so every crash after the first screen closed died without a report.
        @Test func theActionsThatWereThereComeBack() {
            let before = TerminalRestorer.fatalSignals.map { sigaction.current($0).handlerAddress }
            let quitBefore = sigaction.current(SIGQUIT).handlerAddress
            let registration = TerminalRestorer.install(ttyDescriptor: -1, noteDescriptor: -1)
            for signalNumber in TerminalRestorer.fatalSignals {
                #expect(sigaction.current(signalNumber).handlerAddress == TerminalRestorer.handlerAddress)
            }
            #expect(sigaction.current(SIGQUIT).handlerAddress == sigaction.ignoring.handlerAddress)
            TerminalRestorer.uninstall(registration)
            #expect(TerminalRestorer.fatalSignals.map { sigaction.current($0).handlerAddress } == before)
            #expect(sigaction.current(SIGQUIT).handlerAddress == quitBefore)
        }

        @Test func uninstallPutsBackAHandlerInstalledBeforeIt() {
            let original = CountingHandler.install(for: SIGFPE)
            defer { restore(SIGFPE, to: original) }
            let registration = TerminalRestorer.install(ttyDescriptor: -1, noteDescriptor: -1)
            TerminalRestorer.uninstall(registration)
            #expect(sigaction.current(SIGFPE).handlerAddress == CountingHandler.address)
        }

        @Test func installsNestAndTheLastUninstallRestores() {
            let original = CountingHandler.install(for: SIGFPE)
            defer { restore(SIGFPE, to: original) }
            let first = TerminalRestorer.install(ttyDescriptor: -1, noteDescriptor: -1)
            let second = TerminalRestorer.install(ttyDescriptor: -1, noteDescriptor: -1)
            #expect(TerminalRestorer.installCount == 2)
            TerminalRestorer.uninstall(first)
            #expect(sigaction.current(SIGFPE).handlerAddress == TerminalRestorer.handlerAddress)
            TerminalRestorer.uninstall(first)
            #expect(TerminalRestorer.installCount == 1)
            TerminalRestorer.uninstall(second)
            #expect(TerminalRestorer.installCount == 0)
            #expect(sigaction.current(SIGFPE).handlerAddress == CountingHandler.address)
        }

        @Test func theHandlerRunsOnAnAlternateStack() throws {
            let registration = TerminalRestorer.install(ttyDescriptor: -1, noteDescriptor: -1)
            defer { TerminalRestorer.uninstall(registration) }
            var stack = stack_t()
            #expect(sigaltstack(nil, &stack) == 0)
            #expect(stack.ss_flags & Int32(SS_DISABLE) == 0)
            #expect(sigaction.current(SIGSEGV).sa_flags & SA_ONSTACK != 0)
        }

        /// Raised on a pseudo-terminal whose echo the "app" turned off: the handler turns it back on, leaves the
        /// alternate screen, says so, and the signal then reaches the handler that was there before.
        @Test func aFatalSignalRestoresTheTerminalThenReachesThePreviousHandler() throws {
            let pty = try #require(PseudoTerminal.open(size: Size(width: 80, height: 24)))
            defer { close(pty.master) }
            let terminal = open(pty.childPath, O_RDWR | O_NOCTTY)
            try #require(terminal >= 0)
            defer { close(terminal) }
            var notes: [Int32] = [-1, -1]
            try #require(pipe(&notes) == 0)
            defer { close(notes[0]); close(notes[1]) }
            let original = CountingHandler.install(for: SIGFPE)
            defer { restore(SIGFPE, to: original) }
            let counted = CountingHandler.count

            let registration = TerminalRestorer.install(ttyDescriptor: terminal, noteDescriptor: notes[1])
            defer { TerminalRestorer.uninstall(registration) }
            var modes = termios()
            tcgetattr(terminal, &modes)
            modes.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(terminal, TCSANOW, &modes)
            unblock([SIGFPE])
            raise(SIGFPE)

            #expect(CountingHandler.count == counted + 1)
            tcgetattr(terminal, &modes)
            #expect(modes.c_lflag & tcflag_t(ECHO) != 0)
            #expect(Self.read(notes[0]) == "cio stopped on signal \(SIGFPE); the terminal has been restored.\n")
            #expect(Self.read(pty.master).contains("\u{1B}[?1049l"))
            // The signal went on to the previous action, which is back in place.
            #expect(sigaction.current(SIGFPE).handlerAddress == CountingHandler.address)
        }

        @Test func numbersAreWrittenWithoutAllocating() {
            var buffer = [UInt8](repeating: 0, count: 12)
            let written: (Int32) -> String = { value in
                buffer.withUnsafeMutableBytes { bytes in
                    String(decoding: bytes.prefix(TerminalRestorer.decimal(value, into: bytes)), as: UTF8.self)
                }
            }
            #expect(written(0) == "0")
            #expect(written(8) == "8")
            #expect(written(11) == "11")
            #expect(written(-6) == "-6")
            #expect(written(Int32.max) == "2147483647")
            #expect(written(Int32.min) == "-2147483648")
            var small = [UInt8](repeating: 0, count: 2)
            #expect(small.withUnsafeMutableBytes { TerminalRestorer.decimal(123, into: $0) } == 0)
        }

        /// What is waiting on `descriptor`, waiting up to 10 s for the first byte.
        private static func read(_ descriptor: Int32) -> String {
            var ready = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
            guard poll(&ready, 1, 10_000) == 1 else { return "" }
            var bytes = [UInt8](repeating: 0, count: 4096)
            let count = Foundation.read(descriptor, &bytes, bytes.count)
            return String(decoding: bytes.prefix(max(0, count)), as: UTF8.self)
        }
    }
}
