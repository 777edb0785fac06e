import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// The ESP suppressions pane's list, or the address looked up.
    public var suppressionsQuery: SuppressionsQuery {
        get { if case .suppressions(let query)? = queries[.suppressions] { query } else { SuppressionsQuery() } }
        set { queries[.suppressions] = .suppressions(newValue) }
    }
}

/// What the ESP suppressions pane shows: one list, or one address looked up (on whichever list it is).
public struct SuppressionsQuery: Sendable, Hashable {
    public var type: SuppressionType = .bounces
    public var email: String?

    public init(type: SuppressionType = .bounces, email: String? = nil) {
        self.type = type
        self.email = email
    }

    /// The store's cache key for its pages (never read back).
    var key: String { email.map { "email=\($0.lowercased())" } ?? "type=\(type.rawValue)" }

    /// What the breadcrumb and flash say: `bounces`, or `“ada@example.com”`.
    var summary: String { email.map { "“\($0)”" } ?? type.rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// ESP suppressions (`:suppressions`): the addresses the email service provider will not send to, a list at a time
/// (`t`: bounces, blocks, spam reports, invalid addresses; 1,000 a page by offset), or one address looked up (`e`).
/// `U` takes the selected address off its list and `A` adds the address looked up to the list shown, each through
/// the review.
enum SuppressionsPane: TypedColumns {
    static let kind = PaneKind.suppressions
    static let title = "ESP suppressions"
    static let singular = "suppressed address"
    static let isPaged = true
    static let titleColumn = 0

    typealias Listed = SuppressionWrites.Listed

    static let table = Columns<Listed>([
        Column(TableColumn("Email", width: .flexible(min: 14, weight: 3), comfortable: 28)) { $0.entry.email },
        Column(TableColumn("List", width: .fixed(14))) { $0.type?.rawValue ?? $0.category ?? "—" },
        Column(TableColumn("Since", width: .fixed(16), dropPriority: 1)) { TimeText.short($0.entry.created) },
        Column(TableColumn("Status", width: .fixed(6), dropPriority: 2)) { $0.entry.status ?? "" },
        Column(TableColumn("Reason", width: .flexible(min: 10, weight: 4), dropPriority: 3)) { $0.entry.reason ?? "" },
    ])

    /// A row's key: its list and address, so the same address on two lists is two rows.
    static func key(_ type: SuppressionType, _ email: String) -> RowKey { key(list: type.rawValue, email) }

    /// The key of an address on a list named as the API names it (a list cio does not know keeps its own name).
    static func key(list: String, _ email: String) -> RowKey { .suppression(list: list, email: email.lowercased()) }

    static func query(_ state: AppState) -> ListQuery? { .suppressions(state.suppressionsQuery) }
    static func summary(query: ListQuery?) -> String? { asked(query).summary }

    static func asked(_ query: ListQuery?) -> SuppressionsQuery {
        if case .suppressions(let asked)? = query { asked } else { SuppressionsQuery() }
    }

    static func emptyText(query: ListQuery?) -> String {
        let asked = asked(query)
        if let email = asked.email {
            guard SuppressionWrites.looksLikeAnAddress(email) else { return "“\(email)” is not an email address: e looks up another." }
            return "\(email) is on no ESP list: A adds it to \(asked.type.rawValue)."
        }
        return "Nobody is on \(asked.type.rawValue). t shows another list; e looks up an address."
    }

    /// A lookup is one page; a list comes 1,000 at a time, the next from where this one ended.
    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let asked = asked(query)
        if let email = asked.email {
            let found = try await context.service.suppression(email: email, refresh: context.refresh)
            // The list the API names; one cio does not know stays unnamed, so nothing acts on it as another.
            let type = found.category.flatMap(SuppressionType.init(parsing:))
            return PanePage(rows: rows(found.suppressions.map { Listed(type: type, entry: $0, category: found.category) }))
        }
        let offset = start.flatMap(Int.init) ?? 0
        let found = try await context.service.suppressions(asked.type, offset: offset, refresh: context.refresh)
        let next = found.suppressions.count >= 1_000 ? String(offset + found.suppressions.count) : nil
        return PanePage(rows: rows(found.suppressions.map { Listed(type: asked.type, entry: $0) }), next: next)
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        guard case .suppression(_, let email) = key else { throw SectionProblem("no suppressed address \(key)") }
        let found = try await context.service.suppression(email: email, refresh: context.refresh)
        guard let entry = found.suppressions.first else { throw SectionProblem("\(email) is not suppressed (any more)") }
        return try only(rows([Listed(type: found.category.flatMap(SuppressionType.init(parsing:)), entry: entry, category: found.category)]), key: key)
    }

    static func rows(_ listed: [Listed]) -> [ListRow] {
        listed.map { item in
            let entry = item.entry
            let list = item.type.map { "\($0.rawValue) (\($0.noun))" } ?? "\(item.category ?? "unnamed"), a list cio does not know"
            var detail = [
                DetailLine(key: "Email", value: entry.email), DetailLine(key: "List", value: list),
                DetailLine(key: "Since", value: TimeText.full(entry.created)), DetailLine(key: "Status", value: entry.status ?? "—"),
                DetailLine(key: "Reason", value: entry.reason ?? "—"),
                DetailLine(key: "People", value: "the profile(s) with this address", link: .detail(.customers, key: .person(PersonKey(entry.email, .email)))),
            ]
            if let type = item.type { detail.append(DetailLine(key: "", value: "U takes the address off \(type.rawValue), after the review")) }
            let listKey = item.type?.rawValue ?? item.category ?? "unknown"
            return ListRow(key: key(list: listKey, entry.email), cells: table.cells(item), copyValue: entry.email, detail: detail,
                           item: .suppression(item.type, entry))
        }
    }


    static var bindings: [Binding] {
        [
            Binding("suppressions.type", ["t"], "List: bounces, blocks, spam reports, invalid addresses", name: "List", section: "Lists", panes: [kind], command: command(.type)),
            Binding("suppressions.find", ["e"], "Look up an email address: is it suppressed, since when, and why (empty: the list again)", name: "Look up an email address", section: "Lists", panes: [kind], command: command(.find)),
            Binding("suppressions.remove", ["U"], "Unsuppress: take the address off the ESP's list (the selected one, or a person's whose email is suppressed), after the review", name: "Unsuppress",
                    section: "Writes", panes: [kind, .customers], writes: true, command: command(.unsuppress)) { state in
                SuppressionWrites.unsuppression(state) == nil ? SuppressionWrites.unsuppressUnavailableReason(state) : nil
            },
            Binding("suppressions.add", ["A"], "Add the address looked up (e) to the list shown, after the review", name: "Add the address looked up", section: "Writes", panes: [kind],
                    writes: true, command: command(.suppress)) { state in
                SuppressionWrites.suppression(state) == nil ? "look up an email address not on this list first (e)" : nil
            },
        ]
    }

    /// `t` the next list, `e` look up an address, `U` unsuppress, `A` suppress.
    enum OwnCommand: PaneCommandCase {
        case type, find, unsuppress, suppress
    }

    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect] {
        var query = state.suppressionsQuery
        switch command {
        case .type:
            let all = SuppressionType.allCases
            query.type = all[((all.firstIndex(of: query.type) ?? 0) + 1) % all.count]
            query.email = nil
            return show(query, &state)
        case .find:
            var input = TextInputState(history: state.filterHistory)
            input.insert(query.email ?? "")
            state.mode = .finding(input)
            return []
        case .unsuppress: return SuppressionWrites.unsuppress(&state)
        case .suppress: return SuppressionWrites.suppress(&state)
        }
    }

    static var findPrompt: (prompt: String, placeholder: String)? { ("email: ", "an address to look up; empty shows the list again") }

    static func find(_ text: String, _ state: inout AppState) -> [Effect] {
        var query = state.suppressionsQuery
        let email = text.trimmingCharacters(in: .whitespaces)
        query.email = email.isEmpty ? nil : email
        return show(query, &state)
    }

    static func show(_ query: SuppressionsQuery, _ state: inout AppState) -> [Effect] {
        state.suppressionsQuery = query
        return show(.suppressions(query), saying: query.summary, &state)
    }
}
