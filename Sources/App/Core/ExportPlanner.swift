import CustomerIO
import TerminalUI
import Workspace

/// Which export `x` would start from where the user is, and the confirmation that says exactly what it does.
enum ExportPlanner {
    static func spec(for state: AppState) -> ExportSpec? {
        switch state.route {
        case .list(.customers):
            let query = state.customerQuery
            return query.isEmpty ? nil : .customers(query: query)
        case .list(let pane):
            return state.currentList.selectedRow.flatMap { source(pane, key: $0.key) }.map(ExportSpec.deliveries)
        case .detail(let pane, let key):
            return source(pane, key: key).map(ExportSpec.deliveries)
        case .members:
            return nil
        }
    }

    private static func source(_ pane: PaneKind, key: String) -> DeliverySource? {
        guard let id = Int(key) else { return nil }
        return switch pane {
        case .campaigns: .campaign(id)
        case .newsletters: .newsletter(id)
        case .transactional: .transactional(id)
        default: nil
        }
    }

    static func unavailableReason(_ state: AppState) -> String {
        switch state.route {
        case .list(.customers): "find people first (/), then export them"
        default: "select a campaign, newsletter or template"
        }
    }

    /// The request body: a Customers search becomes the API's filter (an email or id as an equality on it).
    static func customersFilter(_ query: String) throws -> AudienceFilter {
        switch CustomerSearch(query) {
        case .email(let email): return try FilterQuery.parse("email = \"\(email)\"")
        case .identifier(let value, let type): return try FilterQuery.parse("\(type == .cioID ? "cio_id" : "id") = \"\(value)\"")
        case .query(let text): return try FilterQuery.parse(text)
        }
    }

    /// The confirmation: what will be exported, that it runs on the server, and where to watch it.
    static func dialog(_ spec: ExportSpec, state: AppState) -> DialogState {
        var lines = ["Start an export of \(spec.summary)?"]
        switch spec {
        case .customers:
            let count = state.lists[.customers]?.loadedRows.count ?? 0
            let more = state.lists[.customers]?.next != nil
            lines.append("Matches so far: \(count)\(more ? "+" : "") people, with all their attributes.")
        case .deliveries:
            lines.append("Every delivery it sent, with its metrics.")
        }
        lines.append("Customer.io builds the file; Exports (7) shows its progress, and d there saves it.")
        return .confirm(title: "Start export", message: lines.joined(separator: "\n"), confirmTitle: "Start export")
    }
}
