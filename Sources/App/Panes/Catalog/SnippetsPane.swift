import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Snippets: reusable content Liquid reads as `{{snippets.<name>}}` (`GET /v1/snippets`), read only; one opens with
/// its whole value, a line each.
enum SnippetsPane: TypedColumns {
    static let kind = PaneKind.snippets
    static let title = "Snippets"
    static let titleColumn = 0

    /// A value on several lines reads on one, its breaks shown as ⏎.
    static let table = Columns<Snippet>([
        Column(TableColumn("Name", width: .flexible(min: 12, weight: 2), comfortable: 20, maxWidth: 40)) { $0.name },
        Column(TableColumn("Value", width: .flexible(min: 12, weight: 5), comfortable: 30)) { ($0.value ?? "").replacingOccurrences(of: "\n", with: " ⏎ ") },
        Column(TableColumn("Updated", width: .fixed(16), dropPriority: 1)) { TimeText.short($0.updatedAt) },
    ])

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.snippets(refresh: context.refresh)), next: nil)
    }

    /// Snippets are named, not numbered, and have no call of their own: one is found in the (cached) list.
    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        guard let row = rows(try await context.service.snippets(refresh: context.refresh)).first(where: { $0.key == key }) else {
            throw SectionProblem("no snippet named \(key)")
        }
        return row
    }

    static func rows(_ snippets: [Snippet]) -> [ListRow] {
        snippets.map { snippet in
            let value = snippet.value ?? ""
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return ListRow(key: .name(snippet.name),
                           cells: table.cells(snippet),
                           copyValue: "{{snippets.\(snippet.name)}}",
                           detail: [
                               DetailLine(key: "Name", value: snippet.name), DetailLine(key: "In Liquid", value: "{{snippets.\(snippet.name)}}"),
                               DetailLine(key: "Updated", value: TimeText.full(snippet.updatedAt)),
                           ] + lines.enumerated().map { DetailLine(key: $0.offset == 0 ? "Value" : "", value: $0.element) }, item: .snippet(snippet))
        }
    }
}
