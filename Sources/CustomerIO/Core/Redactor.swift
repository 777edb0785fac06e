import Foundation

/// Removes every secret a configuration holds from text a server (or a transport) wrote, in each form it travels
/// in: the App API key (Bearer), the Track API key and site id, and the Basic token `base64(site_id:key)` with and
/// without its padding. Anything a server echoes back is passed through here before it is shown or written down.
public struct Redactor: Sendable {
    /// What replaces a secret (square brackets: excerpts strip anything that looks like an HTML tag).
    public static let mark = "[redacted]"
    /// Shorter values are not treated as secrets: replacing every "1" of a site id "1" would garble the message
    /// and hide nothing.
    static let shortest = 4

    /// The forms to replace, longest first, so a token is not half-replaced through one of its parts.
    private let forms: [String]

    public init(secrets: [String]) {
        forms = Array(Set(secrets.filter { $0.count >= Self.shortest })).sorted { $0.count > $1.count }
    }

    /// The secrets of `configuration`, in every encoding cio sends them in.
    public init(_ configuration: ClientConfiguration) {
        var secrets = [configuration.key.reveal()]
        if let site = configuration.trackSiteID { secrets.append(site) }
        if let key = configuration.trackKey?.reveal() {
            secrets.append(key)
            if let site = configuration.trackSiteID {
                let token = Data("\(site):\(key)".utf8).base64EncodedString()
                secrets += [token, token.trimmingCharacters(in: CharacterSet(charactersIn: "="))]
            }
        }
        if let key = configuration.cdpWriteKey?.reveal() {
            let token = Data("\(key):".utf8).base64EncodedString()
            secrets += [key, token, token.trimmingCharacters(in: CharacterSet(charactersIn: "="))]
        }
        self.init(secrets: secrets)
    }

    /// `text` with every secret replaced by ``mark``.
    public func callAsFunction(_ text: String) -> String {
        forms.reduce(text) { $0.contains($1) ? $0.replacingOccurrences(of: $1, with: Self.mark) : $0 }
    }
}
