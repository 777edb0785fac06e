import CustomerIO
import Foundation
import TerminalUI

/// The reducer's part for the review screen before every write: asking for a review, opening it only while it
/// still answers what the user asked, its keys (only `y` sends), and the outcome.
enum ReviewUpdate {
    // MARK: Asking for a review

    /// A new ticket for a review asked for from `origin`; any answer to an earlier request becomes stale.
    static func ticket(for origin: PendingReview.Origin, _ state: inout AppState) -> Int {
        let ticket = state.nextReviewTicket
        state.nextReviewTicket += 1
        state.pendingReview = PendingReview(ticket: ticket, origin: origin)
        return ticket
    }

    /// A write made in the reducer (manual segments), checked against the journal before its review opens.
    static func request(_ write: PlannedWrite, _ state: inout AppState) -> [Effect] {
        [.checkWrite(write, ticket: ticket(for: .screen(state.route), &state))]
    }

    /// Whether the user is still where `origin` asked for a review: in the composer on the same draft, unchanged, or on
    /// the same screen with nothing else open.
    static func isStill(at origin: PendingReview.Origin, _ state: AppState) -> Bool {
        switch (origin, state.mode) {
        case (.draft(let asked), .composing(let composer)): composer.draft == asked
        case (.screen(let route), .browsing): state.route == route
        case (.form(let asked), .acting(let form)): form == asked
        case (.marked(let route, let marks), .browsing): state.route == route && state.currentList.marked == marks
        default: false
        }
    }

    /// After every key: a review asked for from somewhere the user has since left is forgotten, so its answer opens
    /// nothing, even if the user comes back before it arrives.
    static func forgetIfMovedOn(_ state: inout AppState) {
        guard let pending = state.pendingReview, !isStill(at: pending.origin, state) else { return }
        state.pendingReview = nil
        // "Checking the draft…" would otherwise promise a review that is not coming. (Short enough for the status bar
        // at 80 columns; the draft itself stays saved in the composer.)
        let text = switch pending.origin {
        case .draft: "No review: the draft changed or was left"
        case .screen, .form, .marked: "No review: you moved on; nothing was sent"
        }
        state.flash = Flash.make(.info, text, now: state.now)
    }

    /// The pending request `ticket` answers, taken off the state; nil when the answer is for an older request.
    static func claim(_ ticket: Int, _ state: inout AppState) -> PendingReview? {
        guard let pending = state.pendingReview, pending.ticket == ticket else { return nil }
        state.pendingReview = nil
        return pending
    }

    /// A planned write came back. It opens the review only if it answers the latest request and the user is still
    /// where they asked for it (a field being typed into or a list being picked from counts as elsewhere);
    /// otherwise it is dropped: the draft stays saved in the composer.
    static func planned(_ write: PlannedWrite, ticket: Int, _ state: inout AppState) {
        guard let pending = claim(ticket, &state) else { return }
        guard isStill(at: pending.origin, state) else {
            state.flash = Flash.make(.info, "No review: you moved on; nothing was sent", now: state.now)
            return
        }
        if case .composing(let composer) = state.mode {
            guard composer.editing == nil, composer.picker == nil else {
                state.flash = Flash.make(.info, "No review while editing: press s again", now: state.now)
                return
            }
            open(write, composer: composer, &state)
            state.flash = nil
        } else if case .acting(let form) = state.mode {
            open(write, composer: nil, &state)
            if case .reviewing(var review) = state.mode {
                review.form = form
                state.mode = .reviewing(review)
            }
        } else {
            open(write, composer: nil, &state)
        }
    }

    /// Opens the review of a write, with the workspace it will reach spelled out. Keys wait ``ReviewState/keyGrace``.
    static func open(_ write: PlannedWrite, composer: ComposerState?, _ state: inout AppState) {
        var write = write
        write.cautions.append(state.session.isDemo
            ? "Demo workspace: this goes to the sandbox on this machine, not to real people."
            : "Real workspace: profile \(state.session.profile) (\(state.session.region)). This reaches real people.")
        state.mode = .reviewing(ReviewState(write: write, composer: composer, openedAt: state.now))
    }

    // MARK: Keys

    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .reviewing(var review) = state.mode else { return [] }
        // A key typed for the screen before cannot act on a review that has only just appeared.
        if review.isSettling(at: state.now) { return [] }
        var effects: [Effect] = []
        defer { if case .reviewing = state.mode { state.mode = .reviewing(review) } }
        switch (command, review.stage) {
        case (.reviewSend, .reviewing):
            guard confirmed(review, &state) else { return [] }
            review.stage = .sending
            effects.append(.performWrite(review.write))
        case (.reviewOpenOutcome, .reviewing):
            state.flash = Flash.make(.warn, "Enter never sends: y sends, Esc aborts", now: state.now)
        case (.reviewEdit, .reviewing):
            if let form = review.form {
                state.mode = .acting(form)
                return []
            }
            guard var composer = review.composer else { return [] }
            composer.problems = []
            state.mode = .composing(composer)
        case (.reviewPostpone, .reviewing):
            state.mode = .browsing
            state.flash = Flash.make(.info, review.composer == nil ? "Not sent." : "Postponed: the draft waits in the composer (c).", now: state.now)
        case (.reviewAbort, .reviewing):
            state.mode = .browsing
            state.flash = Flash.make(.info, review.composer == nil ? "Not sent." : "Not sent. The draft stays in the composer (c).", now: state.now)
        case (.reviewAbort, .finished), (.reviewPostpone, .finished):
            state.mode = .browsing
        case (.reviewOpenOutcome, .finished(.done(_, let link?))):
            state.mode = .browsing
            return AppUpdate.follow(link, &state)
        case (.reviewSend, .sending), (.reviewAbort, .sending):
            state.flash = Flash.make(.warn, "Sending… wait for the answer; it is never sent twice", now: state.now)
        case (.reviewUp, _):
            review.scroll = max(0, review.scroll - 1)
        case (.reviewDown, _):
            review.scroll = min(review.scroll + 1, ReviewView.endScroll(review, state: state))
        case (.reviewErase, .reviewing):
            review.typedCount.backspace()
        default:
            break
        }
        return effects
    }

    /// Whether `y` may send: not in read-only mode, and with the number typed when the review asks for one.
    private static func confirmed(_ review: ReviewState, _ state: inout AppState) -> Bool {
        if state.session.isReadOnly {
            state.flash = Flash.make(.warn, "read-only: writes are refused", now: state.now)
            return false
        }
        if let count = review.write.confirmCount, review.typedCount.text != String(count) {
            // Short enough for the status bar at 80 columns.
            let text = review.write.repeatsUnknownOutcome ? "Type \(count) first: it may have arrived" : "Type \(count) to confirm a send to that many people"
            state.flash = Flash.make(.warn, text, now: state.now)
            return false
        }
        return true
    }

    /// A digit typed on the review screen, toward the number it asks for.
    static func typeDigit(_ character: Character, _ state: inout AppState) {
        guard case .reviewing(var review) = state.mode, review.stage == .reviewing, !review.isSettling(at: state.now),
              review.write.confirmCount != nil, character.isNumber else { return }
        review.typedCount.insert(String(character))
        state.mode = .reviewing(review)
    }

    /// When keys on the review that is open start to count, on the state's clock (nil when they already do), so
    /// the run loop wakes to draw the keys line then.
    static func settlesAt(_ state: AppState) -> Double? {
        guard case .reviewing(let review) = state.mode, review.isSettling(at: state.now) else { return nil }
        return review.openedAt + ReviewState.keyGrace
    }

    // MARK: Outcome

    static func finished(_ outcome: WriteOutcome, _ state: inout AppState) -> [Effect] {
        guard case .reviewing(var review) = state.mode else { return [] }
        review.stage = .finished(outcome)
        var effects: [Effect] = []
        switch outcome {
        case .done(let id, _):
            if let form = review.form { state.unsettledForms[form.key] = nil }
            if case .startExport(let what) = review.write.kind {
                state.flash = Flash.make(.info, "Export \(id) started: \(what). Enter opens Exports, which follows it", now: state.now)
            } else {
                state.flash = Flash.make(.info, "Done: \(id)", now: state.now)
            }
            if case .trigger = review.write.kind { state.lastTriggerAt = state.now }
            if let draft = review.write.draftID { effects.append(.deleteDraft(id: draft)) }
            if case .trigger(let broadcast) = review.write.kind, let trigger = Int(id) {
                review.polling = TriggerRef(broadcastID: broadcast, triggerID: trigger)
                effects.append(.pollTrigger(broadcastID: broadcast, triggerID: trigger))
            }
        case .failed(let message):
            state.flash = Flash.make(.error, message, now: state.now)
        case .partial:
            // Some of it landed: a repeat must be the same batches, which the journal recognises.
            if let form = review.form { state.unsettledForms[form.key] = form }
            state.flash = Flash.make(.error, "Partly done: the report says who", now: state.now)
        case .unknown(let message):
            if case .startExport = review.write.kind { state.lists[.exports]?.rows = .idle }
            state.flash = Flash.make(.error, "Outcome unknown — check \(whereToLook(review.write.kind))", now: state.now)
            // The draft or form remembers, so a later review of it is the same request and warns before a second send.
            if let form = review.form { state.unsettledForms[form.key] = form }
            if var draft = review.composer?.draft {
                draft.unknownOutcome = message
                review.composer?.draft = draft
                effects.append(.saveDraft(draft))
            }
        }
        // The outcome is at the end of what may be a long body: scrolled into view.
        review.scroll = ReviewView.endScroll(review, state: state)
        state.mode = .reviewing(review)
        // What the write touched is stale now: lists and sections reload when next shown.
        if outcome.changedSomething {
            // The effect emptied the cache before reporting, so what reloads behind the outcome is fresh.
            forgetWhatWritesTouch(&state)
            effects += AppUpdate.ensureLoaded(&state)
        }
        return effects
    }

    /// Where to look before sending a write again whose outcome is unknown.
    static func whereToLook(_ kind: PlannedWrite.Kind) -> String {
        switch kind {
        case .send: "Messages before sending again"
        case .trigger: "the broadcast's triggers before sending again"
        case .createSegment, .deleteSegment: "Segments before trying again"
        case .addMembers, .removeMembers: "the segment's members before trying again"
        case .startExport: "Exports before starting another"
        case .suppress(let type, let email), .unsuppress(let type, let email): "the \(type.noun) list for \(email)"
        case .track(_, let person, _): "the profile (\(person)) before sending again"
        case .trackBatch: "the people's profiles before sending again"
        case .pipelines: "the source's debugger in Customer.io before sending again"
        }
    }

    private static func forgetWhatWritesTouch(_ state: inout AppState) {
        for pane in Array(state.lists.keys) where pane != .customers { state.lists[pane]?.rows = .idle }
        // People a write changed (or took away) are shown afresh; marks on a list are for one write at a time.
        if state.lists[.customers]?.marked.isEmpty == false || state.customerQuery.isEmpty == false {
            state.lists[.customers]?.rows = .idle
        }
        for pane in Array(state.lists.keys) { state.lists[pane]?.marked = [] }
        state.members = [:]
        for route in Array(state.details.keys) {
            state.details[route]?.sections = [:]
            // What `U` acts on is stale too: it comes back with the reachability section.
            state.details[route]?.reachability = nil
        }
        state.requestedCells = []
        state.prefetched = []
    }

    // MARK: Following a trigger

    /// Seconds until the API takes another trigger, when a trigger is waiting for its turn.
    static func triggerCountdown(_ state: AppState) -> Int? {
        guard case .reviewing(let review) = state.mode, review.stage == .sending, case .trigger = review.write.kind,
              let last = state.lastTriggerAt else { return nil }
        let left = Int((last + 10 - state.now).rounded(.up))
        return left > 0 ? left : nil
    }

    /// A followed trigger's status and errors (or a bulk write's report). Once a trigger is processed, its
    /// messages exist: what was loaded while it was queued (the broadcast behind the review, its triggers, the
    /// Messages list) is forgotten and reloads, so what Enter opens is fresh.
    static func followed(_ lines: [String], done: Bool, _ state: inout AppState) -> [Effect] {
        guard case .reviewing(var review) = state.mode else { return [] }
        review.followUp = lines
        review.pollAt = done ? nil : state.now + 2
        let finishedTrigger = done && review.polling != nil
        if done { review.polling = nil }
        review.scroll = ReviewView.endScroll(review, state: state)
        state.mode = .reviewing(review)
        guard finishedTrigger else { return [] }
        forgetWhatWritesTouch(&state)
        return AppUpdate.ensureLoaded(&state)
    }

    /// On each tick: ask for a followed trigger's status when it is time.
    static func poll(_ state: inout AppState) -> [Effect] {
        guard case .reviewing(var review) = state.mode, let trigger = review.polling, let at = review.pollAt, state.now >= at else { return [] }
        review.pollAt = nil
        state.mode = .reviewing(review)
        return [.pollTrigger(broadcastID: trigger.broadcastID, triggerID: trigger.triggerID)]
    }
}
