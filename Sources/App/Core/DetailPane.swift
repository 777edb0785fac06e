import CustomerIO
import TerminalUI
import Workspace

/// One line of an opened item: a field, a section heading, or a reference to another item that Enter opens.
public struct DetailLine: Sendable, Hashable {
    public var key: String
    public var value: String
    /// Where Enter goes from this line (a person, a segment, a campaign, a message, a template).
    public var link: Route?
    public var isHeading = false
    /// For a line that opens the Messages pane: what it lists (a parent's deliveries; a figure's state and window).
    public var messages: MessagesQuery?
    /// For a line with a sparkline: the charted value of each period of its figure's span, oldest first; ← and →
    /// pick one, and Enter then opens that period's messages.
    public var chart: MessagesQuery.Chart?

    public init(key: String, value: String, link: Route? = nil) {
        self.key = key
        self.value = value
        self.link = link
    }

    /// A section's title line.
    static func heading(_ title: String) -> DetailLine {
        var line = DetailLine(key: title, value: "")
        line.isHeading = true
        return line
    }

    /// The line as the detail widget draws it.
    var row: DetailRow {
        DetailRow(key: key, value: value, kind: isHeading ? .heading : (link == nil ? .field : .link))
    }
}

/// An opened item: its own fields, then sections that load on their own (a person's segments, a campaign's
/// actions), each shown with a spinner until it arrives.
public struct DetailPaneState: Sendable, Hashable {
    public var row: ListRow
    /// Whether the item itself is still loading (it was opened from a reference, not from a list).
    public var isLoadingItem = false
    public var sections: [SectionID: LoadState<[DetailLine]>] = [:]
    /// The order sections are shown in.
    public var sectionOrder: [SectionID] = []
    /// Lines shown only when their key or value contains this text (any case); headings stay while a line under
    /// them matches.
    public var filter = ""
    public var detail = DetailState()
    /// Column titles, so a row that keeps no detail lines of its own (a person: 100,000 of them stay lighter)
    /// shows its cells under them.
    public var fieldTitles: [String] = []
    /// On a person's detail, what their loaded profile says, typed: what `c`, `+` and `-` start from.
    public var person: PersonPrefill?
    /// On a person's detail, the profile as it loaded: what a Track write's review diffs against.
    public var profile: CustomerProfile?
    /// On a person's detail, whether they can be reached, typed: what `U` unsuppresses.
    public var reachability: Reachability?
    /// A period picked on a line's chart with ← and →: which line (of those shown) and which period.
    public var chartStep: ChartStep?

    /// A picked period: line `line` of the shown lines, period `index` of its chart.
    public struct ChartStep: Sendable, Hashable {
        public var line: Int
        public var index: Int
    }

    /// The period picked on shown line `line`, if one is.
    func step(on line: Int) -> Int? {
        chartStep.flatMap { $0.line == line ? $0.index : nil }
    }

    public init(row: ListRow, pane: PaneKind? = nil) {
        self.row = row
        if let pane {
            fieldTitles = pane.definition.columns.map(\.title)
            sectionOrder = pane.definition.sections
        }
    }

    /// A detail opened from a reference: a placeholder until the item loads.
    static func placeholder(key: RowKey, pane: PaneKind) -> DetailPaneState {
        var state = DetailPaneState(row: ListRow(key: key, cells: [], detail: []), pane: pane)
        state.isLoadingItem = true
        return state
    }

    /// Every line the detail shows: the item's fields, then each section under its heading, filtered.
    public func lines(spinner: String) -> [DetailLine] {
        var all: [DetailLine] = isLoadingItem ? [DetailLine(key: "", value: "\(spinner) loading…")] : fields
        for name in sectionOrder {
            all.append(.heading(name.title))
            switch sections[name] ?? .idle {
            case .idle: break
            case .loading: all.append(DetailLine(key: "", value: "\(spinner) loading…"))
            case .loaded(let lines) where lines.isEmpty: all.append(DetailLine(key: "", value: "none"))
            case .loaded(let lines): all += lines
            case .failed(let message, _): all.append(DetailLine(key: "", value: "failed: \(message)  (r retries)"))
            }
        }
        return Self.filtered(all, by: filter)
    }

    /// The row's own detail lines, or its cells under the column titles.
    var fields: [DetailLine] {
        guard row.detail.isEmpty else { return row.detail }
        return zip(fieldTitles, row.cells).map { DetailLine(key: $0, value: $1) }
    }

    static func filtered(_ lines: [DetailLine], by filter: String) -> [DetailLine] {
        guard !filter.isEmpty else { return lines }
        let needle = filter.lowercased()
        var result: [DetailLine] = []
        var heading: DetailLine?
        for line in lines {
            if line.isHeading {
                heading = line
                continue
            }
            guard line.key.lowercased().contains(needle) || line.value.lowercased().contains(needle) else { continue }
            if let pending = heading {
                result.append(pending)
                heading = nil
            }
            result.append(line)
        }
        return result
    }
}
