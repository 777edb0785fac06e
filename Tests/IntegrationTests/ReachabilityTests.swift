import CustomerIO
import Foundation
import Synchronization
import Testing
import Workspace

/// Reachability on sandbox people chosen for each cause, each found through the API independently of the verdict
/// code; and the ESP's lists agree with the deliveries that bounced.
@Suite struct ReachabilitySandboxTests {
    static let now = WallClock.unixNow()

    static func reach(_ harness: SandboxHarness, _ person: CustomerProfile) async throws -> Reachability {
        try await WorkspaceService(client: harness.client).reachability(id: try #require(person.identifiers?.id), idType: .id, now: now)
    }

    /// Everyone in the sandbox, profiles in bulk.
    static func everyone(_ harness: SandboxHarness) async throws -> [CustomerProfile] {
        try await harness.client.customerProfiles(ids: (1...2_000).map(String.init))
    }

    /// The emails sent to an address, from its owner's messages.
    static func emails(to address: String, _ harness: SandboxHarness) async throws -> [Delivery] {
        // Every profile with the address: a shared address is one entry on the ESP's lists.
        var emails: [Delivery] = []
        for owner in try await harness.client.lookupCustomers(email: address).compactMap(\.id) {
            emails += try await harness.client.customerMessages(id: owner, limit: 1_000).messages
                .filter { $0.type == "email" && $0.recipient?.lowercased() == address.lowercased() }
        }
        return emails
    }

    /// The bounces list agrees with the deliveries both ways: an address is on it when its email hard bounced and
    /// nothing was delivered to it afterwards, listed from that bounce.
    @Test func theBouncesListAgreesWithTheDeliveries() async throws {
        try await SandboxHarness.with { harness in
            let listed = try await harness.client.suppressions(.bounces, limit: 1_000).suppressions
            #expect(!listed.isEmpty)
            for entry in listed.prefix(15) {
                let emails = try await Self.emails(to: entry.email, harness)
                #expect(emails.contains { $0.metrics["bounced"] == entry.created && $0.failureMessage?.hasPrefix("Soft bounce") != true }, "\(entry.email)")
                #expect(!emails.contains { ($0.metrics["delivered"] ?? 0) > (entry.created ?? 0) }, "\(entry.email) was delivered to after its bounce")
            }
            let bounced = try await harness.client.messages(MessageFilter(limit: 50, type: "email", metric: "bounced")).messages
            #expect(!bounced.isEmpty)
            for delivery in bounced {
                let address = try #require(delivery.recipient)
                let emails = try await Self.emails(to: address, harness)
                // What happened last decides: a hard bounce lists the address, a delivery after it takes it off.
                let lastHard = emails.filter { $0.failureMessage?.hasPrefix("Soft bounce") != true }.compactMap { $0.metrics["bounced"] }.max() ?? 0
                let lastDelivered = emails.compactMap { $0.metrics["delivered"] }.max() ?? 0
                let onList = try await harness.client.suppression(email: address).category == "bounces"
                if lastHard > lastDelivered { #expect(onList, "\(address) hard bounced last but is not listed") }
                if lastDelivered > lastHard { #expect(!onList, "\(address) was delivered to after its last hard bounce but is listed") }
            }
            // The ESP sends nothing to a listed address: a later email is dropped, not delivered.
            let dropped = try await harness.client.messages(MessageFilter(limit: 20, type: "email", metric: "dropped")).messages
            #expect(!dropped.isEmpty && dropped.allSatisfy { $0.metrics["delivered"] == nil && $0.metrics["sent"] == nil })
        }
    }

    @Test func aListedPersonIsNotReachableByEmail() async throws {
        try await SandboxHarness.with { harness in
            let address = try #require(try await harness.client.suppressions(.bounces, limit: 1).suppressions.first?.email)
            let owner = try #require(try await harness.client.lookupCustomers(email: address).first?.id)
            let email = try await WorkspaceService(client: harness.client).reachability(id: owner, idType: .id, now: Self.now).answer(.email)
            #expect(email?.verdict == .unreachable)
            #expect(email?.suppressedOn == .bounces)
            #expect(email?.address?.lowercased() == address.lowercased())
            #expect(email?.reason.hasPrefix("suppressed at the ESP since") == true)
        }
    }

    @Test func eachCauseOnAPersonChosenForIt() async throws {
        try await SandboxHarness.with { harness in
            let people = try await Self.everyone(harness)
            let subscribed = people.filter { $0.unsubscribed != true }
            // No phone: SMS says so.
            let phoneless = try #require(subscribed.first { $0.attributes["phone"] == nil })
            #expect(try await Self.reach(harness, phoneless).answer(.sms)?.reason == "no phone number on the profile")
            // No devices: not reachable by push.
            let deviceless = try #require(subscribed.first { $0.devices.isEmpty })
            #expect(try await Self.reach(harness, deviceless).answer(.push)?.verdict == .unreachable)
            // Unsubscribed: nothing reaches them.
            let unsubscribed = try #require(people.first { $0.unsubscribed == true })
            #expect(try await Self.reach(harness, unsubscribed).answers.allSatisfy { $0.verdict == .unreachable })
            // Devices all unused for 90 days: push is in doubt.
            let stale = try #require(subscribed.first { person in
                !person.devices.isEmpty && person.devices.allSatisfy { Self.now - ($0.lastUsed ?? 0) > Reachability.staleDeviceSeconds }
            })
            #expect(try await Self.reach(harness, stale).answer(.push)?.verdict == .doubtful)
            // Fully reachable: an address on no ESP list, an E.164 phone, a device used lately.
            var reachable: Reachability?
            for person in subscribed where person.attributes["phone"] != nil && person.devices.contains(where: { Self.now - ($0.lastUsed ?? 0) < 30 * 86_400 }) {
                guard try await harness.client.suppression(email: try #require(person.identifiers?.email)).suppressions.isEmpty else { continue }
                reachable = try await Self.reach(harness, person)
                break
            }
            #expect(try #require(reachable).answers.map(\.verdict) == [.reachable, .reachable, .reachable])
        }
    }

    @Test func aTopicLeftIsEvidenceNotAVerdict() async throws {
        try await SandboxHarness.with { harness in
            let people = try await Self.everyone(harness).filter { $0.unsubscribed != true }
            for person in people.prefix(50) {
                let id = try #require(person.identifiers?.id)
                let preferences = try await harness.client.customerSubscriptionPreferences(id: id)
                guard let left = preferences.topics.first(where: { $0.subscribed == false }) else { continue }
                guard try await harness.client.suppression(email: try #require(person.identifiers?.email)).suppressions.isEmpty else { continue }
                let email = try await Self.reach(harness, person).answer(.email)
                #expect(email?.verdict == .reachable)
                #expect(email?.evidence.contains { $0.label == "Topics" && $0.text.contains(left.name ?? left.id) } == true)
                return
            }
            Issue.record("nobody among the first 50 subscribed people left a topic")
        }
    }

    @Test func suppressAndUnsuppressChangeTheLists() async throws {
        try await SandboxHarness.with { harness in
            let address = "new.person@example.com"
            #expect(try await harness.client.suppression(email: address).suppressions.isEmpty)
            _ = try await harness.client.send(APIRequest(.post, ["v1", "esp", "suppression", "spam_reports", address], safety: .write), as: JSONValue.self)
            let found = try await harness.client.suppression(email: address)
            #expect(found.category == "spam")
            #expect(found.suppressions.map(\.email) == [address])
            let listed = try await harness.client.suppressions(.spamReports, limit: 1_000).suppressions
            #expect(listed.contains { $0.email == address })
            try await harness.client.sendExpectingNoContent(APIRequest(.delete, ["v1", "esp", "suppression", "spam_reports", address], safety: .write))
            #expect(try await harness.client.suppression(email: address).suppressions.isEmpty)
            // Taking it off again: the list says it is not there.
            await #expect(throws: CustomerIOError.self) {
                try await harness.client.sendExpectingNoContent(APIRequest(.delete, ["v1", "esp", "suppression", "spam_reports", address], safety: .write))
            }
        }
    }

    @Test func listsPageByOffset() async throws {
        try await SandboxHarness.with { harness in
            let all = try await harness.client.suppressions(.bounces, limit: 1_000).suppressions
            #expect(all.count > 2)
            let second = try await harness.client.suppressions(.bounces, offset: 1, limit: 1).suppressions
            #expect(second.map(\.email) == [all[1].email])
        }
    }
}

/// Above 2,000 people the pre-flight checks a stated random sample, and says so.
@Suite struct PreflightSampleTests {
    @Test func aLargeAudienceIsSampledAndSaysSo() async throws {
        try await SandboxHarness.with(customers: 2_500) { harness in
            let service = WorkspaceService(client: harness.client)
            let broadcast = try #require(try await harness.client.broadcasts().first?.id)
            let found = try await service.preflight(broadcast: broadcast, audience: .ids((1...2_500).map(String.init)), now: WallClock.unixNow())
            #expect(found.audienceSize == 2_500)
            #expect(found.checked == BroadcastPreflight.sampleSize)
            #expect(found.sampled)
            #expect(found.lines.contains("Pre-flight: 2,500 people in the audience"))
            #expect(found.lines.contains { $0.hasPrefix("Among a random sample of 2,000 drawn from all of them: ") })
            #expect(found.unsubscribed <= found.checked && found.suppressed <= found.checked)
        }
    }

    /// A filter's audience is counted to the end, a thousand a page, with its progress heard along the way: the
    /// size is exact ("2,500", never "more than"), the same as the search's own count.
    @Test func aFiltersAudienceIsCountedExactly() async throws {
        try await SandboxHarness.with(customers: 2_500) { harness in
            let service = WorkspaceService(client: harness.client)
            let broadcast = try #require(try await harness.client.broadcasts().first?.id)
            let everyone = AudienceFilter.attribute(field: "email", condition: .exists)
            let heard = Counted()
            let found = try await service.preflight(broadcast: broadcast, audience: .filter(everyone), now: WallClock.unixNow()) { heard.add($0) }
            var matches = 0
            var start: String?
            repeat {
                let page = try await harness.client.searchCustomers(filter: everyone, start: start, limit: 1_000)
                matches += max(page.identifiers.count, page.ids.count)
                start = page.next
            } while start != nil
            #expect(found.audienceSize == matches && matches > 2_000)
            #expect(found.lines.first == "Pre-flight: \(matches.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))) people in the audience")
            #expect(heard.values == [1_000, 2_000], "progress after each page but the last")
        }
    }
}

/// What a progress callback heard, in order.
final class Counted: Sendable {
    private let heard = Mutex<[Int]>([])
    func add(_ value: Int) { heard.withLock { $0.append(value) } }
    var values: [Int] { heard.withLock { $0 } }
}
