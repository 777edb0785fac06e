import Synchronization
import CustomerIO
import Foundation
import TerminalUI

extension Export {
    /// Still being built: the Exports list follows it until it is done.
    var isRunning: Bool { if case .building? = state { true } else { false } }
    /// Built, and so ready to download.
    var isDone: Bool { state == .done }
    /// Its status as shown: failed wins over whatever status it had.
    var statusText: String { state?.word ?? "—" }
}

/// One row of a pane's list: its typed item, and that item turned into text for the table, the filter and `y`.
public struct ListRow: Sendable, Hashable {
    /// Identity within its pane (an id); detail routes carry it.
    public var key: RowKey
    public var cells: [String]
    /// Cells that arrived later and say more than their text, by column: a number to sort by ("1,125" sorts as
    /// 1125, "15.0%" as 15), nothing to show, or a failure with its reason. Only rows with such a cell pay for the
    /// dictionary (a person row has one only when unsubscribed or unnamed).
    private var lateStates: [Int: CellState]?
    /// What `y` copies.
    public var copyValue: String
    /// The fields the detail view shows.
    public var detail: [DetailLine]
    /// Lowercased text of every cell, searched by the filter without lowercasing on each keystroke.
    private(set) var searchText: [UInt8]
    /// The item itself, where logic needs more than its text. (Declared after the reference-sized fields, with the
    /// arrived-columns bits right behind its tag, so a row of a 100,000-person list stays small.)
    public var item: RowItem?
    /// A bit per column whose value arrived after the row (a count, a person's name), carried over when the rows
    /// reload; a set would cost an allocation per row.
    private var arrivedColumns: UInt16 = 0

    public init(key: RowKey, cells: [String], copyValue: String? = nil, detail: [DetailLine] = [], item: RowItem? = nil) {
        self.key = key
        self.item = item
        self.cells = cells
        self.copyValue = copyValue ?? key.description
        self.detail = detail
        searchText = Array(cells.joined(separator: "\u{1F}").lowercased().utf8)
    }

    /// Sets a cell that loads after the row (a segment's customer count, a person's name) to what it now holds;
    /// `loading` puts it back to waiting (the metrics window changed).
    mutating func setCell(_ column: Int, to state: CellState) {
        guard cells.indices.contains(column) else { return }
        cells[column] = state.text
        if column < 16 {
            if state == .loading { arrivedColumns &= ~(1 << UInt16(column)) } else { arrivedColumns |= 1 << UInt16(column) }
        }
        switch state {
        case .value(_, nil), .loading: lateStates?[column] = nil
        case .value, .empty, .failed: lateStates = (lateStates ?? [:]).merging([column: state]) { _, new in new }
        }
        searchText = Array(cells.joined(separator: "\u{1F}").lowercased().utf8)
    }

    /// Whether a lazily loaded cell has its value (or its failure).
    public func hasArrived(_ column: Int) -> Bool { column < 16 && arrivedColumns & (1 << UInt16(column)) != 0 }

    /// What a lazily loaded cell holds. (For a column that does not load later, its text as a value.)
    public func cellState(_ column: Int) -> CellState {
        guard cells.indices.contains(column) else { return .empty }
        if let state = lateStates?[column] { return state }
        return hasArrived(column) ? .value(cells[column]) : .loading
    }

    /// The number a cell sorts by, when it has one.
    func number(_ column: Int) -> Double? { lateStates?[column]?.number }

    /// Whether any cell contains `needle` (lowercased UTF-8).
    func matches(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty else { return true }
        guard needle.count <= searchText.count else { return false }
        return searchText.withUnsafeBufferPointer { haystack in
            needle.withUnsafeBufferPointer { pattern in ByteSearch.contains(haystack, pattern) }
        }
    }
}

/// Whether something has loaded.
public enum LoadState<Value: Sendable & Hashable>: Sendable, Hashable {
    case idle
    case loading(previous: Value?)
    case loaded(Value)
    case failed(String, previous: Value?)

    public var value: Value? {
        switch self {
        case .idle: nil
        case .loading(let previous), .failed(_, let previous): previous
        case .loaded(let value): value
        }
    }

    public var isLoading: Bool {
        if case .loading = self { return true }
        return false
    }
}

/// A pane's list: rows as loaded, the filter and sort the user chose, and which rows show in what order.
public struct ListPaneState: Sendable, Hashable {
    public var rows: LoadState<[ListRow]> = .idle {
        // Loading afresh (or failing) without rows to keep must not leave `visible` pointing at rows that are gone.
        didSet { if rows.value == nil { visible = [] } }
    }
    public var table = TableState()
    public var filter = ""
    /// Rows the user marked (space), by key, in the order marked.
    public var marked: [RowKey] = []
    /// Indexes into the loaded rows, filtered and sorted: what the table shows.
    public private(set) var visible: [Int] = []
    /// For lists that arrive in pages (a query's matches, a segment's members): where the next page starts, nil
    /// when the last has arrived; and whether it is being fetched.
    public var next: String?
    public var isLoadingMore = false
    /// Pages on to the end without waiting for the selection (a list opened from a figure, to be counted whole).
    public var pagesToEnd = false
    /// The last page asked for failed; scrolling asks no more until the list reloads.
    public var morePageFailed = false
    /// Where each key's row is in the loaded rows, so a cell that arrives late finds its row at once.
    private var indexByKey: [RowKey: Int] = [:]

    public init() {}

    public var loadedRows: [ListRow] { rows.value ?? [] }

    /// The row under the selection, if any.
    public var selectedRow: ListRow? {
        let index = table.selectedRow
        let rows = loadedRows
        guard visible.indices.contains(index), rows.indices.contains(visible[index]) else { return nil }
        return rows[visible[index]]
    }

    /// New rows from the server; the selection stays on the same item when it is still there. Cells of
    /// `keepingColumns` that had loaded are carried over, since they arrive separately (and may arrive first).
    /// Which loading of the list the rows come from: a new number each time its rows are replaced whole, so a later
    /// page asked for before can tell it no longer continues them.
    public private(set) var generation = 0

    /// Numbers for ``generation``, unique across every list (a list replaced by a fresh state starts over at 0).
    private static let generations = Atomic<Int>(0)

    public mutating func setRows(_ newRows: [ListRow], visibleRows: Int, keepingColumns: [Int] = []) {
        generation = Self.generations.add(1, ordering: .relaxed).newValue
        let selectedKey = selectedRow?.key
        var newRows = newRows
        for column in keepingColumns where !loadedRows.isEmpty {
            var kept: [RowKey: CellState] = [:]
            for row in loadedRows where row.hasArrived(column) { kept[row.key] = row.cellState(column) }
            for index in newRows.indices {
                if let state = kept[newRows[index].key] { newRows[index].setCell(column, to: state) }
            }
        }
        rows = .loaded(newRows)
        indexByKey = Dictionary(newRows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { first, _ in first })
        recompute(narrowing: false)
        reselect(selectedKey, visibleRows: visibleRows)
    }

    /// A page arrived: it replaces the rows (the first page) or is added after them, and says where the next starts.
    public mutating func receivePage(_ page: [ListRow], next: String?, appended: Bool, visibleRows: Int) {
        if appended, case .loaded = rows {} else if appended {
            // A later page with no first page under it (the list reloaded meanwhile) is not shown as the first.
            return
        }
        self.next = next
        isLoadingMore = false
        if !appended { morePageFailed = false }
        guard appended, case .loaded(var all) = rows else {
            setRows(page, visibleRows: visibleRows)
            return
        }
        // Added in place, and only the new keys indexed: with 100,000 people, copying every row and re-indexing
        // every key on each page of 200 is what scrolling would spend its time on.
        let selectedKey = selectedRow?.key
        rows = .idle
        let start = all.count
        all.append(contentsOf: page)
        for (offset, row) in page.enumerated() where indexByKey[row.key] == nil { indexByKey[row.key] = start + offset }
        rows = .loaded(all)
        recompute(narrowing: false)
        reselect(selectedKey, visibleRows: visibleRows)
    }

    /// Keeps the selection on the row with `key` when it is still shown.
    private mutating func reselect(_ key: RowKey?, visibleRows: Int) {
        let all = loadedRows
        let current = table.selectedRow
        if let key, !(visible.indices.contains(current) && all[visible[current]].key == key),
           let index = visible.firstIndex(where: { all[$0].key == key }) {
            table.select(index, rowCount: visible.count, visibleRows: visibleRows)
        } else {
            table.select(current, rowCount: visible.count, visibleRows: visibleRows)
        }
    }

    /// Whether the next page should be fetched now: there is one, none is on its way, no filter hides rows, and the
    /// selection has come within a page of the end.
    public func wantsNextPage(visibleRows: Int) -> Bool {
        next != nil && !isLoadingMore && (pagesToEnd || filter.isEmpty && table.selectedRow >= visible.count - max(1, visibleRows))
    }

    /// A page that failed: paging stops here (no request loop against a lasting error) until `r` reloads the list.
    public mutating func pageFailed() {
        isLoadingMore = false
        next = nil
        morePageFailed = true
    }

    /// The breadcrumb's note on paging: "(loading more…)", "(more as you scroll)" or nothing.
    public var pagingNote: String {
        if morePageFailed { return " (the next page failed: r reloads)" }
        return isLoadingMore ? " (loading more…)" : (next == nil ? "" : " (more as you scroll)")
    }

    /// Fills in a cell that loaded after its row. Order and filter stay as they are until the next change to
    /// either, so rows do not jump under the cursor while counts arrive.
    public mutating func updateCell(key: RowKey, column: Int, to state: CellState) {
        editRow(key) { $0.setCell(column, to: state) }
    }

    private mutating func editRow(_ key: RowKey, _ edit: (inout ListRow) -> Void) {
        // Rows on screen while the list reloads are edited too: a cell reset then is not carried into the new rows.
        if case .loading(var previous?) = rows {
            guard let index = previous.firstIndex(where: { $0.key == key }) else { return }
            rows = .idle
            edit(&previous[index])
            rows = .loading(previous: previous)
            return
        }
        guard case .loaded(var all) = rows else { return }
        // Rows set without `setRows` have no index yet: search them.
        let hinted = indexByKey[key].flatMap { all.indices.contains($0) && all[$0].key == key ? $0 : nil }
        guard let index = hinted ?? all.firstIndex(where: { $0.key == key }) else { return }
        let saved = visible
        // Let go of the stored array first, so the edit below changes it in place instead of copying every row.
        rows = .idle
        edit(&all[index])
        rows = .loaded(all)
        visible = saved
    }

    /// The rows on screen, in the order shown.
    public func rowsOnScreen(visibleRows: Int) -> [ListRow] {
        let all = loadedRows
        let start = max(0, table.scrollOffset)
        let end = min(visible.count, start + max(0, visibleRows))
        guard start < end else { return [] }
        return visible[start..<end].compactMap { all.indices.contains($0) ? all[$0] : nil }
    }

    /// Keys of the rows on screen.
    public func keysOnScreen(visibleRows: Int) -> [RowKey] {
        rowsOnScreen(visibleRows: visibleRows).map(\.key)
    }

    /// Changes the filter. When the new filter only extends the old one, only rows still shown are searched.
    public mutating func setFilter(_ text: String, visibleRows: Int) {
        let narrowing = !filter.isEmpty && text.lowercased().hasPrefix(filter.lowercased())
        filter = text
        recompute(narrowing: narrowing)
        table.select(0, rowCount: visible.count, visibleRows: visibleRows)
    }

    /// Sorts by `column` (the same column again flips the order).
    public mutating func sort(by column: Int, visibleRows: Int) {
        if table.sortColumn == column { table.sortAscending.toggle() } else {
            table.sortColumn = column
            table.sortAscending = true
        }
        let selectedKey = selectedRow?.key
        recompute(narrowing: false)
        let index = selectedKey.flatMap { key in visible.firstIndex { loadedRows[$0].key == key } } ?? 0
        table.select(index, rowCount: visible.count, visibleRows: visibleRows)
    }

    private mutating func recompute(narrowing: Bool) {
        let all = loadedRows
        let needle = Array(filter.lowercased().utf8)
        let candidates = narrowing ? visible : Array(all.indices)
        var shown = candidates.filter { all[$0].matches(needle) }
        if narrowing {
            // Already in sorted order: filtering keeps the order.
        } else if let column = table.sortColumn {
            let ascending = table.sortAscending
            shown.sort { left, right in
                // Figures sort by their numbers (1,125 after 999); other cells as text, digits as numbers.
                if let a = all[left].number(column), let b = all[right].number(column), a != b {
                    return ascending ? a < b : a > b
                }
                let a = all[left].cells.indices.contains(column) ? all[left].cells[column] : ""
                let b = all[right].cells.indices.contains(column) ? all[right].cells[column] : ""
                let order = a.compare(b, options: [.numeric, .caseInsensitive])
                if order == .orderedSame { return left < right }
                return ascending ? order == .orderedAscending : order == .orderedDescending
            }
        }
        visible = shown
    }
}

/// Substring search over bytes: memchr finds each candidate first byte, memcmp checks the rest. (memmem is a GNU
/// extension that Swift's Glibc module does not expose.)
enum ByteSearch {
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = needle.first, let base = haystack.baseAddress, let pattern = needle.baseAddress else { return needle.isEmpty }
        var offset = 0
        let last = haystack.count - needle.count
        while offset <= last {
            guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return false }
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + position, pattern, needle.count) == 0 { return true }
            offset = position + 1
        }
        return false
    }
}
