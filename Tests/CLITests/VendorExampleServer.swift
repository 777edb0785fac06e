import Foundation
import Hummingbird
import Sandbox
import Synchronization

/// A server that answers every App API path with the vendor's documented example body, exactly as the spec shows it.
///
/// The bodies come from `Tests/tools/vendor-examples.py`, which renders them from the vendor's OpenAPI document.
final class VendorExampleServer: Sendable {
    struct Example: Sendable {
        let method: String
        let template: [String]
        let body: Data
    }

    let examples: [Example]
    private let server: LoopbackServer

    var baseURL: URL { URL(string: "http://127.0.0.1:\(server.port)")! }

    private init(examples: [Example], server: LoopbackServer) {
        self.examples = examples
        self.server = server
    }

    static func loadExamples() throws -> [Example] {
        guard let folder = Bundle.module.url(forResource: "VendorExamples", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile)
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "json" }
        return try files.map { file in
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
            let body = try JSONSerialization.data(withJSONObject: object["body"] ?? NSNull(), options: [.fragmentsAllowed])
            let path = object["path"] as! String
            return Example(method: object["method"] as! String, template: path.split(separator: "/").map(String.init), body: body)
        }
    }

    /// The example whose path template fits best: the most literal segments win.
    static func match(_ examples: [Example], method: String, path: String) -> Example? {
        let segments = path.split(separator: "/").map { $0.removingPercentEncoding ?? String($0) }
        return examples
            .filter { $0.method == method && $0.template.count == segments.count }
            .filter { example in zip(example.template, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 } }
            .max { left, right in
                left.template.filter { !$0.hasPrefix("{") }.count < right.template.filter { !$0.hasPrefix("{") }.count
            }
    }

    static func start() async throws -> VendorExampleServer {
        let examples = try loadExamples()
        let router = Router()
        for method in [HTTPRequest.Method.get, .post, .put, .delete] {
            router.on("**", method: method) { request, _ -> Response in
                guard let example = match(examples, method: request.method.rawValue, path: request.uri.path) else {
                    return Response(status: .notFound, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"errors":[{"detail":"not found","status":"404"}]}"#)))
                }
                return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: example.body)))
            }
        }
        let server = try await LoopbackServer.start(router.buildResponder())
        return VendorExampleServer(examples: examples, server: server)
    }

    func stop() async {
        await server.stop()
    }
}
