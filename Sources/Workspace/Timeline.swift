import CustomerIO
import Foundation

/// One thing that happened to a person: a message reaching a state (created, sent, delivered, opened, bounced …) or
/// an activity (an event, an attribute change, a page view …), with the channel it was on when it was about a
/// message.
public struct TimelineEntry: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case message, activity
    }

    public var time: Int
    public var kind: Kind
    /// The message's state reached, or the activity's type.
    public var what: String
    /// email, sms, push, in_app, webhook or slack; nil for an activity not about a message.
    public var channel: String?
    /// The message's subject or recipient, or the activity's name.
    public var title: String
    public var deliveryID: String?
    public var activityID: String?
}

/// A person's timeline: their deliveries, each state change an entry, merged with their activities, newest first.
public enum Timeline {
    /// The channel a delivery or an activity's delivery type names, as people say it.
    public static func channel(_ type: String?) -> String? {
        switch type?.lowercased() {
        case "email": "email"
        case "twilio", "sms", "phone": "sms"
        case "push", "ios", "android": "push"
        case "in_app", "inapp": "in_app"
        case "webhook": "webhook"
        case "slack": "slack"
        case nil, "": nil
        case let other?: other
        }
    }

    public static func entries(deliveries: [Delivery], activities: [Activity]) -> [TimelineEntry] {
        let fromDeliveries = deliveries.flatMap { delivery in
            delivery.metrics.map { metric, time in
                TimelineEntry(time: time, kind: .message, what: metric, channel: channel(delivery.type),
                              title: delivery.subject ?? delivery.recipient ?? "", deliveryID: delivery.id, activityID: nil)
            }
        }
        let fromActivities = activities.map { activity in
            TimelineEntry(time: activity.timestamp ?? 0, kind: .activity, what: activity.type ?? "activity",
                          channel: channel(activity.deliveryType) ?? channel(activityChannel(activity.type)),
                          title: activity.name ?? "", deliveryID: activity.deliveryID, activityID: activity.id)
        }
        // Newest first; at the same second a message's later state comes first, as it would a second later.
        return (fromDeliveries + fromActivities).sorted { $0.time != $1.time ? $0.time > $1.time : rank($0) > rank($1) }
    }

    static let funnel = ["created", "attempted", "drafted", "sent", "delivered", "opened", "human_opened", "prefetch_opened", "clicked",
                         "human_clicked", "prefetch_clicked", "converted", "bounced", "dropped", "failed", "spammed", "undeliverable", "unsubscribed"]

    private static func rank(_ entry: TimelineEntry) -> Int { entry.kind == .activity ? -1 : funnel.firstIndex(of: entry.what) ?? funnel.count }

    /// `opened_email` → `email`, `sent_twilio` → `twilio`.
    private static func activityChannel(_ type: String?) -> String? {
        guard let type, let underscore = type.lastIndex(of: "_") else { return nil }
        let suffix = String(type[type.index(after: underscore)...])
        return ["email", "push", "twilio", "sms", "webhook", "slack"].contains(suffix) ? suffix : nil
    }
}

extension WorkspaceService {
    /// A person's timeline from their latest deliveries and activities (each the first page of 50, cached). When
    /// either page is full it reaches back only so far, so the timeline stops where the shorter of the two does:
    /// no stretch shows one kind and silently lacks the other.
    public func timeline(id: String, idType: IDType, refresh: Bool = false) async throws -> [TimelineEntry] {
        async let deliveries = customerMessages(id: id, idType: idType, refresh: refresh)
        async let activities = customerActivities(id: id, idType: idType, refresh: refresh)
        let (messages, events) = (try await deliveries, try await activities)
        let entries = Timeline.entries(deliveries: messages, activities: events)
        let oldestMessage = messages.count >= 50 ? messages.compactMap(\.created).min() : nil
        let oldestActivity = events.count >= 50 ? events.compactMap(\.timestamp).min() : nil
        guard let cutoff = [oldestMessage, oldestActivity].compactMap({ $0 }).max() else { return entries }
        return entries.filter { $0.time >= cutoff }
    }
}
