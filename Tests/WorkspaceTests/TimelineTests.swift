import CustomerIO
import Testing
import Workspace

/// A person's timeline: every state a message reached is an entry, merged with activities, newest first.
@Suite struct TimelineTests {
    @Test func messagesAndActivitiesMergeNewestFirst() {
        let deliveries = [
            Delivery(id: "d1", subject: "Receipt", type: "email", metrics: ["created": 100, "sent": 101, "delivered": 105, "opened": 200]),
            Delivery(id: "d2", recipient: "+14155550123", type: "twilio", metrics: ["created": 150, "failed": 151]),
        ]
        let activities = [
            Activity(id: "a1", type: "event", timestamp: 180, name: "purchase"),
            Activity(id: "a2", type: "sent_email", timestamp: 101, deliveryID: "d1", deliveryType: "email"),
        ]
        let entries = Timeline.entries(deliveries: deliveries, activities: activities)
        #expect(entries.count == 4 + 2 + 2)
        #expect(entries.map(\.time) == entries.map(\.time).sorted(by: >))
        #expect(entries.first.map { [$0.what, $0.deliveryID] } == ["opened", "d1"])
        #expect(entries.first { $0.what == "failed" }?.channel == "sms")
        #expect(entries.first { $0.activityID == "a1" }.map { [$0.what, $0.title] } == ["event", "purchase"])
        #expect(entries.first { $0.activityID == "a1" }?.channel == nil)
        #expect(entries.first { $0.activityID == "a2" }?.channel == "email")
        // At the same second, the message's state is listed before the activity that reported it.
        let atSend = entries.filter { $0.time == 101 }
        #expect(atSend.map(\.kind) == [.message, .activity])
    }

    @Test func channelsReadAsPeopleSayThem() {
        #expect(Timeline.channel("twilio") == "sms")
        #expect(Timeline.channel("ios") == "push")
        #expect(Timeline.channel("email") == "email")
        #expect(Timeline.channel(nil) == nil)
    }
}
