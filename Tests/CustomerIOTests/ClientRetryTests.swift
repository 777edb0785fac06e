import Foundation
import Testing
@testable import CustomerIO

@Suite struct ClientRetryTests {
    let segmentsRequest = APIRequest(.get, ["v1", "segments"])

    @Test func readsRetryServerErrorsThenSucceed() async throws {
        let transport = ScriptedTransport([
            .respond(.json(503, #"{"errors":[{"detail":"busy","status":"503"}]}"#)),
            .fail(.notSent("connection refused")),
            .respond(.json(200, #"{"ok":true}"#)),
        ])
        let client = try makeClient(transport)
        let response = try await client.perform(segmentsRequest)
        #expect(response.status == 200)
        #expect(transport.sent.count == 3)
        #expect(client.activity.snapshot.retried == 2)
    }

    @Test func a429IsHonouredWithItsRetryAfter() async throws {
        let time = VirtualTimeSource(start: 0)
        let transport = ScriptedTransport([
            .respond(.json(429, #"{"errors":[{"detail":"rate limited to 10 requests per 1s","status":"429"}]}"#, headers: ["Retry-After": "2"])),
            .respond(.json(200, "{}")),
        ], time: time)
        let client = try makeClient(transport, time: time)
        _ = try await client.perform(segmentsRequest)
        let stamps = transport.sentAt
        #expect(stamps.count == 2)
        #expect(stamps[1] - stamps[0] >= 2)
    }

    @Test func aStormOf429sGivesUpWithAClearMessage() async throws {
        let transport = ScriptedTransport([], fallback: .respond(.json(429, "", headers: ["Retry-After": "1"])))
        let client = try makeClient(transport, retry: RetryPolicy(maxAttempts: 4, deadline: 60))
        let error = await #expect(throws: CustomerIOError.self) { try await client.perform(segmentsRequest) }
        #expect(error?.kind == .rateLimited)
        #expect(error?.message.contains("10 requests per second") == true)
        #expect(transport.sent.count == 4)
    }

    @Test func sendsAreNeverRetried() async throws {
        let transport = ScriptedTransport([.respond(.json(503, "")), .respond(.json(200, "{}"))])
        let client = try makeClient(transport)
        let send = APIRequest(.post, ["v1", "send", "email"], body: Data("{}".utf8))
        let error = await #expect(throws: CustomerIOError.self) { try await client.perform(send) }
        // A 503 may have come after the send was processed: unknown, not a server error to try again on.
        #expect(error?.kind == .outcomeUnknown)
        #expect(transport.sent.count == 1)
    }

    @Test func aSendThatNeverLeftIsTriedAgain() async throws {
        let transport = ScriptedTransport([.fail(.notSent("connection refused")), .respond(.json(200, #"{"delivery_id":"d1"}"#))])
        let client = try makeClient(transport)
        let send = APIRequest(.post, ["v1", "send", "email"], body: Data("{}".utf8))
        #expect(try await client.perform(send).status == 200)
        #expect(transport.sent.count == 2)
    }

    @Test func aSendInterruptedAfterLeavingIsNotRetried() async throws {
        let transport = ScriptedTransport([.fail(.interrupted("connection reset")), .respond(.json(200, "{}"))])
        let client = try makeClient(transport)
        let send = APIRequest(.post, ["v1", "send", "email"], body: Data("{}".utf8))
        let error = await #expect(throws: CustomerIOError.self) { try await client.perform(send) }
        #expect(error?.kind == .outcomeUnknown)
        #expect(transport.sent.count == 1)
    }

    @Test func aSendThatTimesOutHasAnUnknownOutcome() async throws {
        let transport = ScriptedTransport([.fail(.timedOut)])
        let client = try makeClient(transport)
        let send = APIRequest(.post, ["v1", "send", "email"], body: Data("{}".utf8))
        let error = await #expect(throws: CustomerIOError.self) { try await client.perform(send) }
        #expect(error?.kind == .outcomeUnknown)
        #expect(error?.message.contains("Check Messages before sending again") == true)
        #expect(transport.sent.count == 1)
    }

    @Test func theReadOnlyCustomerSearchIsRetriedDespiteBeingAPost() async throws {
        let transport = ScriptedTransport([.respond(.json(502, "")), .respond(.json(200, "{}"))])
        let client = try makeClient(transport)
        let search = APIRequest(.post, ["v1", "customers"], body: Data("{}".utf8), safety: .read)
        _ = try await client.perform(search)
        #expect(transport.sent.count == 2)
    }

    @Test func clientErrorsAreNotRetried() async throws {
        let transport = ScriptedTransport([.respond(.json(404, ""))])
        let client = try makeClient(transport)
        await #expect(throws: CustomerIOError.self) { try await client.perform(segmentsRequest) }
        #expect(transport.sent.count == 1)
    }

    @Test func theKeyGoesOnlyInTheAuthorizationHeader() async throws {
        let transport = ScriptedTransport([.respond(.json(200, "{}"))])
        let client = try makeClient(transport, key: "sk_secret_abc")
        _ = try await client.perform(segmentsRequest)
        let request = try #require(transport.sent.first)
        #expect(request.headers.contains { $0.name == "Authorization" && $0.value == "Bearer sk_secret_abc" })
        #expect(!request.url.absoluteString.contains("sk_secret_abc"))
    }

    @Test func trackRequestsUseBasicAuthWithTheSiteID() async throws {
        let transport = ScriptedTransport([.respond(.json(200, "{}"))])
        let client = try makeClient(transport)
        _ = try await client.perform(APIRequest(.post, ["api", "v1", "segments", "3", "add_customers"], api: .track))
        let header = try #require(transport.sent.first?.headers.first { $0.name == "Authorization" })
        #expect(header.value == "Basic " + Data("site:trackkey".utf8).base64EncodedString())
    }

    @Test func aBodyThatIsNotJSONGivesAClearError() async throws {
        let html = HTTPResponseData(status: 200, headers: ["Content-Type": "text/html"], body: Data("<html><body><h1>Bad Gateway</h1></body></html>".utf8))
        let transport = ScriptedTransport([.respond(html)])
        let client = try makeClient(transport)
        struct Anything: Decodable { let segments: [Int] }
        let error = await #expect(throws: CustomerIOError.self) { try await client.send(segmentsRequest, as: Anything.self) }
        #expect(error?.kind == .malformedResponse)
        #expect(error?.message.contains("an HTML page") == true)
        #expect(error?.message.contains("Bad Gateway") == true)
        #expect(error?.message.contains("<h1>") == false)
    }

    @Test func decodingFailuresSayWhere() async throws {
        let transport = ScriptedTransport([.respond(.json(200, #"{"segments":[1,"two"]}"#))])
        let client = try makeClient(transport)
        struct Numbers: Decodable { let segments: [Int] }
        let error = await #expect(throws: CustomerIOError.self) { try await client.send(segmentsRequest, as: Numbers.self) }
        #expect(error?.message.contains("segments[1]") == true)
    }
}
