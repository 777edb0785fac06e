import CustomerIO
import TerminalUI
import Workspace

/// Which export `x` would start from where the user is, and the planned write its review shows: starting an export
/// is a write like any other, reviewed, sent only on `y`, and journaled.
enum ExportPlanner {
    static func spec(for state: AppState) -> ExportSpec? {
        guard let pane = state.pane.definition as? any Exportable.Type else { return nil }
        switch state.route {
        case .list: return pane.exportSpec(key: state.currentList.selectedRow?.key, state)
        case .detail(_, let key): return pane.exportSpec(key: key, state)
        case .members: return nil
        }
    }

    static func unavailableReason(_ state: AppState) -> String {
        (state.pane.definition as? any Exportable.Type)?.exportUnavailableReason(state) ?? "nothing here can be exported"
    }

    /// The request body: a Customers search becomes the API's filter (an email or id as an equality on it).
    static func customersFilter(_ query: String) throws -> AudienceFilter {
        switch CustomerSearch(query) {
        case .email(let email): return try FilterQuery.parse("email = \"\(email)\"")
        case .identifier(let value, let type): return try FilterQuery.parse("\(type == .cioID ? "cio_id" : "id") = \"\(value)\"")
        case .words(let text): return CustomerSearch.filter(words: text)
        case .query(let text): return try FilterQuery.parse(text)
        }
    }

    /// The export as a planned write: the request exactly as it will leave, what it covers by name, and where to
    /// watch it. A refusal (a query the API cannot filter by, broadcast deliveries) comes back as the reason.
    static func write(_ spec: ExportSpec, state: AppState) -> Result<PlannedWrite, ExportRefusal> {
        let request: APIRequest
        do {
            switch spec {
            case .customers(let query):
                request = try AppAPIClient.exportCustomersRequest(CustomersExportRequest(filters: try customersFilter(query)))
            case .deliveries(let source):
                let exportSource: DeliveriesExportRequest.Source
                switch source {
                case .campaign(let id): exportSource = .campaign(id)
                case .newsletter(let id): exportSource = .newsletter(id)
                case .transactional(let id): exportSource = .transactional(id)
                case .broadcast: return .failure(ExportRefusal(reason: "Broadcast deliveries cannot be exported by the API; export its campaign's instead"))
                }
                request = try AppAPIClient.exportDeliveriesRequest(DeliveriesExportRequest(source: exportSource))
            }
        } catch {
            return .failure(ExportRefusal(reason: "The export cannot be asked for: \(error)"))
        }
        let what = named(spec, state: state)
        var write = PlannedWrite(kind: .startExport(what: what), request: request, title: "Start an export")
        switch spec {
        case .customers:
            let count = state.lists[.customers]?.loadedRows.count ?? 0
            let more = state.lists[.customers]?.next != nil
            write.summary = ["Of \(what): \(count)\(more ? "+" : "") matched so far, with all their attributes"]
        case .deliveries:
            write.summary = ["Of \(what): every delivery it sent, with its metrics"]
        }
        write.summary.append("Customer.io builds the file; Exports (7) shows its progress, and d there saves it")
        return .success(write)
    }

    /// What an export covers, by name where the workspace's lists know it: "deliveries of campaign Welcome series (#1)".
    static func named(_ spec: ExportSpec, state: AppState) -> String {
        guard case .deliveries(let source) = spec else { return spec.summary }
        let (pane, id, noun): (PaneKind, Int, String) = switch source {
        case .campaign(let id): (.campaigns, id, "campaign")
        case .newsletter(let id): (.newsletters, id, "newsletter")
        case .transactional(let id): (.transactional, id, "template")
        case .broadcast(let id): (.broadcasts, id, "broadcast")
        }
        let name = Names.item(pane, key: .id(id), state)
        return "deliveries of \(noun) " + (name.map { "\($0) (#\(id))" } ?? "#\(id)")
    }
}

/// Why an export cannot be started from here, in a sentence.
struct ExportRefusal: Error, Hashable {
    let reason: String
}
