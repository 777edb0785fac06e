import Foundation

/// A Customer.io data centre; a workspace lives in exactly one.
public enum Region: String, Sendable, CaseIterable, Codable {
    case us
    case eu

    /// Reads `us` / `eu` in any case; anything else is nil.
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// The App API host for this region.
    public var appAPIBaseURL: URL {
        switch self {
        case .us: URL(string: "https://api.customer.io")!
        case .eu: URL(string: "https://api-eu.customer.io")!
        }
    }

    /// The Track API host for this region (manual segment membership lives there).
    public var trackAPIBaseURL: URL {
        switch self {
        case .us: URL(string: "https://track.customer.io")!
        case .eu: URL(string: "https://track-eu.customer.io")!
        }
    }

    /// The Pipelines (Data Pipelines, CDP) API host for this region.
    public var cdpBaseURL: URL {
        switch self {
        case .us: URL(string: "https://cdp.customer.io")!
        case .eu: URL(string: "https://cdp-eu.customer.io")!
        }
    }

    /// The region to suggest when a key is refused here.
    public var other: Region { self == .us ? .eu : .us }

    /// "US" or "EU", for people.
    public var displayName: String { rawValue.uppercased() }
}
