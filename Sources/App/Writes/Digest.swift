import Crypto
import Foundation

/// Fingerprints for the journal: enough to tell two payloads apart without keeping what they said.
enum Digest {
    static func sha256Hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
