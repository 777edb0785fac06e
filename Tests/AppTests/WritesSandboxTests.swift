import CustomerIO
import Foundation
import Sandbox
import Testing
import TerminalUI
@testable import App

/// Broadcast triggers and manual segments, driven through the composer and the review on the sandbox.
@Suite struct WritesSandboxTests {
    /// Opens a new draft of `kind` from the composer's menu.
    private func newDraft(_ kind: ComposeDraft.Kind, _ app: WritingApp) async throws {
        try await app.driver.press(.character("c"))
        let index = try #require(ComposeDraft.Kind.allCases.firstIndex(of: kind))
        for _ in 0..<index { try await app.driver.press(.character("j")) }
        try await app.driver.press(.enter)
        #expect(app.composer?.draft?.kind == kind)
    }

    /// Steps a cycled field until it reads `value`.
    private func cycle(_ field: ComposeField, to value: String, _ app: WritingApp) async throws {
        for _ in 0..<10 where app.composer?.draft?.text(of: field) != value { try await app.edit(field) }
        #expect(app.composer?.draft?.text(of: field) == value)
    }

    /// Sends ticks until `done` holds (the trigger's status is polled on ticks), at most `limit` of them.
    private func tick(_ app: WritingApp, until done: () -> Bool, limit: Int = 200) async throws {
        var now = app.driver.state.now
        for _ in 0..<limit where !done() {
            now += 2.5
            try await app.driver.send(.tick(now: now))
        }
    }

    @Test func aTriggerToAFilterIsCountedSentOnceAndFollowedUntilProcessed() async throws {
        try await WritingApp.with { app in
            try await newDraft(.broadcast, app)
            try await app.edit(.broadcast)
            let options = try #require(app.composer?.picker?.options)
            #expect(!options.isEmpty)
            try await app.driver.press(.enter)
            let broadcast = try #require(Int(app.composer?.draft?.broadcastID ?? ""))
            try await app.fill(.data, #"{"sale": "winter"}"#)
            try await cycle(.audience, to: "filter", app)
            try await app.fill(.audienceValue, "plan = enterprise")
            try await app.driver.press(.character("s"))

            let review = try #require(app.review)
            #expect(review.write.endpoint == "POST /v1/campaigns/\(broadcast)/triggers")
            var matches = 0
            var start: String?
            repeat {
                let page = try await app.app.client.searchCustomers(filter: FilterQuery.parse("plan = enterprise"), start: start, limit: 1_000)
                matches += page.identifiers.count
                start = page.next
            } while start != nil
            #expect(review.write.summary.contains("\(Format.grouped(matches)) people match the filter now"))
            #expect(review.write.confirmCount == nil, "\(matches) is under the threshold")

            try await app.confirm()
            guard case .finished(.done(let triggerID, let link))? = app.review?.stage else {
                Issue.record("not triggered: \(String(describing: app.review?.stage))")
                return
            }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/campaigns/\(broadcast)/triggers") == 1)
            #expect(link == .detail(.broadcasts, key: .id(broadcast)))
            #expect(app.journal.map(\.endpoint) == ["POST /v1/campaigns/\(broadcast)/triggers"])
            #expect(app.journal.first?.resultID == triggerID)
            // Its status is asked for until the sandbox has processed it.
            try await tick(app) { app.review?.followUp.first?.contains("processed") == true }
            #expect(app.review?.followUp.first?.hasPrefix("Trigger #\(triggerID) processed") == true)
            #expect(app.review?.followUp.contains { $0 == "No errors." || $0.hasSuffix("error(s):") } == true)
            #expect(app.review?.polling == nil)
            // Enter opens the broadcast as it is now: the trigger processed, not the pending one loaded while it
            // was queued.
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == link)
            let screen = app.driver.text
            #expect(screen.contains("#\(triggerID)") && !screen.contains("pending since"), "\(screen)")
            #expect(app.driver.state.details[try #require(link)]?.sections.values.contains { section in
                if case .loaded(let lines) = section { return lines.contains { $0.key == "#\(triggerID)" && $0.value.hasPrefix("processed") } }
                return false
            } == true)
        }
    }

    /// Triggered from the broadcast's own page, which reloads behind the review while the trigger is still queued:
    /// once it is processed, Enter shows it processed, not the pending answer loaded meanwhile.
    @Test func theBroadcastBehindTheReviewIsFreshOnceTheTriggerIsProcessed() async throws {
        try await WritingApp.with { app in
            try await app.driver.press(.character("4"))
            try await app.driver.press(.enter)
            guard case .detail(.broadcasts, let key) = app.driver.state.route else { Issue.record("\(app.driver.state.route)"); return }
            try await newDraft(.broadcast, app)
            try await app.edit(.broadcast)
            let options = app.composer?.picker?.options ?? []
            try await app.driver.type(try #require(options.first { $0.value == key.description }?.name))
            try await app.driver.press(.enter)
            #expect(app.composer?.draft?.broadcastID == key.description)
            try await app.driver.press(.character("s"))
            try await app.confirm()
            guard case .finished(.done(let triggerID, let link))? = app.review?.stage else {
                Issue.record("not triggered: \(String(describing: app.review?.stage))")
                return
            }
            try await tick(app) { app.review?.followUp.first?.contains("processed") == true }
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == link)
            let lines = app.driver.state.details[try #require(link)]?.sections.values.compactMap(\.value).flatMap { $0 } ?? []
            let line = lines.first { $0.key == "#\(triggerID)" }
            #expect(line?.value.hasPrefix("processed") == true, "\(String(describing: line))")
        }
    }

    @Test func twoTriggersInsideTenSecondsAreSpacedNotRejected() async throws {
        // The sandbox enforces the API's 1 trigger per 10 s (and 10 requests/s) and answers 429 past it.
        try await WritingApp.with(rateLimit: true) { app in
            var broadcast = 0
            for round in 1...2 {
                try await newDraft(.broadcast, app)
                try await app.edit(.broadcast)
                try await app.driver.press(.enter)
                broadcast = try #require(Int(app.composer?.draft?.broadcastID ?? ""))
                try await app.driver.press(.character("s"))
                try await app.confirm()
                guard case .finished(.done)? = app.review?.stage else {
                    Issue.record("trigger \(round) did not go through: \(String(describing: app.review?.stage))")
                    return
                }
                try await app.driver.press(.escape)
            }
            let triggers = app.probe.requests().filter { $0.method == "POST" && $0.path == "/v1/campaigns/\(broadcast)/triggers" }
            #expect(triggers.map(\.status) == [200, 200], "spaced, never refused")
            if triggers.count == 2 {
                #expect(triggers[1].receivedAt - triggers[0].receivedAt >= 9.5)
            }
            #expect(app.journal.map(\.outcome) == ["sent", "sent"])
        }
    }

    /// The trigger's review pre-flights its audience: the counts agree with numbers worked out here from the
    /// sandbox's own answers (profiles, the ESP's lists, the broadcast's deliveries of the last 7 days).
    @Test func theTriggerReviewPreflightsItsAudience() async throws {
        try await WritingApp.with { app in
            try await newDraft(.broadcast, app)
            try await app.edit(.broadcast)
            try await app.driver.press(.enter)
            let broadcast = try #require(Int(app.composer?.draft?.broadcastID ?? ""))
            try await cycle(.audience, to: "ids", app)
            let ids = (1...300).map(String.init)
            try await app.fill(.audienceValue, ids.joined(separator: ","))
            try await app.driver.press(.character("s"))
            let summary = try #require(app.review?.write.summary)

            // Worked out independently.
            let client = app.app.client
            let profiles = try await client.customerProfiles(ids: ids)
            var listed: Set<String> = []
            for type in SuppressionType.allCases { listed.formUnion(try await client.suppressions(type, limit: 1_000).suppressions.map { $0.email.lowercased() }) }
            let now = WallClock.unixNow()
            let recent = try await client.broadcastMessages(id: broadcast, filter: MessageFilter(limit: 1_000, startTS: now - 7 * 86_400)).messages
            let sent = Set(recent.compactMap { $0.customerIdentifiers?.id ?? $0.customerID })
            let unsubscribed = profiles.filter { $0.unsubscribed == true }.count
            let suppressed = profiles.filter { listed.contains(($0.identifiers?.email ?? "").lowercased()) }.count
            let already = profiles.filter { sent.contains($0.identifiers?.id ?? "") }.count
            let channels = Set(try await client.broadcastActions(id: broadcast).compactMap(\.type))

            #expect(summary.contains("Pre-flight: 300 people in the audience"))
            let among = try #require(summary.first { $0.hasPrefix("Among all 300: ") })
            #expect(among.contains("\(unsubscribed) unsubscribed"))
            #expect(among.contains("\(suppressed) suppressed at the ESP"))
            #expect(among.contains("\(already) sent this broadcast in the last 7 days"))
            if channels.contains("email") {
                let missing = profiles.filter { ($0.identifiers?.email ?? "").isEmpty }.count
                #expect(among.contains("\(missing) without an email address"))
            }
            #expect(summary.contains { $0.hasPrefix("Counted from their profiles, the ESP's suppression lists") })
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/campaigns/") == 0, "nothing leaves before y")
        }
    }

    @Test func aLargeTypedAudienceNeedsItsNumberBeforeY() async throws {
        try await WritingApp.with { app in
            try await newDraft(.broadcast, app)
            try await app.edit(.broadcast)
            try await app.driver.press(.enter)
            try await cycle(.audience, to: "ids", app)
            try await app.fill(.audienceValue, (1...1_200).map(String.init).joined(separator: ","))
            try await app.driver.press(.character("s"))
            #expect(app.review?.write.confirmCount == 1_200)
            try await app.confirm()
            #expect(app.review?.stage == .reviewing)
            #expect(app.app.statusBar.contains("Type 1200 to confirm"))
            try await app.driver.type("1201")
            try await app.driver.press(.backspace)
            try await app.driver.type("0")
            #expect(app.review?.typedCount.text == "1200")
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/campaigns/") == 0)
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else {
                Issue.record("not sent after the typed count: \(String(describing: app.review?.stage))")
                return
            }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/campaigns/") == 1)
        }
    }

    @Test func manualSegmentsAreCreatedFilledEmptiedAndDeletedThroughTheReview() async throws {
        try await WritingApp.with { app in
            try await app.driver.start()
            // Create.
            try await app.driver.press(.character("N"))
            try await app.driver.type("Spring pilot 2027")
            try await app.driver.press(.enter)
            #expect(app.review?.write.endpoint == "POST /v1/segments")
            try await app.confirm()
            guard case .finished(.done(let segmentID, _))? = app.review?.stage, let segment = Int(segmentID) else {
                Issue.record("not created: \(String(describing: app.review?.stage))")
                return
            }
            #expect(try await app.app.client.segments().contains { $0.id == segment && $0.name == "Spring pilot 2027" && $0.type == "manual" })
            try await app.driver.press(.escape)

            // Add a person from their profile, through the Track API.
            let person = try await app.openPerson("plan = pro")
            try await app.driver.press(.character("+"))
            guard case .choosing(let choice) = app.driver.state.mode else { Issue.record("no chooser: \(app.driver.state.mode)"); return }
            #expect(choice.options?.contains { $0.value == segmentID } == true)
            try await app.driver.type("spring pilot")
            try await app.driver.press(.enter)
            let add = try #require(app.review?.write)
            #expect(add.api == .track)
            #expect(add.endpoint == "POST /api/v1/segments/\(segment)/add_customers?id_type=id")
            #expect(app.app.lines.contains { $0.contains("Basic ••••••••") })
            try await app.confirm()
            guard case .finished(.done(_, let link))? = app.review?.stage else { Issue.record("not added: \(String(describing: app.review?.stage))"); return }
            #expect(try await app.app.client.segmentMembership(id: segment).identifiers.map(\.id) == [person])

            // Remove them from the segment's member list.
            try await app.driver.press(.enter)
            #expect(link == .members(segment: .id(segment)))
            #expect(app.driver.state.route == .members(segment: .id(segment)))
            #expect(app.driver.state.currentList.selectedRow?.cells.first == person)
            try await app.driver.press(.character("-"))
            #expect(app.review?.write.endpoint == "POST /api/v1/segments/\(segment)/remove_customers?id_type=id")
            try await app.confirm()
            #expect(try await app.app.client.segmentMembership(id: segment).identifiers.isEmpty)
            try await app.driver.press(.escape)

            // Delete it, from the list.
            try await app.driver.press(.character("1"))
            let index = try #require(app.driver.state.currentList.visible.firstIndex { app.driver.state.currentList.loadedRows[$0].key == .id(segment) })
            try await app.driver.press(.character("g"))
            for _ in 0..<index { try await app.driver.press(.character("j")) }
            try await app.driver.press(.character("D"))
            #expect(app.review?.write.endpoint == "DELETE /v1/segments/\(segment)")
            #expect(app.review?.write.summary.contains { $0.contains("Spring pilot 2027") } == true)
            try await app.confirm()
            #expect(try await !app.app.client.segments().contains { $0.id == segment })
            try await app.driver.press(.escape)

            // Every write is in the journal, and in the :journal pane, newest first.
            #expect(app.journal.map(\.outcome) == ["sent", "sent", "sent", "sent"])
            try await app.driver.press(.character(":"))
            try await app.driver.type("journal")
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .list(.journal))
            let rows = app.driver.state.currentList.loadedRows
            #expect(rows.map { $0.cells[1] } == [
                "DELETE /v1/segments/\(segment)",
                "POST /api/v1/segments/\(segment)/remove_customers?id_type=id",
                "POST /api/v1/segments/\(segment)/add_customers?id_type=id",
                "POST /v1/segments",
            ])
            #expect(!app.app.lines.joined().contains("sandbox-key"))
        }
    }

    @Test func membershipChangesFromAMemberListAndFromAProfile() async throws {
        try await WritingApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("N"))
            try await app.driver.type("Autumn cohort")
            try await app.driver.press(.enter)
            try await app.confirm()
            guard case .finished(.done(let segmentID, _))? = app.review?.stage, let segment = Int(segmentID) else {
                Issue.record("not created: \(String(describing: app.review?.stage))")
                return
            }
            try await app.driver.press(.escape)

            // + on a member of another segment adds that member.
            try await app.driver.press(.character("1"), .character("g"), .character("m"))
            let member = try #require(app.driver.state.currentList.selectedRow)
            try await app.driver.press(.character("+"))
            try await app.driver.type("autumn")
            try await app.driver.press(.enter)
            #expect(app.review?.write.endpoint == "POST /api/v1/segments/\(segment)/add_customers?id_type=id")
            #expect(app.review?.write.summary.first == "id \(member.cells[0]) (\(member.cells[1]))")
            try await app.confirm()
            try await app.driver.press(.escape)
            #expect(try await app.app.client.segmentMembership(id: segment).identifiers.map(\.id) == [member.cells[0]])

            // - on that segment's line in the person's profile removes them from it.
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.customers, key: member.key))
            try await app.app.selectLine("the new segment") { $0.key == "Autumn cohort" && $0.value.hasSuffix("· manual") }
            try await app.driver.press(.character("-"))
            #expect(app.review?.write.endpoint == "POST /api/v1/segments/\(segment)/remove_customers?id_type=id")
            try await app.confirm()
            #expect(try await app.app.client.segmentMembership(id: segment).identifiers.isEmpty)
            // A dynamic segment's line offers no removal.
            try await app.driver.press(.escape)
            try await app.app.selectLine("a dynamic segment") { $0.link.map { if case .detail(.segments, _) = $0 { true } else { false } } == true && !$0.value.hasSuffix("· manual") }
            try await app.driver.press(.character("-"))
            #expect(app.review == nil)
            #expect(app.app.statusBar.contains("select one of their manual segments"))
        }
    }

    @Test func onlyManualSegmentsOfferDeleteAndRemove() async throws {
        try await WritingApp.with { app in
            try await app.driver.start()
            // The sandbox's first segments are dynamic.
            try await app.driver.press(.character("D"))
            #expect(app.review == nil)
            #expect(app.app.statusBar.contains("only manual segments can be deleted here"))
            try await app.driver.press(.character("m"))
            try await app.driver.press(.character("-"))
            #expect(app.review == nil)
            #expect(app.app.statusBar.contains("only members of a manual segment can be removed"))
        }
    }
}

/// The trigger countdown, from the reducer alone.
struct TriggerCountdownTests {
    @Test func aSecondTriggerShowsHowLongItWaits() throws {
        var reducer = Reducer()
        var draft = ComposeDraft(kind: .broadcast)
        draft.broadcastID = "60"
        let write = try WritePlanner.plan(draft)
        reducer.state.now = 100
        reducer.state.lastTriggerAt = 96
        reducer.state.mode = .reviewing(ReviewState(write: write))
        #expect(ReviewUpdate.triggerCountdown(reducer.state) == nil, "nothing counts down before y")
        let effects = reducer.press(.character("y"))
        #expect(effects == [.performWrite(write)])
        #expect(ReviewUpdate.triggerCountdown(reducer.state) == 6)
        let text = ReviewView.lines(try #require({ if case .reviewing(let review) = reducer.state.mode { review } else { nil } }()), state: reducer.state).map(\.0)
        #expect(text.contains(" Waiting 6 s: the API takes 1 broadcast trigger per 10 s, so this one is spaced, not refused"))
        // y again while it waits sends nothing more.
        #expect(reducer.press(.character("y")).isEmpty)
        reducer.state.now = 106.5
        #expect(ReviewUpdate.triggerCountdown(reducer.state) == nil)
    }
}
