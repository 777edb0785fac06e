import CustomerIO
import Foundation
import TerminalUI

/// Turns API models into list rows and detail fields. Runs off the main thread, when results arrive.
public enum RowBuilders {
    public static func segments(_ segments: [Segment]) -> [ListRow] {
        segments.map { segment in
            let type = segment.type ?? "—"
            return ListRow(
                key: String(segment.id),
                cells: [String(segment.id), segment.name ?? "(unnamed)", type, segment.state ?? "—", "…",
                        segment.progress.map { "\($0)%" } ?? "—", segment.tags.joined(separator: ", ")],
                copyValue: String(segment.id),
                detail: [
                    DetailRow(key: "ID", value: String(segment.id)),
                    DetailRow(key: "Name", value: segment.name ?? "(unnamed)"),
                    DetailRow(key: "Description", value: segment.description ?? ""),
                    DetailRow(key: "Type", value: type),
                    DetailRow(key: "State", value: segment.state ?? "—"),
                    DetailRow(key: "Progress", value: segment.progress.map { "\($0)%" } ?? "—"),
                    DetailRow(key: "Tags", value: segment.tags.joined(separator: ", ")),
                    DetailRow(key: "Created", value: TimeText.full(segment.createdAt)),
                    DetailRow(key: "Updated", value: TimeText.full(segment.updatedAt)),
                ]
            )
        }
    }

    public static func campaigns(_ campaigns: [Campaign]) -> [ListRow] {
        campaigns.map { campaign in
            ListRow(
                key: String(campaign.id),
                cells: [String(campaign.id), campaign.name ?? "(unnamed)", "…", "…", "…", "…", campaign.state ?? "—", campaign.type ?? "—",
                        campaign.tags.joined(separator: ", "), TimeText.short(campaign.updated)],
                detail: [
                    DetailRow(key: "ID", value: String(campaign.id)),
                    DetailRow(key: "Name", value: campaign.name ?? "(unnamed)"),
                    DetailRow(key: "Type", value: campaign.type ?? "—"),
                    DetailRow(key: "State", value: campaign.state ?? "—"),
                    DetailRow(key: "Active", value: campaign.active.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailRow(key: "Trigger event", value: campaign.eventName ?? ""),
                    DetailRow(key: "Trigger segments", value: campaign.triggerSegmentIDs.map(String.init).joined(separator: ", ")),
                    DetailRow(key: "Filter segments", value: campaign.filterSegmentIDs.map(String.init).joined(separator: ", ")),
                    DetailRow(key: "Actions", value: String(campaign.actions.count)),
                    DetailRow(key: "Tags", value: campaign.tags.joined(separator: ", ")),
                    DetailRow(key: "Created by", value: campaign.createdBy ?? ""),
                    DetailRow(key: "Created", value: TimeText.full(campaign.created)),
                    DetailRow(key: "Updated", value: TimeText.full(campaign.updated)),
                ]
            )
        }
    }

    public static func broadcasts(_ broadcasts: [Broadcast]) -> [ListRow] {
        broadcasts.map { broadcast in
            ListRow(
                key: String(broadcast.id),
                cells: [String(broadcast.id), broadcast.name ?? "(unnamed)", "…", "…", "…", "…", broadcast.state ?? "—",
                        broadcast.tags.joined(separator: ", "), TimeText.short(broadcast.updated)],
                detail: [
                    DetailRow(key: "ID", value: String(broadcast.id)),
                    DetailRow(key: "Name", value: broadcast.name ?? "(unnamed)"),
                    DetailRow(key: "State", value: broadcast.state ?? "—"),
                    DetailRow(key: "Active", value: broadcast.active.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailRow(key: "Actions", value: String(broadcast.actions.count)),
                    DetailRow(key: "Tags", value: broadcast.tags.joined(separator: ", ")),
                    DetailRow(key: "Created by", value: broadcast.createdBy ?? ""),
                    DetailRow(key: "Created", value: TimeText.full(broadcast.created)),
                    DetailRow(key: "Updated", value: TimeText.full(broadcast.updated)),
                ]
            )
        }
    }

    public static func messages(_ deliveries: [Delivery]) -> [ListRow] {
        deliveries.map { delivery in
            let origin = origin(of: delivery)
            let person = delivery.customerIdentifiers?.email ?? delivery.customerID ?? delivery.customerIdentifiers?.id ?? "—"
            return ListRow(
                key: delivery.id,
                cells: [TimeText.short(delivery.created), delivery.type ?? "—", delivery.latestMetric ?? "—",
                        delivery.recipient ?? person, delivery.subject ?? "", origin],
                detail: [
                    DetailRow(key: "ID", value: delivery.id),
                    DetailRow(key: "Type", value: delivery.type ?? "—"),
                    DetailRow(key: "State", value: delivery.latestMetric ?? "—"),
                    DetailRow(key: "Recipient", value: delivery.recipient ?? ""),
                    DetailRow(key: "Person", value: person),
                    DetailRow(key: "Subject", value: delivery.subject ?? ""),
                    DetailRow(key: "From", value: origin),
                    DetailRow(key: "Failure", value: delivery.failureMessage ?? ""),
                    DetailRow(key: "Created", value: TimeText.full(delivery.created)),
                ] + metricRows(delivery.metrics)
            )
        }
    }

    /// A delivery's metric timeline (created → sent → delivered → opened …), earliest first.
    static func metricRows(_ metrics: [String: Int]) -> [DetailRow] {
        metrics.sorted { $0.value < $1.value }.map { DetailRow(key: "  \($0.key)", value: TimeText.full($0.value)) }
    }

    /// Where a delivery came from: `campaign 12`, `broadcast 60`, `newsletter 101` or `transactional 3`.
    static func origin(of delivery: Delivery) -> String {
        if let id = delivery.campaignID { return "campaign \(id)" }
        if let id = delivery.broadcastID { return "broadcast \(id)" }
        if let id = delivery.newsletterID { return "newsletter \(id)" }
        if let id = delivery.messageTemplateID { return "transactional \(id)" }
        return "—"
    }

    public static func exports(_ exports: [Export]) -> [ListRow] {
        exports.map { export in
            let status = export.failed == true ? "failed" : (export.status ?? "—")
            return ListRow(
                key: String(export.id),
                cells: [String(export.id), export.type ?? "—", status, export.total.map(String.init) ?? "—",
                        export.description ?? "", TimeText.short(export.createdAt)],
                detail: [
                    DetailRow(key: "ID", value: String(export.id)),
                    DetailRow(key: "Type", value: export.type ?? "—"),
                    DetailRow(key: "Status", value: status),
                    DetailRow(key: "Total", value: export.total.map(String.init) ?? "—"),
                    DetailRow(key: "Description", value: export.description ?? ""),
                    DetailRow(key: "Downloads", value: export.downloads.map(String.init) ?? "0"),
                    DetailRow(key: "Created by", value: export.userEmail ?? ""),
                    DetailRow(key: "Created", value: TimeText.full(export.createdAt)),
                    DetailRow(key: "Updated", value: TimeText.full(export.updatedAt)),
                ]
            )
        }
    }

    public static func transactional(_ templates: [TransactionalTemplate]) -> [ListRow] {
        templates.map { template in
            ListRow(
                key: String(template.id),
                cells: [String(template.id), template.name ?? "(unnamed)", "…", "…", "…", "…", template.description ?? "", TimeText.short(template.updatedAt)],
                detail: [
                    DetailRow(key: "ID", value: String(template.id)),
                    DetailRow(key: "Name", value: template.name ?? "(unnamed)"),
                    DetailRow(key: "Description", value: template.description ?? ""),
                    DetailRow(key: "Send to unsubscribed", value: template.sendToUnsubscribed.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailRow(key: "Link tracking", value: template.linkTracking.map { $0 ? "on" : "off" } ?? "—"),
                    DetailRow(key: "Open tracking", value: template.openTracking.map { $0 ? "on" : "off" } ?? "—"),
                    DetailRow(key: "Created", value: TimeText.full(template.createdAt)),
                    DetailRow(key: "Updated", value: TimeText.full(template.updatedAt)),
                ]
            )
        }
    }

    public static func customers(_ people: [CustomerIdentifiers]) -> [ListRow] {
        people.enumerated().map { index, person in
            let key = person.cioID ?? person.id ?? person.email ?? String(index)
            return ListRow(
                key: key,
                cells: [person.id ?? "—", person.email ?? "—", person.cioID ?? "—"],
                copyValue: person.email ?? key,
                detail: [
                    DetailRow(key: "ID", value: person.id ?? "—"),
                    DetailRow(key: "Email", value: person.email ?? "—"),
                    DetailRow(key: "cio_id", value: person.cioID ?? "—"),
                ]
            )
        }
    }
}

/// Unix timestamps as local time.
enum TimeText {

    /// `2026-11-20 14:03`, or `—` when missing.
    static func short(_ timestamp: Int?) -> String {
        guard let timestamp, timestamp > 0 else { return "—" }
        let date = Date(timeIntervalSince1970: TimeInterval(timestamp))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `2026-11-20 14:03 (3d ago)`.
    static func full(_ timestamp: Int?, now: Date = Date()) -> String {
        guard let timestamp, timestamp > 0 else { return "—" }
        let seconds = Int(now.timeIntervalSince1970) - timestamp
        let ago: String = switch abs(seconds) {
        case ..<60: "just now"
        case ..<3600: "\(abs(seconds) / 60)m"
        case ..<86_400: "\(abs(seconds) / 3600)h"
        default: "\(abs(seconds) / 86_400)d"
        }
        let relative = ago == "just now" ? ago : (seconds >= 0 ? "\(ago) ago" : "in \(ago)")
        return "\(short(timestamp)) (\(relative))"
    }
}
