import CustomerIO
import Foundation
import Hummingbird
import Sandbox
import Synchronization

/// A gateway on loopback in front of the sandbox, as real traffic meets one: it forwards each request, and for the
/// requests a rule names it answers what a troubled gateway answers instead — a 502 or 504 after the request was
/// passed on (the server processed it), or an error page that echoes the request's credentials back.
final class GatewayProxy: Sendable {
    /// What the gateway does to matching requests.
    struct Rule: Sendable {
        enum Action: Sendable {
            /// Forward the request, then answer `status` with this body instead of the server's answer.
            case answerAfterForwarding(status: Int, body: String)
            /// Answer `status` without forwarding; the body is made from the request's Authorization header.
            case refuse(status: Int, body: @Sendable (_ authorization: String) -> String)
        }

        var method: String
        var pathPrefix: String
        var action: Action
    }

    /// The rules, shared with the request handler.
    final class Rules: Sendable {
        let list = Mutex<[Rule]>([])

        func first(method: String, path: String) -> Rule? {
            list.withLock { $0.first { $0.method == method && path.hasPrefix($0.pathPrefix) } }
        }
    }

    private let rules: Rules
    private let server: LoopbackServer

    var baseURL: URL { URL(string: "http://127.0.0.1:\(server.port)")! }

    private init(server: LoopbackServer, rules: Rules) {
        self.server = server
        self.rules = rules
    }

    func add(_ rule: Rule) { rules.list.withLock { $0.append(rule) } }

    /// From now on every request is forwarded and answered as the server answers it.
    func clearRules() { rules.list.withLock { $0.removeAll() } }

    /// A gateway page like nginx's, with no JSON in it.
    static func badGatewayPage(_ status: Int) -> String {
        "<html><head><title>\(status) Bad Gateway</title></head><body><center><h1>\(status) Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    }

    static func start(forwardingTo target: URL) async throws -> GatewayProxy {
        let rules = Rules()
        let router = Router()
        for method in [HTTPRequest.Method.get, .post, .put, .delete] {
            router.on("**", method: method) { request, _ -> Response in
                try await handle(request, target: target, rules: rules)
            }
        }
        let server = try await LoopbackServer.start(router.buildResponder())
        return GatewayProxy(server: server, rules: rules)
    }

    func stop() async {
        await server.stop()
    }

    private static func handle(_ request: Request, target: URL, rules: Rules) async throws -> Response {
        let rule = rules.first(method: request.method.rawValue, path: request.uri.path)
        let authorization = request.headers[.authorization] ?? ""
        if case .refuse(let status, let body)? = rule?.action {
            return answer(status, body(authorization), contentType: "text/plain")
        }
        let forwarded = try await forward(request, to: target)
        if case .answerAfterForwarding(let status, let body)? = rule?.action {
            return answer(status, body, contentType: "text/html")
        }
        var headers = HTTPFields()
        headers[.contentType] = forwarded.headers["content-type"] ?? "application/json"
        return Response(status: .init(code: forwarded.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: forwarded.body)))
    }

    private static func forward(_ request: Request, to target: URL) async throws -> HTTPResponseData {
        let body = try await request.body.collect(upTo: 8 << 20)
        var headers: [(name: String, value: String)] = []
        for field in request.headers where !["host", "content-length", "connection"].contains(field.name.canonicalName) {
            headers.append((field.name.rawName, field.value))
        }
        let url = URL(string: target.absoluteString + request.uri.description)!
        let outgoing = HTTPRequestData(
            method: CustomerIO.HTTPMethod(rawValue: request.method.rawValue) ?? .get, url: url, headers: headers,
            body: body.readableBytes == 0 ? nil : Data(body.readableBytesView), timeout: 30
        )
        return try await AsyncHTTPTransport.shared.send(outgoing)
    }

    private static func answer(_ status: Int, _ body: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
