import CustomerIO
import Foundation
import Testing
import Workspace

/// Reachability on sandbox people chosen for each cause, each found through the API independently of the verdict
/// code; and the ESP's lists agree with the deliveries that bounced.
@Suite struct ReachabilitySandboxTests {
    static let now = Int(Date().timeIntervalSince1970)

    static func reach(_ harness: SandboxHarness, _ person: CustomerProfile) async throws -> Reachability {
        try await WorkspaceService(client: harness.client).reachability(id: try #require(person.identifiers?.id), idType: .id, now: now)
    }

    /// Everyone in the sandbox, profiles in bulk.
    static func everyone(_ harness: SandboxHarness) async throws -> [CustomerProfile] {
        try await harness.client.customerProfiles(ids: (1...2_000).map(String.init))
    }

    @Test func everyBouncedAddressIsOnTheBouncesListAndItsOwnerIsNotReachableByEmail() async throws {
        try await SandboxHarness.with { harness in
            let bounced = try await harness.client.messages(MessageFilter(limit: 50, type: "email", metric: "bounced")).messages
            #expect(!bounced.isEmpty)
            for delivery in bounced {
                let address = try #require(delivery.recipient)
                let found = try await harness.client.suppression(email: address)
                #expect(found.category == "bounces", "\(address): \(found)")
                #expect(found.suppressions.first?.email.lowercased() == address.lowercased())
                #expect((found.suppressions.first?.created ?? .max) <= (delivery.metrics["bounced"] ?? 0), "listed from the first bounce")
            }
            let address = try #require(bounced.first?.recipient)
            let owner = try #require(try await harness.client.lookupCustomers(email: address).first?.id)
            let email = try await WorkspaceService(client: harness.client).reachability(id: owner, idType: .id, now: Self.now).answer(.email)
            #expect(email?.verdict == .unreachable)
            #expect(email?.suppressedOn == .bounces)
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
