import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Campaigns: every campaign with its metrics over the window `w` picks; one opens with its metrics and journey
/// figures, its actions, its link clicks and its latest deliveries.
enum CampaignsPane: TypedColumns, ChartsMetrics, HasDeliveries, Exportable {
    static let kind = PaneKind.campaigns
    static let title = "Campaigns"

    // Metrics come right after the name, so a narrow terminal drops dates, tags and type first.
    static let table = Columns<Campaign>([
        Column(TableColumn("ID", width: .fixed(6), alignment: .right)) { String($0.id) },
        Column(PaneColumn.name(weight: 4)) { $0.name ?? "(unnamed)" },
    ] + metricColumns() + [
        Column(TableColumn("State", width: .fixed(9), dropPriority: 1)) { $0.state ?? "—" },
        Column(TableColumn("Type", width: .fixed(12), dropPriority: 2)) { $0.type ?? "—" },
        Column(TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 3)) { $0.tags.joined(separator: ", ") },
        Column(TableColumn("Updated", width: .fixed(16), dropPriority: 4)) { TimeText.short($0.updated) },
    ])

    /// Campaigns have metrics v2: daily over the whole window, in the user's zone (a workspace without v2 falls
    /// back to v1 and says its span).
    static func span(days: Int) -> MetricsSpan { .daily(days) }

    static func metrics(id: Int, days: Int, _ context: PaneContext) async throws -> MetricsResult {
        try await context.service.campaignMetrics(id: id, days: days, refresh: context.refresh)
    }

    static func deliverySource(id: Int) -> DeliverySource { .campaign(id) }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.campaigns(refresh: context.refresh), segments: await Names.segments(context.service)))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        let campaign = try await context.service.campaign(id: numericID(key), refresh: context.refresh)
        return try only(rows([campaign], segments: await Names.segments(context.service)), key: key)
    }

    static let sections: [SectionID] = [.metrics, .actions, .links, .messages]

    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        let campaign = try numericID(key)
        switch id {
        case .metrics: return try await CampaignSections.metrics(campaign: campaign, context)
        case .actions: return try await CampaignSections.actions(campaign: campaign, context)
        case .links: return try await CampaignSections.links(campaign: campaign, context)
        case .messages: return try await deliveriesSection(key: key, context)
        default: throw SectionProblem("nothing to load for \(id.title)")
        }
    }

    /// `segments` names the segments a campaign triggers on or filters by (id → name), where the app knows them.
    static func rows(_ campaigns: [Campaign], segments: [Int: String] = [:]) -> [ListRow] {
        campaigns.map { campaign in
            ListRow(
                key: .id(campaign.id),
                cells: table.cells(campaign),
                detail: [
                    DetailLine(key: "ID", value: String(campaign.id)),
                    DetailLine(key: "Name", value: campaign.name ?? "(unnamed)"),
                    DetailLine(key: "Type", value: campaign.type ?? "—"),
                    DetailLine(key: "State", value: campaign.state ?? "—"),
                    DetailLine(key: "Active", value: campaign.active.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailLine(key: "Trigger event", value: campaign.eventName ?? ""),
                    DetailLine(key: "Actions", value: String(campaign.actions.count)),
                    DetailLine(key: "Tags", value: campaign.tags.joined(separator: ", ")),
                    DetailLine(key: "Created by", value: campaign.createdBy ?? ""),
                    DetailLine(key: "Created", value: TimeText.full(campaign.created)),
                    DetailLine(key: "Updated", value: TimeText.full(campaign.updated)),
                ] + RowParts.segmentLinks("Trigger segment", campaign.triggerSegmentIDs, segments) + RowParts.segmentLinks("Filter segment", campaign.filterSegmentIDs, segments),
                item: .campaign(campaign)
            )
        }
    }
}
