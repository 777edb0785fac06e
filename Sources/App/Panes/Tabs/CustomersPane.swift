import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// The Customers search line as last run ("" before any).
    public var customerQuery: String {
        get { if case .customers(let text)? = queries[.customers] { text } else { "" } }
        set { queries[.customers] = .customers(newValue) }
    }
}

/// Customers: people found by an email, an id, a cio_id or a filter query (`/`), paged as the user scrolls; their
/// name, created and subscription load in bulk for the rows on screen. One opens as a full profile, section by
/// section, each a request of its own started together.
enum CustomersPane: TypedColumns, ListsPeople, Exportable, ManualSegmentMembership {
    static let kind = PaneKind.customers
    static let title = "Customers"
    static let singular = "person"

    /// Name, created and subscription come in one bulk request for the rows on screen (`Effect.loadPeopleCells`,
    /// in the order `PeopleCells.values` gives them); a person without an id cannot be asked for, so says so at once.
    static let table = Columns<CustomerIdentifiers>([
        Column(TableColumn("ID", width: .flexible(min: 6, weight: 1), maxWidth: 24)) { $0.id ?? "—" },
        Column(TableColumn("Email", width: .flexible(min: 12, weight: 3), comfortable: 24)) { $0.email ?? "—" },
        Column(TableColumn("cio_id", width: .flexible(min: 10, weight: 1), dropPriority: 1, maxWidth: 24)) { $0.cioID ?? "—" },
        .later(TableColumn("Name", width: .flexible(min: 8, weight: 2), comfortable: 14, maxWidth: 40), pending: pending),
        .later(TableColumn("Created", width: .fixed(16), dropPriority: 2), pending: pending),
        .later(TableColumn("Subscribed", width: .fixed(10)), pending: pending),
    ])

    private static func pending(_ person: CustomerIdentifiers) -> CellState { person.id == nil ? .empty : .loading }

    /// An opened person is named by their email.
    static let titleColumn = 1
    static let isPaged = true
    static let needsQuery = true

    static func emptyText(query: ListQuery?) -> String {
        let text = typed(query)
        guard !text.isEmpty else { return "Press / and type an email, a name, an id or cio_id, or a query such as plan = pro and has phone." }
        let search = CustomerSearch(text)
        if case .words = search {
            return "No exact match for \(search.summary)" + (search.suggestion.map { "; \($0)." } ?? ".")
        }
        return "Nobody matches \(search.summary)."
    }

    static func summary(query: ListQuery?) -> String? { typed(query).isEmpty ? nil : typed(query) }

    static func query(_ state: AppState) -> ListQuery? { .customers(state.customerQuery) }

    static func summary(_ state: AppState) -> String? {
        state.customerQuery.isEmpty ? (withoutQuery(state) == nil ? nil : "opened this session") : state.customerQuery
    }

    /// Before a search: the people opened this session, newest first, as their profiles' rows (nil when none).
    static func withoutQuery(_ state: AppState) -> [ListRow]? {
        let rows = state.recentPeople.compactMap { key in state.details[.detail(kind, key: key)]?.row }.filter { !$0.cells.isEmpty }
        return rows.isEmpty ? nil : rows
    }

    /// Keeps a person whose profile was just opened at the top of this session's recent people.
    static func remember(_ route: Route, _ state: inout AppState) {
        guard case .detail(kind, let key) = route else { return }
        state.recentPeople.removeAll { $0 == key }
        state.recentPeople.insert(key, at: 0)
        if state.recentPeople.count > 50 { state.recentPeople.removeLast() }
    }

    /// The search line as typed, from `query` ("" before any search).
    static func typed(_ query: ListQuery?) -> String {
        if case .customers(let text)? = query { text } else { "" }
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let search = CustomerSearch(typed(query))
        let page = try await find(search, service: context.service, refresh: context.refresh, start: start)
        var found = rows(page.identifiers)
        // One person found by the identifier typed is keyed by it: their profile, asked for alongside the lookup
        // (`search`), is the one Enter opens. Several sharing an email keep their own keys.
        if found.count == 1, let key = typedKey(search), page.identifiers.first.map({ names($0, key) }) == true { found[0].key = key }
        return PanePage(rows: found, next: page.next)
    }

    /// The person key of a search that names one identifier: an email, an id or cio_id written as such, or a lone
    /// word that looks like one (digits, `cio_…`); nil for other searches.
    static func typedKey(_ search: CustomerSearch) -> RowKey? {
        switch search {
        case .email(let email): .person(PersonKey(email, .email))
        case .identifier(let value, let type): .person(PersonKey(value, type))
        case .words(let word) where word.allSatisfy(\.isNumber) && !word.isEmpty: .person(PersonKey(word, .id))
        case .words(let word) where word.hasPrefix("cio_"): .person(PersonKey(String(word.dropFirst(4)), .cioID))
        case .words, .query: nil
        }
    }

    /// Whether the person found is the one `key` names (a lone word may have matched a name instead).
    private static func names(_ person: CustomerIdentifiers, _ key: RowKey) -> Bool {
        guard let (value, type) = key.person.map({ ($0.value, $0.type) }) else { return false }
        switch type {
        case .email: return person.email?.lowercased() == value.lowercased()
        case .id: return person.id == value
        case .cioID: return person.cioID == value
        case .phone: return false
        }
    }

    /// Enter on the search line: a fresh list for `text`.
    static func search(_ text: String, _ state: inout AppState) -> [Effect] {
        state.customerQuery = text
        return freshList(.customers(text), &state) + profileAlongside(CustomerSearch(text), &state)
    }

    /// An email, id or cio_id typed names one person, most likely: their profile's sections are asked for at the
    /// same time as the lookup, by that identifier, so Enter on the one person found opens a profile already
    /// loaded — one round trip instead of two. (When several share an email the lookup lists them, each with its
    /// own key, and this profile is simply not opened.)
    static func profileAlongside(_ search: CustomerSearch, _ state: inout AppState) -> [Effect] {
        guard let key = typedKey(search) else { return [] }
        let route = Route.detail(kind, key: key)
        var detail = state.details[route] ?? .placeholder(key: key, pane: kind)
        let idle = detail.sectionOrder.filter { (detail.sections[$0] ?? .idle) == .idle }
        for section in idle { detail.sections[section] = .loading(previous: nil) }
        state.details[route] = detail
        return idle.map { .loadSection(route, name: $0, refresh: false, metrics: state.metricsView) }
    }

    /// People matching a search: by email, by one identifier (nobody found is an empty list, not an error), or by
    /// a query in the filter language (its first 200 matches).
    static func find(_ search: CustomerSearch, service: WorkspaceService, refresh: Bool, start: String? = nil) async throws -> CustomerSearchPage {
        switch search {
        case .email(let email):
            return CustomerSearchPage(identifiers: try await service.customers(email: email, refresh: refresh))
        case .identifier(let value, let type):
            do {
                let profile = try await service.customerProfile(id: value, idType: type, refresh: refresh)
                var identifiers = profile.identifiers ?? CustomerIdentifiers()
                if identifiers.id == nil, type == .id { identifiers.id = value }
                return CustomerSearchPage(identifiers: [identifiers])
            } catch let error as CustomerIOError where error.kind == .notFound {
                return CustomerSearchPage()
            }
        case .words(let text):
            // One request for every field a lone word or a name could be in.
            return try await service.searchCustomers(CustomerSearch.filter(words: text), key: "words/\(text)", start: start, refresh: refresh)
        case .query(let text):
            let filter: AudienceFilter
            do {
                filter = try FilterQuery.parse(text)
            } catch let error as FilterQueryError {
                throw QueryProblem(description: "the query could not be read: \(error.description)")
            }
            return try await service.searchCustomers(filter, key: text, start: start, refresh: refresh)
        }
    }

    /// A search that could not be understood.
    struct QueryProblem: Error, CustomStringConvertible {
        let description: String
    }

    /// A person by the identifier in their key, with name, created and subscription filled from the profile at once.
    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        let (value, type) = try person(key)
        let profile = try await context.service.customerProfile(id: value, idType: type, refresh: context.refresh)
        var identifiers = profile.identifiers ?? CustomerIdentifiers()
        // The top-level id only echoes what was asked for: it is the person's id when asked by id, or when the
        // profile names no identifiers and it differs from the email or cio_id that was asked with.
        if identifiers.id == nil {
            identifiers.id = type == .id ? value : (profile.identifiers == nil && profile.id != value ? profile.id : nil)
        }
        if identifiers.email == nil, type == .email { identifiers.email = value }
        if identifiers.cioID == nil, type == .cioID { identifiers.cioID = value }
        var row = try only(rows([identifiers]), key: key)
        for (column, value) in zip(lazyColumns, PeopleCells.values(profile)) {
            row.setCell(column, to: value)
        }
        return row
    }

    /// The identifier and its type a person's key names, or a clear problem for a row that has none.
    static func person(_ key: RowKey) throws -> (value: String, type: IDType) {
        guard let person = key.person else { throw SectionProblem("\(key) has no identifier to look the person up by") }
        return (person.value, person.type)
    }

    /// Reachability first (can she be reached at all, and why not), then attributes, segments and messages: what a
    /// lookup is for; they load together.
    static let sections: [SectionID] = [.reachability, .attributes, .segments, .messages, .identifiers, .activities, .relationships, .subscriptions]

    static func section(_ section: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        let service = context.service
        let person = try Self.person(key)
        let (id, type) = person
        switch section {
        case .reachability:
            return ReachabilityLines.lines(try await service.reachability(id: id, idType: type, now: context.now, refresh: context.refresh))
        case .attributes:
            return PersonSections.attributes(try await service.customerProfile(id: id, idType: type, refresh: context.refresh), now: context.now)
        case .identifiers:
            return PersonSections.identifiers(try await service.customerProfile(id: id, idType: type, refresh: context.refresh), now: context.now)
        case .segments:
            // A person's segments may come without their type; the workspace's segment list (cached, and asked for
            // alongside) says which are manual, which is what `-` needs.
            async let memberships = service.customerSegments(id: id, idType: type, refresh: context.refresh)
            async let everySegment = try? service.segments()
            let kinds = Dictionary((await everySegment ?? []).compactMap { segment in segment.type.map { (segment.id, $0) } }, uniquingKeysWith: { first, _ in first })
            return try await memberships.map { segment in
                let kind = segment.type ?? kinds[segment.id]
                return DetailLine(key: segment.name ?? "#\(segment.id)", value: (["#\(segment.id)"] + [kind].compactMap { $0 }).joined(separator: " · "), link: .detail(.segments, key: .id(segment.id)))
            }
        case .messages:
            return MessageSections.lines(try await service.customerMessages(id: id, idType: type, refresh: context.refresh))
        case .activities:
            return try await service.customerActivities(id: id, idType: type, refresh: context.refresh).map { activity in
                let what = [activity.type, activity.name].compactMap { $0 }.joined(separator: " ")
                let detail = activity.deliveryType.map { " (\($0))" } ?? ""
                return DetailLine(key: TimeText.short(activity.timestamp), value: what + detail,
                                  link: activity.deliveryID.map { .detail(.messages, key: .name($0)) })
            }
        case .relationships:
            return try await PersonSections.relationships(person, context)
        case .subscriptions:
            let preferences = try await service.customerSubscriptionPreferences(id: id, idType: type, refresh: context.refresh)
            var lines = [DetailLine(key: "Unsubscribed from all", value: preferences.unsubscribed == true ? "yes" : "no")]
            lines += preferences.topics.map { topic in
                DetailLine(key: topic.name ?? topic.id, value: topic.subscribed == false ? "unsubscribed" : "subscribed")
            }
            return lines
        default:
            throw SectionProblem("nothing to load for \(section.title)")
        }
    }


    static func exportSpec(key: RowKey?, _ state: AppState) -> ExportSpec? {
        // The people a search found, from its list; an opened person is not an export.
        state.isOnList && !state.customerQuery.isEmpty ? .customers(query: state.customerQuery) : nil
    }

    static func exportUnavailableReason(_ state: AppState) -> String {
        state.isOnList ? "find people first (/), then export them" : "on the Customers list"
    }

    static func rows(_ people: [CustomerIdentifiers]) -> [ListRow] {
        people.enumerated().map { index, person in
            let key = RowKey.person(of: person) ?? .position(index)
            return ListRow(
                key: key,
                cells: table.cells(person),
                // No detail lines: the profile shows the cells under the column titles.
                copyValue: person.email ?? person.id ?? key.description,
                item: .person(person)
            )
        }
    }
}
