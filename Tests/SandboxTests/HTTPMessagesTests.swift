import Foundation
import Testing
@testable import Sandbox

/// Message-list filters and cursors, and server start-up edge cases.
@Suite struct HTTPMessagesTests {
    /// Fetches one page of a message list as JSON objects, plus its `next` cursor.
    func page(_ client: TestClient, _ path: String) async throws -> (messages: [[String: Any]], next: String?) {
        let result = try await client.get(path)
        #expect(result.status == 200, "\(path)")
        return (result.json["messages"] as? [[String: Any]] ?? [], result.json["next"] as? String)
    }

    @Test func filtersAreApplied() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { server, client in
            let opened = try await page(client, "/v1/messages?metric=opened&limit=100").messages
            #expect(!opened.isEmpty)
            #expect(opened.allSatisfy { ($0["metrics"] as? [String: Any])?["opened"] is Int })

            let campaign = server.dataset.campaigns.first { $0.state == "running" }!
            let inCampaign = try await page(client, "/v1/messages?campaign_id=\(campaign.id)&limit=100").messages
            #expect(!inCampaign.isEmpty)
            #expect(inCampaign.allSatisfy { $0["campaign_id"] as? Int == campaign.id })

            let action = campaign.actions[0].id
            let inAction = try await page(client, "/v1/messages?action_id=\(action)&limit=100").messages
            #expect(inAction.allSatisfy { $0["action_id"] as? Int == action })

            let newsletter = server.dataset.newsletters.first { $0.sentAt != nil }!
            let inNewsletter = try await page(client, "/v1/messages?newsletter_id=\(newsletter.id)&limit=100").messages
            #expect(!inNewsletter.isEmpty)
            #expect(inNewsletter.allSatisfy { $0["newsletter_id"] as? Int == newsletter.id })

            let sms = try await page(client, "/v1/messages?type=twilio&limit=50").messages
            #expect(!sms.isEmpty)
            #expect(sms.allSatisfy { $0["type"] as? String == "twilio" })

            let anchor = server.dataset.anchorTime
            let window = try await page(client, "/v1/messages?start_ts=\(anchor - 3 * 86_400)&end_ts=\(anchor - 2 * 86_400)&limit=1000").messages
            #expect(!window.isEmpty)
            #expect(window.allSatisfy { ($0["created"] as? Int).map { (anchor - 3 * 86_400 ... anchor - 2 * 86_400).contains($0) } ?? false })

            let drafts = try await page(client, "/v1/messages?drafts=true&limit=50").messages
            #expect(drafts.allSatisfy { ($0["metrics"] as? [String: Any])?["drafted"] is Int })
            let sent = try await page(client, "/v1/messages?limit=200").messages
            #expect(sent.allSatisfy { ($0["metrics"] as? [String: Any])?["drafted"] == nil })

            #expect(try await client.get("/v1/messages?type=carrier_pigeon").status == 400)
            #expect(try await client.get("/v1/messages?metric=teleported").status == 400)
            // A cursor the server never issued is the end of the list: an empty page (the spec types it as any string).
            let unknownCursor = try await client.get("/v1/messages?start=%%%")
            #expect(unknownCursor.status == 200)
            #expect((unknownCursor.json["messages"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func messageCursorsWalkNewestFirstToTheEnd() async throws {
        try await withSandbox(customers: 300, configure: { $0.rateLimit = false }) { server, client in
            let campaign = server.dataset.campaigns.max { a, b in
                server.dataset.deliveries.filter { $0.campaignID == a.id }.count < server.dataset.deliveries.filter { $0.campaignID == b.id }.count
            }!
            let expected = server.dataset.deliveries.filter { $0.campaignID == campaign.id && $0.reached(.drafted) == nil }.count
            #expect(expected > 25)
            var start: String?
            var created: [Int] = []
            var ids = Set<String>()
            var pages = 0
            repeat {
                let cursor = start.map { "&start=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } ?? ""
                let result = try await page(client, "/v1/campaigns/\(campaign.id)/messages?limit=10\(cursor)")
                created += result.messages.compactMap { $0["created"] as? Int }
                ids.formUnion(result.messages.compactMap { $0["id"] as? String })
                start = result.next
                pages += 1
                // A send in the middle of paging must not shift the pages.
                if pages == 2 {
                    _ = try await client.post("/v1/send/email", #"{"transactional_message_id":1,"to":"a@b.c","identifiers":{"id":"1"}}"#)
                }
            } while start != nil && pages < 1_000
            #expect(ids.count == expected)
            #expect(created == created.sorted(by: >))
            #expect(pages == (expected + 9) / 10)
        }
    }

    @Test func unsubscribedPeopleAreSuppressedWhenTheTemplateSaysSo() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { server, client in
            let customers = server.dataset.customers
            let unsubscribed = (0 ..< customers.count).first(where: customers.isUnsubscribed)!
            let template = server.dataset.templates.first { !$0.sendToUnsubscribed && $0.channel == "email" }!
            let send = try await client.post("/v1/send/email", #"{"transactional_message_id":\#(template.id),"to":"x@example.com","identifiers":{"id":"\#(customers.id(unsubscribed))"}}"#)
            #expect(send.status == 200)
            let id = (send.json["delivery_id"] as! String).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            let message = try await client.get("/v1/messages/\(id)").json["message"] as? [String: Any]
            #expect((message?["metrics"] as? [String: Any])?["failed"] is Int)
            #expect(message?["failure_message"] is String)
        }
    }

    @Test func startFailsWhenThePortIsTaken() async throws {
        try await withSandbox(customers: 100) { server, _ in
            var options = SandboxOptions()
            options.customers = 100
            options.port = server.port
            await #expect(throws: (any Error).self) { _ = try await SandboxServer.start(options) }
        }
    }
}
