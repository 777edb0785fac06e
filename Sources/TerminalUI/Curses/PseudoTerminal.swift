import CNcurses
import Foundation

/// A pseudo-terminal pair: the app runs on `childPath` as on a real terminal while the other side reads what it
/// draws and types into it. For benchmarks and tests that need a real terminal without a person.
public struct PseudoTerminal: Sendable {
    /// The controlling side: read the app's output here, write keys here.
    public let master: Int32
    /// The terminal device the app opens (/dev/pts/N).
    public let childPath: String

    /// Opens a pair with the given window size; nil when the system has no pseudo-terminals.
    public static func open(size: Size) -> PseudoTerminal? {
        var number: Int32 = 0
        let master = cio_open_pty_master(&number)
        guard master >= 0 else { return nil }
        var window = winsize(ws_row: UInt16(size.height), ws_col: UInt16(size.width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &window)
        return PseudoTerminal(master: master, childPath: "/dev/pts/\(number)")
    }
}
