import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Segments: every segment with its size (loaded per row as it comes on screen); one opens with its membership and
/// what uses it, and its members page as the user scrolls (`m`). Manual segments are created, deleted and changed
/// from here.
enum SegmentsPane: TypedColumns, HasMembers, ManagesManualSegments, ManualSegmentMembership {
    static let kind = PaneKind.segments
    static let title = "Segments"

    /// The size loads per row as it comes on screen.
    static let table = Columns<Segment>([
        Column(TableColumn("ID", width: .fixed(6), alignment: .right)) { String($0.id) },
        Column(PaneColumn.name(weight: 4)) { $0.name ?? "(unnamed)" },
        Column(TableColumn("Type", width: .fixed(8))) { $0.type ?? "—" },
        Column(TableColumn("State", width: .fixed(9))) { $0.state ?? "—" },
        .later(TableColumn("Customers", width: .fixed(10), alignment: .right)),
        Column(TableColumn("Progress", width: .fixed(8), alignment: .right, dropPriority: 1)) { $0.progress.map { "\($0)%" } ?? "—" },
        Column(TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 2)) { $0.tags.joined(separator: ", ") },
    ])

    static func lazyValues(key: RowKey, _ context: PaneContext) async throws -> [CellState] {
        let count = try await context.service.segmentCustomerCount(id: numericID(key), refresh: context.refresh)
        return [.value(Format.grouped(count), number: Double(count))]
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.segments(refresh: context.refresh)))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        try only(rows([try await context.service.segment(id: numericID(key), refresh: context.refresh)]), key: key)
    }

    static func members(key: RowKey, start: String?, _ context: PaneContext) async throws -> PanePage {
        let page = try await context.service.segmentMembers(id: numericID(key), start: start, refresh: context.refresh)
        return PanePage(rows: CustomersPane.rows(page.identifiers), next: page.next)
    }

    static let sections: [SectionID] = [.membership, .usedBy]

    static func section(_ id: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        let segment = try numericID(key)
        switch id {
        case .membership:
            let count = try await context.service.segmentCustomerCount(id: segment, refresh: context.refresh)
            return [DetailLine(key: "Customers", value: Format.grouped(count)),
                    DetailLine(key: "Members", value: "the people in it, paged as you scroll (m)", link: .members(segment: key))]
        case .usedBy:
            return try await usage(of: segment, context)
        default:
            throw SectionProblem("nothing to load for \(id.title)")
        }
    }

    /// What uses a segment, by name, each a reference.
    private static func usage(of id: Int, _ context: PaneContext) async throws -> [DetailLine] {
        let usage = try await context.service.segmentUsage(id: id, refresh: context.refresh)
        // Names come from the lists (usually cached already); a list that fails leaves ids alone.
        let campaigns = Names.byID((try? await context.service.campaigns()) ?? [], id: \.id, name: \.name)
        let newsletters = Names.byID((try? await context.service.newsletters()) ?? [], id: \.id, name: \.name)
        var lines = usage.campaigns.map { campaign in
            DetailLine(key: "Campaign \(campaign)", value: campaigns[campaign] ?? "#\(campaign)", link: .detail(.campaigns, key: .id(campaign)))
        }
        for (label, ids) in [("Newsletter", usage.sentNewsletters), ("Draft newsletter", usage.draftNewsletters)] {
            lines += ids.map { newsletter in
                DetailLine(key: "\(label) \(newsletter)", value: newsletters[newsletter] ?? "#\(newsletter)", link: .detail(.newsletters, key: .id(newsletter)))
            }
        }
        return lines.isEmpty ? [DetailLine(key: "", value: "nothing uses this segment")] : lines
    }

    static func rows(_ segments: [Segment]) -> [ListRow] {
        segments.map { segment in
            let type = segment.type ?? "—"
            return ListRow(
                key: .id(segment.id),
                cells: table.cells(segment),
                copyValue: String(segment.id),
                detail: [
                    DetailLine(key: "ID", value: String(segment.id)),
                    DetailLine(key: "Name", value: segment.name ?? "(unnamed)"),
                    DetailLine(key: "Description", value: segment.description ?? ""),
                    DetailLine(key: "Type", value: type),
                    DetailLine(key: "State", value: segment.state ?? "—"),
                    DetailLine(key: "Progress", value: segment.progress.map { "\($0)%" } ?? "—"),
                    DetailLine(key: "Tags", value: segment.tags.joined(separator: ", ")),
                    DetailLine(key: "Created", value: TimeText.full(segment.createdAt)),
                    DetailLine(key: "Updated", value: TimeText.full(segment.updatedAt)),
                ],
                item: .segment(segment)
            )
        }
    }
}
