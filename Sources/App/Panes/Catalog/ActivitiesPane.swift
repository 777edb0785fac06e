import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// The Activities pane's filters: a type and a name.
    public var activitiesQuery: ActivitiesQuery {
        get { if case .activities(let query)? = queries[.activities] { query } else { ActivitiesQuery() } }
        set { queries[.activities] = .activities(newValue) }
    }
}

/// Activities: the workspace's activity feed (`GET /v1/activities`), newest first and paged as you scroll, narrowed
/// by type (`t`) and by event or attribute name (`e`); each opens its person and, when it was about a message, that
/// delivery.
enum ActivitiesPane: TypedColumns {
    static let kind = PaneKind.activities
    static let title = "Activities"
    static let singular = "activity"

    static let table = Columns<Activity>([
        Column(TableColumn("Time", width: .fixed(16))) { TimeText.short($0.timestamp) },
        Column(TableColumn("Type", width: .flexible(min: 10, weight: 2), comfortable: 16)) { $0.type ?? "—" },
        Column(TableColumn("Name", width: .flexible(min: 8, weight: 2), comfortable: 12, maxWidth: 40)) { $0.name ?? "" },
        Column(TableColumn("Person", width: .flexible(min: 12, weight: 3), comfortable: 20)) { person($0) },
        Column(TableColumn("Delivery", width: .flexible(min: 8, weight: 1), dropPriority: 1, maxWidth: 24)) { $0.deliveryType ?? "" },
    ])

    /// Who it was about: their email, else an id.
    static func person(_ activity: Activity) -> String {
        activity.customerIdentifiers?.email ?? activity.customerIdentifiers?.id ?? activity.customerID ?? "—"
    }

    /// The types `t` steps through: all, then the ones people look for most (the API takes any of its list).
    static let types: [String?] = [nil, "event", "attribute_change", "page", "screen", "sent_email", "delivered_email", "opened_email",
                                   "clicked_email", "bounced_email", "failed_email", "unsubscribed_email", "sent_push", "sent_twilio"]

    static func summary(query: ListQuery?) -> String? { asked(query).summary }

    static func query(_ state: AppState) -> ListQuery? { .activities(state.activitiesQuery) }
    static let isPaged = true

    static func emptyText(query: ListQuery?) -> String {
        let asked = asked(query)
        return asked == ActivitiesQuery() ? "No activity in this workspace." : "No activity matches \(asked.summary): t and e change the filter."
    }

    /// The Activities query in `query` (all activity when it holds none).
    static func asked(_ query: ListQuery?) -> ActivitiesQuery {
        if case .activities(let asked)? = query { asked } else { ActivitiesQuery() }
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let asked = asked(query)
        let page = try await context.service.activitiesPage(type: asked.type, name: asked.name, key: asked.key, start: start, refresh: context.refresh)
        // An empty `next` already decodes as nil.
        return PanePage(rows: rows(page.activities), next: page.next)
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        // The API has no call for one activity: they open from their list.
        throw SectionProblem("an activity opens from the Activities list (:activities)")
    }

    static func rows(_ activities: [Activity], now: Date = WallClock.now()) -> [ListRow] {
        activities.map { activity in
            let person = person(activity)
            let personRoute: Route? = activity.customerIdentifiers.flatMap(RowKey.person(of:)).map { .detail(.customers, key: $0) }
                ?? activity.customerID.map { .detail(.customers, key: .person(PersonKey($0, .id))) }
            var detail = [
                DetailLine(key: "Type", value: activity.type ?? "—"),
                DetailLine(key: "Name", value: activity.name ?? ""),
                DetailLine(key: "Time", value: TimeText.full(activity.timestamp, now: now)),
                DetailLine(key: "Person", value: person, link: personRoute),
            ]
            if let delivery = activity.deliveryID {
                detail.append(DetailLine(key: "Delivery", value: "\(activity.deliveryType ?? "message") \(delivery)", link: .detail(.messages, key: .name(delivery))))
            }
            if let url = activity.url { detail.append(DetailLine(key: "URL", value: url)) }
            detail += activity.data.sorted { $0.key < $1.key }.map { DetailLine(key: "  \($0.key)", value: $0.value.displayText) }
            return ListRow(key: .name(activity.id), cells: table.cells(activity),
                           copyValue: activity.id, detail: detail, item: .activity(activity))
        }
    }

    static var bindings: [Binding] {
        [
            Binding("activities.type", ["t"], "Filter by type: event, attribute change, page, sent, opened, clicked, bounced … or all", name: "Filter by type", section: "Lists",
                    panes: [kind], command: command(.type)),
            Binding("activities.name", ["e"], "Filter by the event's or attribute's name (asks for it; empty shows every name)", name: "Filter by the event's or attribute's name", section: "Lists",
                    panes: [kind], command: command(.name)),
        ]
    }

    /// `t` the next type, `e` a name to narrow by.
    enum OwnCommand: PaneCommandCase {
        case type, name
    }

    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect] {
        var query = state.activitiesQuery
        switch command {
        case .type:
            let index = types.firstIndex(of: query.type) ?? 0
            query.type = types[(index + 1) % types.count]
            return show(query, &state)
        case .name:
            var input = TextInputState(history: state.filterHistory)
            input.insert(query.name ?? "")
            state.mode = .finding(input)
            return []
        }
    }

    static var findPrompt: (prompt: String, placeholder: String)? { ("name: ", "an event or attribute name, exactly; empty shows every name") }

    static func find(_ text: String, _ state: inout AppState) -> [Effect] {
        var query = state.activitiesQuery
        query.name = text.isEmpty ? nil : text
        return show(query, &state)
    }

    /// Shows the list for `query`: a fresh list, loading until the answer for this very query arrives (answers for
    /// the query before are dropped).
    static func show(_ query: ActivitiesQuery, _ state: inout AppState) -> [Effect] {
        state.activitiesQuery = query
        return show(.activities(query), saying: query.summary, &state)
    }
}

/// What the Activities list asks for: a type and a name, either or both absent.
public struct ActivitiesQuery: Sendable, Hashable {
    public var type: String?
    public var name: String?

    public init(type: String? = nil, name: String? = nil) {
        self.type = type
        self.name = name
    }

    /// The store's cache key for its pages (never read back).
    var key: String {
        [type.map { "type=\($0)" }, name.map { "name=\($0)" }].compactMap { $0 }.joined(separator: ";")
    }

    /// What the breadcrumb and flash say: `event · “signup”`, or `all`.
    var summary: String {
        let parts = [type?.replacingOccurrences(of: "_", with: " "), name.map { "“\($0)”" }].compactMap { $0 }
        return parts.isEmpty ? "all" : parts.joined(separator: " · ")
    }
}
