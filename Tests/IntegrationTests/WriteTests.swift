import CustomerIO
import Foundation
import Sandbox
import Testing

@Suite struct WriteTests {
    @Test func aTransactionalEmailLandsOnThePersonAndInTheLists() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let template = try #require(try await client.transactionalTemplates().first)
            let before = sandbox.server.probe.deliveryCount(customerID: "7")
            var message = TransactionalMessage(channel: .email, template: .id(template.id), identifiers: .id("7"), to: "person7@example.com")
            message.messageData = ["order_id": .string("A-1001"), "total": .number(42.5)]
            let sent = try await client.sendTransactional(message)
            #expect(!sent.deliveryID.isEmpty)
            #expect(sandbox.server.probe.deliveryCount(customerID: "7") == before + 1)
            let onPerson = try await client.customerMessages(id: "7")
            #expect(onPerson.messages.contains { $0.id == sent.deliveryID })
            let inWorkspace = try await client.messages(MessageFilter(limit: 50))
            #expect(inWorkspace.messages.contains { $0.id == sent.deliveryID })
            let onTemplate = try await client.transactionalMessages(id: template.id, filter: MessageFilter(limit: 50))
            #expect(onTemplate.messages.contains { $0.id == sent.deliveryID })
        }
    }

    @Test func invalidSendsAreStoppedBeforeTheyLeave() async throws {
        try await SandboxHarness.with { sandbox in
            let message = TransactionalMessage(channel: .email, identifiers: .id("7"), to: "")
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.sendTransactional(message) }
            #expect(error?.message.contains("recipient") == true)
            #expect(sandbox.server.probe.requestCount(pathPrefix: "/v1/send") == 0)
        }
    }

    @Test func theServersSendErrorEnvelopeIsShown() async throws {
        try await SandboxHarness.with { sandbox in
            let message = TransactionalMessage(channel: .email, template: .id(999_999), identifiers: .id("7"), to: "a@example.com")
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.sendTransactional(message) }
            #expect(error?.kind == .badRequest || error?.kind == .notFound)
            #expect(error?.serverDetail?.isEmpty == false)
        }
    }

    @Test func aServerErrorAfterASendLandedIsNotRetriedAndExactlyOneDeliveryExists() async throws {
        try await SandboxHarness.with { sandbox in
            let template = try #require(try await sandbox.client.transactionalTemplates().first)
            let before = sandbox.server.probe.deliveryCount(customerID: "9")
            sandbox.server.probe.inject(.failAfterHandling(503, method: "POST", pathPrefix: "/v1/send/email"))
            let message = TransactionalMessage(channel: .email, template: .id(template.id), identifiers: .id("9"), to: "p9@example.com")
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.sendTransactional(message) }
            // It landed: a 5xx after a send is an unknown outcome, never "not sent, try again".
            #expect(error?.kind == .outcomeUnknown)
            #expect(error?.message.contains("try again shortly") == false)
            #expect(error?.message.contains("the outcome is unknown") == true)
            #expect(sandbox.server.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1)
            #expect(sandbox.server.probe.deliveryCount(customerID: "9") == before + 1)
        }
    }

    @Test func aSendWhoseAnswerNeverComesHasAnUnknownOutcomeAndLandsOnce() async throws {
        try await SandboxHarness.with(timeout: 0.5) { sandbox in
            // The lookup goes through a client with the usual timeout: only the send is meant to run out of time,
            // and a busy machine (the whole suite at once on two cores) can hold a plain read past half a second.
            let reader = AppAPIClient(configuration: try ClientConfiguration(key: Secret("any")!, appBaseURL: sandbox.server.baseURL))
            let template = try #require(try await reader.transactionalTemplates().first)
            let before = sandbox.server.probe.deliveryCount(customerID: "11")
            sandbox.server.probe.inject(.delay(3_000, method: "POST", pathPrefix: "/v1/send/email"))
            let message = TransactionalMessage(channel: .email, template: .id(template.id), identifiers: .id("11"), to: "p11@example.com")
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.sendTransactional(message) }
            #expect(error?.kind == .outcomeUnknown)
            // The sandbox logs a request when its answer goes out; stopping waits for the held answer.
            await sandbox.server.stop()
            #expect(sandbox.server.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1)
            #expect(sandbox.server.probe.deliveryCount(customerID: "11") == before + 1)
        }
    }

    @Test func aBroadcastTriggerCreatesDeliveriesAndReportsItsStatus() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let broadcast = try #require(try await client.broadcasts().first)
            var body = BroadcastTriggerRequest(audience: .ids(["1", "2", "nobody-here"]), data: ["promo": .string("WINTER")])
            body.idIgnoreMissing = true
            let triggerID = try await client.triggerBroadcast(id: broadcast.id, body)
            let status = try await client.broadcastTriggerStatus(broadcastID: broadcast.id, triggerID: triggerID)
            #expect(status.id == triggerID)
            _ = try await client.broadcastTriggerErrors(broadcastID: broadcast.id, triggerID: triggerID)
            let history = try await client.broadcastTriggers(id: broadcast.id)
            #expect(history.contains { $0.id == triggerID })
        }
    }

    @Test func aTriggerWithUnknownPeopleAndNoIgnoreFlagIsRejectedWithTheServersWords() async throws {
        try await SandboxHarness.with { sandbox in
            let broadcast = try #require(try await sandbox.client.broadcasts().first)
            let body = BroadcastTriggerRequest(audience: .ids(["nobody-here"]))
            let error = await #expect(throws: CustomerIOError.self) { try await sandbox.client.triggerBroadcast(id: broadcast.id, body) }
            #expect(error?.kind == .badRequest)
            #expect(error?.status == 422)
        }
    }

    @Test func customerExportsGoFromPendingToDoneAndDownload() async throws {
        try await SandboxHarness.with { sandbox in
            let client = sandbox.client
            let export = try await client.exportCustomers(CustomersExportRequest(filters: .attribute(field: "plan", condition: .equals("enterprise"))))
            #expect(export.status == "pending")
            var current = export
            for _ in 0..<100 where current.status != "done" {
                try await Task.sleep(for: .milliseconds(50))
                current = try await client.export(id: export.id)
            }
            #expect(current.status == "done")
            let url = try await client.exportDownloadURL(id: export.id)
            let file = String(decoding: try await client.downloadExportFile(from: url), as: UTF8.self)
            let lines = file.split(separator: "\n")
            #expect(lines.first?.contains("email") == true)
            #expect(lines.count - 1 == current.total)
            #expect(try await client.exports().contains { $0.id == export.id })
        }
    }

    @Test func deliveriesExportsNeedExactlyOneSource() async throws {
        try await SandboxHarness.with { sandbox in
            let campaign = try #require(try await sandbox.client.campaigns().first)
            let export = try await sandbox.client.exportDeliveries(DeliveriesExportRequest(source: .campaign(campaign.id)))
            #expect(export.type == "deliveries")
        }
    }
}
