@testable import TerminalUI

/// Draws one frame of `size` on a headless screen, as the app would present it.
func present(_ size: Size, _ draw: (inout Canvas, Rect) -> Void) throws -> HeadlessScreen {
    let screen = HeadlessScreen(size: size)
    var canvas = Canvas(size: size)
    draw(&canvas, Rect(size))
    try screen.present(canvas)
    return screen
}

/// The drawn part of a screen's text: blank rows above and below cut off, and the indentation every row shares
/// removed, with where that block sat. Lets big-screen snapshots compare only what the widget drew.
func block(_ text: String) -> (top: Int, left: Int, text: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let top = lines.firstIndex { !$0.isEmpty } ?? lines.count
    lines.removeFirst(top)
    while lines.last?.isEmpty == true { lines.removeLast() }
    let left = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return (top, left, lines.map { String($0.dropFirst(min(left, $0.count))) }.joined(separator: "\n"))
}

/// Renders into `rect` of a canvas filled with "#" and returns the cells outside `rect` that changed: a widget
/// must leave them alone whatever the rect, even one hanging off the canvas.
func cellsChangedOutside(_ rect: Rect, canvas size: Size, _ draw: (inout Canvas, Rect) -> Void) -> [String] {
    var canvas = Canvas(size: size, fill: Cell("#"))
    draw(&canvas, rect)
    var changed: [String] = []
    for y in 0..<size.height {
        for x in 0..<size.width where !(x >= rect.x && x < rect.maxX && y >= rect.y && y < rect.maxY) && canvas[x, y] != Cell("#") {
            changed.append("\(x),\(y)")
        }
    }
    return changed
}

/// Rects that have broken widgets before: empty, one cell, thin, and ones partly or wholly off the canvas.
let awkwardRects: [Rect] = [
    Rect(x: 0, y: 0, width: 0, height: 0), Rect(x: 3, y: 2, width: 1, height: 1), Rect(x: 2, y: 1, width: 1, height: 6),
    Rect(x: 1, y: 3, width: 9, height: 1), Rect(x: 4, y: 2, width: 2, height: 2), Rect(x: 2, y: 1, width: 7, height: 3),
    Rect(x: -6, y: -2, width: 14, height: 6), Rect(x: 8, y: 5, width: 40, height: 30), Rect(x: 30, y: 30, width: 5, height: 5),
    Rect(x: -50, y: 1, width: 200, height: 3), Rect(x: 1, y: 1, width: 14, height: 7),
]
