import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Everything about one pane in one file: its title, columns, how its list loads and pages, how one of its items
/// opens and what sections it shows, its own keys and the small reducer they run. `PaneRegistry` lists them, and
/// the app's lists, details, keys and palette ask the registry for any pane written this way. (The eight tabs
/// predate it and are moving over; see docs/architecture.md, "How to add a pane".)
protocol PaneDefinition: Sendable {
    static var kind: PaneKind { get }
    /// The breadcrumb and palette title.
    static var title: String { get }
    static var columns: [TableColumn] { get }
    /// The column that names an item, for the breadcrumb of an opened one.
    static var titleColumn: Int { get }
    /// What the list says with no rows, for `query`.
    static func emptyText(query: String) -> String
    /// The query a list starts with ("" when the pane has none).
    static var initialQuery: String { get }
    /// What the breadcrumb says of a query (`event · “purchase”`), nil for a pane without one.
    static func summary(query: String) -> String?
    /// The list for `query`: its first page (`start` nil) or the page at a cursor.
    static func page(query: String, start: String?, _ context: PaneContext) async throws -> PanePage
    /// One item by its row key, for a reference opened without the list.
    static func item(key: String, _ context: PaneContext) async throws -> ListRow
    /// The sections of an opened item, in order, and how each loads.
    static var sections: [String] { get }
    static func section(_ name: String, key: String, _ context: PaneContext) async throws -> [DetailLine]
    /// The pane's own keys; their commands are `.pane(kind, id)` and run in `run`.
    static var bindings: [Binding] { get }
    /// The reducer for the pane's own commands: changes its query and asks for the list again.
    static func run(_ command: String, _ state: inout AppState) -> [Effect]
    /// The find line's prompt and placeholder when the pane asks for text (its `.find` command), else nil.
    static var findPrompt: (prompt: String, placeholder: String)? { get }
    /// Enter on the find line: the text becomes part of the pane's query.
    static func find(_ text: String, _ state: inout AppState) -> [Effect]
}

extension PaneDefinition {
    static func emptyText(query: String) -> String { "No \(title.lowercased()) in this workspace." }
    static var initialQuery: String { "" }
    static var titleColumn: Int { 1 }
    static func summary(query: String) -> String? { nil }
    static var sections: [String] { [] }
    static func section(_ name: String, key: String, _ context: PaneContext) async throws -> [DetailLine] {
        throw SectionProblem("nothing to load for \(name)")
    }
    static var bindings: [Binding] { [] }
    static func run(_ command: String, _ state: inout AppState) -> [Effect] { [] }
    static var findPrompt: (prompt: String, placeholder: String)? { nil }
    static func find(_ text: String, _ state: inout AppState) -> [Effect] { [] }

    /// Sets the pane's query and asks for its first page: the list shows loading until the answer for this very
    /// query arrives (answers for the query before are dropped).
    static func requery(_ query: String, _ state: inout AppState, flash: String) -> [Effect] {
        state.paneQueries[kind] = query
        // A fresh list: the old query's rows, cursor and paging must not carry over to the new one.
        state.lists[kind] = ListPaneState()
        state.lists[kind]?.rows = .loading(previous: nil)
        state.flash = Flash.make(.info, flash, now: state.now)
        return [.loadList(kind, refresh: false, query: query)]
    }
}

/// One page of a pane's list and the cursor of the next (nil at the end).
struct PanePage: Sendable {
    var rows: [ListRow]
    var next: String?
}

/// What a pane's loaders need: the workspace, whether to bypass the cache, and the time.
struct PaneContext: Sendable {
    var service: WorkspaceService
    var refresh: Bool
    var now: Int
}

/// The panes written as a `PaneDefinition`, by kind.
enum PaneRegistry {
    static let panes: [any PaneDefinition.Type] = [ActivitiesPane.self, SenderIdentitiesPane.self, CollectionsPane.self, SnippetsPane.self]

    private static let byKind: [PaneKind: any PaneDefinition.Type] = Dictionary(uniqueKeysWithValues: panes.map { ($0.kind, $0) })

    static func definition(_ kind: PaneKind) -> (any PaneDefinition.Type)? { byKind[kind] }

    /// Every registered pane's own keys, for the keymap (and so help, the palette and the docs).
    static var bindings: [Binding] { panes.flatMap { $0.bindings } }
}
