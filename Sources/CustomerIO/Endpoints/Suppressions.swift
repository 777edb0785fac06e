import Foundation

/// ESP suppressions: the addresses the email service provider will not send to, and why.
extension AppAPIClient {
    /// `GET /v1/esp/search_suppression/{email}`: whether, and why, the ESP suppressed an address. An address it
    /// does not know is not suppressed: a 404 reads as an empty list.
    public func suppression(email: String) async throws -> SuppressionList {
        do {
            return try await send(APIRequest(.get, ["v1", "esp", "search_suppression", email]), as: SuppressionList.self)
        } catch let error as CustomerIOError where error.kind == .notFound {
            return SuppressionList()
        }
    }

    /// `POST /v1/esp/suppression/{type}/{email}`: puts an address on a list, exactly as it will be sent.
    public static func suppressRequest(_ type: SuppressionType, email: String) -> APIRequest {
        APIRequest(.post, ["v1", "esp", "suppression", type.rawValue, email], safety: .write)
    }

    /// `DELETE /v1/esp/suppression/{type}/{email}`: takes an address off a list.
    public static func unsuppressRequest(_ type: SuppressionType, email: String) -> APIRequest {
        APIRequest(.delete, ["v1", "esp", "suppression", type.rawValue, email], safety: .write)
    }

    /// `GET /v1/esp/suppression/{type}`: one page of a list, by offset (at most 1,000 an answer).
    public func suppressions(_ type: SuppressionType, offset: Int = 0, limit: Int = 1000) async throws -> SuppressionList {
        var request = APIRequest(.get, ["v1", "esp", "suppression", type.rawValue])
        request.add("offset", offset > 0 ? offset : nil)
        request.add("limit", min(max(limit, 1), 1000))
        return try await send(request, as: SuppressionList.self)
    }
}
