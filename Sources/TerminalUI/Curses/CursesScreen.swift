import CNcurses
import Foundation

/// The real terminal, through ncursesw: alternate screen, cbreak, no echo, keypad, short Esc delay, colours on the
/// terminal's own background. Only changed cells are handed to ncurses, which then writes the fewest bytes it can.
public final class CursesScreen: TerminalDevice {
    /// Where the screen draws and what it assumes about the terminal.
    public struct Options {
        /// The terminfo entry; nil takes `TERM` (upgraded to a `-direct` entry when `COLORTERM` says truecolor).
        public var terminalName: String?
        /// Output and input streams; nil means the process's stdout and stdin. Benchmarks pass a file to count bytes.
        public var output: UnsafeMutablePointer<FILE>?
        public var input: UnsafeMutablePointer<FILE>?
        /// The environment, for `NO_COLOR`, `COLORTERM` and `TERM`.
        public var environment: [String: String]

        public init(terminalName: String? = nil, output: UnsafeMutablePointer<FILE>? = nil, input: UnsafeMutablePointer<FILE>? = nil, environment: [String: String] = ProcessInfo.processInfo.environment) {
            self.terminalName = terminalName
            self.output = output
            self.input = input
            self.environment = environment
        }
    }

    /// Why the terminal could not be opened.
    public struct OpenError: Error, CustomStringConvertible {
        public let description: String
    }

    public private(set) var size: Size
    public let colorDepth: ColorDepth
    public let inputDescriptor: Int32?
    private let screen: OpaquePointer
    private let outputDescriptor: Int32
    private var previous: Canvas?
    private var colors: ColorPairs
    private var isClosed = false
    private var previousQuitAction = sigaction()

    public init(options: Options = Options()) throws {
        Locale.ensureUTF8()
        let output = options.output ?? cio_stdout()
        let input = options.input ?? cio_stdin()
        let name = options.terminalName ?? TerminalName.choose(environment: options.environment)
        if let problem = Self.unusableTerminal(name: name, descriptor: fileno(output)) { throw OpenError(description: problem) }
        guard let screen = newterm(name, output, input) else {
            throw OpenError(description: "cannot open the terminal \"\(name ?? "?")\": is TERM set to a terminal type this machine knows?")
        }
        self.screen = screen
        _ = set_term(screen)
        outputDescriptor = fileno(output)
        inputDescriptor = fileno(input)
        TerminalRestorer.install(ttyDescriptor: outputDescriptor)
        cbreak()
        _ = cio_keys_reach_app(fileno(input))
        // ncurses restores its saved "program" modes after a suspend or an editor: save these as those.
        def_prog_mode()
        // With no quit character, only a SIGQUIT from outside is left; the runtime would print its crash report
        // over the screen and leave the terminal as it is, so it is ignored while the screen is open.
        cio_ignore_sigquit(&previousQuitAction)
        noecho()
        nonl()
        keypad(cio_stdscr(), true)
        nodelay(cio_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        let noColor = !(options.environment["NO_COLOR"] ?? "").isEmpty
        if has_colors(), !noColor {
            start_color()
            use_default_colors()
        }
        colorDepth = ColorDepth(colors: has_colors() ? Int(cio_colors()) : 0, noColor: noColor)
        colors = ColorPairs(depth: colorDepth, capacity: Int(cio_color_pairs()))
        size = Size(width: Int(getmaxx(cio_stdscr())), height: Int(getmaxy(cio_stdscr())))
    }

    deinit { close() }

    /// Gives the terminal back: leaves the alternate screen and restores the modes it had. Safe to call twice.
    /// The screen is cleared first: a terminal without an alternate screen (vt100, the Linux console) would
    /// otherwise keep the last frame, status bar and all, under the shell's prompt.
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        werase(cio_stdscr())
        wmove(cio_stdscr(), 0, 0)
        wrefresh(cio_stdscr())
        endwin()
        delscreen(screen)
        cio_restore_sigquit(&previousQuitAction)
        TerminalRestorer.uninstall()
    }

    /// Why the terminal type `name` (nil: `$TERM`) cannot hold a full screen, or nil when it can.
    public static func unusableTerminal(name: String?, descriptor: Int32 = STDOUT_FILENO) -> String? {
        let shown = name ?? "?"
        guard let name, !name.isEmpty else {
            return "TERM is not set, so cio cannot tell what the terminal can do; set it (TERM=xterm-256color), or use `cio get …` for plain output."
        }
        guard cio_terminal_can_address(name, descriptor) != 0 else {
            return "the terminal type \"\(shown)\" cannot move the cursor (or this machine does not know it), and cio's full screen needs that; set TERM to your terminal's type (xterm-256color, screen-256color…), or use `cio get …` for plain output."
        }
        return nil
    }

    /// Sets the size by hand, for benchmarks on a file that has no window size.
    public func resize(to newSize: Size) {
        resizeterm(Int32(newSize.height), Int32(newSize.width))
        size = newSize
        previous = nil
    }

    public func updateSize() -> Size? {
        var window = winsize()
        guard ioctl(outputDescriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return nil }
        let measured = Size(width: Int(window.ws_col), height: Int(window.ws_row))
        guard measured != size else { return nil }
        resize(to: measured)
        return measured
    }

    public func invalidate() {
        previous = nil
        clearok(cio_stdscr(), true)
    }

    /// Leaves curses mode (the saved shell modes and the normal screen come back) while `body` runs, then returns
    /// to it and repaints everything on the next frame.
    public func runOutside(_ body: () -> Void) {
        def_prog_mode()
        endwin()
        body()
        reset_prog_mode()
        invalidate()
        wrefresh(cio_stdscr())
    }

    public func present(_ canvas: Canvas) throws {
        guard !isClosed, canvas.size == size else { return }
        for change in canvas.changes(since: previous) {
            var x = change.columns.lowerBound
            while x < change.columns.upperBound {
                let cell = canvas[x, change.row]
                if !cell.isContinuation { draw(cell, x: x, y: change.row) }
                x += 1
            }
        }
        previous = canvas
        wnoutrefresh(cio_stdscr())
        doupdate()
    }

    public func readEvents() -> [InputEvent] {
        var events: [InputEvent] = []
        var character: wint_t = 0
        while true {
            let result = wget_wch(cio_stdscr(), &character)
            if result == ERR { break }
            if result == KEY_CODE_YES, Int32(character) == KEY_RESIZE {
                let current = Size(width: Int(getmaxx(cio_stdscr())), height: Int(getmaxy(cio_stdscr())))
                // resizeterm queues a KEY_RESIZE of its own; report only real changes.
                guard current != size else { continue }
                size = current
                previous = nil
                events.append(.resize(size))
            } else if let key = KeyDecoder.key(code: UInt32(character), isFunctionKey: result == KEY_CODE_YES) {
                events.append(.key(key))
            }
        }
        return events
    }

    public func copyToClipboard(_ text: String) {
        let payload = Data(text.utf8).base64EncodedString()
        let sequence = Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
        fflush(cio_stdout())
        sequence.withUnsafeBytes { bytes in _ = write(outputDescriptor, bytes.baseAddress, bytes.count) }
    }

    private func draw(_ cell: Cell, x: Int, y: Int) {
        let pair = colors.pair(for: cell.style)
        var attributes: attr_t = 0
        let style = cell.style.attributes
        if style.contains(.bold) { attributes |= cio_attr_bold() }
        if style.contains(.dim) { attributes |= cio_attr_dim() }
        if style.contains(.italic) { attributes |= cio_attr_italic() }
        if style.contains(.underline) { attributes |= cio_attr_underline() }
        if style.contains(.reverse) { attributes |= cio_attr_reverse() }
        // ncurses keeps a base character and up to four combining marks per cell; anything past that is dropped.
        var text = cell.grapheme.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
        if text.isEmpty { text = [wchar_t(32)] }
        text.append(0)
        _ = cio_put_cell(Int32(y), Int32(x), text, attributes, pair)
    }
}

extension Locale {
    /// ncursesw draws wide characters only under a UTF-8 locale: take the user's, and if that is not UTF-8
    /// (LANG=C on a bare server), C.UTF-8 for the character type.
    static func ensureUTF8() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" { return }
        setlocale(LC_CTYPE, "C.UTF-8")
    }
}
