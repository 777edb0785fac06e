import TerminalUI

/// A column of a pane's table, described once: how it is laid out (title, width policy, priority on narrow screens)
/// and where its text comes from: the row's typed item, or a load after the row (`later`), which starts as a
/// placeholder and is filled by the pane's `lazyValues` (or, for people, one bulk request).
struct Column<Item>: Sendable {
    let layout: TableColumn
    let loadsLater: Bool
    private let text: @Sendable (Item) -> String

    init(_ layout: TableColumn, _ text: @escaping @Sendable (Item) -> String) {
        self.layout = layout
        self.text = text
        loadsLater = false
    }

    private init(later layout: TableColumn, pending: @escaping @Sendable (Item) -> CellState) {
        self.layout = layout
        text = { pending($0).text }
        loadsLater = true
    }

    /// A column whose cells arrive after the row; `pending` is what the row holds until then (loading, or empty
    /// for a row that cannot be asked for).
    static func later(_ layout: TableColumn, pending: @escaping @Sendable (Item) -> CellState = { _ in .loading }) -> Column {
        Column(later: layout, pending: pending)
    }

    func text(for item: Item) -> String { text(item) }
}

/// A pane's columns in order: its table's layout, which of them load later, and a row's cells from its item.
struct Columns<Item>: Sendable {
    let all: [Column<Item>]

    init(_ all: [Column<Item>]) { self.all = all }

    var layouts: [TableColumn] { all.map(\.layout) }
    var later: [Int] { all.indices.filter { all[$0].loadsLater } }
    func cells(_ item: Item) -> [String] { all.map { $0.text(for: item) } }
}

/// A pane whose columns are described as `Columns` of its item type: the table's layout and lazy columns come
/// from there, so a column's title, widths and value are written in one place.
protocol TypedColumns: PaneDefinition {
    associatedtype Item
    static var table: Columns<Item> { get }
}

extension TypedColumns {
    static var columns: [TableColumn] { table.layouts }
    static var lazyColumns: [Int] { table.later }
}
