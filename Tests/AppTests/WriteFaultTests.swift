import CustomerIO
import Foundation
import Sandbox
import Testing
import TerminalUI
@testable import App

/// The write paths under faults and hostile data: what cannot be encoded is refused, never sent empty; a form whose
/// send had an unknown outcome comes back as it was sent, so a repeat is the same request and asks for the count;
/// after an unknown outcome the screen shows the workspace afresh; the deepest value accepted fits a small stack.
@Suite struct WriteFaultTests {
    /// `depth` levels of nested objects around one number: `{"a":{"a":…1…}}`.
    static func nested(_ depth: Int) -> String {
        String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
    }

    static func nestedValue(_ depth: Int) -> JSONValue {
        (0..<depth).reduce(JSONValue.number(1)) { inner, _ in .object(["a": inner]) }
    }

    // MARK: Nothing swallowed

    @Test func theCheckerRefusesWhatIsDeeperThanWhatIsSentWhole() {
        #expect(JSONChecker.check(Self.nested(JSONValue.maximumDepth)) == nil)
        let problem = JSONChecker.check(Self.nested(JSONValue.maximumDepth + 1))
        #expect(problem?.message == "nested more than \(JSONValue.maximumDepth) levels deep")
        // The depth the checker once accepted (511) is refused with the same reason.
        #expect(JSONChecker.check(Self.nested(511))?.message == "nested more than \(JSONValue.maximumDepth) levels deep")
    }

    @Test func theDeepestAcceptedEventIsSentWholeInAnEntityAndInABatch() throws {
        let data: [String: JSONValue] = ["a": Self.nestedValue(JSONValue.maximumDepth - 1)]
        let operation = TrackOperation.event(.id("42"), TrackEvent(name: "deep", data: data, timestamp: nil, id: nil))
        #expect(TrackValidation.problem(operation) == nil)
        let entity = try AppAPIClient.entityRequest(operation)
        let sent = try JSONDecoder().decode(JSONValue.self, from: try #require(entity.body))
        #expect(sent == operation.json, "the entity body holds the whole operation")
        let batches = try AppAPIClient.batchRequests([operation, operation])
        let batch = try JSONDecoder().decode([String: [JSONValue]].self, from: try #require(batches.first?.request.body))
        #expect(batch["batch"] == [operation.json, operation.json])
    }

    @Test func anOperationTooDeepIsRefusedWithItsReasonNotSentEmpty() throws {
        let data: [String: JSONValue] = ["a": Self.nestedValue(510)]
        let operation = TrackOperation.event(.id("42"), TrackEvent(name: "deep", data: data, timestamp: nil, id: nil))
        let problem = try #require(TrackValidation.problem(operation))
        #expect(problem.field == "body")
        #expect(problem.message.contains("nest at most \(JSONValue.maximumDepth) levels"))
        #expect(throws: TrackProblem.self) { try AppAPIClient.entityRequest(operation) }
        #expect(throws: TrackProblem.self) { try AppAPIClient.batchRequests([operation]) }
        #expect(throws: TrackProblem.self) { try AppAPIClient.batchRequests([.delete(.id("1")), operation]) }
    }

    @Test func aPipelinesCallTooDeepIsRefused() {
        let body: [String: JSONValue] = ["userId": "42", "traits": Self.nestedValue(300)]
        let problem = PipelinesCall.identify.problem(body)
        #expect(problem?.message.contains("nest at most") == true)
    }

    /// From the app: an event whose data is one level too deep opens no review, sends nothing, and says why.
    @Test func theEventFormRefusesDataTooDeepAndSendsNothing() async throws {
        try await WritingApp.with { app in
            _ = try await app.openPerson("plan = pro")
            try await TrackWritesSandboxTests.choose(.event, app)
            try await app.driver.type("deep")
            try await app.driver.press(.tab)
            try await app.driver.type(Self.nested(JSONValue.maximumDepth + 1))
            try await app.driver.press(.control("s"))
            #expect(app.review == nil)
            #expect(app.driver.state.flash?.text.contains("nested more than \(JSONValue.maximumDepth) levels") == true, "\(String(describing: app.driver.state.flash))")
            #expect(app.probe.requestCount(pathPrefix: "/api/v2") == 0)
            #expect(app.journal.isEmpty)
        }
    }

    // MARK: A repeat after an unknown outcome is the same request

    /// An event sent through a gateway that answers 502 after passing it on.
    private func sendEventThroughA502(_ app: WritingApp) async throws -> ReviewState {
        let gateway = try #require(app.gateway)
        try await TrackWritesSandboxTests.choose(.event, app)
        try await app.driver.type("renewed")
        try await app.driver.press(.tab)
        try await app.driver.type(#"{"plan": "pro"}"#)
        try await app.driver.press(.control("s"))
        gateway.add(.init(method: "POST", pathPrefix: "/api/v2/entity", action: .answerAfterForwarding(status: 502, body: GatewayProxy.badGatewayPage(502))))
        let review = try #require(app.review, "no review: \(app.driver.state.mode)")
        try await app.confirm()
        guard case .finished(.unknown)? = app.review?.stage else {
            Issue.record("expected an unknown outcome: \(String(describing: app.review?.stage))")
            return review
        }
        #expect(app.app.lines.contains { $0.contains("the form is kept as sent, so a repeat is the same request") })
        gateway.clearRules()
        try await app.driver.press(.escape)
        return review
    }

    @Test func theFormComesBackAsSentAndItsRepeatAsksForTheCount() async throws {
        try await WritingApp.with(throughGateway: true) { app in
            _ = try await app.openPerson("plan = pro")
            let first = try await sendEventThroughA502(app)
            try await TrackWritesSandboxTests.choose(.event, app)
            guard case .acting(let form) = app.driver.state.mode else { Issue.record("no form: \(app.driver.state.mode)"); return }
            let sentForm = try #require(first.form)
            #expect(form.value(.eventName) == "renewed")
            #expect(form.value(.eventID) == sentForm.value(.eventID), "the event id made for it is kept")
            #expect(app.driver.state.flash?.text.contains("Reopened as sent: its outcome is unknown") == true)
            #expect(first.form != nil)
            try await app.driver.press(.control("s"))
            let again = try #require(app.review)
            #expect(again.write.payloadDigest == first.write.payloadDigest, "the same request")
            #expect(again.write.repeatsUnknownOutcome)
            #expect(again.write.confirmCount == 1)
            try await app.confirm()
            #expect(app.review?.stage == .reviewing, "y alone does not send it again")
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/api/v2/entity") == 1)
        }
    }

    @Test func theSameEventTypedAnewWithANewIdIsStillARepeat() async throws {
        try await WritingApp.with(throughGateway: true) { app in
            _ = try await app.openPerson("plan = pro")
            let first = try await sendEventThroughA502(app)
            // The form comes back as sent; a new event id typed over the one made for it, as a fresh form would have.
            try await TrackWritesSandboxTests.choose(.event, app)
            try await app.driver.press(.tab, .tab, .tab)
            try await app.driver.press(.control("u"))
            try await app.driver.type(ULIDText.make())
            try await app.driver.press(.control("s"))
            let again = try #require(app.review)
            #expect(again.write.payloadDigest != first.write.payloadDigest, "a new event id")
            #expect(again.write.repeatsUnknownOutcome)
            #expect(again.write.confirmCount == 1)
            #expect(app.journal.first?.contentDigest == first.write.contentDigest)
        }
    }

    /// Two marked people, an event for each through a 502: marked again, the same event comes back (each
    /// person's id derived from the kept one), and the repeat asks for the count.
    @Test func aBulkEventComesBackForTheSamePeople() async throws {
        try await WritingApp.with(throughGateway: true) { app in
            let gateway = try #require(app.gateway)
            try await app.driver.press(.character("2"))
            try await app.app.find("plan = pro")
            let markTwo = {
                try await app.driver.press(.character(" "), .character(" "))
                try await app.driver.press(.character("a"))
                let index = try #require(PersonAction.offered(bulk: true, marked: 2).firstIndex(of: .event))
                for _ in 0..<index { try await app.driver.press(.down) }
                try await app.driver.press(.enter)
            }
            try await markTwo()
            try await app.driver.type("renewed")
            try await app.driver.press(.control("s"))
            let first = try #require(app.review, "no review: \(app.driver.state.mode)")
            #expect(first.write.parts.first?.people.count == 2)
            gateway.add(.init(method: "POST", pathPrefix: "/api/v2/batch", action: .answerAfterForwarding(status: 502, body: GatewayProxy.badGatewayPage(502))))
            try await app.confirm()
            guard case .finished(.unknown)? = app.review?.stage else { Issue.record("not unknown: \(String(describing: app.review?.stage))"); return }
            gateway.clearRules()
            try await app.driver.press(.escape)
            // The marks went with the write; the same two marked again (the list reloaded in the same order).
            try await app.driver.press(.character("g"))
            try await markTwo()
            guard case .acting(let form) = app.driver.state.mode else { Issue.record("no form: \(app.driver.state.mode)"); return }
            #expect(form.value(.eventName) == "renewed")
            try await app.driver.press(.control("s"))
            let again = try #require(app.review)
            #expect(again.write.payloadDigest == first.write.payloadDigest, "the same batch")
            #expect(again.write.repeatsUnknownOutcome)
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/api/v2/batch") == 1)
        }
    }

    @Test func aPipelinesCallComesBackWithItsMessageId() async throws {
        try await WritingApp.with(throughGateway: true) { app in
            let gateway = try #require(app.gateway)
            try await app.driver.press(.character("P"))
            guard case .acting(let opened) = app.driver.state.mode else { Issue.record("no form: \(app.driver.state.mode)"); return }
            try await app.driver.press(.tab)
            try await app.driver.type("42")
            try await app.driver.press(.control("s"))
            gateway.add(.init(method: "POST", pathPrefix: "/cdp/", action: .answerAfterForwarding(status: 504, body: GatewayProxy.badGatewayPage(504))))
            try await app.confirm()
            guard case .finished(.unknown)? = app.review?.stage else { Issue.record("not unknown: \(String(describing: app.review?.stage))"); return }
            #expect(app.app.lines.contains { $0.contains("check the source's debugger") })
            try await app.driver.press(.escape)
            try await app.driver.press(.character("P"))
            guard case .acting(let reopened) = app.driver.state.mode else { Issue.record("no form: \(app.driver.state.mode)"); return }
            #expect(reopened.messageID == opened.messageID)
            #expect(reopened.value(.userID) == "42")
        }
    }

    // MARK: After an unknown outcome, nothing old is shown

    @Test func aProfileEditedThroughA502ShowsWhatTheServerHoldsAfterEsc() async throws {
        try await WritingApp.with(throughGateway: true) { app in
            let gateway = try #require(app.gateway)
            _ = try await app.openPerson("plan = pro")
            let route = app.driver.state.route
            try await TrackWritesSandboxTests.choose(.editAttributes, app)
            try await app.driver.type("plan=enterprise city=Oslo")
            try await app.driver.press(.enter)
            gateway.add(.init(method: "POST", pathPrefix: "/api/v2/entity", action: .answerAfterForwarding(status: 502, body: GatewayProxy.badGatewayPage(502))))
            try await app.confirm()
            guard case .finished(.unknown)? = app.review?.stage else { Issue.record("not unknown: \(String(describing: app.review?.stage))"); return }
            gateway.clearRules()
            try await app.driver.press(.escape)
            #expect(app.driver.state.route == route)
            let attributes = app.driver.state.details[route]?.profile?.attributes
            #expect(attributes?["plan"]?.displayText == "enterprise", "the profile reloaded")
            #expect(attributes?["city"]?.displayText == "Oslo")
            // The form comes back as sent; the next review's "before" is what the server holds now.
            try await TrackWritesSandboxTests.choose(.editAttributes, app)
            guard case .acting(let form) = app.driver.state.mode else { Issue.record("no form: \(app.driver.state.mode)"); return }
            #expect(form.value(.changes) == "plan=enterprise city=Oslo")
            try await app.driver.press(.control("u"))
            try await app.driver.type("plan=pro")
            try await app.driver.press(.enter)
            #expect(app.review?.write.summary.contains("plan: “enterprise” → “pro”") == true, "\(app.review?.write.summary ?? [])")
        }
    }

    @Test func anAddressUnsuppressedThroughA504LeavesTheList() async throws {
        try await WritingApp.with(throughGateway: true) { app in
            let gateway = try #require(app.gateway)
            try await SuppressionWriteTests().openPane(app)
            let row = try #require(app.driver.state.currentList.selectedRow)
            try await app.driver.press(.character("U"))
            gateway.add(.init(method: "DELETE", pathPrefix: "/v1/esp/", action: .answerAfterForwarding(status: 504, body: GatewayProxy.badGatewayPage(504))))
            try await app.confirm()
            guard case .finished(.unknown)? = app.review?.stage else { Issue.record("not unknown: \(String(describing: app.review?.stage))"); return }
            #expect(app.app.lines.contains { $0.contains("check the bounce list for ") })
            gateway.clearRules()
            try await app.driver.press(.escape)
            #expect(!app.driver.state.currentList.loadedRows.contains { $0.item == row.item }, "the list reloaded without it")
        }
    }

    @Test func anUnknownOutcomeEmptiesWhatWasShown() {
        #expect(WriteOutcome.unknown("502").changedSomething)
        #expect(WriteOutcome.partial("1 of 2").changedSomething)
        #expect(!WriteOutcome.failed("400").changedSomething)
    }

    @Test func aJournalWithAWiderModeIsTightenedTo0600() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = WriteJournal(folder: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: journal.file.path, contents: Data(), attributes: [.posixPermissions: 0o644]))
        try journal.append(WriteJournal.Entry(time: WallClock.now(), profile: "demo", endpoint: "POST /x", payloadDigest: "d", resultID: nil, outcome: "sent"))
        let mode = try FileManager.default.attributesOfItem(atPath: journal.file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func aJournalThatCannotBeMadeSaysWhyInPlainWords() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // The state folder's parent is a file: the folder cannot be made.
        #expect(FileManager.default.createFile(atPath: folder.path, contents: Data("x".utf8)))
        let journal = WriteJournal(folder: folder.appendingPathComponent("cio"))
        do {
            try journal.append(WriteJournal.Entry(time: WallClock.now(), profile: "demo", endpoint: "POST /x", payloadDigest: "d", resultID: nil, outcome: "sent"))
            Issue.record("appended under a file")
        } catch {
            let text = String(describing: error)
            #expect(text.contains("Not a directory") || text.contains("File exists"), "\(text)")
            #expect(!text.contains("NSCocoaErrorDomain"), "\(text)")
        }
    }

    // MARK: Deep input on a small stack

    /// Runs `work` on a thread with a 256 KB stack, as a worker thread may have, and waits for it to finish.
    private static func onSmallStack<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try work() }) }
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    @Test func theDeepestAcceptedInputIsCheckedPlannedAndEncodedIn256KBOfStack() async throws {
        let text = Self.nested(JSONValue.maximumDepth)
        let size = try await Self.onSmallStack { () -> Int in
            guard case .success(let data?) = JSONChecker.object(text) else { return -1 }
            let operation = TrackOperation.event(.id("42"), TrackEvent(name: "deep", data: data, timestamp: nil, id: nil))
            _ = try AppAPIClient.batchRequests([operation])
            let body = try operation.encoded()
            _ = try JSONDecoder().decode(JSONValue.self, from: body)
            return body.count
        }
        #expect(size > 0)
    }

    @Test func anAnswerDeeperThanTheReadDepthReadsAsTooDeepOnASmallStack() async throws {
        let text = #"{"activities":[{"data":"# + Self.nested(400) + "}]}"
        let value = try await Self.onSmallStack { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }
        let cut = try #require(value.depth <= JSONValue.readDepth + 1 ? value : nil, "depth \(value.depth)")
        #expect(cut.compactJSON.contains(JSONValue.tooDeep.displayText))
    }
}
