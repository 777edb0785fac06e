import CustomerIO
import Testing
import TerminalUI
@testable import App

/// Nothing leaves unless `y` is pressed on a review showing exactly what is sent: from the reducer alone.
@Suite struct ReviewSafetyTests {
    /// A reducer in the composer on an email draft that plans.
    static func composing(now: Double = 100) throws -> (Reducer, ComposeDraft) {
        var reducer = Reducer()
        reducer.state.now = now
        var draft = ComposeDraft(kind: .email)
        draft.identifier = "42"
        draft.to = "jane@example.com"
        draft.template = "1"
        var composer = ComposerState()
        composer.draft = draft
        reducer.state.mode = .composing(composer)
        return (reducer, draft)
    }

    /// `s` in the composer: the ticket of the planning it asks for.
    static func askForReview(_ reducer: inout Reducer) throws -> Int {
        let effects = reducer.press(.character("s"))
        guard case .planWrite(_, let ticket)? = effects.first, effects.count == 1 else {
            Issue.record("s asked for \(effects)")
            return -1
        }
        return ticket
    }

    var review: (Reducer) -> ReviewState? { { if case .reviewing(let review) = $0.state.mode { review } else { nil } } }

    @Test func enterNeverSendsFromTheReviewOnlyYDoes() throws {
        var (reducer, draft) = try Self.composing()
        let ticket = try Self.askForReview(&reducer)
        let write = try WritePlanner.plan(draft)
        reducer.send(.writePlanned(write, ticket: ticket))
        #expect(review(reducer)?.stage == .reviewing)
        reducer.send(.tick(now: 105))
        #expect(reducer.press(.enter).isEmpty, "Enter on the review sends nothing")
        #expect(review(reducer)?.stage == .reviewing)
        #expect(reducer.state.flash?.text.hasPrefix("Enter never sends") == true)
        #expect(reducer.press(.character("y")) == [.performWrite(review(reducer)!.write)])
        #expect(review(reducer)?.stage == .sending)
    }

    @Test func enterAfterATypedCountDoesNotSendEither() throws {
        var reducer = Reducer()
        var draft = ComposeDraft(kind: .broadcast)
        draft.broadcastID = "60"
        draft.audience = .ids
        draft.audienceValue = (1...1_500).map(String.init).joined(separator: ",")
        let write = try WritePlanner.plan(draft)
        #expect(write.confirmCount == 1_500)
        reducer.state.mode = .reviewing(ReviewState(write: write, openedAt: 0))
        reducer.send(.tick(now: 10))
        reducer.type("1500")
        #expect(review(reducer)?.typedCount.text == "1500")
        #expect(reducer.press(.enter).isEmpty)
        #expect(review(reducer)?.stage == .reviewing)
        #expect(reducer.press(.character("y")).count == 1)
    }

    /// "Checking the draft…", Esc Esc back to the profile, and the answer arrives: it must not open a review.
    @Test func aPlanThatArrivesAfterTheUserLeftTheComposerNeverOpens() throws {
        var (reducer, draft) = try Self.composing()
        let ticket = try Self.askForReview(&reducer)
        #expect(reducer.state.flash?.text == "Checking the draft…")
        reducer.press(.escape, .escape)
        #expect(reducer.state.mode == .browsing)
        #expect(reducer.state.flash?.text == "No review: the draft changed or was left")
        reducer.send(.tick(now: 103))
        reducer.send(.writePlanned(try WritePlanner.plan(draft), ticket: ticket))
        #expect(reducer.state.mode == .browsing, "the review did not open over the screen the user is on")
        // A stray y after that copies, as y does on a list; it sends nothing.
        #expect(!reducer.press(.character("y")).contains { if case .performWrite = $0 { true } else { false } })
    }

    @Test func aPlanForADraftChangedSinceIsDroppedAndAnOlderTicketIsIgnored() throws {
        var (reducer, draft) = try Self.composing()
        let first = try Self.askForReview(&reducer)
        // The user edits the draft while it is checked: the answer no longer shows what would be sent.
        guard case .composing(var composer) = reducer.state.mode else { return }
        composer.draft?.to = "other@example.com"
        reducer.state.mode = .composing(composer)
        reducer.send(.writePlanned(try WritePlanner.plan(draft), ticket: first))
        #expect(review(reducer) == nil)
        // Two asks: only the latest answer counts.
        let second = try Self.askForReview(&reducer)
        let third = try Self.askForReview(&reducer)
        #expect(third != second)
        let current = try WritePlanner.plan(composer.draft!)
        reducer.send(.writePlanned(current, ticket: second))
        #expect(review(reducer) == nil, "a superseded answer opens nothing")
        reducer.send(.writePlanned(current, ticket: third))
        #expect(review(reducer)?.write.endpoint == "POST /v1/send/email")
    }

    /// Leaving and coming back to the same draft before the plan arrives is still leaving: nothing opens.
    @Test func leavingAndComingBackBeforeThePlanArrivesOpensNothing() throws {
        var (reducer, draft) = try Self.composing()
        draft.markEdited()
        guard case .composing(var composer) = reducer.state.mode else { return }
        composer.draft = draft
        reducer.state.mode = .composing(composer)
        let ticket = try Self.askForReview(&reducer)
        reducer.press(.escape)  // to the menu, where the draft is listed first among the saved ones
        #expect(reducer.state.pendingReview == nil)
        for _ in ComposeDraft.Kind.allCases { reducer.press(.character("j")) }
        reducer.press(.enter)
        guard case .composing(let back) = reducer.state.mode else { return }
        #expect(back.draft == draft, "the same draft, unchanged")
        reducer.send(.writePlanned(try WritePlanner.plan(draft), ticket: ticket))
        #expect(review(reducer) == nil)
    }

    /// Enter cannot be made to send by configuration either.
    @Test func enterCannotBeBoundToSend() {
        let keymap = Keymap(overrides: ["review.send": [.enter, .character("y")]])
        #expect(keymap.binding(id: "review.send")?.keys == [.character("y")])
        #expect(keymap.problems.contains { $0.hasPrefix("keys: review.send cannot be enter") })
    }

    @Test func aPlanForTheDraftStillOnScreenOpensTheReview() throws {
        var (reducer, draft) = try Self.composing()
        let ticket = try Self.askForReview(&reducer)
        reducer.press(.character("j"))  // moving the focus changes nothing that is sent
        reducer.send(.writePlanned(try WritePlanner.plan(draft), ticket: ticket))
        #expect(review(reducer)?.composer?.draft == draft)
        #expect(review(reducer)?.openedAt == 100)
    }

    /// A key typed for the screen before cannot act on a review that has only just appeared.
    @Test func aReviewThatHasJustAppearedIgnoresKeysForItsGrace() throws {
        #expect(ReviewState.keyGrace == 0.75)
        var (reducer, draft) = try Self.composing(now: 200)
        let ticket = try Self.askForReview(&reducer)
        reducer.send(.writePlanned(try WritePlanner.plan(draft), ticket: ticket))
        let lines = { (reducer: Reducer) in ReviewView.lines(self.review(reducer)!, state: reducer.state).map(\.0) }
        #expect(lines(reducer).contains(" Read it first: keys work in a moment"))
        #expect(!lines(reducer).contains { $0.hasPrefix(" y send") })
        reducer.send(.tick(now: 200.5))
        #expect(reducer.press(.character("y")).isEmpty)
        #expect(reducer.press(.escape).isEmpty)
        #expect(review(reducer)?.stage == .reviewing)
        reducer.send(.tick(now: 200.75))
        #expect(lines(reducer).contains { $0.hasPrefix(" y send") })
        #expect(reducer.press(.character("y")).count == 1)
    }

    @Test func digitsTypedDuringTheGraceDoNotCount() throws {
        var reducer = Reducer()
        var draft = ComposeDraft(kind: .broadcast)
        draft.broadcastID = "60"
        draft.audience = .ids
        draft.audienceValue = (1...1_000).map(String.init).joined(separator: ",")
        reducer.state.now = 50
        reducer.state.mode = .reviewing(ReviewState(write: try WritePlanner.plan(draft), openedAt: 50))
        reducer.type("10")
        #expect(review(reducer)?.typedCount.text == "")
        reducer.send(.tick(now: 51))
        reducer.type("1000")
        #expect(review(reducer)?.typedCount.text == "1000")
    }

    @Test func runLoopWakesWhenTheKeysStartToCount() throws {
        var reducer = Reducer()
        reducer.state.now = 10
        reducer.state.mode = .reviewing(ReviewState(write: try WritePlanner.plan(try Self.composing().1), openedAt: 10))
        #expect(ReviewUpdate.settlesAt(reducer.state) == 10.75)
        reducer.state.now = 11
        #expect(ReviewUpdate.settlesAt(reducer.state) == nil)
    }

    /// Manual segment writes ask too, and an answer after the user moved away opens nothing.
    @Test func aSegmentWriteReviewWaitsForItsCheckAndNotAfterNavigation() throws {
        var reducer = Reducer()
        _ = AppUpdate.start(&reducer.state)
        reducer.send(.listLoaded(.segments, [segmentRow(3, "VIP customers", type: "manual")]))
        reducer.send(.tick(now: 20))
        let effects = reducer.press(.character("D"))
        guard case .checkWrite(let write, let ticket)? = effects.first else {
            Issue.record("D asked for \(effects)")
            return
        }
        #expect(review(reducer) == nil, "nothing opens before the journal is consulted")
        reducer.press(.character("2"))
        reducer.send(.writePlanned(write, ticket: ticket))
        #expect(review(reducer) == nil)
        reducer.press(.character("1"))
        let again = reducer.press(.character("D"))
        guard case .checkWrite(let write2, let ticket2)? = again.first else { return }
        reducer.send(.writePlanned(write2, ticket: ticket2))
        #expect(review(reducer)?.write.title == "Delete a manual segment")
    }

    @Test func aRefusedAfterLeavingIsNotShownOverAnotherScreen() throws {
        var (reducer, _) = try Self.composing()
        let ticket = try Self.askForReview(&reducer)
        reducer.press(.escape, .escape)
        reducer.send(.writeRefused(["Say who gets it (Person)."], ticket: ticket))
        #expect(reducer.state.flash?.text.hasPrefix("Not ready") != true)
    }
}

/// What a failed write means: only a clear refusal or a request that never left is "not sent".
@Suite struct WriteOutcomeTests {
    @Test func fiveHundredsRedirectsAndTimeoutsAreUnknownRefusalsAreFailed() {
        func error(_ kind: CustomerIOError.Kind, _ status: Int?) -> CustomerIOError { CustomerIOError(kind: kind, message: "m", status: status) }
        for status in [500, 502, 503, 504, 301, 302, 200, 101] {
            #expect(WriteOutcome.after(error(.server, status)) == .unknown("m"), "\(status)")
        }
        for status in [400, 401, 403, 404, 409, 413, 422, 429] {
            #expect(WriteOutcome.after(error(.badRequest, status)) == .failed("m"), "\(status)")
        }
        #expect(WriteOutcome.after(error(.network, nil)) == .failed("m"), "never left")
        #expect(WriteOutcome.after(error(.configuration, nil)) == .failed("m"))
        #expect(WriteOutcome.after(error(.outcomeUnknown, nil)) == .unknown("m"))
        #expect(WriteOutcome.after(error(.timeout, nil)) == .unknown("m"))
        #expect(WriteOutcome.after(error(.cancelled, nil)) == .unknown("m"))
        #expect(WriteOutcome.after(CancellationError()) == .unknown("CancellationError()"))
    }
}
