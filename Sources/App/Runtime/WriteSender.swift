import CustomerIO
import Foundation

/// Sends a planned write once, journaled, for the full-screen app and `cio track` alike. The client never retries a
/// write that may have arrived; only a clear refusal or a request that never left is "not sent", anything else is an
/// unknown outcome, said as such. The journal gets a `pending` line before each request leaves (nothing leaves that
/// could not be journaled) and the outcome after it, so even a write cut short by a quit or a crash is on record, as
/// unknown. A Track batch is one journal line per request, and stops at the first request that is not accepted.
public struct WriteSender: Sendable {
    public let client: AppAPIClient
    public let journal: WriteJournal
    public let profile: String

    public init(client: AppAPIClient, journal: WriteJournal, profile: String) {
        self.client = client
        self.journal = journal
        self.profile = profile
    }

    /// How it ended: the outcome, the error behind a failure (for exit codes), and a line per person of a batch.
    public struct Result: Sendable {
        public var outcome: WriteOutcome
        public var error: (any Error)?
        public var report: [String] = []
        /// Operations of a bulk write the API refused (a 207 names them).
        public var refused = 0
    }

    /// Sends it; `progress` hears, for a bulk write, each request as it leaves.
    public func send(_ write: PlannedWrite, progress: @Sendable (String) -> Void = { _ in }) async -> Result {
        if !write.parts.isEmpty { return await sendBatches(write, progress: progress) }
        let journaled = Self.journaledID(write.kind)
        switch await sendOne(write.request, endpoint: write.endpoint, digest: write.payloadDigest, content: write.contentDigest, resultID: journaled) {
        case .success(let answer):
            let id = displayedID(write.kind, body: answer.body)
            return Result(outcome: .done(id: (id ?? "accepted") + (answer.note ?? ""), link: EffectHandler.link(of: write.kind, id: id)))
        case .failure(let failure):
            return Result(outcome: failure.outcome, error: failure.error)
        }
    }

    /// What the outcome shows of the answer: its id, or for the Pipelines tool the answer itself, with every
    /// credential taken out (a proxy may echo the authorization back).
    func displayedID(_ kind: PlannedWrite.Kind, body: Data) -> String? {
        let id = EffectHandler.resultID(of: kind, body: body)
        if case .pipelines = kind { return id.map(Redactor(client.configuration).callAsFunction) }
        return id
    }

    /// What the journal keeps of the answer: the id a send, trigger, segment or export came back with; nothing for
    /// Track and Pipelines writes, whose answers hold no id (and the journal keeps no personal data or free text).
    static func journaledID(_ kind: PlannedWrite.Kind) -> (Data) -> String? {
        switch kind {
        case .track, .trackBatch, .pipelines: { _ in nil }
        default: { EffectHandler.resultID(of: kind, body: $0) }
        }
    }

    /// An accepted request's answer, and a note when its outcome could not be journaled.
    struct Answer {
        var body: Data
        var note: String?
    }

    /// Why one request did not end accepted.
    struct Failure: Error {
        var outcome: WriteOutcome
        var error: (any Error)?
    }

    /// One request, with its `pending` and outcome lines; the answer when it was accepted.
    func sendOne(_ request: APIRequest, endpoint: String, digest: String, content: String? = nil, resultID: (Data) -> String? = { _ in nil }) async -> Swift.Result<Answer, Failure> {
        let attempt = UUID().uuidString
        let record = { (outcome: JournalOutcome, detail: String?, id: String?) in
            WriteJournal.Entry(time: WallClock.now(), profile: profile, endpoint: endpoint, payloadDigest: digest, resultID: id, outcome: outcome, detail: detail, attempt: attempt, contentDigest: content)
        }
        do {
            try journal.append(record(WriteJournal.Entry.pending, nil, nil))
        } catch {
            return .failure(Failure(outcome: .failed("The journal could not be written (\(EffectHandler.message(error))), and no write leaves unrecorded.")))
        }
        var result: Swift.Result<Answer, Failure>
        do {
            result = .success(Answer(body: try await client.perform(request).body))
        } catch {
            result = .failure(Failure(outcome: await outcome(after: error, request), error: error))
        }
        let (word, detail, id): (JournalOutcome, String?, String?) = switch result {
        case .success(let answer): (.sent, nil, resultID(answer.body))
        case .failure(let failure): (failure.outcome.journalWord, failure.outcome.message, nil)
        }
        do {
            try journal.append(record(word, detail, id))
        } catch {
            // The write happened (or not) whatever the journal says; the user hears that its outcome was not
            // recorded (the pending line stands, and reads as unknown).
            let note = " (its outcome was not journaled: \(EffectHandler.message(error)))"
            switch result {
            case .success(var answer):
                answer.note = note
                return .success(answer)
            case .failure(let failure): return .failure(Failure(outcome: failure.outcome.adding(note), error: failure.error))
            }
        }
        return result
    }

    /// What a thrown write means; a Track or Pipelines call refused for its credentials says why, in words.
    private func outcome(after error: any Error, _ request: APIRequest) async -> WriteOutcome {
        let outcome = WriteOutcome.after(error)
        guard request.api == .track, let status = (error as? CustomerIOError)?.status, status == 401 || status == 403 else { return outcome }
        return .failed(EffectHandler.message(error) + " " + (await TrackDiagnosis.explain(client)))
    }
}

extension WriteOutcome {
    /// The journal's word for it.
    var journalWord: JournalOutcome {
        switch self {
        case .done: .sent
        case .failed: .failed
        case .unknown, .partial: .unknown
        }
    }

    /// The failure's or the uncertainty's message (nil when done).
    var message: String? {
        switch self {
        case .done: nil
        case .failed(let message), .unknown(let message), .partial(let message): message
        }
    }

    func adding(_ note: String) -> WriteOutcome {
        switch self {
        case .done(let id, let link): .done(id: id + note, link: link)
        case .failed(let message): .failed(message + note)
        case .unknown(let message): .unknown(message + note)
        case .partial(let message): .partial(message + note)
        }
    }
}

/// Why the Track API turned the credentials away: the region answer tells a key for the other region (or for no
/// workspace) from one that lacks a permission.
public enum TrackDiagnosis {
    public static func explain(_ client: AppAPIClient) async -> String {
        let configured = client.configuration.trackBaseURL.host ?? "the Track host"
        do {
            let region = try await client.trackRegion()
            let mine = client.configuration.region.rawValue
            guard let theirs = region.region?.lowercased() else { return "The credentials are valid (the region check answers) but this call was refused." }
            if theirs != mine {
                return "These Track credentials belong to the \(theirs.uppercased()) region (\(region.url ?? theirs)), and cio is set for \(mine.uppercased()): set region = \"\(theirs)\" in the profile, or CUSTOMERIO_REGION=\(theirs)."
            }
            return "The credentials are valid for the \(theirs.uppercased()) region, but this call was refused: check the key's permissions."
        } catch let error as CustomerIOError where error.status == 401 {
            return "The Track API does not know this site id and key at \(configured): check both under Settings → API credentials → Track API keys (and the region)."
        } catch {
            return "The region check failed too (\(EffectHandler.message(error)))."
        }
    }
}
