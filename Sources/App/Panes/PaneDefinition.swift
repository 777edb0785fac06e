import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// The workspace's panes. Each is written as a `PaneDefinition` (one file under Panes/) and named once in
/// `PaneRegistry.definition`.
public enum PaneKind: String, CaseIterable, Sendable, Hashable {
    case segments, customers, campaigns, broadcasts, newsletters, messages, exports, transactional
    /// Every write this machine made (`:journal`); not a tab.
    case journal
    /// Opened from the palette.
    case activities, senders, collections, snippets, suppressions, timeline, objects, overlap, objectPeople

    /// The panes with a tab and a number key, in order.
    public static let tabs: [PaneKind] = [.segments, .customers, .campaigns, .broadcasts, .newsletters, .messages, .exports, .transactional]

    /// Panes whose lists chart metrics (`w` and `v` change them).
    public static let withMetrics: [PaneKind] = PaneRegistry.kinds { $0 is any ChartsMetrics.Type }

    /// The tab and breadcrumb title.
    public var title: String { definition.title }

    /// The sections an opened item shows, in order.
    public var sections: [SectionID] { definition.sections }

    /// Everything about the pane.
    var definition: any PaneDefinition.Type { PaneRegistry.definition(self) }
}

/// What a row stands for, typed. Logic (which writes apply, what a person's id is, whether an export is done) reads
/// this; the cells are only its text, for drawing and the filter, and are never parsed back.
public enum RowItem: Sendable, Hashable {
    // Segments and exports are boxed (they are large and their lists short); a person, of whom a list may hold
    // 100,000, stays inline and shares its strings with the row's cells.
    indirect case segment(Segment)
    case person(CustomerIdentifiers)
    indirect case export(Export)
    indirect case campaign(Campaign)
    indirect case broadcast(Broadcast)
    indirect case newsletter(Newsletter)
    indirect case template(TransactionalTemplate)
    indirect case delivery(Delivery)
    indirect case activity(Activity)
    indirect case sender(SenderIdentity)
    indirect case collection(DataCollection)
    indirect case snippet(Snippet)
    indirect case write(WriteJournal.Entry)
    /// An address on an ESP list (nil: a list cio does not know, named by `category`).
    indirect case suppression(SuppressionType?, Suppression)
    indirect case timeline(TimelineEntry)
    indirect case object(typeID: String, ObjectIdentifiers)
    indirect case region(OverlapRegion)
}

extension RowItem {
    var segment: Segment? { if case .segment(let segment) = self { segment } else { nil } }
    var person: CustomerIdentifiers? { if case .person(let person) = self { person } else { nil } }
    var export: Export? { if case .export(let export) = self { export } else { nil } }
    var campaign: Campaign? { if case .campaign(let campaign) = self { campaign } else { nil } }
    var newsletter: Newsletter? { if case .newsletter(let newsletter) = self { newsletter } else { nil } }
    var delivery: Delivery? { if case .delivery(let delivery) = self { delivery } else { nil } }
}

/// What a pane's list is asked, one typed value per kind of query. It travels as itself through effects, answers
/// and the panes' state; only the store's cache key is text (`key`), and nothing reads that text back.
public enum ListQuery: Sendable, Hashable {
    /// The Customers search line as typed: an email, an id, a cio_id or a filter query (`CustomerSearch` reads it).
    case customers(String)
    case messages(MessagesQuery)
    case activities(ActivitiesQuery)
    case suppressions(SuppressionsQuery)
    case timeline(TimelineQuery)
    case objects(ObjectsQuery)
    case overlap(OverlapQuery)
    case objectPeople(ObjectPeopleQuery)

    /// The store's cache key for the list's pages.
    var key: String {
        switch self {
        case .customers(let text): text
        case .messages(let query): query.key
        case .activities(let query): query.key
        case .suppressions(let query): query.key
        case .timeline(let query): query.key
        case .objects(let query): query.key
        case .overlap(let query): query.key
        case .objectPeople(let query): query.key
        }
    }
}

/// Everything about one pane in one file: its title, columns, how its list loads and pages, how one of its items
/// opens and what sections it shows, its own keys and the small reducer they run, and (through the capability
/// protocols in Capabilities.swift) what it can do. See docs/architecture.md, "How to add a pane".
protocol PaneDefinition: Sendable {
    static var kind: PaneKind { get }
    /// The tab, breadcrumb and palette title.
    static var title: String { get }
    /// The pane an opened row shows under (its own, unless its rows are another pane's items: people).
    static var opensAs: PaneKind { get }
    /// The item in a sentence: "campaign".
    static var singular: String { get }
    static var columns: [TableColumn] { get }
    /// The column that names an item, for the breadcrumb of an opened one and for references to it.
    static var titleColumn: Int { get }
    /// Columns whose cells load after the rows, for the rows on screen first.
    static var lazyColumns: [Int] { get }
    /// One row's lazily loaded cells, in the order of `lazyColumns`.
    static func lazyValues(key: RowKey, _ context: PaneContext) async throws -> [CellState]
    /// What the list says with no rows, for `query`.
    static func emptyText(query: ListQuery?) -> String
    /// The query the pane's list shows now, as its answers carry it; nil for a pane without one.
    static func query(_ state: AppState) -> ListQuery?
    /// What the breadcrumb says of a query (`event · “purchase”`), nil for a pane without one.
    static func summary(query: ListQuery?) -> String?
    /// What the breadcrumb says of the list on screen (its query's summary, unless the pane knows better).
    static func summary(_ state: AppState) -> String?
    /// What a pane that waits for a query lists meanwhile (nil: nothing, and its empty text).
    static func withoutQuery(_ state: AppState) -> [ListRow]?
    /// Whether the list shows nothing until a query is given (Customers: a search), rather than list everything.
    static var needsQuery: Bool { get }
    /// Whether the list comes in pages as the user scrolls (else `page` answers the whole list at once).
    static var isPaged: Bool { get }
    /// The list for `query`: its first page (`start` nil) or the page at a cursor.
    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage
    /// One item by its row key, for a reference opened without the list.
    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow
    /// The sections of an opened item, in order, and how each loads.
    static var sections: [SectionID] { get }
    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine]
    /// The pane's own commands, one case each (`t` on Activities is `.type`); none by default.
    associatedtype OwnCommand: PaneCommandCase = NoOwnCommand
    /// The pane's own keys; their commands are `command(.case)` and run in `run`.
    static var bindings: [Binding] { get }
    /// The reducer for the pane's own commands: changes its query and asks for the list again.
    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect]
    /// The find line's prompt and placeholder when the pane asks for text (its `.find` command), else nil.
    static var findPrompt: (prompt: String, placeholder: String)? { get }
    /// Enter on the find line: the text becomes part of the pane's query.
    static func find(_ text: String, _ state: inout AppState) -> [Effect]
}

/// The cases of one pane's own commands: a pane with keys of its own names them in an enum of this kind.
protocol PaneCommandCase: Hashable, Sendable {}

/// The commands of a pane that has none of its own.
enum NoOwnCommand: PaneCommandCase {}

/// A pane's own command as the app's `Command` carries it: the pane and its typed case. It is made only by that
/// pane's `command(_:)`, so the case is always of the pane's own type and only its `run` receives it.
public struct PaneCommand: Sendable, Hashable {
    public let kind: PaneKind
    let value: any PaneCommandCase

    public static func == (lhs: PaneCommand, rhs: PaneCommand) -> Bool {
        lhs.kind == rhs.kind && AnyHashable(lhs.value) == AnyHashable(rhs.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(AnyHashable(value))
    }
}

extension PaneDefinition where OwnCommand == NoOwnCommand {
    static func run(_ command: NoOwnCommand, _ state: inout AppState) -> [Effect] {}
}

extension PaneDefinition {
    /// The app's command for one of this pane's own, for its bindings.
    static func command(_ own: OwnCommand) -> Command {
        .pane(PaneCommand(kind: kind, value: own))
    }

    /// Runs a carried command: `command(_:)` made it from this pane's own type, so the cast always holds.
    static func perform(_ command: PaneCommand, _ state: inout AppState) -> [Effect] {
        guard let own = command.value as? OwnCommand else { return [] }
        return run(own, &state)
    }
}

extension PaneDefinition {
    static var singular: String { String(title.lowercased().dropLast()) }
    static var opensAs: PaneKind { kind }
    static func emptyText(query: ListQuery?) -> String { "No \(title.lowercased()) in this workspace." }
    static func query(_ state: AppState) -> ListQuery? { nil }
    static var titleColumn: Int { 1 }
    static var lazyColumns: [Int] { [] }
    static func lazyValues(key: RowKey, _ context: PaneContext) async throws -> [CellState] { [] }
    static func summary(query: ListQuery?) -> String? { nil }
    static func summary(_ state: AppState) -> String? { summary(query: query(state)) }
    static func withoutQuery(_ state: AppState) -> [ListRow]? { nil }
    static var isPaged: Bool { false }
    static var needsQuery: Bool { false }
    static var sections: [SectionID] { [] }
    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        throw SectionProblem("nothing to load for \(id.title)")
    }
    static var bindings: [Binding] { [] }
    static var findPrompt: (prompt: String, placeholder: String)? { nil }
    static func find(_ text: String, _ state: inout AppState) -> [Effect] { [] }

    /// An item's numeric id from its row key, or a clear problem (a key of another kind reached this pane).
    static func numericID(_ key: RowKey) throws -> Int {
        guard let id = key.id else { throw SectionProblem("no \(singular) \(key)") }
        return id
    }

    /// An item's textual id (a message's) from its row key, or a clear problem.
    static func textID(_ key: RowKey) throws -> String {
        guard case .name(let id) = key else { throw SectionProblem("no \(singular) \(key)") }
        return id
    }

    /// The one row `rows` built for an item opened by reference.
    static func only(_ rows: [ListRow], key: RowKey) throws -> ListRow {
        guard let row = rows.first else { throw SectionProblem("no \(singular) \(key)") }
        return row
    }

    /// Shows the list for a new `query` (already in the pane's state), saying what it now shows in the status bar.
    static func show(_ query: ListQuery, saying summary: String, _ state: inout AppState) -> [Effect] {
        state.flash = Flash.make(.info, "\(title): \(summary)", now: state.now)
        return freshList(query, &state)
    }

    /// A fresh list for a new `query` (already in the pane's state): the old query's rows, cursor and paging never
    /// carry over, and it shows loading until the answer for this very query arrives.
    static func freshList(_ query: ListQuery, _ state: inout AppState) -> [Effect] {
        state.lists[kind] = ListPaneState()
        // The new rows start with their lazy cells waiting: what was asked for the old list no longer fills them.
        state.requestedCells.forget(.pane(kind))
        state.lists[kind]?.rows = .loading(previous: nil)
        return [.loadList(kind, refresh: false, query: query)]
    }
}

/// One page of a pane's list and the cursor of the next (nil at the end).
struct PanePage: Sendable {
    var rows: [ListRow]
    var next: String?
}


/// What a pane's loaders need: the workspace, whether to bypass the cache, the time, the metrics window on screen
/// and the journal of writes.
struct PaneContext: Sendable {
    var service: WorkspaceService
    var refresh: Bool
    var now: Int
    var metrics = MetricsView()
    var journal: WriteJournal?
    /// Says how a long load is getting on ("Overlap: 12,000 members read"), shown in the status bar as it goes.
    var progress: @Sendable (String) -> Void = { _ in }
}

/// Every pane, by kind: the one place a new pane is named.
enum PaneRegistry {
    static func definition(_ kind: PaneKind) -> any PaneDefinition.Type {
        switch kind {
        case .segments: SegmentsPane.self
        case .customers: CustomersPane.self
        case .campaigns: CampaignsPane.self
        case .broadcasts: BroadcastsPane.self
        case .newsletters: NewslettersPane.self
        case .messages: MessagesPane.self
        case .exports: ExportsPane.self
        case .transactional: TransactionalPane.self
        case .journal: JournalPane.self
        case .activities: ActivitiesPane.self
        case .senders: SenderIdentitiesPane.self
        case .collections: CollectionsPane.self
        case .snippets: SnippetsPane.self
        case .suppressions: SuppressionsPane.self
        case .timeline: TimelinePane.self
        case .objects: ObjectsPane.self
        case .objectPeople: ObjectPeoplePane.self
        case .overlap: OverlapPane.self
        }
    }

    static var panes: [any PaneDefinition.Type] { PaneKind.allCases.map(definition) }

    /// The kinds whose pane passes `test` (a capability: `{ $0 is any ChartsMetrics.Type }`), in tab order.
    static func kinds(_ test: (any PaneDefinition.Type) -> Bool) -> [PaneKind] {
        PaneKind.allCases.filter { test(definition($0)) }
    }

    /// Every pane's own keys, for the keymap (and so help, the palette and the docs).
    static var bindings: [Binding] { panes.flatMap { $0.bindings } }
}
