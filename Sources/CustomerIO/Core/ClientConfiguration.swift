import Foundation

/// Where and how the client reaches Customer.io.
public struct ClientConfiguration: Sendable {
    /// The App API key (Bearer).
    public var key: Secret
    /// The workspace's region; used for hosts and for error hints.
    public var region: Region
    /// Replaces the region's App API host (the sandbox, or a proxy).
    public var appBaseURL: URL
    /// Whether `appBaseURL` was set by hand rather than taken from the region.
    public var isBaseURLOverridden: Bool
    /// Track API host; manual segment membership is only there.
    public var trackBaseURL: URL
    /// Track API credentials (Basic auth), when the profile has them.
    public var trackSiteID: String?
    public var trackKey: Secret?
    /// Pipelines API host (the `:pipelines` test tool), and a source's write key (Basic auth, `key:`).
    public var cdpBaseURL: URL
    public var cdpWriteKey: Secret?
    /// How long one HTTP exchange may take.
    public var requestTimeout: Double
    /// Sent as User-Agent so the vendor can tell this tool apart.
    public var userAgent: String

    public init(
        key: Secret,
        region: Region = .us,
        appBaseURL: URL? = nil,
        trackBaseURL: URL? = nil,
        trackSiteID: String? = nil,
        trackKey: Secret? = nil,
        cdpBaseURL: URL? = nil,
        cdpWriteKey: Secret? = nil,
        requestTimeout: Double = 30,
        userAgent: String = "cio/\(CIOVersion.current)"
    ) throws {
        self.key = key
        self.region = region
        self.appBaseURL = try Self.checkedBaseURL(appBaseURL ?? region.appAPIBaseURL)
        self.isBaseURLOverridden = appBaseURL != nil
        self.trackBaseURL = try Self.checkedBaseURL(trackBaseURL ?? appBaseURL ?? region.trackAPIBaseURL)
        self.trackSiteID = trackSiteID
        self.trackKey = trackKey
        // A sandbox or proxy in place of the App API serves Pipelines under /cdp: never the real host by default.
        self.cdpBaseURL = try Self.checkedBaseURL(cdpBaseURL ?? appBaseURL?.appendingPathComponent("cdp") ?? region.cdpBaseURL)
        self.cdpWriteKey = cdpWriteKey
        self.requestTimeout = requestTimeout
        self.userAgent = userAgent
    }

    /// Keys travel in headers, so plain http is allowed only where nothing leaves the machine.
    public static func checkedBaseURL(_ url: URL) throws -> URL {
        guard let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw CustomerIOError.configuration("'\(url.absoluteString)' is not a usable URL: it needs a scheme and a host, like https://api.customer.io")
        }
        switch scheme {
        case "https":
            return url
        case "http" where isLoopback(host: host):
            return url
        case "http":
            throw CustomerIOError.configuration("Refusing plain http to \(host): the API key would cross the network unencrypted. Use https, or a loopback address for a local sandbox.")
        default:
            throw CustomerIOError.configuration("'\(url.absoluteString)' uses \(scheme)://; only https (or http to loopback) is supported")
        }
    }

    /// localhost, 127.0.0.0/8 and ::1.
    public static func isLoopback(host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        if bare == "localhost" || bare == "::1" || bare == "0:0:0:0:0:0:0:1" { return true }
        let parts = bare.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.allSatisfy({ UInt8($0) != nil }) else { return false }
        return parts[0] == "127"
    }
}

/// The version this build reports.
public enum CIOVersion {
    public static let current = "0.1.0"
}

extension ClientConfiguration {
    /// The host a request for `api` goes to.
    public func baseURL(for api: APIRequest.API) -> URL {
        switch api {
        case .app: appBaseURL
        case .track: trackBaseURL
        case .cdp: cdpBaseURL
        }
    }
}
