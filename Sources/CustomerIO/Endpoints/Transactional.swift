import Foundation

/// Transactional templates and sends.
extension AppAPIClient {
    /// `GET /v1/transactional` (the list's key is `messages`).
    public func transactionalTemplates() async throws -> [TransactionalTemplate] {
        try await send(APIRequest(.get, ["v1", "transactional"]), as: TransactionalTemplatesResponse.self).messages
    }

    /// `GET /v1/transactional/{id}`.
    public func transactionalTemplate(id: Int) async throws -> TransactionalTemplate {
        try await send(APIRequest(.get, ["v1", "transactional", String(id)]), as: TransactionalTemplateResponse.self).message
    }

    /// `GET /v1/transactional/{id}/contents`: the template's language variants.
    public func transactionalContents(id: Int) async throws -> [TransactionalContent] {
        try await send(APIRequest(.get, ["v1", "transactional", String(id), "contents"]), as: TransactionalContentsResponse.self).contents
    }

    /// `GET /v1/transactional/{id}/metrics`.
    public func transactionalMetrics(id: Int, period: MetricResolution = .days, steps: Int? = nil) async throws -> MetricSeries {
        var request = APIRequest(.get, ["v1", "transactional", String(id), "metrics"])
        request.add("period", period.rawValue)
        request.add("steps", steps.map { min($0, MetricsQuery.maxSteps(period)) })
        return try await send(request, as: MetricsResponse.self).metric
    }

    /// `GET /v1/transactional/{id}/messages` (the deliveries; there is no `/deliveries` path).
    public func transactionalMessages(id: Int, filter: MessageFilter = MessageFilter()) async throws -> MessagesPage {
        var request = APIRequest(.get, ["v1", "transactional", String(id), "messages"])
        filter.apply(to: &request)
        return try await send(request, as: MessagesPage.self)
    }

    /// `POST /v1/send/{channel}`: validated first, sent once, never retried.
    public func sendTransactional(_ message: TransactionalMessage) async throws -> SendResponse {
        let problems = message.problems()
        guard problems.isEmpty else {
            throw CustomerIOError(kind: .badRequest, message: problems.joined(separator: " "))
        }
        return try await send(try message.request(), as: SendResponse.self)
    }
}
