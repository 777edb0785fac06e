import CustomerIO
import Foundation
import Sandbox
import Testing
import TerminalUI
import Workspace
@testable import App

/// Acting on a person end to end, on the sandbox: the write goes through the review, lands (visible through the App
/// API afterwards), is journaled, and the profile reloads; a write whose answer never comes is one change with an
/// unknown outcome, never retried; a thousand people go in batches, reported person by person.
@Suite struct TrackWritesSandboxTests {
    /// `a` on the profile shown, then the menu line of `action`.
    static func choose(_ action: PersonAction, _ app: WritingApp) async throws {
        try await app.driver.press(.character("a"))
        guard case .choosing = app.driver.state.mode else {
            Issue.record("a opened \(app.driver.state.mode)")
            return
        }
        let index = try #require(PersonAction.offered(bulk: false).firstIndex(of: action))
        for _ in 0..<index { try await app.driver.press(.down) }
        try await app.driver.press(.enter)
    }

    @Test func anAttributeEditedFromAProfileLandsAndTheProfileReloads() async throws {
        try await WritingApp.with { app in
            let id = try await app.openPerson("plan = pro")
            let route = app.driver.state.route
            #expect(app.driver.state.details[route]?.profile?.attributes["plan"]?.displayText == "pro")
            try await Self.choose(.editAttributes, app)
            try await app.driver.type("plan=enterprise nickname=Tester")
            try await app.driver.press(.enter)
            let review = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(review.write.summary.contains("plan: “pro” → “enterprise”"))
            #expect(app.probe.requestCount(pathPrefix: "/api/v2") == 0, "nothing left before y")
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 1)
            #expect(app.journal.last?.endpoint == "POST /api/v2/entity")
            #expect(app.journal.last?.outcome == "sent")
            let profile = try await app.app.client.customerProfile(id: id)
            #expect(profile.attributes["plan"]?.displayText == "enterprise")
            #expect(profile.attributes["nickname"]?.displayText == "Tester")
            try await app.driver.press(.escape)
            #expect(app.driver.state.route == route)
            #expect(app.driver.state.details[route]?.profile?.attributes["plan"]?.displayText == "enterprise", "the profile reloaded")
        }
    }

    @Test func anEventLandsAmongTheirActivities() async throws {
        try await WritingApp.with { app in
            let id = try await app.openPerson("plan = pro")
            try await Self.choose(.event, app)
            try await app.driver.type("cio_test_event")
            try await app.driver.press(.tab)
            try await app.driver.type(#"{"source": "test"}"#)
            try await app.driver.press(.control("s"))
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            let activities = try await app.app.client.customerActivities(id: id, type: "event", name: "cio_test_event")
            #expect(activities.activities.count == 1)
        }
    }

    @Test func deleteNeedsTheIdentifierAndThePersonIsGone() async throws {
        try await WritingApp.with { app in
            let id = try await app.openPerson("plan = pro")
            try await Self.choose(.delete, app)
            try await app.driver.press(.enter)
            #expect(app.review == nil, "no review before the identifier is typed")
            try await app.driver.type(id)
            try await app.driver.press(.enter)
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            await #expect(throws: CustomerIOError.self) { try await app.app.client.customerProfile(id: id) }
        }
    }

    @Test func readOnlyRefusesTheMenuAndSendsNothing() async throws {
        try await WritingApp.with(readOnly: true) { app in
            _ = try await app.openPerson("plan = pro")
            try await app.driver.press(.character("a"))
            #expect(app.driver.state.mode == .browsing)
            #expect(app.probe.requestCount(pathPrefix: "/api/v2") == 0)
            #expect(app.journal.isEmpty)
        }
    }

    @Test func anAnswerThatNeverComesIsOneChangeAnUnknownOutcomeAndNoRetry() async throws {
        // Every request of this client times out after 3 s, reads included: enough for them on a busy machine.
        try await WritingApp.with(timeout: 3) { app in
            let id = try await app.openPerson("plan = pro")
            try await Self.choose(.editAttributes, app)
            try await app.driver.type("nickname=Slow")
            try await app.driver.press(.enter)
            // The sandbox takes the write, then holds its answer well past the client's timeout.
            app.probe.inject(.delay(9_000, method: "POST", pathPrefix: "/api/v2/entity"))
            try await app.confirm()
            guard case .finished(.unknown)? = app.review?.stage else { Issue.record("not unknown: \(String(describing: app.review?.stage))"); return }
            #expect(app.app.lines.contains { $0.contains("Outcome unknown — check the profile (id \(id)) before sending again") })
            #expect(app.journal.map(\.outcome) == ["unknown"])
            // The sandbox logs the request once its held answer has gone out; wait for that, then count.
            let deadline = ContinuousClock.now + .seconds(30)
            while app.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 0, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 1, "never retried")
            #expect(try await app.app.client.customerProfile(id: id).attributes["nickname"]?.displayText == "Slow", "it did land, once")
        }
    }

    @Test func aThousandPeopleGoInBatchesReportedPersonByPerson() async throws {
        try await WritingApp.with { app in
            let people = (1...1_000).map { TrackPerson(identifier: .id(String($0)), label: "person \($0)") }
            var form = TrackForm.filled(.editAttributes, person: people[0], bulk: people, values: [.changes: "note=" + String(repeating: "n", count: 900)])
            form.bulk = people
            let write = try form.plan.get()
            #expect(write.parts.count > 1, "split under 500 kB")
            #expect(write.confirmCount == 1_000)
            let sender = WriteSender(client: app.app.client, journal: WriteJournal(folder: app.stateFolder), profile: "demo")
            let result = await sender.send(write)
            guard case .done(let summary, _) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
            #expect(summary == "1000 accepted in \(write.parts.count) batches")
            #expect(result.report.count == 1_000)
            #expect(result.report.first == "✓ person 1")
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/api/v2/batch") == write.parts.count)
            #expect(app.journal.count == write.parts.count, "one journal line per batch")
            #expect(try await app.app.client.customerProfile(id: "777").attributes["note"]?.displayText.count == 900)
        }
    }

    @Test func aRefusedOperationInABatchIsNamedAndTheRestApplied() async throws {
        try await WritingApp.with { app in
            // An email the client lets through but the sandbox, as the API, refuses: a phone identifier is sent raw.
            let good = TrackOperation.identify(.id("5"), attributes: ["note": "batched", "_update": true])
            var write = try BulkWrites.plan(operations: [good, good], labels: ["id 5", "id 5 again"])
            // Swap the second operation for one the API refuses (a phone identifier, not enabled in the workspace).
            let body = #"{"batch":[{"action":"identify","attributes":{"note":"batched","_update":true},"identifiers":{"id":"5"},"type":"person"},{"action":"identify","attributes":{"a":"b"},"identifiers":{"phone":"+15551234567"},"type":"person"}]}"#
            write.parts = [TrackBatchPart(APIRequest(.post, ["api", "v2", "batch"], body: Data(body.utf8), api: .track), people: ["id 5", "phone +15551234567"])]
            let result = await WriteSender(client: app.app.client, journal: WriteJournal(folder: app.stateFolder), profile: "demo").send(write)
            #expect(result.report.first == "✓ id 5")
            #expect(result.report.last?.hasPrefix("✗ phone +15551234567: refused — identifiers") == true, "\(result.report)")
            guard case .done(let summary, _) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
            #expect(summary == "1 accepted, 1 refused in 1 batch")
            #expect(try await app.app.client.customerProfile(id: "5").attributes["note"]?.displayText == "batched")
        }
    }

    @Test func aWrongRegionIsDiagnosedFromTheRegionEndpoint() async throws {
        try await WritingApp.with(configure: { $0.trackRegion = "eu" }) { app in
            let explanation = await TrackDiagnosis.explain(app.app.client)
            #expect(explanation.contains("belong to the EU region"), "\(explanation)")
            #expect(explanation.contains("CUSTOMERIO_REGION=eu"))
        }
    }

    @Test func unknownTrackCredentialsAreSaidToBeWrongNotShown() async throws {
        try await WritingApp.with(track: .init(siteID: "wrong-site", key: "wrong-key-123"), configure: { $0.trackSiteID = "sandbox"; $0.trackKey = "sandbox" }) { app in
            let person = TrackPerson(identifier: .id("5"), label: "5")
            let write = try TrackForm.filled(.suppress, person: person, values: [:]).plan.get()
            let result = await WriteSender(client: app.app.client, journal: WriteJournal(folder: app.stateFolder), profile: "demo").send(write)
            guard case .failed(let message) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
            #expect(message.contains("does not know this site id and key"), "\(message)")
            #expect(!message.contains("wrong-key-123"))
            #expect(!message.contains(Data("wrong-site:wrong-key-123".utf8).base64EncodedString()))
        }
    }

    @Test func anObjectIsCreatedThenDeletedFromTheObjectsPane() async throws {
        try await WritingApp.with { app in
            try await app.driver.press(.character(":"))
            try await app.driver.type("objects")
            try await app.driver.press(.enter)
            try await app.driver.press(.character("a"))
            guard case .choosing(let choice) = app.driver.state.mode else { Issue.record("no menu: \(app.driver.state.mode)"); return }
            #expect(choice.options?.map(\.value) == ["objectIdentify", "objectDelete"])
            try await app.driver.press(.enter)
            // Type 1 is filled in; the id and the attributes are typed.
            try await app.driver.press(.tab)
            try await app.driver.press(.control("u"))
            try await app.driver.type("cio-test-co")
            try await app.driver.press(.tab)
            try await app.driver.type(#"{"name": "Test Co", "plan": "pro"}"#)
            try await app.driver.press(.enter)
            let review = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(review.write.summary.first == "Object cio-test-co (type 1): created if new, else updated")
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            #expect(try await app.app.client.objectAttributes(typeID: "1", id: "cio-test-co").name == "Test Co")

            // Opened, it can be deleted once its id is typed.
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.objects, key: .object(typeID: "1", id: "cio-test-co")))
            try await app.driver.press(.character("a"))
            try await app.driver.press(.down)
            try await app.driver.press(.enter)
            try await app.driver.type("cio-test-co")
            try await app.driver.press(.enter)
            #expect(app.review?.write.title == "Delete an object")
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            await #expect(throws: CustomerIOError.self) { try await app.app.client.objectAttributes(typeID: "1", id: "cio-test-co") }
        }
    }

    @Test func aPipelinesTrackCallIsReviewedSentInStrictModeAndLands() async throws {
        try await WritingApp.with(configure: { $0.cdpWriteKey = "sandbox-write-key" }) { app in
            try await app.driver.press(.character("P"))
            guard case .acting(let form) = app.driver.state.mode else { Issue.record("no form: \(app.driver.state.mode)"); return }
            #expect(form.fields.map(\.name) == [.call, .userID, .anonymousId, .properties])
            try await app.driver.press(.enter)  // identify → track: the fields follow the call
            guard case .acting(let track) = app.driver.state.mode else { Issue.record("no form"); return }
            #expect(track.fields.map(\.name) == [.call, .userID, .anonymousId, .callName, .properties])
            try await app.driver.press(.tab)
            try await app.driver.type("5")
            try await app.driver.press(.control("s"))
            #expect(app.review == nil, "a track call without its event is not ready")
            #expect(app.driver.state.flash?.text.contains("track needs the event's name") == true)
            try await app.driver.press(.tab, .tab)
            try await app.driver.type("cdp_test_event")
            try await app.driver.press(.control("s"))
            let review = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(review.write.endpoint == "POST /v1/track")
            #expect(ReviewView.lines(review, state: app.driver.state).contains { $0.0.contains("X-Strict-Mode: 1") })
            try await app.confirm()
            guard case .finished(.done(let answer, _))? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            #expect(answer == "answered {}")
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/cdp/v1/track") == 1)
            let events = try await app.app.client.customerActivities(id: "5", type: "event", name: "cdp_test_event")
            #expect(events.activities.count == 1)
        }
    }

    @Test func aBadPipelinesKeyIsRefusedNotSilentlyAccepted() async throws {
        try await WritingApp.with(configure: { $0.cdpWriteKey = "another-key" }) { app in
            let tool = TrackPerson(identifier: .id("pipelines"), label: "Pipelines")
            let write = try TrackForm.filled(.pipelines, person: tool, values: [.call: "identify", .userID: "5"]).plan.get()
            let result = await WriteSender(client: app.app.client, journal: WriteJournal(folder: app.stateFolder), profile: "demo").send(write)
            guard case .failed(let message) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
            #expect(message.contains("Pipelines write key was refused"), "\(message)")
            #expect(!message.contains("sandbox-write-key"))
        }
    }

    @Test func anObjectsPeopleAreAListToMarkAndActOn() async throws {
        try await WritingApp.with { app in
            try await app.driver.press(.character(":"))
            try await app.driver.type("objects")
            try await app.driver.press(.enter)
            guard case .object(let typeID, let ids)? = app.driver.state.currentList.selectedRow?.item, let objectID = ids.objectID else {
                Issue.record("no object selected"); return
            }
            try await app.driver.press(.character("m"))
            #expect(app.driver.state.route == .list(.objectPeople))
            let people = try await app.app.client.objectPeople(typeID: typeID, id: objectID).people
            #expect(app.driver.state.currentList.loadedRows.count == people.count)
            #expect(!people.isEmpty)
            try await app.driver.press(.character("*"))
            #expect(app.driver.state.currentList.marked.count == people.count)
            try await app.driver.press(.character("a"))
            guard case .choosing(let choice) = app.driver.state.mode else { Issue.record("no menu: \(app.driver.state.mode)"); return }
            #expect(choice.title.hasPrefix("Act on the \(people.count) marked"))
            try await app.driver.press(.enter)  // edit attributes, for all of them
            try await app.driver.type("account_reviewed:=true")
            try await app.driver.press(.enter)
            let review = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(review.write.reach == people.count)
            try await app.driver.type(String(people.count))
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            let first = try #require(people.first?.id)
            #expect(try await app.app.client.customerProfile(id: first).attributes["account_reviewed"]?.displayText == "true")
            // A row opens as the person's profile.
            try await app.driver.press(.escape)
            try await app.driver.press(.enter)
            guard case .detail(.customers, _) = app.driver.state.route else { Issue.record("opened \(app.driver.state.route)"); return }
        }
    }

    @Test func aTopicIsLeftByNameOnTheReviewAndInTheWorkspace() async throws {
        try await WritingApp.with { app in
            let id = try await app.openPerson("plan = pro")
            let before = try await app.app.client.customerSubscriptionPreferences(id: id)
            let topic = try #require(before.topics.first { $0.subscribed == true })
            let number = try #require(Int(topic.id.dropFirst(6)))
            try await Self.choose(.topics, app)
            try await app.driver.type("\(number)=off")
            try await app.driver.press(.enter)
            let review = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(review.write.topics?.lines == ["\(topic.name ?? "?") (\(topic.id)): subscribed → unsubscribed"])
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else { Issue.record("not done: \(String(describing: app.review?.stage))"); return }
            let after = try await app.app.client.customerSubscriptionPreferences(id: id)
            #expect(after.topics.first { $0.id == topic.id }?.subscribed == false)
        }
    }
}
