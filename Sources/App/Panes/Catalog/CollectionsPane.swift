import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Collections: the data sets Liquid reads as `{{collection.<name>}}` (`GET /v1/collections`), read only; one opens
/// with its schema and the first rows of its content.
enum CollectionsPane: TypedColumns {
    static let kind = PaneKind.collections
    static let title = "Collections"
    /// How many lines of content an opened collection shows: enough to see its shape, never a huge file.
    static let contentLines = 200

    static let table = Columns<DataCollection>([
        Column(TableColumn("ID", width: .fixed(6), alignment: .right)) { String($0.id) },
        Column(TableColumn("Name", width: .flexible(min: 12, weight: 3), comfortable: 20, maxWidth: 48)) { $0.name ?? "—" },
        Column(TableColumn("Rows", width: .fixed(8), alignment: .right)) { $0.rows.map(Format.grouped) ?? "—" },
        Column(TableColumn("Size", width: .fixed(9), alignment: .right)) { size($0) },
        Column(TableColumn("Schema", width: .flexible(min: 8, weight: 3), dropPriority: 2)) { $0.schema.joined(separator: ", ") },
        Column(TableColumn("Updated", width: .fixed(16), dropPriority: 1)) { TimeText.short($0.updatedAt) },
    ])

    /// Its size in bytes, as people read sizes ("12 KB").
    static func size(_ collection: DataCollection) -> String {
        collection.bytes.map { ByteCountFormatter.string(fromByteCount: Int64($0), countStyle: .file) } ?? "—"
    }

    static let sections: [SectionID] = [.content]

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.collections(refresh: context.refresh)), next: nil)
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        let id = try numericID(key)
        return rows([try await context.service.client.collection(id: id)])[0]
    }

    static func rows(_ collections: [DataCollection]) -> [ListRow] {
        collections.map { collection in
            let size = size(collection)
            let schema = collection.schema.joined(separator: ", ")
            let liquid = collection.name.flatMap(liquidName)
            return ListRow(key: .id(collection.id),
                           cells: table.cells(collection),
                           copyValue: liquid ?? collection.name ?? String(collection.id),
                           detail: [
                               DetailLine(key: "ID", value: String(collection.id)), DetailLine(key: "Name", value: collection.name ?? "—"),
                               DetailLine(key: "In Liquid", value: liquid ?? "—"),
                               DetailLine(key: "Rows", value: collection.rows.map(Format.grouped) ?? "—"), DetailLine(key: "Size", value: size),
                               DetailLine(key: "Schema", value: schema), DetailLine(key: "Created", value: TimeText.full(collection.createdAt)),
                               DetailLine(key: "Updated", value: TimeText.full(collection.updatedAt)),
                           ], item: .collection(collection))
        }
    }

    /// `{{collection.name}}` for a name Liquid can read with a dot; nil for one it cannot (spaces, punctuation),
    /// rather than show a reference that would not work.
    static func liquidName(_ name: String) -> String? {
        let plain = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        return plain ? "{{collection.\(name)}}" : nil
    }

    /// The content pretty-printed, a line each, up to `contentLines` and said so when cut.
    static func section(_ section: SectionID, key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        guard section == .content, let id = key.id else { throw SectionProblem("nothing to load for \(section.title)") }
        let value = try await context.service.collectionContent(id: id, refresh: context.refresh)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = (try? String(decoding: encoder.encode(value), as: UTF8.self)) ?? value.displayText
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var shown = lines.prefix(contentLines).map { DetailLine(key: "", value: $0) }
        if lines.count > contentLines { shown.append(DetailLine(key: "", value: "… \(lines.count - contentLines) more lines (cio get collections \(id) --content shows all)")) }
        return shown
    }
}
