import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Exports: every export with its status (reloaded every 2 s while one is being built); `d` saves a finished one to a file.
enum ExportsPane: TypedColumns, FollowsProgress {
    static let kind = PaneKind.exports
    static let title = "Exports"

    static let table = Columns<Export>([
        Column(TableColumn("ID", width: .fixed(6), alignment: .right)) { String($0.id) },
        Column(TableColumn("Type", width: .fixed(10))) { $0.type ?? "—" },
        Column(TableColumn("Status", width: .fixed(8))) { $0.statusText },
        Column(TableColumn("Total", width: .fixed(9), alignment: .right)) { $0.total.map(String.init) ?? "—" },
        Column(TableColumn("Description", width: .flexible(min: 10, weight: 3), comfortable: 20)) { $0.description ?? "" },
        Column(TableColumn("Created", width: .fixed(16), dropPriority: 1)) { TimeText.short($0.createdAt) },
    ])

    /// An export still being built keeps the list reloading.
    static func isRunning(_ row: ListRow) -> Bool { row.item?.export?.isRunning == true }

    /// An export is named by its description.
    static let titleColumn = 4

    static var bindings: [Binding] {
        [
            Binding("exports.download", ["d"], "Download the export to a file you name (never overwrites)", name: "Download the export to a file you name", section: "Lists", panes: [kind], command: .downloadExport) { state in
                guard let export = state.selectedExport?.item?.export else { return "nothing selected" }
                return export.isDone ? nil : "the export is not done yet (\(export.statusText))"
            },
        ]
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(try await context.service.exports(refresh: context.refresh)))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        try only(rows([try await context.service.client.export(id: numericID(key))]), key: key)
    }

    /// The API marks a failed export with `failed: true` and gives no reason, so the detail says what is known and
    /// what to do rather than leave "failed" unexplained.
    static func failureLines(_ export: Export) -> [DetailLine] {
        guard export.failed == true else { return [] }
        return [DetailLine(key: "Why", value: "the API does not say why an export failed; start it again (it is read-only), or see Data & Integrations › Exports in Customer.io")]
    }

    static func rows(_ exports: [Export]) -> [ListRow] {
        exports.map { export in
            let status = export.statusText
            return ListRow(
                key: .id(export.id),
                cells: table.cells(export),
                detail: [
                    DetailLine(key: "ID", value: String(export.id)),
                    DetailLine(key: "Type", value: export.type ?? "—"),
                    DetailLine(key: "Status", value: status),
                ] + failureLines(export) + [
                    DetailLine(key: "Total", value: export.total.map(String.init) ?? "—"),
                    DetailLine(key: "Description", value: export.description ?? ""),
                    DetailLine(key: "Downloads", value: export.downloads.map(String.init) ?? "0"),
                    DetailLine(key: "Created by", value: export.userEmail ?? ""),
                    DetailLine(key: "Created", value: TimeText.full(export.createdAt)),
                    DetailLine(key: "Updated", value: TimeText.full(export.updatedAt)),
                ],
                item: .export(export)
            )
        }
    }
}
