import Foundation
import Synchronization
@testable import CustomerIO

/// A transport that answers from a script and records what it was sent.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(HTTPResponseData)
        case fail(TransportFailure)
    }

    private struct State {
        var steps: [Step]
        var sent: [HTTPRequestData] = []
        var sentAt: [Double] = []
    }

    private let state: Mutex<State>
    private let fallback: Step
    private let time: (any TimeSource)?

    init(_ steps: [Step], fallback: Step = .respond(.json(200, "{}")), time: (any TimeSource)? = nil) {
        state = Mutex(State(steps: steps))
        self.fallback = fallback
        self.time = time
    }

    var sent: [HTTPRequestData] { state.withLock { $0.sent } }
    var sentAt: [Double] { state.withLock { $0.sentAt } }

    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        let step = state.withLock { state -> Step in
            state.sent.append(request)
            state.sentAt.append(time?.now ?? 0)
            return state.steps.isEmpty ? fallback : state.steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let failure): throw failure
        }
    }
}

extension HTTPResponseData {
    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> HTTPResponseData {
        var all = headers
        all["Content-Type"] = "application/json"
        return HTTPResponseData(status: status, headers: all, body: Data(body.utf8))
    }
}

/// A client wired to a scripted transport and virtual time.
func makeClient(
    _ transport: ScriptedTransport,
    time: VirtualTimeSource = VirtualTimeSource(),
    region: Region = .us,
    baseURL: URL? = nil,
    retry: RetryPolicy = RetryPolicy(),
    key: String = "sk_test_0123456789abcdef"
) throws -> AppAPIClient {
    let configuration = try ClientConfiguration(key: Secret(key)!, region: region, appBaseURL: baseURL, trackSiteID: "site", trackKey: Secret("trackkey"))
    return AppAPIClient(configuration: configuration, transport: transport, time: time, retryPolicy: retry, jitter: { 0.5 })
}
