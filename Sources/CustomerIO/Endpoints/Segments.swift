import Foundation

/// Segments: lists, counts, membership; manual segment writes (membership changes go through the Track API).
extension AppAPIClient {
    /// `GET /v1/segments` (not paged).
    public func segments() async throws -> [Segment] {
        try await send(APIRequest(.get, ["v1", "segments"]), as: SegmentsResponse.self).segments
    }

    /// `GET /v1/segments/{id}`.
    public func segment(id: Int) async throws -> Segment {
        try await send(APIRequest(.get, ["v1", "segments", String(id)]), as: SegmentResponse.self).segment
    }

    /// `GET /v1/segments/{id}/customer_count`.
    public func segmentCustomerCount(id: Int) async throws -> Int {
        try await send(APIRequest(.get, ["v1", "segments", String(id), "customer_count"]), as: SegmentCountResponse.self).count
    }

    /// `GET /v1/segments/{id}/membership`: one page (default 1000, at most 30000).
    public func segmentMembership(id: Int, start: String? = nil, limit: Int? = nil) async throws -> CustomerSearchPage {
        var request = APIRequest(.get, ["v1", "segments", String(id), "membership"])
        request.add("start", start)
        request.add("limit", limit.map { min(max($0, 1), 30_000) })
        return try await send(request, as: CustomerSearchPage.self)
    }

    /// Every member of a segment, page by page.
    public func allSegmentMembers(id: Int, pageSize: Int = 1000) -> CursorPages<CustomerIdentifiers> {
        CursorPages { start in
            let page = try await self.segmentMembership(id: id, start: start, limit: pageSize)
            return (page.identifiers, page.next)
        }
    }

    /// `GET /v1/segments/{id}/used_by`: campaigns and newsletters that depend on the segment.
    public func segmentUsage(id: Int) async throws -> SegmentUsage {
        try await send(APIRequest(.get, ["v1", "segments", String(id), "used_by"]), as: SegmentUsageResponse.self).usedBy
    }

    /// `POST /v1/segments`: creates an empty manual segment.
    public func createManualSegment(name: String, description: String? = nil) async throws -> Segment {
        try await send(try Self.createSegmentRequest(name: name, description: description), as: SegmentResponse.self).segment
    }

    /// `DELETE /v1/segments/{id}` (manual segments).
    public func deleteSegment(id: Int) async throws {
        try await sendExpectingNoContent(Self.deleteSegmentRequest(id: id))
    }

    /// Track API `POST /api/v1/segments/{id}/add_customers`, 1000 people per request.
    public func addToManualSegment(id: Int, people: [String], idType: IDType = .id) async throws {
        for request in try Self.membershipRequests(segment: id, change: .add, people: people, idType: idType) {
            try await sendExpectingNoContent(request)
        }
    }

    /// Track API `POST /api/v1/segments/{id}/remove_customers`, 1000 people per request.
    public func removeFromManualSegment(id: Int, people: [String], idType: IDType = .id) async throws {
        for request in try Self.membershipRequests(segment: id, change: .remove, people: people, idType: idType) {
            try await sendExpectingNoContent(request)
        }
    }

    /// Adding people to a manual segment, or removing them.
    public enum MembershipChange: String, Sendable {
        case add = "add_customers", remove = "remove_customers"
    }

    /// The create request exactly as it will be sent, for review screens.
    public static func createSegmentRequest(name: String, description: String? = nil) throws -> APIRequest {
        struct Body: Encodable {
            struct Inner: Encodable { let name: String; let description: String? }
            let segment: Inner
        }
        return APIRequest(.post, ["v1", "segments"], body: try jsonBody(Body(segment: .init(name: name, description: description))))
    }

    /// The delete request, for review screens.
    public static func deleteSegmentRequest(id: Int) -> APIRequest {
        APIRequest(.delete, ["v1", "segments", String(id)])
    }

    /// The Track API requests for a membership change, 1000 people each, exactly as they will be sent.
    public static func membershipRequests(segment id: Int, change: MembershipChange, people: [String], idType: IDType) throws -> [APIRequest] {
        struct Body: Encodable { let ids: [String] }
        var requests: [APIRequest] = []
        var offset = 0
        while offset < people.count {
            let chunk = Array(people[offset..<min(offset + 1000, people.count)])
            offset += chunk.count
            var request = APIRequest(.post, ["api", "v1", "segments", String(id), change.rawValue], body: try jsonBody(Body(ids: chunk)), api: .track)
            request.add("id_type", idType.rawValue)
            requests.append(request)
        }
        return requests
    }
}
