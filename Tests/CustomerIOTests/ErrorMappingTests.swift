import Foundation
import Testing
@testable import CustomerIO

@Suite struct ErrorMappingTests {
    func mapped(_ status: Int, _ body: String = "", headers: [String: String] = [:], region: Region = .us, request: APIRequest = APIRequest(.get, ["v1", "segments"]), baseURL: URL? = nil) throws -> CustomerIOError {
        let configuration = try ClientConfiguration(key: Secret("sk_live_secret")!, region: region, appBaseURL: baseURL)
        return ErrorMapping(configuration: configuration).error(for: .json(status, body, headers: headers), request: request)
    }

    @Test func unauthorizedNamesTheRegionAndSuggestsTheOther() throws {
        let us = try mapped(401, #"{"errors":[{"detail":"invalid credentials","status":"401"}]}"#)
        #expect(us.kind == .unauthorized)
        #expect(us.message.contains("api.customer.io"))
        #expect(us.message.contains("--region eu"))
        #expect(us.message.contains("invalid credentials"))
        #expect(us.exitCode == 3)
        let eu = try mapped(401, region: .eu)
        #expect(eu.message.contains("api-eu.customer.io"))
        #expect(eu.message.contains("--region us"))
    }

    @Test func aWrongDatacenterRedirectSaysSwitchRegion() throws {
        let error = try mapped(301, #"{"errors":[{"detail":"wrong datacenter","status":"301"}]}"#)
        #expect(error.kind == .wrongRegion)
        #expect(error.message.contains("--region eu"))
    }

    @Test func forbiddenMentionsScope() throws {
        let error = try mapped(403, #"{"meta":{"error":"workspace not entitled"}}"#)
        #expect(error.kind == .forbidden)
        #expect(error.message.contains("scope"))
        #expect(error.serverDetail == "workspace not entitled")
    }

    @Test func notFoundCarriesTheIDTypeHint() throws {
        let request = APIRequest(.get, ["v1", "customers", "jane@example.com", "attributes"], notFoundHint: "If that is an email, use --id-type email.")
        let error = try mapped(404, request: request)
        #expect(error.kind == .notFound)
        #expect(error.message.contains("/v1/customers/jane@example.com/attributes"))
        #expect(error.message.contains("--id-type email"))
        #expect(error.exitCode == 4)
    }

    @Test func badRequestsQuoteTheServerFromEitherEnvelope() throws {
        let errors = try mapped(422, #"{"errors":[{"detail":"Errors were found","source":{"pointer":"/data/attributes/per_user_data"},"status":"422"}]}"#)
        #expect(errors.message.contains("Errors were found (at /data/attributes/per_user_data)"))
        let meta = try mapped(400, #"{"meta":{"error":"to is required"}}"#)
        #expect(meta.message.contains("to is required"))
        let metaList = try mapped(400, #"{"meta":{"errors":["bad language","bad id"]}}"#)
        #expect(metaList.serverDetail == "bad language; bad id")
        let empty = try mapped(400)
        #expect(empty.message.contains("no reason given"))
    }

    @Test func rateLimitReadsRetryAfter() throws {
        let error = try mapped(429, #"{"errors":[{"detail":"rate limited to 10 requests per 1s (reference a1b2c3)","status":"429"}]}"#, headers: ["Retry-After": "3"])
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == 3)
        #expect(error.exitCode == 5)
        let trigger = try mapped(429, request: APIRequest(.post, ["v1", "campaigns", "1", "triggers"], safety: .trigger))
        #expect(trigger.message.contains("1 broadcast trigger per 10 seconds"))
        #expect(trigger.retryAfter == nil)
    }

    @Test func serverErrorsShowAShortSafeExcerpt() throws {
        let long = "<html><head><title>502 Bad Gateway</title></head><body>" + String(repeating: "x", count: 5_000) + "</body></html>"
        let error = try mapped(502, long, headers: ["Content-Type": "text/html"])
        #expect(error.kind == .server)
        #expect(error.message.contains("502 Bad Gateway"))
        #expect(error.message.count < 400)
        #expect(!error.message.contains("<title>"))
    }

    @Test func theKeyIsRedactedIfTheServerEchoesIt() throws {
        let error = try mapped(400, #"{"errors":[{"detail":"bad token sk_live_secret","status":"400"}]}"#)
        #expect(!error.message.contains("sk_live_secret"))
        #expect(error.message.contains(Redactor.mark))
    }

    /// A gateway answering 502 or 504 after passing a send on is common: for a write, that is an unknown outcome,
    /// never "try again shortly".
    @Test func aWriteAnsweredWithAnythingButARefusalHasAnUnknownOutcome() throws {
        let send = APIRequest(.post, ["v1", "send", "email"], body: Data("{}".utf8))
        for status in [500, 502, 503, 504, 301, 307, 200, 199, 600] {
            let error = try mapped(status, "<html><title>\(status)</title></html>", headers: ["content-type": "text/html"], request: send)
            #expect(error.kind == .outcomeUnknown, "\(status)")
            #expect(error.status == status)
            #expect(error.message.contains("the outcome is unknown, and it is not retried"))
            #expect(!error.message.contains("try again"), "\(status): \(error.message)")
        }
        #expect(try mapped(301, request: send).message.contains("--region eu"))
        let trigger = APIRequest(.post, ["v1", "campaigns", "1", "triggers"], safety: .trigger)
        #expect(try mapped(504, request: trigger).kind == .outcomeUnknown)
        // Refusals stay refusals; reads keep their kinds.
        #expect(try mapped(422, #"{"meta":{"error":"to is required"}}"#, request: send).kind == .badRequest)
        #expect(try mapped(429, request: send).kind == .rateLimited)
        #expect(try mapped(502).kind == .server)
    }

    /// The Track key, the site id and the Basic token they make never come back out of a server's words.
    @Test func everyCredentialIsRedactedInEveryFormItIsSentIn() throws {
        let configuration = try ClientConfiguration(
            key: Secret("sk_live_secret")!, trackSiteID: "5f3c9a2b7e1d", trackKey: Secret("tk_8d7f6e5c4b3a2910")
        )
        let token = Data("5f3c9a2b7e1d:tk_8d7f6e5c4b3a2910".utf8).base64EncodedString()
        let unpadded = token.trimmingCharacters(in: CharacterSet(charactersIn: "="))
        let echo = "denied: Authorization: Basic \(token) (\(unpadded)) site 5f3c9a2b7e1d key tk_8d7f6e5c4b3a2910 app sk_live_secret"
        let mapping = ErrorMapping(configuration: configuration)
        let track = APIRequest(.post, ["api", "v1", "segments", "3", "add_customers"], body: Data("{}".utf8), api: .track)
        for response in [
            HTTPResponseData.json(401, #"{"meta":{"error":"\#(echo)"}}"#),
            HTTPResponseData(status: 400, headers: ["content-type": "text/plain"], body: Data(echo.utf8)),
            HTTPResponseData(status: 502, headers: ["content-type": "text/html"], body: Data("<html><body>\(echo)</body></html>".utf8)),
            // The token straddles where the excerpt is cut: redacted before cutting, no fragment is left.
            HTTPResponseData(status: 400, headers: ["content-type": "text/plain"], body: Data((String(repeating: "x", count: 100) + " " + echo).utf8)),
        ] {
            let error = mapping.error(for: response, request: track)
            for secret in ["5f3c9a2b7e1d", "tk_8d7f6e5c4b3a2910", token, unpadded, "sk_live_secret"] {
                #expect(!error.message.contains(secret), "\(response.status) leaks \(secret): \(error.message)")
                #expect(error.serverDetail?.contains(secret) != true)
            }
            #expect(!error.message.contains(String(token.prefix(8))), "no fragment of the token: \(error.message)")
        }
        let malformed = mapping.malformed(HTTPResponseData(status: 200, headers: [:], body: Data(echo.utf8)), request: track, reason: nil)
        #expect(!malformed.message.contains("tk_8d7f6e5c4b3a2910") && !malformed.message.contains(token))
    }

    @Test func shortValuesAreNotTreatedAsSecrets() {
        let redact = Redactor(secrets: ["abc", "longer-secret"])
        #expect(redact("abc and longer-secret") == "abc and [redacted]")
    }

    @Test func retryAfterAlsoReadsHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let header = "Tue, 14 Nov 2023 22:13:25 GMT"
        let seconds = RetryAfter.seconds(from: header, now: now)
        #expect(seconds == 5)
        #expect(RetryAfter.seconds(from: "soon") == nil)
    }
}
