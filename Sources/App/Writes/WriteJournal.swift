import CustomerIO
import Foundation

/// Every write, appended as JSON lines to `journal.jsonl` in the state folder: when, which profile, which endpoint,
/// a digest of the payload, the id that came back and the outcome. Never the key, never the payload. Each attempt
/// writes a `pending` line before the request leaves and its outcome line after, both under one `attempt` id: an
/// attempt whose outcome never got written (cio quit, was killed, lost power) reads back as unknown.
public struct WriteJournal: Sendable {
    /// One write.
    public struct Entry: Codable, Sendable, Hashable {
        /// ISO 8601, UTC.
        public var time: String
        public var profile: String
        /// `POST /v1/send/email`.
        public var endpoint: String
        /// SHA-256 of the body, hex.
        public var payloadDigest: String
        /// The delivery id, trigger id or segment id the API answered with.
        public var resultID: String?
        /// `pending` (about to leave), then `sent`, `failed` or `unknown`.
        public var outcome: JournalOutcome
        /// The error, for a failed or unknown outcome.
        public var detail: String?
        /// Ties an attempt's `pending` line to its outcome line (nil in lines written before attempts had ids).
        public var attempt: String?
        /// SHA-256 of what the write says with the ids cio made for it left out (an event's id), so the same event
        /// typed again with a new id is still known as a repeat; nil where nothing was made.
        public var contentDigest: String?

        enum CodingKeys: String, CodingKey {
            case time, profile, endpoint, outcome, detail, attempt
            case payloadDigest = "payload_sha256"
            case contentDigest = "content_sha256"
            case resultID = "result_id"
        }

        /// An attempt's line before the request leaves.
        public static let pending = JournalOutcome.pending

        /// `time` read back.
        public var date: Date? { try? Date(time, strategy: .iso8601) }

        public init(time: Date, profile: String, endpoint: String, payloadDigest: String, resultID: String?, outcome: JournalOutcome, detail: String? = nil, attempt: String? = nil, contentDigest: String? = nil) {
            self.time = time.formatted(.iso8601)
            self.profile = profile
            self.endpoint = endpoint
            self.payloadDigest = payloadDigest
            self.resultID = resultID
            self.outcome = outcome
            self.detail = detail
            self.attempt = attempt
            self.contentDigest = contentDigest
        }
    }

    public let file: URL

    public init(folder: URL) {
        file = folder.appendingPathComponent("journal.jsonl")
    }

    /// Appends one line with a single `write(2)` on a file opened with O_APPEND, so two cio processes never
    /// interleave their lines.
    public func append(_ entry: Entry) throws {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw JournalError(description: "cannot make \(folder.path): \(Self.reason(error))")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw JournalError(description: "cannot open \(file.path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        // The mode given to open applies only to a new file: one made earlier with a wider mode is tightened.
        guard fchmod(descriptor, 0o600) == 0 else { throw JournalError(description: "cannot make \(file.path) private: \(String(cString: strerror(errno)))") }
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count else { throw JournalError(description: "cannot append to \(file.path): \(String(cString: strerror(errno)))") }
    }

    /// What went wrong, in the system's words ("Permission denied", "Not a directory") rather than a Cocoa dump.
    static func reason(_ error: any Error) -> String {
        let outer = error as NSError
        let underlying = (outer.userInfo[NSUnderlyingErrorKey] as? any Error).map { $0 as NSError } ?? outer
        if underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        return String(describing: error).split(separator: "\n").first.map(String.init) ?? "failed"
    }

    /// Attempts at exactly this request (endpoint and payload digest) whose outcome is unknown, made in the last
    /// `window` seconds, oldest first: a new write of the same payload may repeat one that arrived.
    public func unknownOutcomes(endpoint: String, payloadDigest: String, within window: TimeInterval = 86_400, now: Date = WallClock.now()) -> [Entry] {
        attempts().filter { entry in
            guard entry.outcome == .unknown, entry.endpoint == endpoint, entry.payloadDigest == payloadDigest, let date = entry.date else { return false }
            return now.timeIntervalSince(date) <= window
        }
    }

    /// Attempts at the same content (``Entry/contentDigest``) on this endpoint whose outcome is unknown, made in the
    /// last `window` seconds, oldest first: the same event sent with a new id may repeat one that arrived.
    public func unknownOutcomes(endpoint: String, contentDigest: String, within window: TimeInterval = 86_400, now: Date = WallClock.now()) -> [Entry] {
        attempts().filter { entry in
            guard entry.outcome == .unknown, entry.endpoint == endpoint, entry.contentDigest == contentDigest, let date = entry.date else { return false }
            return now.timeIntervalSince(date) <= window
        }
    }

    /// One entry per attempt, oldest first: its outcome line, or — when only its `pending` line was written — the
    /// pending line read as unknown, since the request may have left.
    public func attempts() -> [Entry] {
        let lines = entries()
        let finished = Set(lines.filter { $0.outcome != Entry.pending }.compactMap(\.attempt))
        return lines.compactMap { entry in
            guard entry.outcome == Entry.pending else { return entry }
            if let attempt = entry.attempt, finished.contains(attempt) { return nil }
            var unknown = entry
            unknown.outcome = .unknown
            unknown.detail = "No outcome was recorded: cio stopped while the request was on its way."
            return unknown
        }
    }

    /// Every line, oldest first. A line that does not read (cut short by a crash) is skipped, not fatal.
    public func entries() -> [Entry] {
        guard let data = try? Data(contentsOf: file) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? decoder.decode(Entry.self, from: Data($0)) }
    }
}

/// The journal could not be written.
public struct JournalError: Error, CustomStringConvertible {
    public let description: String
}

/// What became of a journaled attempt, as the journal's `outcome` word. A word this version does not know (written
/// by a later one) is kept as it was, never read as another.
public enum JournalOutcome: Sendable, Hashable, Codable, ExpressibleByStringLiteral, CustomStringConvertible {
    case pending, sent, failed, unknown
    case other(String)

    public init(word: String) {
        switch word {
        case "pending": self = .pending
        case "sent": self = .sent
        case "failed": self = .failed
        case "unknown": self = .unknown
        default: self = .other(word)
        }
    }

    public init(stringLiteral word: String) {
        self.init(word: word)
    }

    /// The word written in the journal.
    public var word: String {
        switch self {
        case .pending: "pending"
        case .sent: "sent"
        case .failed: "failed"
        case .unknown: "unknown"
        case .other(let word): word
        }
    }

    public var description: String { word }

    public init(from decoder: any Decoder) throws {
        self.init(word: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(word)
    }
}
