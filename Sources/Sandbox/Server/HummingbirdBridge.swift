import Hummingbird

/// Adapts Hummingbird requests and responses to the library-independent `Pipeline`.
enum HummingbirdBridge {
    /// Bodies larger than this are refused (attachments are limited to 2 MB anyway).
    static let maximumBody = 32 * 1_024 * 1_024

    static func responder(pipeline: Pipeline, clock: SandboxClock) -> CallbackResponder<BasicRequestContext> {
        CallbackResponder { request, _ in
            let receivedAt = clock.now()
            var request = request
            let body: [UInt8]
            do {
                let buffer = try await request.collectBody(upTo: maximumBody)
                body = Array(buffer.readableBytesView)
            } catch {
                return response(Reply.json(Envelopes.errors(status: 413, detail: "request body too large"), status: 413))
            }
            var headers: [String: String] = [:]
            for field in request.headers {
                let name = field.name.canonicalName
                headers[name] = headers[name].map { "\($0), \(field.value)" } ?? field.value
            }
            let exchange = Exchange(
                method: request.method.rawValue, rawPath: request.uri.path, rawQuery: request.uri.query,
                headers: headers, body: body, receivedAt: receivedAt
            )
            return response(await pipeline.handle(exchange))
        }
    }

    static func response(_ reply: Reply) -> Response {
        var fields = HTTPFields()
        for (name, value) in reply.headers {
            if let fieldName = HTTPFields.Element.Name(name) { fields.append(HTTPFields.Element(name: fieldName, value: value)) }
        }
        let body = reply.body.isEmpty && reply.status == 204 ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body))
        return Response(status: HTTPResponse.Status(code: reply.status), headers: fields, body: body)
    }
}
