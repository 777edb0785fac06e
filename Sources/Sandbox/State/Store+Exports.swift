/// Exports: created pending, done after `exportSeconds` (or `exportListings` listings), and rendered to CSV when the file is fetched.
extension SandboxWorkspace {
    /// What an export of `selection` holds now: its count, and for people, who they are.
    func snapshot(_ selection: ExportSelection) -> (total: Int, members: [Int32]) {
        switch selection {
        case .customers(let filter):
            let members = evaluate(filter).rows
            return (members.count, members)
        case .deliveries(let selector): return (countDeliveries(where: selector.matches), [])
        }
    }

    func createExport(type: String, description: String, selection: ExportSelection) -> ExportRecord {
        let (total, members) = snapshot(selection)
        let createdAt = clock.unixNow()
        let readyAt = clock.now() + exportSeconds
        return state.withLock { state in
            var export = ExportRecord(
                id: state.nextExportID, type: type, description: description, createdAt: createdAt, readyAt: readyAt,
                failed: false, selection: selection, total: total, downloads: 0
            )
            export.members = members
            state.nextExportID += 1
            state.exports.append(export)
            return export
        }
    }

    /// Every export; each listing counts towards `exportListings`.
    func exports() -> [ExportRecord] {
        state.withLock { state in
            for index in state.exports.indices { state.exports[index].listings += 1 }
            return state.exports
        }
    }

    func export(_ id: Int) -> ExportRecord? { state.withLock { state in state.exports.first { $0.id == id } } }

    /// Where an export is, as of now.
    func status(of export: ExportRecord) -> ExportStatus {
        if export.failed { return .failed }
        let ready = exportListings.map { export.listings >= $0 } ?? (clock.now() >= export.readyAt)
        return ready ? .done : .pending
    }

    func countDownload(_ id: Int) {
        state.withLock { state in
            if let index = state.exports.firstIndex(where: { $0.id == id }) { state.exports[index].downloads += 1 }
        }
    }

    /// The columns a customers export starts with, in this order; the rest of the attributes follow by name.
    static let leadingExportFields = ["id", "email", "cio_id", "first_name", "last_name", "plan", "country", "city", "company",
                                      "created_at", "last_seen", "lifetime_value", "phone", "language", "unsubscribed"]

    /// The export file: CSV with a header row.
    func exportFile(_ export: ExportRecord) -> [UInt8] {
        var out: [UInt8] = []
        func row(_ fields: [String]) {
            for (index, field) in fields.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                    out.append(UInt8(ascii: "\""))
                    out += Array(field.replacingOccurrences(of: "\"", with: "\"\"").utf8)
                    out.append(UInt8(ascii: "\""))
                } else {
                    out += Array(field.utf8)
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        switch export.selection {
        case .customers:
            // Every attribute any of them has (edits through the Track API included), the usual ones first.
            let people = directory()
            let values = export.members.map { member in Dictionary(people.attributes(Int(member)), uniquingKeysWith: { _, last in last }) }
            let known = Set(values.flatMap(\.keys)).subtracting(Self.leadingExportFields)
            let fields = Self.leadingExportFields + known.sorted()
            row(fields)
            for (member, attributes) in zip(export.members, values) {
                row(fields.map { field in
                    field == "unsubscribed" ? (people.isUnsubscribed(Int(member)) ? "true" : "false") : attributes[field] ?? ""
                })
            }
        case .deliveries(let selector):
            let metrics: [DeliveryMetric] = [.created, .sent, .delivered, .opened, .clicked, .converted, .bounced, .failed]
            row(["delivery_id", "customer_id", "email", "cio_id", "type", "campaign_id", "action_id", "newsletter_id",
                 "broadcast_id", "transactional_message_id", "subject", "recipient"] + metrics.map(\.key) + ["failure_message"])
            let people = directory()
            for delivery in allDeliveries(where: selector.matches).prefix(export.total) {
                let person = Int(delivery.customer)
                func text(_ number: Int?) -> String { number.map(String.init) ?? "" }
                row([delivery.id, people.id(person) ?? "", people.email(person) ?? "", people.cioID(person), delivery.type,
                     text(delivery.campaignID), text(delivery.actionID), text(delivery.newsletterID), text(delivery.broadcastID),
                     text(delivery.transactionalID), delivery.subject, delivery.recipient]
                    + metrics.map { text(delivery.reached($0)) } + [delivery.failureMessage ?? ""])
            }
        }
        return out
    }
}

import Foundation

/// Where an export is: still being built, ready to download, or failed (the wire's `status` word).
enum ExportStatus: String, Sendable {
    case pending, done, failed
}
