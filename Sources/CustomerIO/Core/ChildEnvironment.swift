/// The environment a process cio starts gets: its own, less every variable that holds a credential, so an
/// `$EDITOR`, a key command or a child sandbox never sees a key.
public enum ChildEnvironment {
    /// The variables cio reads credentials from by default.
    public static let secretVariables = [
        ConnectionSettings.Variable.key, ConnectionSettings.Variable.trackKey, ConnectionSettings.Variable.siteID,
        ConnectionSettings.Variable.cdpWriteKey,
    ]

    /// `environment` without the default secret variables and without `extra` (a profile's `api_key_env` and
    /// `track_api_key_env` name variables of the user's choosing).
    public static func sanitized(_ environment: [String: String], removing extra: [String] = []) -> [String: String] {
        let secrets = Set(secretVariables + extra)
        return environment.filter { !secrets.contains($0.key) }
    }
}
