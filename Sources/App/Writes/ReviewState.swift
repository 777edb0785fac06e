import CustomerIO
import TerminalUI

/// How a write ended.
public enum WriteOutcome: Sendable, Hashable {
    /// It was accepted: the id that came back (delivery, trigger or segment), and where it can be seen.
    case done(id: String, link: Route?)
    /// It did not happen: the API refused it in so many words (a 4xx), or it provably never left this machine.
    case failed(String)
    /// It may or may not have happened: no answer, a broken connection, a 5xx, a redirect — anything else.
    case unknown(String)
    /// Part of it happened: a bulk write whose first requests were accepted and a later one was not (refused, or
    /// its outcome unknown); what it says names which, and the report says who.
    case partial(String)

    /// What a write that threw means. Only a clear refusal or a provable "never left" is `failed`; everything else
    /// may have been processed (a gateway answers 502 or 504 after passing the request on), so it is `unknown`.
    /// Whether anything may have changed in the workspace: what was shown before is stale. Only a clear refusal
    /// or a provable "never left" leaves it as it was; an unknown outcome may have landed (a gateway's 502 after
    /// the server did it), so the screen must not keep showing the old truth.
    var changedSomething: Bool {
        switch self {
        case .done, .partial, .unknown: true
        case .failed: false
        }
    }

    static func after(_ error: any Error) -> WriteOutcome {
        let message = String(describing: error).split(separator: "\n").first.map(String.init) ?? "failed"
        guard let error = error as? CustomerIOError else { return .unknown(message) }
        if let status = error.status { return (400..<500).contains(status) ? .failed(message) : .unknown(message) }
        switch error.kind {
        // Nothing was built or nothing left: a missing credential, read-only, a connection never made.
        case .configuration, .readOnly, .network: return .failed(message)
        default: return .unknown(message)
        }
    }
}

/// The review screen before a write, then its progress and outcome.
public struct ReviewState: Sendable, Hashable {
    public enum Stage: Sendable, Hashable {
        case reviewing
        case sending
        case finished(WriteOutcome)
    }

    public var write: PlannedWrite
    /// The composer to return to with `e` (nil for writes that did not come from a draft).
    public var composer: ComposerState?
    /// The Track form to return to with `e` (nil for writes that did not come from one).
    public var form: TrackForm?
    public var stage = Stage.reviewing
    public var scroll = 0
    /// Above the audience threshold: the number typed so far.
    public var typedCount = TextInputState()
    /// Lines added after the outcome (a trigger's status and errors as they are polled).
    public var followUp: [String] = []
    /// While a bulk write sends: which request is on its way.
    public var progress: String?
    /// The trigger being followed, and when (on the state's clock) to ask again.
    public var polling: TriggerRef?
    public var pollAt: Double?

    /// When it appeared, on the state's clock: keys are ignored for ``keyGrace`` seconds after that.
    public var openedAt: Double

    /// How long a review that has just appeared ignores keys, so that a key typed for the screen before it (a `y`
    /// to copy, an Enter) cannot act on it. Human reaction to a change on screen takes 0.2–0.3 s, and a key already
    /// on its way is typed before the eye has caught up; 0.75 s covers both with room to spare.
    public static let keyGrace = 0.75

    public init(write: PlannedWrite, composer: ComposerState? = nil, openedAt: Double = 0) {
        self.write = write
        self.composer = composer
        self.openedAt = openedAt
    }

    /// Whether keys still wait at `now` (the review appeared less than ``keyGrace`` ago).
    public func isSettling(at now: Double) -> Bool { stage == .reviewing && now < openedAt + Self.keyGrace }
}

/// A review asked for and not yet shown. Only the answer carrying its ticket may open the review, and only while
/// the user is still where they asked for it: an answer that arrives after they moved on never opens by itself.
public struct PendingReview: Sendable, Hashable {
    /// Where the review was asked for.
    public enum Origin: Sendable, Hashable {
        /// `s` in the composer on this draft, exactly as it then was.
        case draft(ComposeDraft)
        /// A write key (`N`, `D`, `+`, `-`) on this screen.
        case screen(Route)
        /// Review (Enter on the last field, or ctrl-s) on this Track form, exactly as it then was.
        case form(TrackForm)
        /// A bulk write with no form (suppress, unsubscribe) on this list, for exactly these marked rows.
        case marked(Route, [RowKey])
    }

    public var ticket: Int
    public var origin: Origin
}

/// A broadcast trigger the API accepted, followed until it is processed.
public struct TriggerRef: Sendable, Hashable {
    public var broadcastID: Int
    public var triggerID: Int
}
