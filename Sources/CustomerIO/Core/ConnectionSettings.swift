import Foundation

/// Resolves a client configuration from flags and the environment, the way every `cio` command does.
///
/// Precedence: an explicit flag, then the environment (`CUSTOMERIO_APP_API_KEY`, `CUSTOMERIO_REGION`,
/// `CUSTOMERIO_APP_API_URL`, `CUSTOMERIO_SITE_ID`, `CUSTOMERIO_TRACK_API_KEY`, `CUSTOMERIO_TRACK_URL`,
/// `CUSTOMERIO_CDP_URL`, `CUSTOMERIO_CDP_WRITE_KEY`), then defaults.
public struct ConnectionSettings: Sendable {
    public var key: String?
    public var region: String?
    public var apiURL: String?
    public var trackURL: String?
    public var trackSiteID: String?
    public var trackKey: String?
    public var cdpURL: String?
    public var cdpWriteKey: String?

    public init(key: String? = nil, region: String? = nil, apiURL: String? = nil, trackURL: String? = nil, trackSiteID: String? = nil, trackKey: String? = nil, cdpURL: String? = nil, cdpWriteKey: String? = nil) {
        self.cdpURL = cdpURL
        self.cdpWriteKey = cdpWriteKey
        self.key = key
        self.region = region
        self.apiURL = apiURL
        self.trackURL = trackURL
        self.trackSiteID = trackSiteID
        self.trackKey = trackKey
    }

    /// Environment variable names, in one place so docs and errors agree.
    public enum Variable {
        public static let key = "CUSTOMERIO_APP_API_KEY"
        public static let region = "CUSTOMERIO_REGION"
        public static let apiURL = "CUSTOMERIO_APP_API_URL"
        public static let siteID = "CUSTOMERIO_SITE_ID"
        public static let trackKey = "CUSTOMERIO_TRACK_API_KEY"
        public static let trackURL = "CUSTOMERIO_TRACK_URL"
        public static let cdpURL = "CUSTOMERIO_CDP_URL"
        public static let cdpWriteKey = "CUSTOMERIO_CDP_WRITE_KEY"
    }

    /// Fills whatever the flags left open from `environment`.
    public func merged(with environment: [String: String]) -> ConnectionSettings {
        func pick(_ flag: String?, _ name: String) -> String? {
            if let flag, !flag.isEmpty { return flag }
            if let value = environment[name], !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return value }
            return nil
        }
        return ConnectionSettings(
            key: pick(key, Variable.key),
            region: pick(region, Variable.region),
            apiURL: pick(apiURL, Variable.apiURL),
            trackURL: pick(trackURL, Variable.trackURL),
            trackSiteID: pick(trackSiteID, Variable.siteID),
            trackKey: pick(trackKey, Variable.trackKey),
            cdpURL: pick(cdpURL, Variable.cdpURL),
            cdpWriteKey: pick(cdpWriteKey, Variable.cdpWriteKey)
        )
    }

    /// Builds the configuration, or explains in one sentence what is missing or wrong.
    public func configuration() throws -> ClientConfiguration {
        guard let rawKey = key, let secret = Secret(rawKey) else {
            throw CustomerIOError.configuration("No App API key: set \(Variable.key) (Customer.io → Settings → API credentials → App API keys), or try the built-in sandbox with `cio --demo` / `cio sandbox`.")
        }
        var chosenRegion = Region.us
        if let region {
            guard let parsed = Region(parsing: region) else {
                throw CustomerIOError.configuration("Unknown region '\(region)': use us or eu.")
            }
            chosenRegion = parsed
        }
        return try ClientConfiguration(
            key: secret,
            region: chosenRegion,
            appBaseURL: try apiURL.map(Self.parseURL),
            trackBaseURL: try trackURL.map(Self.parseURL),
            trackSiteID: trackSiteID,
            trackKey: trackKey.flatMap(Secret.init),
            cdpBaseURL: try cdpURL.map(Self.parseURL),
            cdpWriteKey: cdpWriteKey.flatMap(Secret.init)
        )
    }

    private static func parseURL(_ text: String) throws -> URL {
        guard let url = URL(string: text.trimmingCharacters(in: .whitespaces)) else {
            throw CustomerIOError.configuration("'\(text)' is not a URL.")
        }
        return url
    }
}
