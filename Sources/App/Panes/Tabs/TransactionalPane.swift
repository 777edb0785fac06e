import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Transactional: every transactional message (template) with its metrics (v1); one opens with its metrics and its
/// latest deliveries. `c` sends one, through the review.
enum TransactionalPane: TypedColumns, ChartsMetrics, HasDeliveries, Exportable {
    static let kind = PaneKind.transactional
    static let title = "Transactional"
    static let singular = "template"

    static let table = Columns<TransactionalTemplate>([
        Column(TableColumn("ID", width: .fixed(6), alignment: .right)) { String($0.id) },
        Column(PaneColumn.name(weight: 3)) { $0.name ?? "(unnamed)" },
    ] + metricColumns() + [
        Column(TableColumn("Description", width: .flexible(min: 10, weight: 3), dropPriority: 1, comfortable: 16)) { $0.description ?? "" },
        Column(TableColumn("Updated", width: .fixed(16), dropPriority: 2)) { TimeText.short($0.updatedAt) },
    ])

    static func metrics(id: Int, days: Int, _ context: PaneContext) async throws -> MetricsResult {
        try await context.service.transactionalMetrics(id: id, days: days, refresh: context.refresh)
    }

    static func deliverySource(id: Int) -> DeliverySource { .transactional(id) }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.transactionalTemplates(refresh: context.refresh)))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        try only(rows([try await context.service.transactionalTemplate(id: numericID(key), refresh: context.refresh)]), key: key)
    }

    static let sections: [SectionID] = [.metrics, .deliveries]

    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        switch id {
        case .metrics: return try await metricsSection(key: key, context)
        case .deliveries: return try await deliveriesSection(key: key, context)
        default: throw SectionProblem("nothing to load for \(id.title)")
        }
    }

    static func rows(_ templates: [TransactionalTemplate]) -> [ListRow] {
        templates.map { template in
            ListRow(
                key: .id(template.id),
                cells: table.cells(template),
                detail: [
                    DetailLine(key: "ID", value: String(template.id)),
                    DetailLine(key: "Name", value: template.name ?? "(unnamed)"),
                    DetailLine(key: "Description", value: template.description ?? ""),
                    DetailLine(key: "Send to unsubscribed", value: template.sendToUnsubscribed.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailLine(key: "Link tracking", value: template.linkTracking.map { $0 ? "on" : "off" } ?? "—"),
                    DetailLine(key: "Open tracking", value: template.openTracking.map { $0 ? "on" : "off" } ?? "—"),
                    DetailLine(key: "Created", value: TimeText.full(template.createdAt)),
                    DetailLine(key: "Updated", value: TimeText.full(template.updatedAt)),
                ],
                item: .template(template)
            )
        }
    }
}
