import Foundation
import CustomerIO
import Workspace

/// Loads the item behind a reference, as the row its list would show, so a jump needs no list loaded first.
enum ItemLoader {
    static func row(_ route: Route, service: WorkspaceService, refresh: Bool) async throws -> ListRow {
        guard case .detail(let pane, let key) = route else { throw SectionProblem("nothing to open") }
        if pane == .customers {
            let (value, type) = PersonKey.parse(key)
            let profile = try await service.customerProfile(id: value, idType: type, refresh: refresh)
            var identifiers = profile.identifiers ?? CustomerIdentifiers()
            // The top-level id only echoes what was asked for: it is the person's id when asked by id, or when the
            // profile names no identifiers and it differs from the email or cio_id that was asked with.
            if identifiers.id == nil {
                identifiers.id = type == .id ? value : (profile.identifiers == nil && profile.id != value ? profile.id : nil)
            }
            if identifiers.email == nil, type == .email { identifiers.email = value }
            if identifiers.cioID == nil, type == .cioID { identifiers.cioID = value }
            // The profile is here: its name, created and subscription fill the row now, never "…" left waiting.
            var row = found(RowBuilders.customers([identifiers]), route)
            for (column, value) in zip(PaneColumns.lazyColumns(for: .customers), PeopleCells.typedValues(profile)) {
                row.setCell(column, to: value.text, number: value.number)
            }
            return row
        }
        if let definition = PaneRegistry.definition(pane) {
            var row = try await definition.item(key: key, PaneContext(service: service, refresh: refresh, now: Int(Date().timeIntervalSince1970)))
            row.key = key
            return row
        }
        if pane == .messages {
            let delivery = try await service.message(id: key, refresh: refresh)
            return found(RowBuilders.messages([delivery], names: await OriginNames.load(for: [delivery], service: service)), route)
        }
        guard let id = Int(key) else { throw SectionProblem("no \(pane.singular) \(key)") }
        let rows: [ListRow] = switch pane {
        case .segments: RowBuilders.segments([try await service.segment(id: id, refresh: refresh)])
        case .campaigns: RowBuilders.campaigns([try await service.campaign(id: id, refresh: refresh)], segments: await EffectHandler.segmentNames(service))
        case .broadcasts: RowBuilders.broadcasts([try await service.broadcast(id: id, refresh: refresh)])
        case .newsletters: RowBuilders.newsletters([try await service.newsletter(id: id, refresh: refresh)], segments: await EffectHandler.segmentNames(service))
        case .transactional: RowBuilders.transactional([try await service.transactionalTemplate(id: id, refresh: refresh)])
        case .exports: RowBuilders.exports([try await service.client.export(id: id)])
        case .customers, .messages, .journal, .activities, .senders, .collections, .snippets: []
        }
        return found(rows, route)
    }

    /// The row, keyed as the route is (a person found by email is still the route's person).
    private static func found(_ rows: [ListRow], _ route: Route) -> ListRow {
        guard case .detail(_, let key) = route, var row = rows.first else { return ListRow(key: "", cells: []) }
        row.key = key
        return row
    }
}
