import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Segments: every segment with its size (loaded per row as it comes on screen); one opens with its membership and
/// what uses it, and its members page as the user scrolls (`m`). Manual segments are created, deleted and changed
/// from here.
enum SegmentsPane: PaneDefinition, HasMembers, ManagesManualSegments, ManualSegmentMembership {
    static let kind = PaneKind.segments
    static let title = "Segments"

    static let columns = [
        TableColumn("ID", width: .fixed(6), alignment: .right), PaneColumn.name(weight: 4),
        TableColumn("Type", width: .fixed(8)), TableColumn("State", width: .fixed(9)),
        TableColumn("Customers", width: .fixed(10), alignment: .right), TableColumn("Progress", width: .fixed(8), alignment: .right, dropPriority: 1),
        TableColumn("Tags", width: .flexible(min: 6, weight: 2), dropPriority: 2),
    ]

    static let lazyColumns = [4]

    static func lazyValues(key: String, _ context: PaneContext) async throws -> [LazyValue] {
        let count = try await context.service.segmentCustomerCount(id: numericID(key), refresh: context.refresh)
        return [LazyValue(text: Format.grouped(count), number: Double(count))]
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.segments(refresh: context.refresh)))
    }

    static func item(key: String, _ context: PaneContext) async throws -> ListRow {
        try only(rows([try await context.service.segment(id: numericID(key), refresh: context.refresh)]), key: key)
    }

    static func members(key: String, start: String?, _ context: PaneContext) async throws -> PanePage {
        let page = try await context.service.segmentMembers(id: numericID(key), start: start, refresh: context.refresh)
        return PanePage(rows: CustomersPane.rows(page.identifiers), next: page.next)
    }

    static let sections: [SectionID] = [.membership, .usedBy]

    static func section(_ id: SectionID, key: String, _ context: PaneContext) async throws -> [DetailLine] {
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
            DetailLine(key: "Campaign \(campaign)", value: campaigns[campaign] ?? "#\(campaign)", link: .detail(.campaigns, key: String(campaign)))
        }
        for (label, ids) in [("Newsletter", usage.sentNewsletters), ("Draft newsletter", usage.draftNewsletters)] {
            lines += ids.map { newsletter in
                DetailLine(key: "\(label) \(newsletter)", value: newsletters[newsletter] ?? "#\(newsletter)", link: .detail(.newsletters, key: String(newsletter)))
            }
        }
        return lines.isEmpty ? [DetailLine(key: "", value: "nothing uses this segment")] : lines
    }

    static func rows(_ segments: [Segment]) -> [ListRow] {
        segments.map { segment in
            let type = segment.type ?? "—"
            return ListRow(
                key: String(segment.id),
                cells: [String(segment.id), segment.name ?? "(unnamed)", type, segment.state ?? "—", "…",
                        segment.progress.map { "\($0)%" } ?? "—", segment.tags.joined(separator: ", ")],
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
