import CustomerIO
import Foundation
import Sandbox
import Testing

@Suite struct WorkspaceEndpointTests {
    @Test func segmentsCountsMembershipAndUsage() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let segments = try await client.segments()
            #expect(segments.count >= 10)
            let segment = try #require(segments.first)
            #expect(try await client.segment(id: segment.id).name == segment.name)
            let count = try await client.segmentCustomerCount(id: segment.id)
            let members = try await client.allSegmentMembers(id: segment.id, pageSize: 100).collect()
            #expect(members.count == count)
            _ = try await client.segmentUsage(id: segment.id)
        }
    }

    @Test func manualSegmentsAreCreatedFilledAndDeleted() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let created = try await client.createManualSegment(name: "VIPs from the CLI", description: "integration test")
            #expect(created.type == "manual")
            try await client.addToManualSegment(id: created.id, people: ["1", "2", "3"])
            #expect(try await client.segmentCustomerCount(id: created.id) == 3)
            try await client.removeFromManualSegment(id: created.id, people: ["2"])
            #expect(try await client.segmentCustomerCount(id: created.id) == 2)
            try await client.deleteSegment(id: created.id)
            let error = await #expect(throws: CustomerIOError.self) { try await client.segment(id: created.id) }
            #expect(error?.kind == .notFound)
        }
    }

    @Test func campaignsMetricsActionsAndMessages() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let campaigns = try await client.campaigns()
            #expect(campaigns.count >= 40)
            let campaign = try #require(campaigns.first { $0.state == "running" })
            #expect(try await client.campaign(id: campaign.id).name == campaign.name)
            let metrics = try await client.campaignMetrics(id: campaign.id, lastDays: 30)
            #expect(metrics.series.series["sent"]?.count == 30)
            if case .v1 = metrics.query { Issue.record("the sandbox speaks v2; no fallback expected") }
            let v1 = try await client.campaignMetrics(id: campaign.id, query: .v1(period: .days, steps: 7))
            #expect((v1.series["sent"]?.count ?? 0) >= 7)
            let actions = try await client.allCampaignActions(id: campaign.id).collect()
            #expect(!actions.isEmpty)
            let actionID = try #require(actions.first?.id)
            #expect(try await client.campaignAction(campaignID: campaign.id, actionID: actionID).id == actionID)
            _ = try await client.campaignActionMetrics(campaignID: campaign.id, actionID: actionID, query: .lastDays(7))
            _ = try await client.campaignLinkMetrics(id: campaign.id)
            _ = try await client.campaignActionLinkMetrics(campaignID: campaign.id, actionID: actionID)
            let now = WallClock.unixNow()
            _ = try await client.campaignJourneyMetrics(id: campaign.id, start: now - 7 * 86_400, end: now, resolution: .days)
            let messages = try await client.campaignMessages(id: campaign.id, filter: MessageFilter(limit: 10))
            for message in messages.messages { #expect(message.campaignID == campaign.id) }
        }
    }

    @Test func metricsFallBackToVersionOneWhenVersionTwoIsRejected() async throws {
        try await SandboxHarness.with { sandbox in
            let campaign = try #require(try await sandbox.client.campaigns().first)
            sandbox.server.probe.inject(ScriptedFault(method: "GET", pathPrefix: "/v1/campaigns/\(campaign.id)/metrics", status: 400, times: 1))
            let result = try await sandbox.client.campaignMetrics(id: campaign.id, lastDays: 14)
            #expect(result.query == .v1(period: .days, steps: 14))
            #expect(result.series.series["sent"] != nil)
        }
    }

    @Test func messagesFilterAndSingleDelivery() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let emails = try await client.messages(MessageFilter(limit: 25, type: "email"))
            #expect(!emails.messages.isEmpty)
            for message in emails.messages { #expect(message.type == "email") }
            let bounced = try await client.messages(MessageFilter(limit: 25, metric: "bounced"))
            for message in bounced.messages { #expect(message.metrics["bounced"] != nil) }
            let first = try #require(emails.messages.first)
            #expect(try await client.message(id: first.id).id == first.id)
            let archived = try await client.archivedMessage(id: first.id)
            #expect(archived.id != nil || archived.body != nil)
            let pages = try await client.allMessages(MessageFilter(limit: 100)).collect(limit: 350)
            #expect(pages.count == 350)
            #expect(Set(pages.map(\.id)).count == 350)
        }
    }

    @Test func broadcastsNewslettersTransactionalAndTheRest() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let broadcast = try #require(try await client.broadcasts().first)
            #expect(try await client.broadcast(id: broadcast.id).id == broadcast.id)
            _ = try await client.broadcastMetrics(id: broadcast.id, steps: 7)
            _ = try await client.broadcastActions(id: broadcast.id)
            _ = try await client.broadcastMessages(id: broadcast.id)
            _ = try await client.broadcastTriggers(id: broadcast.id)

            let newsletters = try await client.allNewsletters().collect()
            let newsletter = try #require(newsletters.first)
            #expect(try await client.newsletter(id: newsletter.id).id == newsletter.id)
            _ = try await client.newsletterMetrics(id: newsletter.id, steps: 7)
            _ = try await client.newsletterMessages(id: newsletter.id)

            let template = try #require(try await client.transactionalTemplates().first)
            #expect(try await client.transactionalTemplate(id: template.id).id == template.id)
            _ = try await client.transactionalContents(id: template.id)
            _ = try await client.transactionalMetrics(id: template.id, steps: 7)
            _ = try await client.transactionalMessages(id: template.id)

            let collections = try await client.collections()
            #expect(!collections.isEmpty)
            if let collection = collections.first {
                #expect(try await client.collection(id: collection.id).id == collection.id)
            }
            _ = try await client.snippets()
            let senders = try await client.senderIdentities()
            if let sender = senders.senderIdentities.first {
                #expect(try await client.senderIdentity(id: sender.id).id == sender.id)
            }
            #expect(try await client.workspaces().count >= 1)
        }
    }
}
