import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Broadcasts: every API-triggered broadcast with its metrics (v1: 45 days daily, then 12 weeks); one opens with
/// its metrics, actions, trigger history and latest deliveries. `c` triggers one, through the review.
enum BroadcastsPane: TypedColumns, ChartsMetrics, HasDeliveries {
    static let kind = PaneKind.broadcasts
    static let title = "Broadcasts"

    static let table = Columns<Broadcast>([
        Column(TableColumn("ID", width: .fixed(6), alignment: .right)) { String($0.id) },
        Column(PaneColumn.name(weight: 4)) { $0.name ?? "(unnamed)" },
    ] + metricColumns() + [
        Column(TableColumn("State", width: .fixed(9), dropPriority: 1)) { $0.state ?? "—" },
        Column(TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 2)) { $0.tags.joined(separator: ", ") },
        Column(TableColumn("Updated", width: .fixed(16), dropPriority: 3)) { TimeText.short($0.updated) },
    ])

    static func metrics(id: Int, days: Int, _ context: PaneContext) async throws -> MetricsResult {
        try await context.service.broadcastMetrics(id: id, days: days, refresh: context.refresh)
    }

    static func deliverySource(id: Int) -> DeliverySource { .broadcast(id) }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.broadcasts(refresh: context.refresh)))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        try only(rows([try await context.service.broadcast(id: numericID(key), refresh: context.refresh)]), key: key)
    }

    static let sections: [SectionID] = [.metrics, .actions, .triggers, .messages]

    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        let broadcast = try numericID(key)
        switch id {
        case .metrics: return try await metricsSection(key: key, context)
        case .actions: return CampaignSections.actionLines(try await context.service.broadcastActions(id: broadcast, refresh: context.refresh), metrics: [:])
        case .triggers: return try await CampaignSections.triggers(broadcast: broadcast, context)
        case .messages: return try await deliveriesSection(key: key, context)
        default: throw SectionProblem("nothing to load for \(id.title)")
        }
    }

    static func rows(_ broadcasts: [Broadcast]) -> [ListRow] {
        broadcasts.map { broadcast in
            ListRow(
                key: .id(broadcast.id),
                cells: table.cells(broadcast),
                detail: [
                    DetailLine(key: "ID", value: String(broadcast.id)),
                    DetailLine(key: "Name", value: broadcast.name ?? "(unnamed)"),
                    DetailLine(key: "State", value: broadcast.state ?? "—"),
                    DetailLine(key: "Active", value: broadcast.active.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailLine(key: "Actions", value: String(broadcast.actions.count)),
                    DetailLine(key: "Tags", value: broadcast.tags.joined(separator: ", ")),
                    DetailLine(key: "Created by", value: broadcast.createdBy ?? ""),
                    DetailLine(key: "Created", value: TimeText.full(broadcast.created)),
                    DetailLine(key: "Updated", value: TimeText.full(broadcast.updated)),
                ],
                item: .broadcast(broadcast)
            )
        }
    }
}
