import CustomerIO

/// One `[profiles.NAME]` table: a workspace, how to get its key, and how cio should behave with it.
public struct Profile: Sendable, Hashable {
    public var name: String
    /// Defaults to `us`, as the environment variable does.
    public var region: Region
    /// The App API key; nil leaves it to `CUSTOMERIO_APP_API_KEY`.
    public var apiKey: KeySource?
    /// Overrides the region's App API host (a proxy, the sandbox).
    public var apiURL: String?
    /// Track API site id, for writes that need the Track API.
    public var siteID: String?
    /// Track API key, for the same writes.
    public var trackKey: KeySource?
    /// A Pipelines source's write key, for the `P` test tool.
    public var cdpKey: KeySource?
    /// Refuse every write while this profile is in use.
    public var readOnly: Bool
    /// A theme name or path for this profile; overrides the file's global `theme`.
    public var theme: String?

    public init(
        name: String, region: Region = .us, apiKey: KeySource? = nil, apiURL: String? = nil, siteID: String? = nil,
        trackKey: KeySource? = nil, readOnly: Bool = false, theme: String? = nil
    ) {
        self.name = name
        self.region = region
        self.apiKey = apiKey
        self.apiURL = apiURL
        self.siteID = siteID
        self.trackKey = trackKey
        self.readOnly = readOnly
        self.theme = theme
    }

    /// The environment variables this profile reads keys from: secrets, kept from every child process.
    public var secretVariables: [String] {
        [apiKey, trackKey, cdpKey].compactMap { source in
            if case .environment(let name)? = source { return name }
            return nil
        }
    }

    /// Whether a key comes from a command in the file, which makes who may change the file matter.
    public var runsKeyCommand: Bool {
        [apiKey, trackKey, cdpKey].contains { source in
            if case .command = source { return true }
            return false
        }
    }

    /// Whether a key is written in the file itself, which makes the file's permissions matter.
    public var holdsLiteralKey: Bool {
        [apiKey, trackKey, cdpKey].contains { source in
            if case .literal = source { return true }
            return false
        }
    }
}
