import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// The Messages pane's filters.
    public var messagesQuery: MessagesQuery {
        get { if case .messages(let query)? = queries[.messages] { query } else { MessagesQuery() } }
        set { queries[.messages] = .messages(newValue) }
    }
}

/// Messages: the workspace's deliveries, newest first and paged as the user scrolls, narrowed by type (`t`), the
/// furthest state reached (`e`) and how far back (`w`), or to one campaign, broadcast, newsletter or template's
/// (opened from its detail). One opens with its timeline, its person and where it came from, by name; `b` shows
/// its archived body.
enum MessagesPane: TypedColumns {
    static let kind = PaneKind.messages
    static let title = "Messages"
    static let singular = "message"

    /// A delivery as listed: with where it came from, by name.
    struct Listed {
        var delivery: Delivery
        var origin: String
    }

    static let table = Columns<Listed>([
        Column(TableColumn("Created", width: .fixed(16), dropPriority: 1)) { TimeText.short($0.delivery.created) },
        Column(TableColumn("Type", width: .fixed(8), dropPriority: 3)) { $0.delivery.type ?? "—" },
        Column(TableColumn("State", width: .fixed(12))) { $0.delivery.latestMetric ?? "—" },
        Column(TableColumn("Recipient", width: .flexible(min: 10, weight: 3), comfortable: 20)) { $0.delivery.recipient ?? person($0.delivery) },
        Column(TableColumn("Subject", width: .flexible(min: 10, weight: 3), comfortable: 20)) { $0.delivery.subject ?? "" },
        Column(TableColumn("From", width: .flexible(min: 12, weight: 2), dropPriority: 2, comfortable: 14)) { $0.origin },
    ])

    /// Who a delivery went to, when it names no recipient address.
    static func person(_ delivery: Delivery) -> String {
        delivery.customerIdentifiers?.email ?? delivery.customerID ?? delivery.customerIdentifiers?.id ?? "—"
    }

    /// A message is named by its subject.
    static let titleColumn = 4
    static let isPaged = true

    static func emptyText(query: ListQuery?) -> String {
        let asked = asked(query)
        return asked == MessagesQuery() ? "No messages in this workspace." : "No messages match \(asked.summary): t, e and w change the filter."
    }

    static func summary(query: ListQuery?) -> String? { asked(query).summary }

    static func query(_ state: AppState) -> ListQuery? { .messages(state.messagesQuery) }

    /// The Messages query in `query` (every message when it holds none).
    static func asked(_ query: ListQuery?) -> MessagesQuery {
        if case .messages(let asked)? = query { asked } else { MessagesQuery() }
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let messages = asked(query)
        let page = try await context.service.messagesPage(messages.filter(now: context.now), from: messages.source, key: messages.key, start: start, refresh: context.refresh)
        let names = await OriginNames.load(for: page.messages, service: context.service)
        return PanePage(rows: rows(page.messages, source: messages.source, names: names), next: page.next)
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        let delivery = try await context.service.message(id: textID(key), refresh: context.refresh)
        return try only(rows([delivery], names: await OriginNames.load(for: [delivery], service: context.service)), key: key)
    }

    /// Nothing loads by itself: the archived body is asked for (`b`), as the API allows 100 a day.
    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        guard id == .archivedBody else { throw SectionProblem("nothing to load for \(id.title)") }
        return MessageSections.archivedBody(try await context.service.archivedMessage(id: textID(key), refresh: context.refresh))
    }

    static var bindings: [Binding] {
        [
            Binding("messages.type", ["t"], "Filter by type: all, email, push, sms, in-app, webhook, slack", name: "Filter by type", section: "Lists", panes: [kind], command: command(.type)),
            Binding("messages.metric", ["e"], "Filter by the furthest state: sent, delivered, opened, clicked …", name: "Filter by the furthest state", section: "Lists", panes: [kind], command: command(.metric)),
            Binding("messages.window", ["w"], "How far back: all, 1, 7 or 30 days", name: "How far back", section: "Lists", panes: [kind], command: command(.window)),
            Binding("messages.body", ["b"], "Show the message's archived body (the API allows 100 a day; asks first)", name: "Show the message's archived body", section: "Lists", panes: [kind], command: .archivedBody) { state in
                guard case .detail(.messages, _) = state.route else { return "open a message first" }
                return state.details[state.route]?.sectionOrder.contains(.archivedBody) == true ? "already shown" : nil
            },
        ]
    }

    /// `t` / `e` / `w`.
    enum OwnCommand: PaneCommandCase {
        case type, metric, window
    }

    /// `t` / `e` / `w`: the next type, furthest state or window, loaded afresh.
    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect] {
        var query = state.messagesQuery
        switch command {
        case .type: query.type = MessagesQuery.next(query.type, in: MessagesQuery.types)
        case .metric: query.metric = MessagesQuery.next(query.metric, in: MessagesQuery.metrics)
        case .window: query.days = MessagesQuery.next(query.days, in: MessagesQuery.windows)
        }
        return show(query, &state)
    }

    /// Shows the list for `query`: a fresh list, so the old filter's rows and next-page cursor never carry over.
    static func show(_ query: MessagesQuery, _ state: inout AppState) -> [Effect] {
        state.messagesQuery = query
        let effects = show(.messages(query), saying: query.summary, &state)
        if let note = query.figureNote { state.flash = Flash.make(.info, note, now: state.now) }
        // A list opened from a figure pages to the end by itself, so its row count can be held against the figure.
        state.lists[kind]?.pagesToEnd = query.figure != nil
        return effects
    }

    static func rows(_ deliveries: [Delivery], source: DeliverySource? = nil, names: OriginNames = OriginNames()) -> [ListRow] {
        deliveries.map { delivery in
            let (origin, originRoute) = names.origin(of: delivery, source: source)
            let person = person(delivery)
            return ListRow(
                key: .name(delivery.id),
                cells: table.cells(Listed(delivery: delivery, origin: origin)),
                detail: [
                    DetailLine(key: "ID", value: delivery.id),
                    DetailLine(key: "Type", value: delivery.type ?? "—"),
                    DetailLine(key: "State", value: delivery.latestMetric ?? "—"),
                    DetailLine(key: "Recipient", value: delivery.recipient ?? ""),
                    DetailLine(key: "Person", value: person, link: delivery.customerIdentifiers.flatMap(RowKey.person(of:)).map { .detail(.customers, key: $0) }
                        ?? delivery.customerID.map { .detail(.customers, key: .person(PersonKey($0, .id))) }),
                    DetailLine(key: "Subject", value: delivery.subject ?? ""),
                    DetailLine(key: "From", value: origin, link: originRoute),
                    DetailLine(key: "Failure", value: delivery.failureMessage ?? ""),
                    DetailLine(key: "Created", value: TimeText.full(delivery.created)),
                ] + RowParts.metricRows(delivery.metrics),
                item: .delivery(delivery)
            )
        }
    }
}
