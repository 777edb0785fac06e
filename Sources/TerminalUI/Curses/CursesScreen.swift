import CNcurses
import Foundation

/// The real terminal, through ncursesw: alternate screen, cbreak, no echo, keypad, short Esc delay, colours on the
/// terminal's own background. Only changed cells are handed to ncurses, which then writes the fewest bytes it can.
/// One is open at a time in a process (ncurses cannot keep two); a second throws `OpenError` until the first closes.
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
    private let restorer: TerminalRestorer.Registration

    /// What opening a screen found out, gathered while ncurses was locked.
    private struct Opened {
        let screen: OpaquePointer
        let restorer: TerminalRestorer.Registration
        let colorDepth: ColorDepth
        let colorPairs: Int
        let size: Size
    }

    public init(options: Options = Options()) throws {
        CursesLocale.prepare()
        let output = options.output ?? cio_stdout()
        let input = options.input ?? cio_stdin()
        let name = options.terminalName ?? TerminalName.choose(environment: options.environment)
        if let problem = Self.unusableTerminal(name: name, descriptor: fileno(output)) { throw OpenError(description: problem) }
        let opened = try Self.open(name: name, output: output, input: input, environment: options.environment).get()
        screen = opened.screen
        restorer = opened.restorer
        colorDepth = opened.colorDepth
        colors = ColorPairs(depth: colorDepth, capacity: opened.colorPairs)
        size = opened.size
        outputDescriptor = fileno(output)
        inputDescriptor = fileno(input)
    }

    deinit { close() }

    /// Opens the ncurses screen (newterm makes it the current one) and sets its modes. One at a time: ncurses
    /// keeps every screen's windows in one list, and deleting a screen frees the other screens' windows too, so
    /// a screen drawing after another one closed would write into freed memory.
    private static func open(name: String?, output: UnsafeMutablePointer<FILE>?, input: UnsafeMutablePointer<FILE>?, environment: [String: String]) -> Result<Opened, OpenError> {
        NCurses.withLock {
            guard !NCurses.hasOpenScreen else {
                return .failure(OpenError(description: "a terminal screen is open already; close it before opening another"))
            }
            guard let screen = newterm(name, output, input) else {
                return .failure(OpenError(description: "cannot open the terminal \"\(name ?? "?")\": is TERM set to a terminal type this machine knows?"))
            }
            NCurses.hasOpenScreen = true
            let restorer = TerminalRestorer.install(ttyDescriptor: fileno(output))
            cbreak()
            _ = cio_keys_reach_app(fileno(input))
            // ncurses restores its saved "program" modes after a suspend or an editor: save these as those.
            def_prog_mode()
            noecho()
            nonl()
            keypad(cio_stdscr(), true)
            nodelay(cio_stdscr(), true)
            set_escdelay(25)
            curs_set(0)
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            if has_colors(), !noColor {
                start_color()
                use_default_colors()
            }
            let depth = ColorDepth(colors: has_colors() ? Int(cio_colors()) : 0, noColor: noColor)
            let size = Size(width: Int(getmaxx(cio_stdscr())), height: Int(getmaxy(cio_stdscr())))
            return .success(Opened(screen: screen, restorer: restorer, colorDepth: depth, colorPairs: Int(cio_color_pairs()), size: size))
        }
    }

    /// Runs `body` under the lock that every ncurses call takes (ncurses has no locking of its own). Nothing runs
    /// once the screen is closed: ncurses has freed it, and its descriptors may be someone else's by then.
    private func withScreen<Value>(orElse fallback: Value, _ body: () -> Value) -> Value {
        NCurses.withLock {
            guard !isClosed else { return fallback }
            return body()
        }
    }

    /// Gives the terminal back: leaves the alternate screen and restores the modes it had. Safe to call twice.
    /// The screen is cleared first: a terminal without an alternate screen (vt100, the Linux console) would
    /// otherwise keep the last frame, status bar and all, under the shell's prompt.
    public func close() {
        withScreen(orElse: ()) {
            werase(cio_stdscr())
            wmove(cio_stdscr(), 0, 0)
            wrefresh(cio_stdscr())
            endwin()
            delscreen(screen)
            isClosed = true
            NCurses.hasOpenScreen = false
            TerminalRestorer.uninstall(restorer)
        }
    }

    /// Why the terminal type `name` (nil: `$TERM`) cannot hold a full screen, or nil when it can.
    public static func unusableTerminal(name: String?, descriptor: Int32 = STDOUT_FILENO) -> String? {
        let shown = name ?? "?"
        guard let name, !name.isEmpty else {
            return "TERM is not set, so cio cannot tell what the terminal can do; set it (TERM=xterm-256color), or use `cio get …` for plain output."
        }
        // setupterm swaps ncurses' current terminal for a moment: not while a screen is drawing.
        guard NCurses.withLock({ cio_terminal_can_address(name, descriptor) }) != 0 else {
            return "the terminal type \"\(shown)\" cannot move the cursor (or this machine does not know it), and cio's full screen needs that; set TERM to your terminal's type (xterm-256color, screen-256color…), or use `cio get …` for plain output."
        }
        return nil
    }

    /// Sets the size by hand, for benchmarks on a file that has no window size.
    public func resize(to newSize: Size) {
        withScreen(orElse: ()) {
            resizeterm(Int32(newSize.height), Int32(newSize.width))
            size = newSize
            previous = nil
        }
    }

    public func updateSize() -> Size? {
        guard !isClosed else { return nil }
        var window = winsize()
        guard ioctl(outputDescriptor, UInt(TIOCGWINSZ), &window) == 0, window.ws_row > 0, window.ws_col > 0 else { return nil }
        let measured = Size(width: Int(window.ws_col), height: Int(window.ws_row))
        guard measured != size else { return nil }
        resize(to: measured)
        return measured
    }

    public func invalidate() {
        withScreen(orElse: ()) {
            previous = nil
            clearok(cio_stdscr(), true)
        }
    }

    /// Leaves curses mode (the saved shell modes and the normal screen come back) while `body` runs, then returns
    /// to it and repaints everything on the next frame. The lock is not held while `body` runs (an editor).
    public func runOutside(_ body: () -> Void) {
        withScreen(orElse: ()) {
            def_prog_mode()
            endwin()
        }
        body()
        withScreen(orElse: ()) {
            reset_prog_mode()
            previous = nil
            clearok(cio_stdscr(), true)
            wrefresh(cio_stdscr())
        }
    }

    public func present(_ canvas: Canvas) throws {
        guard canvas.size == size else { return }
        withScreen(orElse: ()) {
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
    }

    public func readEvents() -> [InputEvent] {
        withScreen(orElse: []) {
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
    }

    public func copyToClipboard(_ text: String) {
        let payload = Data(text.utf8).base64EncodedString()
        let sequence = Array("\u{1B}]52;c;\(payload)\u{07}".utf8)
        withScreen(orElse: ()) {
            fflush(cio_stdout())
            sequence.withUnsafeBytes { bytes in _ = write(outputDescriptor, bytes.baseAddress, bytes.count) }
        }
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

/// ncursesw draws wide characters only under a UTF-8 locale. Only the character type is set, and only once per
/// process: setlocale is not thread-safe (other threads read the locale while it changes, and glibc frees the old
/// locale's names), and LC_ALL would also change LC_NUMERIC and with it how C formatting prints numbers.
enum CursesLocale {
    /// The user's LC_CTYPE, or C.UTF-8 when that is not UTF-8 (LANG=C on a bare server). Swift runs a static's
    /// initialiser exactly once, however many threads ask at the same time.
    static let isUTF8: Bool = {
        _ = setlocale(LC_CTYPE, "")
        if codesetIsUTF8 { return true }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return codesetIsUTF8
    }()

    /// Sets the character type up, the first time only.
    static func prepare() {
        _ = isUTF8
    }

    private static var codesetIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        return String(cString: codeset) == "UTF-8"
    }
}

/// ncurses keeps its state (the current screen, the terminal, every window) in process globals and has no locking
/// of its own: every call goes through this lock.
enum NCurses {
    private static let lock = NSLock()
    /// Whether a `CursesScreen` is open; read and written under the lock only.
    nonisolated(unsafe) static var hasOpenScreen = false

    static func withLock<Value>(_ body: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
