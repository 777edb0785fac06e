import CustomerIO
import Foundation
import Testing
@testable import Workspace

/// Each cause of "not reachable" gives its own verdict and reason, from facts made by hand.
@Suite struct ReachabilityVerdictTests {
    static let now = 1_790_000_000
    static let day = 86_400

    static func profile(email: String? = "ada@example.com", phone: String? = "+14155550123", unsubscribed: Bool = false,
                        devices: [Device] = [Device(id: "tok", platform: "ios", lastUsed: now - day)], listsDevices: Bool = true) -> CustomerProfile {
        var attributes: [String: JSONValue] = [:]
        if let phone { attributes["phone"] = .string(phone) }
        return CustomerProfile(id: "1", identifiers: CustomerIdentifiers(id: "1", email: email), attributes: attributes,
                               unsubscribed: unsubscribed, devices: devices, listsDevices: listsDevices)
    }

    static func verdicts(_ profile: CustomerProfile, preferences: SubscriptionPreferences? = nil,
                         suppressions: [(type: SuppressionType?, entry: Suppression)] = [], deliveries: [Delivery] = []) -> Reachability {
        Reachability(ReachabilityFacts(profile: profile, preferences: preferences, suppressions: suppressions, deliveries: deliveries, now: now))
    }

    @Test func aFullyReachablePerson() {
        let reach = Self.verdicts(Self.profile())
        #expect(reach.answers.map(\.verdict) == [.reachable, .reachable, .reachable])
        #expect(reach.answer(.email)?.reason == "ada@example.com")
        #expect(reach.answer(.sms)?.reason == "+14155550123")
        #expect(reach.answer(.push)?.reason == "1 device, last used 1d ago (ios)")
    }

    @Test func suppressedAtTheESPNamesTheListTheDateAndTheStatus() {
        let bounce = Suppression(email: "ada@example.com", created: Self.now - 3 * Self.day, reason: "550 mailbox unavailable", status: "550")
        let reach = Self.verdicts(Self.profile(), suppressions: [(.bounces, bounce)])
        let email = reach.answer(.email)
        #expect(email?.verdict == .unreachable)
        #expect(email?.suppressedOn == .bounces)
        #expect(email?.reason.hasPrefix("suppressed at the ESP since ") == true)
        #expect(email?.reason.hasSuffix(": bounce, 550") == true)
        #expect(email?.evidence.first?.text.contains("550 mailbox unavailable") == true)
        // The ESP's list says nothing of SMS or push.
        #expect(reach.answer(.sms)?.verdict == .reachable)
    }

    @Test func unsubscribedFromEverythingReachesNoChannel() {
        let reach = Self.verdicts(Self.profile(unsubscribed: true))
        #expect(reach.answers.map(\.verdict) == [.unreachable, .unreachable, .unreachable])
        #expect(reach.answers.allSatisfy { $0.reason == "unsubscribed from everything" })
    }

    @Test func topicsLeftAreSaidButDoNotBlockEmail() {
        let preferences = SubscriptionPreferences(topics: [SubscriptionTopicPreference(id: "topic_1", subscribed: false, name: "Newsletter"),
                                                           SubscriptionTopicPreference(id: "topic_2", subscribed: true, name: "Product")])
        let email = Self.verdicts(Self.profile(), preferences: preferences).answer(.email)
        #expect(email?.verdict == .reachable)
        #expect(email?.evidence.contains { $0.label == "Topics" && $0.text == "unsubscribed from Newsletter" } == true)
    }

    @Test func aPhoneMissingOrNotE164IsNotReachableBySMS() {
        #expect(Self.verdicts(Self.profile(phone: nil)).answer(.sms)?.reason == "no phone number on the profile")
        let local = Self.verdicts(Self.profile(phone: "0612345678")).answer(.sms)
        #expect(local?.verdict == .unreachable)
        #expect(local?.reason.contains("not in E.164 form") == true)
    }

    @Test func pushNeedsDevicesAndDoubtsStaleOnes() {
        #expect(Self.verdicts(Self.profile(devices: [])).answer(.push)?.verdict == .unreachable)
        #expect(Self.verdicts(Self.profile(devices: [])).answer(.push)?.reason == "no devices")
        let stale = Self.verdicts(Self.profile(devices: [Device(id: "old", platform: "android", lastUsed: Self.now - 200 * Self.day)])).answer(.push)
        #expect(stale?.verdict == .doubtful)
        #expect(stale?.reason == "1 device, none used in the last 90 days")
        // A profile that did not list devices at all is not "no devices".
        #expect(Self.verdicts(Self.profile(devices: [], listsDevices: false)).answer(.push)?.verdict == .doubtful)
    }

    @Test func noEmailAddress() {
        #expect(Self.verdicts(Self.profile(email: nil)).answer(.email)?.reason == "no email address on the profile")
    }

    @Test func theLastFailureOpensItsDelivery() {
        let deliveries = [
            Delivery(id: "d2", type: "email", metrics: ["sent": Self.now - Self.day, "delivered": Self.now - Self.day + 5], created: Self.now - Self.day),
            Delivery(id: "d1", type: "email", metrics: ["sent": Self.now - 5 * Self.day, "bounced": Self.now - 5 * Self.day + 9], created: Self.now - 5 * Self.day,
                     failureMessage: "550 5.1.1 no such user"),
        ]
        let evidence = Self.verdicts(Self.profile(), deliveries: deliveries).answer(.email)?.evidence ?? []
        #expect(evidence.first { $0.label == "Last email" }?.delivery == "d2")
        let failure = evidence.first { $0.label == "Last failure" }
        #expect(failure?.delivery == "d1")
        #expect(failure?.text.hasPrefix("bounced ") == true)
        #expect(failure?.text.hasSuffix(": 550 5.1.1 no such user") == true)
    }

    /// Each verdict carries its cause, typed, so nothing reads the reason's words back.
    @Test func causesAreTyped() {
        #expect(Self.verdicts(Self.profile(email: nil)).answer(.email)?.cause == .noAddress)
        #expect(Self.verdicts(Self.profile(unsubscribed: true)).answers.allSatisfy { $0.cause == .unsubscribed })
        #expect(Self.verdicts(Self.profile(phone: "0612")).answer(.sms)?.cause == .notE164)
        #expect(Self.verdicts(Self.profile(devices: [])).answer(.push)?.cause == .noDevices)
        #expect(Self.verdicts(Self.profile()).answers.allSatisfy { $0.cause == nil })
        let bounce = Suppression(email: "ada@example.com", created: Self.now, status: "550")
        #expect(Self.verdicts(Self.profile(), suppressions: [(.bounces, bounce)]).answer(.email)?.cause == .suppressed)
    }

    /// Unsubscribed outranks devices the profile did not list: push cannot reach them either way.
    @Test func unsubscribedComesBeforeUnlistedDevices() {
        let push = Self.verdicts(Self.profile(unsubscribed: true, devices: [], listsDevices: false)).answer(.push)
        #expect(push?.verdict == .unreachable)
        #expect(push?.cause == .unsubscribed)
    }

    /// What the pre-flight could not check, or read whole, is on the review.
    @Test func preflightSaysWhatItCouldNotCheck() {
        var found = BroadcastPreflight()
        found.audienceSize = 12
        found.checked = 10
        found.uncheckable = 2
        found.channels = ["email"]
        found.gaps = ["the blocks list (HTTP 400)"]
        #expect(found.lines.contains("2 of them have no id to read a profile by, so were not checked"))
        #expect(found.lines.contains("Read in part: the blocks list (HTTP 400)"))
        // Everyone with an id was checked: not a sample.
        #expect(found.lines.contains { $0.hasPrefix("Among all 10: ") })
        found.audienceSize = 28_043
        found.checked = 2_000
        #expect(found.lines.first == "Pre-flight: 28,043 people in the audience")
        #expect(found.lines.contains { $0.hasPrefix("Among a random sample of 2,000 drawn from all of them: ") })
    }

    /// The sample stands for the whole audience: every id has the same chance, however far down the list it came
    /// (a list ordered by sign-up date would otherwise bias every rate the sample gives).
    @Test func theSampleIsDrawnFromTheWholeAudience() {
        var sample = AudienceSample(size: 100)
        for id in 0 ..< 10_000 { sample.offer(String(id)) }
        #expect(sample.seen == 10_000 && sample.kept.count == 100 && Set(sample.kept).count == 100)
        let mean = Double(sample.kept.compactMap { Int($0) }.reduce(0, +)) / 100
        // The first 10,000 of a list would average 4,999.5 either way; the first 100 would average 49.5. Seven
        // standard deviations either side of the middle.
        #expect((3_000 ... 7_000).contains(mean), "mean index \(mean)")
        #expect(sample.kept.contains { Int($0)! >= 5_000 })
    }

    /// A list the client does not know still makes the address unreachable, but names no list to act on.
    @Test func anUnknownListIsNotTakenForAnother() {
        let entry = Suppression(email: "ada@example.com", created: Self.now, status: "550")
        let email = Self.verdicts(Self.profile(), suppressions: [(nil, entry)]).answer(.email)
        #expect(email?.verdict == .unreachable)
        #expect(email?.cause == .suppressed)
        #expect(email?.suppressedOn == nil)
        #expect(email?.reason.contains("a list cio does not know") == true)
    }
}

