import CustomerIO
import Foundation
import TerminalUI
import Workspace

extension WriteJournal.Entry {
    /// When it was written, in Unix seconds (nil for an entry whose time cannot be read).
    var seconds: Int? { date.map { Int($0.timeIntervalSince1970) } }
}

/// The journal (`:journal`): every write this machine made, newest first, each with its outcome and the digest of
/// what was sent; a failed or unknown one opens with its error.
enum JournalPane: TypedColumns {
    static let kind = PaneKind.journal
    static let title = "Journal"
    static let singular = "write"

    // The endpoint second: an opened entry is named after it.
    static let table = Columns<WriteJournal.Entry>([
        // Local time like every other time in the app; the stored UTC instant stays in the detail.
        Column(TableColumn("Time", width: .fixed(16))) { TimeText.short($0.seconds) },
        Column(TableColumn("Endpoint", width: .flexible(min: 14, weight: 3), comfortable: 24)) { $0.endpoint },
        Column(TableColumn("Outcome", width: .fixed(8))) { $0.outcome.word },
        Column(TableColumn("Result", width: .flexible(min: 8, weight: 2))) { $0.resultID ?? "—" },
        Column(TableColumn("Profile", width: .fixed(12), dropPriority: 1)) { $0.profile },
        Column(TableColumn("Payload SHA-256", width: .fixed(14), dropPriority: 2)) { String($0.payloadDigest.prefix(12)) },
    ])

    static func emptyText(query: ListQuery?) -> String {
        "No writes yet: sends, triggers, segment changes and export starts made from this machine are listed here."
    }

    static func page(query: ListQuery?, start: String?, _ context: PaneContext) async throws -> PanePage {
        PanePage(rows: rows(context.journal?.attempts() ?? []))
    }

    static func item(key: RowKey, _ context: PaneContext) async throws -> ListRow {
        guard let row = rows(context.journal?.attempts() ?? []).first(where: { $0.key == key }) else { throw SectionProblem("no write \(key) in the journal") }
        return row
    }

    /// The journal, newest first; a row's detail holds the error of a failed or unknown write.
    static func rows(_ entries: [WriteJournal.Entry]) -> [ListRow] {
        entries.enumerated().reversed().map { index, entry in
            let seconds = entry.seconds
            return ListRow(
                key: .id(index),
                cells: table.cells(entry),
                copyValue: entry.resultID ?? entry.endpoint,
                detail: [
                    DetailLine(key: "Time", value: seconds == nil ? entry.time : "\(TimeText.full(seconds)) · \(entry.time)"),
                    DetailLine(key: "Profile", value: entry.profile),
                    DetailLine(key: "Endpoint", value: entry.endpoint),
                    DetailLine(key: "Outcome", value: entry.outcome.word),
                    DetailLine(key: "Result", value: entry.resultID ?? "—"),
                    DetailLine(key: "Detail", value: entry.detail ?? "—"),
                    DetailLine(key: "Payload SHA-256", value: entry.payloadDigest),
                ],
                item: .write(entry)
            )
        }
    }
}
