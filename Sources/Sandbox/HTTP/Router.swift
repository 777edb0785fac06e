/// Matches a method and decoded path segments against patterns like `/v1/customers/:id/attributes`.
struct Router: Sendable {
    /// A route's handler: a named function of the route table's type, given the routed request.
    typealias Handler = @Sendable (RouteRequest) throws -> Reply

    /// Values captured from `:name` segments.
    struct Parameters: Sendable {
        private var values: [String: String] = [:]

        subscript(name: String) -> String { values[name] ?? "" }

        mutating func set(_ name: String, _ value: String) { values[name] = value }

        /// A numeric path id (campaign, segment, …); anything else is a 404 like an unknown id.
        func int(_ name: String) throws -> Int {
            guard let number = Int(self[name]) else { throw APIFailure.notFound("\(name) \(self[name]) not found") }
            return number
        }
    }

    private struct Route: Sendable {
        let method: String
        let pattern: [String]
        let handler: Handler
    }

    private var routes: [Route] = []

    mutating func add(_ method: String, _ pattern: String, use handler: @escaping Handler) {
        routes.append(Route(method: method, pattern: pattern.split(separator: "/").map(String.init), handler: handler))
    }

    mutating func get(_ pattern: String, use handler: @escaping Handler) { add("GET", pattern, use: handler) }
    mutating func post(_ pattern: String, use handler: @escaping Handler) { add("POST", pattern, use: handler) }
    mutating func put(_ pattern: String, use handler: @escaping Handler) { add("PUT", pattern, use: handler) }
    mutating func delete(_ pattern: String, use handler: @escaping Handler) { add("DELETE", pattern, use: handler) }

    /// What a request path resolves to.
    enum Match {
        case found(Handler, Parameters)
        case wrongMethod
        case none
    }

    func match(method: String, segments: [String]) -> Match {
        var pathMatched = false
        for route in routes where route.pattern.count == segments.count {
            var parameters = Parameters()
            var matched = true
            for (part, segment) in zip(route.pattern, segments) {
                if part.hasPrefix(":") {
                    parameters.set(String(part.dropFirst()), segment)
                } else if part != segment {
                    matched = false
                    break
                }
            }
            guard matched else { continue }
            pathMatched = true
            if route.method == method { return .found(route.handler, parameters) }
        }
        return pathMatched ? .wrongMethod : .none
    }
}
