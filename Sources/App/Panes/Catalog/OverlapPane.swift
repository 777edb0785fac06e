import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension AppState {
    /// The segments the Overlap pane compares.
    public var overlapQuery: OverlapQuery {
        get { if case .overlap(let query)? = queries[.overlap] { query } else { OverlapQuery() } }
        set { queries[.overlap] = .overlap(newValue) }
    }
}

/// Two or three segments to compare, by id, with their names for the regions' labels.
public struct OverlapQuery: Sendable, Hashable {
    public var segments: [Int] = []
    public var names: [String] = []

    public init(segments: [Int] = [], names: [String] = []) {
        self.segments = segments
        self.names = names
    }

    /// The store's cache key (never read back); "" while none are chosen.
    var key: String { segments.map(String.init).joined(separator: ",") }
    var summary: String { names.joined(separator: " · ") }
}

/// One region of an overlap: the people in exactly these segments and none of the others.
public struct OverlapRegion: Sendable, Hashable {
    public var label: String
    public var count: Int
    /// Whether a segment was read only in part, so the count is a lower bound.
    public var atLeast: Bool
    public var share: Double
    /// The first people of the region, to open.
    public var people: [CustomerIdentifiers]
}

/// Overlap (`o` on Segments with two or three marked): the size of every intersection of the marked segments, from
/// their memberships (the first 20,000 of each, said when a segment has more), each region opening its people.
enum OverlapPane: TypedColumns {
    static let kind = PaneKind.overlap
    static let title = "Overlap"
    static let singular = "region"
    static let titleColumn = 0
    static let needsQuery = true
    /// Members read per segment; above it the counts are lower bounds, and say so.
    static let cap = 20_000

    static let table = Columns<OverlapRegion>([
        Column(TableColumn("Region", width: .flexible(min: 16, weight: 4), comfortable: 30, maxWidth: 72)) { $0.label },
        Column(TableColumn("People", width: .fixed(10), alignment: .right)) { ($0.atLeast ? "≥" : "") + Format.grouped($0.count) },
        Column(TableColumn("Share", width: .fixed(7), alignment: .right)) { String(format: "%.1f%%", $0.share * 100) },
    ])

    static func query(_ state: AppState) -> ListQuery? { .overlap(state.overlapQuery) }
    static func summary(query: ListQuery?) -> String? { asked(query).segments.isEmpty ? nil : asked(query).summary }

    static func asked(_ query: ListQuery?) -> OverlapQuery {
        if case .overlap(let asked)? = query { asked } else { OverlapQuery() }
    }

    static func emptyText(query: ListQuery?) -> String {
        asked(query).segments.isEmpty ? "On Segments, mark two or three (space), then press o." : "None of these segments has anyone in it."
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        let asked = asked(query)
        var masks: [PersonKey: Int] = [:]
        var people: [PersonKey: CustomerIdentifiers] = [:]
        var partial = false
        for (bit, segment) in asked.segments.enumerated() {
            let name = asked.names.indices.contains(bit) ? asked.names[bit] : "#\(segment)"
            let read = try await members(segment, name: name, context)
            partial = partial || read.partial
            for person in read.people {
                guard let key = PersonKey(person) else { continue }
                masks[key, default: 0] |= 1 << bit
                people[key] = person
            }
        }
        let regions = self.regions(masks: masks, people: people, names: asked.names, partial: partial)
        return PanePage(rows: rows(regions))
    }

    /// A segment's members, 1,000 a request, up to `cap`.
    private static func members(_ segment: Int, name: String, _ context: PaneContext) async throws -> (people: [CustomerIdentifiers], partial: Bool) {
        var found: [CustomerIdentifiers] = []
        var start: String?
        repeat {
            let page = try await context.service.segmentMembers(id: segment, start: start, pageSize: 1_000, refresh: context.refresh)
            found += page.identifiers
            start = page.next
            context.progress("Overlap: \(name), \(Format.grouped(found.count)) members read" + (start == nil ? "" : "…"))
        } while start != nil && found.count < cap
        return (found, start != nil)
    }

    /// Every region, largest first: the people in exactly the segments of its mask.
    static func regions(masks: [PersonKey: Int], people: [PersonKey: CustomerIdentifiers], names: [String], partial: Bool) -> [OverlapRegion] {
        let union = max(1, masks.count)
        var byMask: [Int: [PersonKey]] = [:]
        for (key, mask) in masks { byMask[mask, default: []].append(key) }
        // Every region, an empty one too: that two segments share nobody is an answer.
        return (1..<(1 << names.count)).map { mask in
            let keys = byMask[mask] ?? []
            let inside = names.indices.filter { mask & (1 << $0) != 0 }.map { names[$0] }
            let outside = names.indices.filter { mask & (1 << $0) == 0 }.map { names[$0] }
            let label = inside.count == 1 && !outside.isEmpty ? "\(inside[0]) only"
                : inside.joined(separator: " ∩ ") + (outside.isEmpty ? "" : ", not \(outside.joined(separator: " or "))")
            return OverlapRegion(label: label, count: keys.count, atLeast: partial, share: Double(keys.count) / Double(union),
                                 people: keys.sorted().prefix(200).compactMap { people[$0] })
        }.sorted { ($0.count, $0.label) > ($1.count, $1.label) }
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        throw SectionProblem("a region opens from its overlap (o on Segments)")
    }

    static func rows(_ regions: [OverlapRegion]) -> [ListRow] {
        regions.map { region in
            var detail = [DetailLine(key: "Region", value: region.label),
                          DetailLine(key: "People", value: (region.atLeast ? "at least " : "") + Format.grouped(region.count))]
            if region.atLeast { detail.append(DetailLine(key: "", value: "a segment has more than \(Format.grouped(cap)) members: the first \(Format.grouped(cap)) were read")) }
            detail.append(.heading(region.count > region.people.count ? "The first \(region.people.count)" : "Everyone in it"))
            detail += region.people.map { person in
                DetailLine(key: person.email ?? person.id ?? "—", value: person.id.map { "id \($0)" } ?? "", link: RowKey.person(of: person).map { .detail(.customers, key: $0) })
            }
            return ListRow(key: .name(region.label), cells: table.cells(region), detail: detail, item: .region(region))
        }
    }

    static var bindings: [Binding] {
        [
            Binding("overlap.open", ["o"], "Overlap of the marked segments: every intersection's size and people", name: "Overlap of the marked segments", section: "Lists", panes: [.segments],
                    command: command(.open)) { state in
                (2...3).contains(state.lists[.segments]?.marked.count ?? 0) ? nil : "mark two or three segments first (space)"
            },
        ]
    }

    /// Space on Segments marks one; `o` opens the overlap of the marked ones.
    enum OwnCommand: PaneCommandCase {
        case mark, open
    }

    static func run(_ command: OwnCommand, _ state: inout AppState) -> [Effect] {
        switch command {
        case .mark:
            guard case .list(.segments) = state.route, let row = state.currentList.selectedRow else { return [] }
            var marked = state.lists[.segments]?.marked ?? []
            if let index = marked.firstIndex(of: row.key) {
                marked.remove(at: index)
            } else if marked.count < 3 {
                marked.append(row.key)
            } else {
                state.flash = Flash.make(.warn, "At most three segments: space on a marked one unmarks it", now: state.now)
                return []
            }
            state.lists[.segments]?.marked = marked
            state.flash = Flash.make(.info, "\(marked.count) marked" + (marked.count >= 2 ? ": o shows their overlap" : ""), now: state.now)
            return []
        case .open:
            let marked = state.lists[.segments]?.marked ?? []
            let segments = marked.compactMap { key in SegmentWrites.knownSegment(key, state) }
            guard (2...3).contains(segments.count) else { return [] }
            state.overlapQuery = OverlapQuery(segments: segments.map(\.id), names: segments.map { $0.name ?? "#\($0.id)" })
            state.navigation.push(.list(kind))
            return freshList(.overlap(state.overlapQuery), &state)
        }
    }
}
