import CustomerIO
import Foundation
import TerminalUI
import Workspace

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

    /// `segments` names the segments a campaign triggers on or filters by (id → name), where the app knows them.
    public static func campaigns(_ campaigns: [Campaign], segments: [Int: String] = [:]) -> [ListRow] {
        campaigns.map { campaign in
            ListRow(
                key: String(campaign.id),
                cells: [String(campaign.id), campaign.name ?? "(unnamed)", "…", "…", "…", "…", campaign.state ?? "—", campaign.type ?? "—",
                        campaign.tags.joined(separator: ", "), TimeText.short(campaign.updated)],
                detail: [
                    DetailLine(key: "ID", value: String(campaign.id)),
                    DetailLine(key: "Name", value: campaign.name ?? "(unnamed)"),
                    DetailLine(key: "Type", value: campaign.type ?? "—"),
                    DetailLine(key: "State", value: campaign.state ?? "—"),
                    DetailLine(key: "Active", value: campaign.active.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailLine(key: "Trigger event", value: campaign.eventName ?? ""),
                    DetailLine(key: "Actions", value: String(campaign.actions.count)),
                    DetailLine(key: "Tags", value: campaign.tags.joined(separator: ", ")),
                    DetailLine(key: "Created by", value: campaign.createdBy ?? ""),
                    DetailLine(key: "Created", value: TimeText.full(campaign.created)),
                    DetailLine(key: "Updated", value: TimeText.full(campaign.updated)),
                ] + segmentLinks("Trigger segment", campaign.triggerSegmentIDs, segments) + segmentLinks("Filter segment", campaign.filterSegmentIDs, segments)
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
                    DetailLine(key: "ID", value: String(broadcast.id)),
                    DetailLine(key: "Name", value: broadcast.name ?? "(unnamed)"),
                    DetailLine(key: "State", value: broadcast.state ?? "—"),
                    DetailLine(key: "Active", value: broadcast.active.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailLine(key: "Actions", value: String(broadcast.actions.count)),
                    DetailLine(key: "Tags", value: broadcast.tags.joined(separator: ", ")),
                    DetailLine(key: "Created by", value: broadcast.createdBy ?? ""),
                    DetailLine(key: "Created", value: TimeText.full(broadcast.created)),
                    DetailLine(key: "Updated", value: TimeText.full(broadcast.updated)),
                ]
            )
        }
    }

    static func messages(_ deliveries: [Delivery], source: DeliverySource? = nil, names: OriginNames = OriginNames()) -> [ListRow] {
        deliveries.map { delivery in
            let (origin, originRoute) = names.origin(of: delivery, source: source)
            let person = delivery.customerIdentifiers?.email ?? delivery.customerID ?? delivery.customerIdentifiers?.id ?? "—"
            return ListRow(
                key: delivery.id,
                cells: [TimeText.short(delivery.created), delivery.type ?? "—", delivery.latestMetric ?? "—",
                        delivery.recipient ?? person, delivery.subject ?? "", origin],
                detail: [
                    DetailLine(key: "ID", value: delivery.id),
                    DetailLine(key: "Type", value: delivery.type ?? "—"),
                    DetailLine(key: "State", value: delivery.latestMetric ?? "—"),
                    DetailLine(key: "Recipient", value: delivery.recipient ?? ""),
                    DetailLine(key: "Person", value: person, link: delivery.customerIdentifiers.flatMap(PersonKey.make).map { .detail(.customers, key: $0) }
                        ?? delivery.customerID.map { .detail(.customers, key: "id:\($0)") }),
                    DetailLine(key: "Subject", value: delivery.subject ?? ""),
                    DetailLine(key: "From", value: origin, link: originRoute),
                    DetailLine(key: "Failure", value: delivery.failureMessage ?? ""),
                    DetailLine(key: "Created", value: TimeText.full(delivery.created)),
                ] + metricRows(delivery.metrics)
            )
        }
    }

    /// One reference line per segment, by name where known ("VIP customers (#8)"), each segment once.
    static func segmentLinks(_ label: String, _ ids: [Int], _ names: [Int: String] = [:]) -> [DetailLine] {
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }.map { id in
            DetailLine(key: label, value: names[id].map { "\($0) (#\(id))" } ?? "segment #\(id)", link: .detail(.segments, key: String(id)))
        }
    }

    /// A delivery's metric timeline (created → sent → delivered → opened …), earliest first.
    static func metricRows(_ metrics: [String: Int]) -> [DetailLine] {
        metrics.sorted { $0.value < $1.value }.map { DetailLine(key: "  \($0.key)", value: TimeText.full($0.value)) }
    }

    public static func newsletters(_ newsletters: [Newsletter], segments: [Int: String] = [:]) -> [ListRow] {
        newsletters.map { newsletter in
            ListRow(
                key: String(newsletter.id),
                cells: [String(newsletter.id), newsletter.name ?? "(unnamed)", "…", "…", "…", "…", newsletter.type ?? "—",
                        newsletter.tags.joined(separator: ", "), TimeText.short(newsletter.sentAt)],
                detail: [
                    DetailLine(key: "ID", value: String(newsletter.id)),
                    DetailLine(key: "Name", value: newsletter.name ?? "(unnamed)"),
                    DetailLine(key: "Type", value: newsletter.type ?? "—"),
                    DetailLine(key: "Tags", value: newsletter.tags.joined(separator: ", ")),
                    DetailLine(key: "Contents", value: String(newsletter.contentIDs.count)),
                    DetailLine(key: "Sent", value: TimeText.full(newsletter.sentAt)),
                    DetailLine(key: "Created", value: TimeText.full(newsletter.created)),
                    DetailLine(key: "Updated", value: TimeText.full(newsletter.updated)),
                ] + segmentLinks("Recipients", newsletter.recipientSegmentIDs, segments)
            )
        }
    }

    public static func exports(_ exports: [Export]) -> [ListRow] {
        exports.map { export in
            let status = export.statusText
            return ListRow(
                key: String(export.id),
                cells: [String(export.id), export.type ?? "—", status, export.total.map(String.init) ?? "—",
                        export.description ?? "", TimeText.short(export.createdAt)],
                detail: [
                    DetailLine(key: "ID", value: String(export.id)),
                    DetailLine(key: "Type", value: export.type ?? "—"),
                    DetailLine(key: "Status", value: status),
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

    public static func transactional(_ templates: [TransactionalTemplate]) -> [ListRow] {
        templates.map { template in
            ListRow(
                key: String(template.id),
                cells: [String(template.id), template.name ?? "(unnamed)", "…", "…", "…", "…", template.description ?? "", TimeText.short(template.updatedAt)],
                detail: [
                    DetailLine(key: "ID", value: String(template.id)),
                    DetailLine(key: "Name", value: template.name ?? "(unnamed)"),
                    DetailLine(key: "Description", value: template.description ?? ""),
                    DetailLine(key: "Send to unsubscribed", value: template.sendToUnsubscribed.map { $0 ? "yes" : "no" } ?? "—"),
                    DetailLine(key: "Link tracking", value: template.linkTracking.map { $0 ? "on" : "off" } ?? "—"),
                    DetailLine(key: "Open tracking", value: template.openTracking.map { $0 ? "on" : "off" } ?? "—"),
                    DetailLine(key: "Created", value: TimeText.full(template.createdAt)),
                    DetailLine(key: "Updated", value: TimeText.full(template.updatedAt)),
                ]
            )
        }
    }

    public static func customers(_ people: [CustomerIdentifiers]) -> [ListRow] {
        people.enumerated().map { index, person in
            let key = PersonKey.make(person) ?? "row:\(index)"
            // Name, created and subscription arrive in bulk for the rows on screen; a row without an id cannot
            // be asked for, so it says so at once.
            let pending = person.id == nil ? "—" : "…"
            return ListRow(
                key: key,
                cells: [person.id ?? "—", person.email ?? "—", person.cioID ?? "—", pending, pending, pending],
                // No detail lines: the profile shows the cells under the column titles.
                copyValue: person.email ?? person.id ?? key,
                item: .person(person)
            )
        }
    }
}

extension RowBuilders {
    /// The journal, newest first; a row's detail holds the error of a failed or unknown write.
    public static func journal(_ entries: [WriteJournal.Entry]) -> [ListRow] {
        entries.enumerated().reversed().map { index, entry in
            // Local time like every other time in the app; the stored UTC instant stays in the detail.
            let seconds = entry.date.map { Int($0.timeIntervalSince1970) }
            return ListRow(
                key: String(index),
                cells: [TimeText.short(seconds), entry.endpoint, entry.outcome, entry.resultID ?? "—", entry.profile, String(entry.payloadDigest.prefix(12))],
                copyValue: entry.resultID ?? entry.endpoint,
                detail: [
                    DetailLine(key: "Time", value: seconds == nil ? entry.time : "\(TimeText.full(seconds)) · \(entry.time)"),
                    DetailLine(key: "Profile", value: entry.profile),
                    DetailLine(key: "Endpoint", value: entry.endpoint),
                    DetailLine(key: "Outcome", value: entry.outcome),
                    DetailLine(key: "Result", value: entry.resultID ?? "—"),
                    DetailLine(key: "Detail", value: entry.detail ?? "—"),
                    DetailLine(key: "Payload SHA-256", value: entry.payloadDigest),
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
