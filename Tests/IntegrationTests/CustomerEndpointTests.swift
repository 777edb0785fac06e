import CustomerIO
import Foundation
import Sandbox
import Testing

@Suite struct CustomerEndpointTests {
    @Test func lookupSearchAndProfileAgree() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let page = try await client.searchCustomers(filter: .attribute(field: "plan", condition: .equals("pro")), limit: 5)
            #expect(page.identifiers.count == 5)
            let first = try #require(page.identifiers.first)
            let email = try #require(first.email)
            let id = try #require(first.id)

            let found = try await client.lookupCustomers(email: email)
            #expect(found.contains { $0.id == id })

            let byID = try await client.customerProfile(id: id)
            let byEmail = try await client.customerProfile(id: email, idType: .email)
            #expect(byID.identifiers?.email == email)
            #expect(byEmail.identifiers?.id == id)
            #expect(byID.attributes["plan"]?.displayText == "pro")
            let cioID = try #require(byID.identifiers?.cioID)
            let byCioID = try await client.customerProfile(id: cioID, idType: .cioID)
            #expect(byCioID.identifiers?.id == id)
        }
    }

    @Test func emailsWithPlusSurviveThePath() async throws {
        try await SandboxHarness.with { sandbox in
            let people = try await sandbox.client.allCustomers(matching: .attribute(field: "email", condition: .exists), pageSize: 1000).collect(limit: 2_000)
            let plus = try #require(people.first { $0.email?.contains("+") == true })
            let profile = try await sandbox.client.customerProfile(id: plus.email!, idType: .email)
            #expect(profile.identifiers?.id == plus.id)
            let lookedUp = try await sandbox.client.lookupCustomers(email: plus.email!)
            #expect(lookedUp.count >= 1)
        }
    }

    @Test func searchPagesAcrossAtLeastThreePagesWithoutRepeats() async throws {
        try await SandboxHarness.with { sandbox in
            var pages = 0
            var seen = Set<String>()
            for try await page in sandbox.client.allCustomers(matching: .attribute(field: "email", condition: .exists), pageSize: 300) {
                pages += 1
                for person in page {
                    #expect(seen.insert(person.cioID ?? "").inserted)
                }
            }
            #expect(pages >= 3)
            #expect(seen.count == 2_000)
        }
    }

    @Test func bulkAttributesChunkByHundred() async throws {
        try await SandboxHarness.with { sandbox in
            let ids = (1...150).map(String.init)
            let profiles = try await sandbox.client.customerProfiles(ids: ids)
            #expect(profiles.count == 150)
            #expect(sandbox.server.probe.requestCount(method: "POST", pathPrefix: "/v1/customers/attributes") == 2)
        }
    }

    @Test func subResourcesOfAPerson() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            // Find someone with deliveries through the workspace's message list.
            let message = try #require(try await client.messages(MessageFilter(limit: 20)).messages.first { $0.customerIdentifiers?.id != nil })
            let id = try #require(message.customerIdentifiers?.id)
            let messages = try await client.customerMessages(id: id)
            #expect(!messages.messages.isEmpty)
            let segments = try await client.customerSegments(id: id)
            for segment in segments { #expect(segment.id > 0) }
            let activities = try await client.customerActivities(id: id, limit: 10)
            #expect(activities.activities.count <= 10)
            _ = try await client.customerRelationships(id: id)
            let preferences = try await client.customerSubscriptionPreferences(id: id)
            #expect(preferences.identifiers?.id == id || preferences.id == id)
        }
    }

    @Test func anUnknownPersonIsNotFoundWithAnIDTypeHint() async throws {
        try await SandboxHarness.with { sandbox in
            let error = await #expect(throws: CustomerIOError.self) {
                try await sandbox.client.customerProfile(id: "nobody@example.com", idType: .id)
            }
            #expect(error?.kind == .notFound)
            #expect(error?.message.contains("--id-type email") == true)
        }
    }
}
