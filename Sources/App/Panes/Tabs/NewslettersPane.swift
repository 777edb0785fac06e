import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Newsletters: every newsletter with its metrics (v1) and when it was sent; one opens with its metrics, its
/// recipients' segments by name and its latest deliveries.
enum NewslettersPane: TypedColumns, ChartsMetrics, HasDeliveries, Exportable {
    static let kind = PaneKind.newsletters
    static let title = "Newsletters"

    // When it was sent outlives type and tags: it is what explains a window with nothing sent.
    static let table = Columns<Newsletter>([
        Column(TableColumn("ID", width: .fixed(6), alignment: .right)) { String($0.id) },
        Column(PaneColumn.name(weight: 4, comfortable: 14)) { $0.name ?? "(unnamed)" },
    ] + metricColumns() + [
        Column(TableColumn("Type", width: .fixed(8), dropPriority: 2)) { $0.type ?? "—" },
        Column(TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 3)) { $0.tags.joined(separator: ", ") },
        Column(TableColumn("Sent at", width: .fixed(16), dropPriority: 1)) { TimeText.short($0.sentAt) },
    ])

    static func metrics(id: Int, days: Int, _ context: PaneContext) async throws -> MetricsResult {
        try await context.service.newsletterMetrics(id: id, days: days, refresh: context.refresh)
    }

    static func deliverySource(id: Int) -> DeliverySource { .newsletter(id) }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.newsletters(refresh: context.refresh), segments: await Names.segments(context.service)))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        let newsletter = try await context.service.newsletter(id: numericID(key), refresh: context.refresh)
        return try only(rows([newsletter], segments: await Names.segments(context.service)), key: key)
    }

    static let sections: [SectionID] = [.metrics, .messages]

    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        switch id {
        case .metrics: return try await metricsSection(key: key, context)
        case .messages: return try await deliveriesSection(key: key, context)
        default: throw SectionProblem("nothing to load for \(id.title)")
        }
    }

    static func rows(_ newsletters: [Newsletter], segments: [Int: String] = [:]) -> [ListRow] {
        newsletters.map { newsletter in
            ListRow(
                key: .id(newsletter.id),
                cells: table.cells(newsletter),
                detail: [
                    DetailLine(key: "ID", value: String(newsletter.id)),
                    DetailLine(key: "Name", value: newsletter.name ?? "(unnamed)"),
                    DetailLine(key: "Type", value: newsletter.type ?? "—"),
                    DetailLine(key: "Tags", value: newsletter.tags.joined(separator: ", ")),
                    DetailLine(key: "Contents", value: String(newsletter.contentIDs.count)),
                    DetailLine(key: "Sent", value: TimeText.full(newsletter.sentAt)),
                    DetailLine(key: "Created", value: TimeText.full(newsletter.created)),
                    DetailLine(key: "Updated", value: TimeText.full(newsletter.updated)),
                ] + RowParts.segmentLinks("Recipients", newsletter.recipientSegmentIDs, segments),
                item: .newsletter(newsletter)
            )
        }
    }
}
