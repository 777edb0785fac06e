import Foundation
import Workspace

/// Names where a person reads: an item's title from the row the app holds, and id → name tables from the
/// workspace's lists, so references read "Welcome series (#1)" rather than a bare id.
enum Names {
    /// The column that names an item of `pane`: a message by its subject, a registered pane by its own choice,
    /// every other named list by column 1.
    static func titleColumn(_ pane: PaneKind) -> Int { pane.definition.titleColumn }

    /// What a row calls its item, or nil when that cell says nothing ("—").
    static func title(_ pane: PaneKind, _ row: ListRow?) -> String? {
        let column = titleColumn(pane)
        guard let row, row.cells.indices.contains(column) else { return nil }
        let text = row.cells[column].trimmingCharacters(in: .whitespaces)
        return text.isEmpty || text == "—" ? nil : text
    }

    /// The name of a campaign, segment, broadcast, newsletter or template the app has seen, or nil.
    static func item(_ pane: PaneKind, key: RowKey, _ state: AppState) -> String? {
        title(pane, state.lists[pane]?.loadedRows.first { $0.key == key } ?? state.details[.detail(pane, key: key)]?.row)
    }

    /// Segment names by id, from the segment list (cached; the first pane loads it): references read as names.
    static func segments(_ service: WorkspaceService) async -> [Int: String] {
        byID((try? await service.segments()) ?? [], id: \.id, name: \.name)
    }

    /// An id → name table from a list, leaving out the unnamed.
    static func byID<Item>(_ items: [Item], id: (Item) -> Int, name: (Item) -> String?) -> [Int: String] {
        Dictionary(items.compactMap { item in name(item).flatMap { $0.isEmpty ? nil : (id(item), $0) } }, uniquingKeysWith: { first, _ in first })
    }
}
