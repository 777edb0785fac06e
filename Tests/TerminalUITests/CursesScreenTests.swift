import Foundation
import Styling
import Testing
@testable import TerminalUI

extension ProcessWideTests {
    /// The ncurses screen driven into a file (as the repaint benchmark does), key decoding and colour reduction.
    /// Among the process-wide tests: a screen changes signal actions, ncurses' current screen and the locale.
    @Suite struct CursesScreenTests {
        /// Opens a screen that writes to a temporary file; returns it with a reader of what was written so far.
        private static func fileScreen(size: Size, environment: [String: String] = [:]) throws -> (CursesScreen, () -> String, () -> Void) {
            let output = try #require(tmpfile())
            let input = try #require(fopen("/dev/null", "r"))
            let screen = try CursesScreen(options: .init(terminalName: "xterm-256color", output: output, input: input, environment: environment))
            screen.resize(to: size)
            let read: () -> String = {
                fflush(output)
                let length = Int(lseek(fileno(output), 0, SEEK_END))
                var bytes = [UInt8](repeating: 0, count: length)
                _ = pread(fileno(output), &bytes, length, 0)
                return String(decoding: bytes, as: UTF8.self)
            }
            return (screen, read, { screen.close(); fclose(output); fclose(input) })
        }

        @Test func drawsWideTextAndWritesLittleForASmallChange() throws {
            let (screen, written, close) = try Self.fileScreen(size: Size(width: 40, height: 6))
            defer { close() }
            var canvas = Canvas(size: screen.size)
            canvas.put("Segments 李雷 👍", x: 0, y: 0, style: CellStyle(attributes: .bold))
            canvas.put("Pro plan", x: 2, y: 2)
            try screen.present(canvas)
            let first = written()
            #expect(first.contains("Segments"))
            #expect(first.contains("李雷"))
            #expect(first.contains("Pro plan"))
            // Changing one word repaints that word, not the screen.
            canvas.put("Pro PLAN", x: 2, y: 2)
            try screen.present(canvas)
            let second = written().utf8.count - first.utf8.count
            #expect(second > 0)
            #expect(second < 40)
            #expect(written().hasSuffix("PLAN") || written().contains("PLAN"))
        }

        @Test func presentingTheSameFrameWritesNothing() throws {
            let (screen, written, close) = try Self.fileScreen(size: Size(width: 30, height: 4))
            defer { close() }
            var canvas = Canvas(size: screen.size)
            canvas.put("same", x: 1, y: 1)
            try screen.present(canvas)
            let before = written().utf8.count
            try screen.present(canvas)
            #expect(written().utf8.count == before)
        }

        @Test func colourDepthFollowsNoColor() throws {
            let (colored, _, closeColored) = try Self.fileScreen(size: Size(width: 10, height: 2))
            #expect(colored.colorDepth == .indexed256)
            closeColored()
            let (plain, _, closePlain) = try Self.fileScreen(size: Size(width: 10, height: 2), environment: ["NO_COLOR": "1"])
            #expect(plain.colorDepth == .monochrome)
            closePlain()
        }

        @Test func anUnknownTerminalIsAClearError() {
            #expect(throws: CursesScreen.OpenError.self) {
                _ = try CursesScreen(options: .init(terminalName: "no-such-terminal-xyz", output: tmpfile(), input: fopen("/dev/null", "r")))
            }
        }

        /// Only LC_CTYPE changes: the process starts in the C locale, and LC_ALL from the environment (LANG=C.UTF-8
        /// on CI, de_DE.UTF-8 on a desk) used to change LC_NUMERIC and the rest as well, under other threads' feet.
        @Test func openingAScreenSetsOnlyTheCharacterType() throws {
            let (_, _, close) = try Self.fileScreen(size: Size(width: 10, height: 2))
            defer { close() }
            #expect(CursesLocale.isUTF8)
            #expect(String(cString: nl_langinfo(nl_item(CODESET))) == "UTF-8")
            for category in [LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES] {
                #expect(String(cString: setlocale(category, nil)) == "C")
            }
        }

        /// ncurses keeps every screen's windows in one list and deleting one screen frees the other's too: the
        /// screen left open would then draw into freed memory (a segmentation fault in waddnstr).
        @Test func onlyOneScreenIsOpenAtATime() throws {
            let (first, written, closeFirst) = try Self.fileScreen(size: Size(width: 20, height: 3))
            #expect(throws: CursesScreen.OpenError.self) {
                _ = try CursesScreen(options: .init(terminalName: "xterm-256color", output: tmpfile(), input: fopen("/dev/null", "r")))
            }
            var canvas = Canvas(size: first.size)
            canvas.put("alpha", x: 0, y: 0)
            try first.present(canvas)
            #expect(written().contains("alpha"))
            #expect(TerminalRestorer.installCount == 1)
            closeFirst()
            let (second, writtenSecond, closeSecond) = try Self.fileScreen(size: Size(width: 20, height: 3))
            defer { closeSecond() }
            try second.present(canvas)
            #expect(writtenSecond().contains("alpha"))
        }

        /// The test closes the file right after the screen; the descriptor number may be someone else's by then.
        @Test func aClosedScreenWritesNothingMore() throws {
            let output = try #require(tmpfile())
            defer { fclose(output) }
            let input = try #require(fopen("/dev/null", "r"))
            defer { fclose(input) }
            let screen = try CursesScreen(options: .init(terminalName: "xterm-256color", output: output, input: input, environment: [:]))
            screen.close()
            let length = lseek(fileno(output), 0, SEEK_END)
            screen.copyToClipboard("secret")
            try screen.present(Canvas(size: screen.size))
            screen.invalidate()
            screen.resize(to: Size(width: 12, height: 3))
            #expect(screen.readEvents().isEmpty)
            fflush(output)
            #expect(lseek(fileno(output), 0, SEEK_END) == length)
        }

        /// The runtime's crash report for SIGSEGV and friends, and SIGQUIT's action, are back once the screen closes.
        @Test func closingTheScreenPutsBackTheActionsItFound() throws {
            let watched = TerminalRestorer.fatalSignals + [SIGQUIT]
            let before = watched.map { sigaction.current($0).handlerAddress }
            let (_, _, close) = try Self.fileScreen(size: Size(width: 10, height: 2))
            #expect(sigaction.current(SIGSEGV).handlerAddress == TerminalRestorer.handlerAddress)
            #expect(sigaction.current(SIGQUIT).handlerAddress == sigaction.ignoring.handlerAddress)
            close()
            #expect(watched.map { sigaction.current($0).handlerAddress } == before)
        }

        @Test func keyDecoding() {
            #expect(KeyDecoder.key(code: 27, isFunctionKey: false) == .escape)
            #expect(KeyDecoder.key(code: 13, isFunctionKey: false) == .enter)
            #expect(KeyDecoder.key(code: 127, isFunctionKey: false) == .backspace)
            #expect(KeyDecoder.key(code: 4, isFunctionKey: false) == .control("d"))
            #expect(KeyDecoder.key(code: 23, isFunctionKey: false) == .control("w"))
            #expect(KeyDecoder.key(code: UInt32(("G" as Unicode.Scalar).value), isFunctionKey: false) == .character("G"))
            #expect(KeyDecoder.key(code: 0x674E, isFunctionKey: false) == .character("李"))
            #expect(KeyDecoder.key(code: UInt32(KEY_NPAGE_VALUE), isFunctionKey: true) == .pageDown)
            #expect(KeyDecoder.key(code: 0, isFunctionKey: false) == nil)
        }

        @Test func coloursComeDownToWhatTheTerminalHas() {
            #expect(ColorDepth(colors: 256, noColor: false) == .indexed256)
            #expect(ColorDepth(colors: 0x1000000, noColor: false) == .trueColor)
            #expect(ColorDepth(colors: 8, noColor: false) == .ansi16)
            #expect(ColorDepth(colors: 256, noColor: true) == .monochrome)
            #expect(ColorDepth.indexed256.reduce(.rgb(255, 0, 0)) == .indexed(196))
            #expect(ColorDepth.indexed256.reduce(.rgb(128, 128, 128)) == .indexed(244))
            #expect(ColorDepth.ansi16.reduce(.rgb(250, 250, 250)) == .indexed(15))
            #expect(ColorDepth.ansi16.reduce(.indexed(196)) == .indexed(9))
            #expect(ColorDepth.trueColor.reduce(.rgb(1, 2, 3)) == .rgb(1, 2, 3))
            #expect(ColorDepth.monochrome.reduce(.indexed(4)) == .default)
            #expect(Palette.rgb(16) == (0, 0, 0) && Palette.rgb(231) == (255, 255, 255))
        }

        @Test func truecolorUpgradesOnlyKnownFamiliesWithADirectEntry() {
            #expect(TerminalName.choose(environment: ["TERM": "screen-256color", "COLORTERM": "truecolor"]) == "screen-256color")
            #expect(TerminalName.choose(environment: ["TERM": "xterm-256color"]) == "xterm-256color")
            #expect(TerminalName.choose(environment: [:]) == nil)
            let upgraded = TerminalName.choose(environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"])
            #expect(upgraded == "xterm-256color" || upgraded == "xterm-direct")
        }
    }
}

/// The run loop's waiting: input, wake-ups from other threads, signals, and timeouts.
@Suite(.serialized) struct EventLoopTests {
    @Test func aWakeFromAnotherThreadEndsTheWait() {
        let loop = EventLoop(input: nil)
        let mailbox = Mailbox<Int>(wakePipe: loop.wakePipe)
        DispatchQueue.global().async { mailbox.post(7) }
        let wakeup = loop.wait(timeout: 30)
        #expect(wakeup.woken)
        #expect(mailbox.takeAll() == [7])
        #expect(mailbox.takeAll().isEmpty)
    }

    @Test func aTimeoutEndsAnIdleWait() {
        let loop = EventLoop(input: nil)
        let wakeup = loop.wait(timeout: 0.01)
        #expect(!wakeup.woken && !wakeup.input && wakeup.signals.isEmpty)
    }

    @Test func inputOnTheDescriptorIsReported() throws {
        var descriptors: [Int32] = [0, 0]
        #expect(pipe(&descriptors) == 0)
        defer { close(descriptors[0]); close(descriptors[1]) }
        let loop = EventLoop(input: descriptors[0])
        var byte = UInt8(ascii: "j")
        _ = write(descriptors[1], &byte, 1)
        #expect(loop.wait(timeout: 30).input)
    }

    @Test func aPseudoTerminalOpens() throws {
        let pty = try #require(PseudoTerminal.open(size: Size(width: 100, height: 30)))
        defer { close(pty.master) }
        #expect(pty.childPath.hasPrefix("/dev/pts/"))
        let child = open(pty.childPath, O_RDWR | O_NOCTTY)
        #expect(child >= 0)
        var window = winsize()
        #expect(ioctl(child, UInt(TIOCGWINSZ), &window) == 0)
        #expect(window.ws_col == 100 && window.ws_row == 30)
        close(child)
    }
}

/// KEY_NPAGE from ncurses, without importing it into the tests.
private let KEY_NPAGE_VALUE: Int32 = 0o522
