import CustomerIO
import Foundation

/// Who a broadcast trigger would reach, checked before it is sent: how many, and among them how many are
/// unsubscribed, suppressed at the ESP, without the channel's address, or were sent this broadcast lately.
public struct BroadcastPreflight: Sendable, Hashable {
    /// The audience as the trigger names it: a filter, or people listed by id or email.
    public enum Audience: Sendable, Hashable {
        case filter(AudienceFilter)
        case ids([String])
        case emails([String])
    }

    /// How many people the audience holds: a filter's matches counted to the end.
    public var audienceSize = 0
    /// How many of them were checked: all of them up to `sampleSize`, else a random sample of that many drawn from
    /// the whole audience.
    public var checked = 0
    public var sampled: Bool { checked + uncheckable < audienceSize }
    public var unsubscribed = 0
    public var suppressed = 0
    /// Channel (email, sms, push) → people without its address (an email, a phone, a device).
    public var missing: [String: Int] = [:]
    public var alreadySent = 0
    /// The channels the broadcast's actions send on.
    public var channels: [String] = []
    public var days = 7
    /// People the audience names who could not be checked (no id to read their profile by).
    public var uncheckable = 0
    /// What was read only in part, or not at all, said on the review ("the blocks list", "deliveries past 20,000").
    public var gaps: [String] = []

    public init() {}

    /// At most this many people are checked one by one; above it a random sample of this many stands for all.
    public static let sampleSize = 2_000

    /// The review's lines: the audience, what was found among it, and how it was counted.
    public var lines: [String] {
        let size = Self.grouped(audienceSize)
        let among = !sampled ? "Among all \(Self.grouped(checked))"
            : "Among a random sample of \(Self.grouped(checked)) drawn from all of them"
        var found = ["\(Self.grouped(unsubscribed)) unsubscribed", "\(Self.grouped(suppressed)) suppressed at the ESP"]
        found += channels.map { "\(Self.grouped(missing[$0] ?? 0)) without \(Self.address(of: $0))" }
        found.append("\(Self.grouped(alreadySent)) sent this broadcast in the last \(days) days")
        var lines = [
            "Pre-flight: \(size) \(audienceSize == 1 ? "person" : "people") in the audience",
            "\(among): " + found.joined(separator: ", "),
            "Counted from their profiles, the ESP's suppression lists and this broadcast's deliveries since \(days) days ago",
        ]
        if uncheckable > 0 { lines.append("\(Self.grouped(uncheckable)) of them have no id to read a profile by, so were not checked") }
        if !gaps.isEmpty { lines.append("Read in part: " + gaps.joined(separator: "; ")) }
        return lines
    }

    static func address(of channel: String) -> String {
        switch channel {
        case "sms": "a phone number"
        case "push": "a device"
        default: "an email address"
        }
    }

    static func grouped(_ value: Int) -> String {
        let formatter = NumberFormatter()
        formatter.numberStyle = .decimal
        formatter.groupingSeparator = ","
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }
}
