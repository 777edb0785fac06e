import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// Whose timeline the Timeline pane shows, and what of it.
    public var timelineQuery: TimelineQuery {
        get { if case .timeline(let query)? = queries[.timeline] { query } else { TimelineQuery() } }
        set { queries[.timeline] = .timeline(newValue) }
    }
}

/// What the Timeline pane shows: one person's, narrowed to messages or activities and to a channel.
public struct TimelineQuery: Sendable, Hashable {
    /// The person, by the identifier the profile was opened with; nil before one is chosen.
    public var person: PersonKey?
    /// How the breadcrumb names the person.
    public var label = ""
    public var kind: TimelineEntry.Kind?
    public var channel: String?

    public init(person: PersonKey? = nil, label: String = "", kind: TimelineEntry.Kind? = nil, channel: String? = nil) {
        self.person = person
        self.label = label
        self.kind = kind
        self.channel = channel
    }

    /// The store's cache key (never read back); "" while no person is chosen.
    var key: String {
        guard let person else { return "" }
        return [person.type.rawValue, person.value, kind?.rawValue ?? "all", channel ?? "all"].joined(separator: ";")
    }

    var summary: String {
        ([label.isEmpty ? person?.value ?? "" : label] + [kind.map { $0 == .message ? "messages" : "activities" }, channel].compactMap { $0 }).joined(separator: " · ")
    }
}

/// A person's timeline (`T` on a profile): their messages, each state change a line, merged with their activities,
/// newest first; `e` narrows to messages or activities, `t` to a channel; each line opens what it refers to.
enum TimelinePane: TypedColumns {
    static let kind = PaneKind.timeline
    static let title = "Timeline"
    static let singular = "timeline entry"
    static let titleColumn = 4
    static let needsQuery = true
    static let channels: [String?] = [nil, "email", "sms", "push", "in_app", "webhook", "slack"]

    static let table = Columns<TimelineEntry>([
        Column(TableColumn("Time", width: .fixed(16))) { TimeText.short($0.time) },
        Column(TableColumn("Kind", width: .fixed(8), dropPriority: 2)) { $0.kind.rawValue },
        Column(TableColumn("What", width: .flexible(min: 10, weight: 2), comfortable: 14, maxWidth: 24)) { $0.what.replacingOccurrences(of: "_", with: " ") },
        Column(TableColumn("Channel", width: .fixed(8), dropPriority: 1)) { $0.channel ?? "" },
        Column(TableColumn("About", width: .flexible(min: 12, weight: 4), comfortable: 24)) { $0.title },
    ])

    static func query(_ state: AppState) -> ListQuery? { .timeline(state.timelineQuery) }
    static func summary(query: ListQuery?) -> String? { asked(query).person == nil ? nil : asked(query).summary }

    static func asked(_ query: ListQuery?) -> TimelineQuery {
        if case .timeline(let asked)? = query { asked } else { TimelineQuery() }
    }

    static func emptyText(query: ListQuery?) -> String {
        let asked = asked(query)
        guard asked.person != nil else { return "Open a person (2, then /) and press T for their timeline." }
        return asked.kind == nil && asked.channel == nil ? "Nothing has happened to \(asked.summary) lately." : "Nothing matches \(asked.summary): e and t change the filter."
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let asked = asked(query)
        guard let person = asked.person else { return PanePage(rows: []) }
        let entries = try await context.service.timeline(id: person.value, idType: person.type, refresh: context.refresh)
        return PanePage(rows: rows(entries.filter { entry in
            (asked.kind == nil || entry.kind == asked.kind) && (asked.channel == nil || entry.channel == asked.channel)
        }))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        throw SectionProblem("a timeline entry opens from its timeline (T on a profile)")
    }

    static func rows(_ entries: [TimelineEntry]) -> [ListRow] {
        entries.map { entry in
            var detail = [
                DetailLine(key: "Time", value: TimeText.full(entry.time)), DetailLine(key: "Kind", value: entry.kind.rawValue),
                DetailLine(key: "What", value: entry.what), DetailLine(key: "Channel", value: entry.channel ?? "—"),
                DetailLine(key: "About", value: entry.title),
            ]
            if let delivery = entry.deliveryID { detail.append(DetailLine(key: "Message", value: delivery, link: .detail(.messages, key: .name(delivery)))) }
            if let activity = entry.activityID { detail.append(DetailLine(key: "Activity", value: activity)) }
            let key = [entry.kind.rawValue, entry.deliveryID ?? entry.activityID ?? "", entry.what, String(entry.time)].joined(separator: "/")
            return ListRow(key: .name(key), cells: table.cells(entry), copyValue: entry.deliveryID ?? entry.activityID ?? key, detail: detail, item: .timeline(entry))
        }
    }

    static var bindings: [Binding] {
        [
            Binding("timeline.open", ["T"], "The person's timeline: messages and activities, newest first", name: "The person's timeline", section: "Lists", panes: [.customers],
                    command: command(.open)) { state in
                SegmentWrites.personShown(state) == nil ? "open a person first" : nil
            },
            Binding("timeline.kind", ["e"], "Timeline: all, messages only, activities only", name: "Timeline", section: "Lists", panes: [kind], command: command(.kind)),
            Binding("timeline.channel", ["t"], "Timeline: all channels, email, SMS, push, in-app, webhook, Slack", name: "Timeline", section: "Lists", panes: [kind],
                    command: command(.channel)),
        ]
    }

    /// `T` on a person opens it; `e` the next kind, `t` the next channel.
    enum OwnCommand: PaneCommandCase {
        case open, kind, channel
    }

    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect] {
        var query = state.timelineQuery
        switch command {
        case .open:
            guard let person = SegmentWrites.personShown(state) else { return [] }
            let (value, type) = SegmentWrites.identifier(person)
            query = TimelineQuery(person: PersonKey(value, type), label: person.email ?? value)
            state.navigation.push(.list(kind))
        case .kind:
            let kinds: [TimelineEntry.Kind?] = [nil, .message, .activity]
            query.kind = kinds[((kinds.firstIndex(of: query.kind) ?? 0) + 1) % kinds.count]
        case .channel:
            query.channel = channels[((channels.firstIndex(of: query.channel) ?? 0) + 1) % channels.count]
        }
        state.timelineQuery = query
        return show(.timeline(query), saying: query.summary, &state)
    }
}
