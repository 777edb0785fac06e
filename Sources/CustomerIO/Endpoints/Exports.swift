import Foundation

/// Exports: list, start, poll and download.
extension AppAPIClient {
    /// `GET /v1/exports` (not paged).
    public func exports() async throws -> [Export] {
        try await send(APIRequest(.get, ["v1", "exports"]), as: ExportsResponse.self).exports
    }

    /// `GET /v1/exports/{id}`.
    public func export(id: Int) async throws -> Export {
        try await send(APIRequest(.get, ["v1", "exports", String(id)]), as: ExportResponse.self).export
    }

    /// `POST /v1/exports/customers` with `{"filters": …}`.
    public func exportCustomers(_ body: CustomersExportRequest) async throws -> Export {
        try await send(try Self.exportCustomersRequest(body), as: ExportResponse.self).export
    }

    /// `POST /v1/exports/deliveries`.
    public func exportDeliveries(_ body: DeliveriesExportRequest) async throws -> Export {
        try await send(try Self.exportDeliveriesRequest(body), as: ExportResponse.self).export
    }

    /// The request that starts a customers export, exactly as it will be sent (a write: never retried).
    public static func exportCustomersRequest(_ body: CustomersExportRequest) throws -> APIRequest {
        APIRequest(.post, ["v1", "exports", "customers"], body: try jsonBody(body), safety: .write)
    }

    /// The request that starts a deliveries export, exactly as it will be sent (a write: never retried).
    public static func exportDeliveriesRequest(_ body: DeliveriesExportRequest) throws -> APIRequest {
        APIRequest(.post, ["v1", "exports", "deliveries"], body: try jsonBody(body), safety: .write)
    }

    /// `GET /v1/exports/{id}/download`: a signed link that expires in 15 minutes.
    public func exportDownloadURL(id: Int) async throws -> URL {
        let response = try await send(APIRequest(.get, ["v1", "exports", String(id), "download"]), as: ExportDownloadResponse.self)
        guard let url = URL(string: response.url), url.scheme != nil else {
            throw CustomerIOError(kind: .malformedResponse, message: "The export's download link is not a URL.")
        }
        return url
    }

    /// Fetches an export's file from its signed link, without the API key (the link carries its own signature).
    public func downloadExportFile(from url: URL) async throws -> Data {
        let checked = try ClientConfiguration.checkedBaseURL(url)
        let request = HTTPRequestData(method: .get, url: checked, headers: [("User-Agent", configuration.userAgent)], body: nil, timeout: max(configuration.requestTimeout, 300))
        let response: HTTPResponseData
        do {
            response = try await rawTransport.send(request)
        } catch let failure as TransportFailure {
            throw CustomerIOError(kind: .network, message: "The export download from \(checked.host ?? "its host") failed: \(failure).")
        }
        guard (200..<300).contains(response.status) else {
            let hint = response.status == 403 ? " The link may have expired (they last 15 minutes); ask for a new one." : ""
            throw CustomerIOError(kind: response.status == 404 ? .notFound : .server, message: "The export download answered \(response.status).\(hint)", status: response.status)
        }
        return response.body
    }
}
