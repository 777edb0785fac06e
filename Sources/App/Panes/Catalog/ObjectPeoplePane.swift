import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// Whose people the Object people pane lists.
    public var objectPeopleQuery: ObjectPeopleQuery {
        get { if case .objectPeople(let query)? = queries[.objectPeople] { query } else { ObjectPeopleQuery() } }
        set { queries[.objectPeople] = .objectPeople(newValue) }
    }
}

/// One object whose people are listed: its type and id, and how the breadcrumb names it.
public struct ObjectPeopleQuery: Sendable, Hashable {
    public var typeID = ""
    public var objectID = ""
    public var label = ""

    /// The store's cache key (never read back); "" before an object is chosen.
    var key: String { objectID.isEmpty ? "" : "\(typeID)/\(objectID)" }
}

/// An object's people as a list (`m` on an object): the same rows as Customers, so they open as profiles, fill their
/// names in one bulk request, and can be marked (space, `*`) for a write to all of them (`a`).
enum ObjectPeoplePane: TypedColumns, ListsPeople {
    static let kind = PaneKind.objectPeople
    static let title = "Object people"
    static let singular = "person"
    static let titleColumn = CustomersPane.titleColumn
    static let needsQuery = true
    static let table = CustomersPane.table
    /// A person opens as a profile, under Customers.
    static let opensAs = PaneKind.customers

    static func query(_ state: AppState) -> ListQuery? { .objectPeople(state.objectPeopleQuery) }
    static func summary(query: ListQuery?) -> String? { asked(query).key.isEmpty ? nil : asked(query).label }

    static func asked(_ query: ListQuery?) -> ObjectPeopleQuery {
        if case .objectPeople(let asked)? = query { asked } else { ObjectPeopleQuery() }
    }

    static func emptyText(query: ListQuery?) -> String {
        asked(query).key.isEmpty ? "Open Objects (:objects), select one and press m for its people." : "Nobody is related to \(asked(query).label)."
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let asked = asked(query)
        guard !asked.key.isEmpty else { return PanePage(rows: []) }
        let people = try await context.service.objectPeople(typeID: asked.typeID, id: asked.objectID, refresh: context.refresh)
        return PanePage(rows: CustomersPane.rows(people))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        try await CustomersPane.item(key: key, context)
    }

    static var bindings: [Binding] {
        [
            Binding("objects.people", ["m"], "The object's people, as a list to open, mark (space, *) and act on (a)", name: "The object's people, as a list to open, mark", section: "Lists", panes: [.objects],
                    command: command(.open)) { state in
                ObjectWrites.selected(state) == nil ? "select or open an object first" : nil
            },
        ]
    }

    /// `m` on an object: its people.
    enum OwnCommand: PaneCommandCase {
        case open
    }

    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect] {
        guard let object = ObjectWrites.selected(state) else { return [] }
        let query = ObjectPeopleQuery(typeID: object.typeID, objectID: object.id, label: "object \(object.typeID)/\(object.id)")
        state.objectPeopleQuery = query
        state.navigation.push(.list(kind))
        return show(.objectPeople(query), saying: query.label, &state)
    }
}
