import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// What the Objects pane lists: a type (or every type) and a filter.
    public var objectsQuery: ObjectsQuery {
        get { if case .objects(let query)? = queries[.objects] { query } else { ObjectsQuery() } }
        set { queries[.objects] = .objects(newValue) }
    }
}

/// What the Objects pane lists: the objects of one type (or of every type), narrowed by a filter over their
/// attributes (`name = "Acme"`, `has plan`; empty: all).
public struct ObjectsQuery: Sendable, Hashable {
    public var typeID: String?
    public var filter = ""
    /// The types the pane has seen, for `t` to step through.
    var types: [String] = []

    public init(typeID: String? = nil, filter: String = "") {
        self.typeID = typeID
        self.filter = filter
    }

    /// The store's cache key (never read back).
    var key: String { "\(typeID ?? "all");\(filter)" }

    var summary: String { [typeID.map { "type \($0)" } ?? "every type", filter.isEmpty ? nil : filter].compactMap { $0 }.joined(separator: " · ") }
}

/// Objects (`:objects`): the workspace's objects, every type's (or one's, `t`), found by their attributes (`e`: a
/// filter such as `name = "Acme"`); each opens with its attributes and its people, each person opening their profile.
/// A person's Relationships open here too.
enum ObjectsPane: TypedColumns {
    static let kind = PaneKind.objects
    static let title = "Objects"
    static let singular = "object"
    static let titleColumn = 3
    /// One type's objects page as the user scrolls; every type's come as the first 1,000 of each.
    static let isPaged = true

    /// An object as listed: its type (id and name) and identifiers.
    struct Listed: Sendable {
        var typeID: String
        var typeName: String
        var ids: ObjectIdentifiers
    }

    static let table = Columns<Listed>([
        Column(TableColumn("Type", width: .fixed(12), dropPriority: 2)) { $0.typeName },
        Column(TableColumn("Object ID", width: .flexible(min: 10, weight: 2), maxWidth: 28)) { $0.ids.objectID ?? "—" },
        Column(TableColumn("cio_object_id", width: .fixed(14), dropPriority: 1)) { $0.ids.cioObjectID ?? "—" },
        .later(TableColumn("Name", width: .flexible(min: 12, weight: 3), comfortable: 20, maxWidth: 48)),
    ])

    /// A row's key: type and object id.
    static func key(typeID: String, objectID: String) -> RowKey { .object(typeID: typeID, id: objectID) }

    /// The type and object id a key names, or a clear problem when a key of another kind reached this pane.
    static func object(_ key: RowKey) throws -> (typeID: String, id: String) {
        guard case .object(let typeID, let id) = key else { throw SectionProblem("no object \(key)") }
        return (typeID, id)
    }

    static func lazyValues(key: RowKey, _ context: PaneContext) async throws -> [CellState] {
        let (typeID, id) = try object(key)
        let profile = try await context.service.objectAttributes(typeID: typeID, id: id, refresh: context.refresh)
        return [.value(or: profile.name)]
    }

    static func query(_ state: AppState) -> ListQuery? { .objects(state.objectsQuery) }
    static func summary(query: ListQuery?) -> String? { asked(query).summary }

    static func asked(_ query: ListQuery?) -> ObjectsQuery {
        if case .objects(let asked)? = query { asked } else { ObjectsQuery() }
    }

    static func emptyText(query: ListQuery?) -> String {
        "No objects match \(asked(query).summary): t changes the type, e the filter."
    }

    /// The filter the API is sent: the one typed, or every object (named or not) when none is.
    static func filter(_ text: String) throws -> AudienceFilter {
        guard !text.isEmpty else {
            let named = AudienceFilter.attribute(field: "name", condition: .exists)
            return .or([named, .not(named)])
        }
        do { return try FilterQuery.parse(text) } catch let error as FilterQueryError { throw SectionProblem("the filter could not be read: \(error.description)") }
    }

    /// One type's objects, a page of 1,000 at a time as the user scrolls; or the first 1,000 of every type, with a
    /// word in the status bar for a type that has more (`t` shows it alone, all of it).
    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let asked = asked(query)
        let filter = try filter(asked.filter)
        let types = try await context.service.objectTypes(refresh: context.refresh).filter { asked.typeID == nil || $0.id == asked.typeID }
        var rows: [ListRow] = []
        var next: String?
        for type in types {
            let page = try await context.service.objects(typeID: type.id, filter: filter, key: asked.filter, start: start, refresh: context.refresh)
            let name = type.singularName ?? type.name ?? "type \(type.id)"
            rows += self.rows(page.identifiers.map { Listed(typeID: type.id, typeName: name, ids: $0) })
            if asked.typeID != nil {
                next = page.next
            } else if page.next != nil {
                context.progress("Objects: more than \(Format.grouped(page.identifiers.count)) of type \(name); t shows one type, all of it")
            }
        }
        return PanePage(rows: rows, next: next)
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        let (typeID, id) = try object(key)
        async let profile = context.service.objectAttributes(typeID: typeID, id: id, refresh: context.refresh)
        let types = (try? await context.service.objectTypes()) ?? []
        let name = types.first { $0.id == typeID }.flatMap { $0.singularName ?? $0.name } ?? "type \(typeID)"
        var row = try only(rows([Listed(typeID: typeID, typeName: name, ids: (try await profile).identifiers ?? ObjectIdentifiers(objectID: id))]), key: key)
        row.key = key
        row.setCell(titleColumn, to: .value(or: try await profile.name))
        return row
    }

    static let sections: [SectionID] = [.attributes, .people]

    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        let (typeID, objectID) = try object(key)
        switch id {
        case .attributes:
            let profile = try await context.service.objectAttributes(typeID: typeID, id: objectID, refresh: context.refresh)
            return profile.attributes.sorted { $0.key < $1.key }.map { DetailLine(key: $0.key, value: $0.value.displayText) }
        case .people:
            let people = try await context.service.objectPeople(typeID: typeID, id: objectID, refresh: context.refresh)
            return people.map { person in
                DetailLine(key: person.email ?? person.id ?? person.cioID ?? "—", value: [person.id.map { "id \($0)" }, person.cioID].compactMap { $0 }.joined(separator: " · "),
                           link: RowKey.person(of: person).map { .detail(.customers, key: $0) })
            }
        default:
            throw SectionProblem("nothing to load for \(id.title)")
        }
    }

    static func rows(_ listed: [Listed]) -> [ListRow] {
        listed.map { item in
            let objectID = item.ids.objectID ?? item.ids.cioObjectID ?? "—"
            return ListRow(key: key(typeID: item.typeID, objectID: objectID), cells: table.cells(item), copyValue: objectID,
                           detail: [DetailLine(key: "Type", value: "\(item.typeName) (#\(item.typeID))"), DetailLine(key: "Object ID", value: objectID),
                                    DetailLine(key: "cio_object_id", value: item.ids.cioObjectID ?? "—")],
                           item: .object(typeID: item.typeID, item.ids))
        }
    }

    static var bindings: [Binding] {
        [
            Binding("objects.type", ["t"], "Objects: every type, or one type after another", name: "Objects", section: "Lists", panes: [kind], command: command(.type)),
            Binding("objects.filter", ["e"], "Objects: find by attributes (name = \"Acme\", has plan; empty: all)", name: "Objects", section: "Lists", panes: [kind], command: command(.filter)),
        ]
    }

    /// `t` the next type, `e` find by attributes.
    enum OwnCommand: PaneCommandCase {
        case type, filter
    }

    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect] {
        var query = state.objectsQuery
        switch command {
        case .type:
            // The types the list has shown, in order; after the last, every type again.
            if query.types.isEmpty {
                query.types = state.lists[kind]?.loadedRows.compactMap { row in if case .object(let type, _)? = row.item { type } else { nil } }
                    .reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } } ?? []
            }
            let all: [String?] = [nil] + query.types.map { $0 }
            query.typeID = all[((all.firstIndex(of: query.typeID) ?? 0) + 1) % all.count]
            return show(query, &state)
        case .filter:
            var input = TextInputState(history: state.filterHistory)
            input.insert(query.filter)
            state.mode = .finding(input)
            return []
        }
    }

    static var findPrompt: (prompt: String, placeholder: String)? { ("objects: ", "name = \"Acme\", has plan; empty shows them all") }

    static func find(_ text: String, _ state: inout AppState) -> [Effect] {
        var query = state.objectsQuery
        query.filter = text.trimmingCharacters(in: .whitespaces)
        return show(query, &state)
    }

    static func show(_ query: ObjectsQuery, _ state: inout AppState) -> [Effect] {
        state.objectsQuery = query
        return show(.objects(query), saying: query.summary, &state)
    }
}
