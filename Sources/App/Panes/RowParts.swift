import CustomerIO
import Foundation
import TerminalUI

/// Columns more than one pane shares.
enum PaneColumn {
    /// A Name column: readable before anything else gives way, and at most 48 wide.
    static func name(weight: Int, comfortable: Int = 20) -> TableColumn {
        TableColumn("Name", width: .flexible(min: 12, weight: weight), comfortable: comfortable, maxWidth: 48)
    }
}

/// Detail lines more than one pane shares.
enum RowParts {
    /// One reference line per segment, by name where known ("VIP customers (#8)"), each segment once.
    static func segmentLinks(_ label: String, _ ids: [Int], _ names: [Int: String] = [:]) -> [DetailLine] {
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }.map { id in
            DetailLine(key: label, value: names[id].map { "\($0) (#\(id))" } ?? "segment #\(id)", link: .detail(.segments, key: .id(id)))
        }
    }

    /// A delivery's metric timeline (created → sent → delivered → opened …), earliest first.
    static func metricRows(_ metrics: [String: Int]) -> [DetailLine] {
        metrics.sorted { $0.value < $1.value }.map { DetailLine(key: "  \($0.key)", value: TimeText.full($0.value)) }
    }

    /// "yes", "no", or "—" when the API did not say.
    static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "—" }
}

/// Unix timestamps as local time.
public enum TimeText {

    /// `2026-11-20 14:03`, or `—` when missing.
    public static func short(_ timestamp: Int?) -> String {
        guard let timestamp, timestamp > 0 else { return "—" }
        let date = Date(timeIntervalSince1970: TimeInterval(timestamp))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `2026-11-20 14:03 (3d ago)`.
    public static func full(_ timestamp: Int?, now: Date = WallClock.now()) -> String {
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

    /// An attribute's value as a time, when it is one: named like one (`…_at`, `last_…`, `…time…` but not
    /// `timezone`, `…date…`) and holding Unix seconds between 2000 and 2100. The one rule for the app and `cio get`.
    public static func attribute(key: String, value: JSONValue, now: Date = WallClock.now()) -> String? {
        let name = key.lowercased()
        guard name.hasSuffix("_at") || name.hasPrefix("last_") || name.contains("time") && name != "timezone" || name.contains("date") else { return nil }
        guard let seconds = value.lenientInt, (946_684_800...4_102_444_800).contains(seconds) else { return nil }
        return full(seconds, now: now)
    }
}
