import TerminalUI

/// Where the bars and the main area go at a given size. Small terminals drop the breadcrumb line first, then the
/// top bar; the status bar stays as long as there is a row for it.
public enum Layout {
    public static func topBar(_ size: Size) -> Rect? {
        size.height >= 4 ? Rect(x: 0, y: 0, width: size.width, height: 1) : nil
    }

    public static func breadcrumb(_ size: Size) -> Rect? {
        size.height >= 6 ? Rect(x: 0, y: 1, width: size.width, height: 1) : nil
    }

    public static func statusBar(_ size: Size) -> Rect? {
        size.height >= 2 ? Rect(x: 0, y: size.height - 1, width: size.width, height: 1) : nil
    }

    public static func main(_ size: Size) -> Rect {
        let top = (topBar(size) == nil ? 0 : 1) + (breadcrumb(size) == nil ? 0 : 1)
        let bottom = statusBar(size) == nil ? 0 : 1
        return Rect(x: 0, y: top, width: size.width, height: size.height - top - bottom)
    }

    /// Data rows a list shows (the main area less the header row).
    public static func tableRows(_ size: Size) -> Int { TableView.visibleRows(in: main(size)) }

    /// Rows a detail view shows.
    public static func detailRows(_ size: Size) -> Int { max(0, main(size).height) }
}
