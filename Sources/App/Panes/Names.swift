import Foundation
import Workspace

/// Names where a person reads: an item's title from the row the app holds, and id → name tables from the
/// workspace's lists, so references read "Welcome series (#1)" rather than a bare id.
enum Names {
    /// The column that names an item of `pane`: a message by its subject, a registered pane by its own choice,
    /// every other named list by column 1.
    static func titleColumn(_ pane: PaneKind) -> Int { pane.definition.titleColumn }

    /// What a row calls its item: its typed name, or for an item named only by a cell that loads later (an
    /// object's name) that cell's value; nil when it has none.
    static func title(_ pane: PaneKind, _ row: ListRow?) -> String? {
        guard let row else { return nil }
        if let name = row.item?.name { return name }
        let column = titleColumn(pane)
        guard pane.definition.lazyColumns.contains(column), case .value(let text, _) = row.cellState(column) else { return nil }
        return text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : text
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

extension RowItem {
    /// What a person calls the item, from the item itself (what its pane's title column shows); nil when it has no
    /// name, or when its name loads after its row (an object's).
    var name: String? {
        let name: String? = switch self {
        case .segment(let segment): segment.name
        case .person(let person): person.email
        case .export(let export): export.description
        case .campaign(let campaign): campaign.name
        case .broadcast(let broadcast): broadcast.name
        case .newsletter(let newsletter): newsletter.name
        case .template(let template): template.name
        case .delivery(let delivery): delivery.subject
        case .activity(let activity): activity.type
        case .sender(let sender): sender.name
        case .collection(let collection): collection.name
        case .snippet(let snippet): snippet.name
        case .write(let entry): entry.endpoint
        case .suppression(_, let entry): entry.email
        case .timeline(let entry): entry.title
        case .object: nil
        case .region(let region): region.label
        }
        guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return name
    }
}
