import TerminalUI

/// Each pane's table columns and the detail fields that load on their own.
enum PaneColumns {
    /// Widths give way by priority at narrow sizes (dates, tags and types first; identifiers and names last), and
    /// names stop growing on wide screens so the other columns get the room.
    static func columns(for pane: PaneKind) -> [TableColumn] {
        switch pane {
        case .segments:
            [TableColumn("ID", width: .fixed(6), alignment: .right), name(weight: 4),
             TableColumn("Type", width: .fixed(8)), TableColumn("State", width: .fixed(9)),
             TableColumn("Customers", width: .fixed(10), alignment: .right), TableColumn("Progress", width: .fixed(8), alignment: .right, dropPriority: 1),
             TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 2)]
        case .customers:
            // Name, created and subscription come in one bulk request for the rows on screen.
            [TableColumn("ID", width: .flexible(min: 6, weight: 1), maxWidth: 24), TableColumn("Email", width: .flexible(min: 12, weight: 3), comfortable: 24),
             TableColumn("cio_id", width: .flexible(min: 10, weight: 1), dropPriority: 1, maxWidth: 24),
             TableColumn("Name", width: .flexible(min: 8, weight: 2), comfortable: 14, maxWidth: 40),
             TableColumn("Created", width: .fixed(16), dropPriority: 2), TableColumn("Subscribed", width: .fixed(10))]
        case .campaigns:
            // Metrics come right after the name, so a narrow terminal drops dates, tags and type first.
            [TableColumn("ID", width: .fixed(6), alignment: .right), name(weight: 4)] + metricColumns + [
             TableColumn("State", width: .fixed(9), dropPriority: 1), TableColumn("Type", width: .fixed(12), dropPriority: 2),
             TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 3), TableColumn("Updated", width: .fixed(16), dropPriority: 4)]
        case .broadcasts:
            [TableColumn("ID", width: .fixed(6), alignment: .right), name(weight: 4)] + metricColumns + [
             TableColumn("State", width: .fixed(9), dropPriority: 1), TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 2),
             TableColumn("Updated", width: .fixed(16), dropPriority: 3)]
        case .newsletters:
            // When it was sent outlives type and tags: it is what explains a window with nothing sent.
            [TableColumn("ID", width: .fixed(6), alignment: .right), name(weight: 4, comfortable: 16)] + metricColumns + [
             TableColumn("Type", width: .fixed(8), dropPriority: 2), TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 3),
             TableColumn("Sent at", width: .fixed(16), dropPriority: 1)]
        case .messages:
            [TableColumn("Created", width: .fixed(16), dropPriority: 1), TableColumn("Type", width: .fixed(8), dropPriority: 3),
             TableColumn("State", width: .fixed(12)), TableColumn("Recipient", width: .flexible(min: 10, weight: 3), comfortable: 20),
             TableColumn("Subject", width: .flexible(min: 10, weight: 3), comfortable: 20),
             TableColumn("From", width: .flexible(min: 12, weight: 2), dropPriority: 2, comfortable: 14)]
        case .exports:
            [TableColumn("ID", width: .fixed(6), alignment: .right), TableColumn("Type", width: .fixed(10)),
             TableColumn("Status", width: .fixed(8)), TableColumn("Total", width: .fixed(9), alignment: .right),
             TableColumn("Description", width: .flexible(min: 10, weight: 3), comfortable: 20), TableColumn("Created", width: .fixed(16), dropPriority: 1)]
        case .transactional:
            [TableColumn("ID", width: .fixed(6), alignment: .right), name(weight: 3)] + metricColumns + [
             TableColumn("Description", width: .flexible(min: 10, weight: 3), dropPriority: 1, comfortable: 16),
             TableColumn("Updated", width: .fixed(16), dropPriority: 2)]
        case .journal:
            // The endpoint second: an opened entry is named after it.
            [TableColumn("Time", width: .fixed(16)), TableColumn("Endpoint", width: .flexible(min: 14, weight: 3), comfortable: 24),
             TableColumn("Outcome", width: .fixed(8)), TableColumn("Result", width: .flexible(min: 8, weight: 2)),
             TableColumn("Profile", width: .fixed(12), dropPriority: 1), TableColumn("Payload SHA-256", width: .fixed(14), dropPriority: 2)]
        case .activities, .senders, .collections, .snippets:
            PaneRegistry.definition(pane)?.columns ?? []
        }
    }

    /// A Name column: readable before anything else gives way, and at most 48 wide.
    private static func name(weight: Int, comfortable: Int = 20) -> TableColumn {
        TableColumn("Name", width: .flexible(min: 12, weight: weight), comfortable: comfortable, maxWidth: 48)
    }

    /// Sparkline, sent, open and click: what a row of a pane with metrics is about, kept to the last.
    private static let metricColumns = [
        TableColumn("Sent, 30 days", width: .fixed(15)), TableColumn("Sent", width: .fixed(8), alignment: .right),
        TableColumn("Open", width: .fixed(6), alignment: .right), TableColumn("Click", width: .fixed(6), alignment: .right),
    ]

    /// Columns whose cells load after the rows, one request per row, for rows on screen only.
    static func lazyColumns(for pane: PaneKind) -> [Int] {
        switch pane {
        case .segments: [4]
        case .campaigns, .broadcasts, .newsletters, .transactional: [2, 3, 4, 5]
        case .customers: [3, 4, 5]
        default: []
        }
    }

    /// Sections of an opened item that load on their own, in the order shown.
    static func sections(for pane: PaneKind) -> [String] {
        switch pane {
        case .segments: [DetailSections.membership, DetailSections.usedBy]
        case .customers: DetailSections.profile
        case .campaigns: [DetailSections.journey, DetailSections.actions, DetailSections.links, DetailSections.messages]
        case .broadcasts: [DetailSections.journey, DetailSections.actions, DetailSections.triggers, DetailSections.messages]
        case .newsletters: [DetailSections.journey, DetailSections.messages]
        case .transactional: [DetailSections.journey, DetailSections.deliveries]
        case .messages, .exports, .journal: []
        case .activities, .senders, .collections, .snippets: PaneRegistry.definition(pane)?.sections ?? []
        }
    }

    /// What the list says when it has no rows.
    static func emptyText(for pane: PaneKind, query: String) -> String {
        switch pane {
        case .customers where query.isEmpty: "Press / and type an email, id, cio_id, or a query such as plan = pro and has phone."
        case .customers: "Nobody matches \(CustomerSearch(query).summary)."
        case .messages where !query.isEmpty: "No messages match \(MessagesQuery(text: query).summary): t, e and w change the filter."
        case .journal: "No writes yet: sends, triggers, segment changes and export starts made from this machine are listed here."
        case .activities, .senders, .collections, .snippets: PaneRegistry.definition(pane)?.emptyText(query: query) ?? ""
        default: "No \(pane.title.lowercased()) in this workspace."
        }
    }
}
