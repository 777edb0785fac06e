import Styling

/// Where frames go: the ncurses terminal, or memory for tests.
public protocol Screen: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows `canvas`, repainting only what changed since the last frame.
    func present(_ canvas: Canvas) throws
}

/// A screen that keeps frames in memory: tests compare its text and styles, benchmarks count repaints.
public final class HeadlessScreen: Screen {
    public var size: Size
    /// The last frame presented.
    public private(set) var frame: Canvas?
    /// How many frames have been presented.
    public private(set) var presentedFrames = 0
    /// Cells the last present would have repainted on a real terminal.
    public private(set) var lastRepaintedCells = 0

    public init(size: Size) {
        self.size = size
    }

    public func present(_ canvas: Canvas) throws {
        lastRepaintedCells = canvas.changes(since: frame).reduce(0) { $0 + $1.columns.count }
        frame = canvas
        presentedFrames += 1
    }

    /// The last frame as text (empty before the first frame).
    public var text: String { frame?.text ?? "" }

    /// The style at a cell of the last frame.
    public func style(x: Int, y: Int) -> CellStyle? {
        guard let frame, frame.contains(x: x, y: y) else { return nil }
        return frame[x, y].style
    }

    /// A terminal resize, as the real screen would report it.
    public func resize(to size: Size) {
        self.size = size
    }
}
