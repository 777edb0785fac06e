import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// Drafts become exactly the requests the vendor's spec describes, or say what stops them.
struct WritePlannerTests {
    private func body(_ write: PlannedWrite) throws -> NSDictionary {
        let data = try #require(write.body)
        return try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    private func object(_ json: String) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? NSDictionary)
    }

    private func plan(_ draft: ComposeDraft, files: [String: Data] = [:]) throws(WritePlanner.Problems) -> PlannedWrite {
        let context = WritePlanner.Context(readFile: { path in
            guard let data = files[path] else { throw CocoaError(.fileNoSuchFile) }
            return data
        }, now: Date(timeIntervalSince1970: 1_790_000_000))
        return try WritePlanner.plan(draft, context: context)
    }

    private func problems(_ draft: ComposeDraft, files: [String: Data] = [:]) -> [String] {
        do {
            _ = try plan(draft, files: files)
            return []
        } catch {
            return error.messages
        }
    }

    @Test func anEmailFromATemplateWithDataAndOptions() throws {
        var draft = ComposeDraft(kind: .email)
        draft.template = "3"
        draft.templateName = "Shipping update"
        draft.identifierType = "email"
        draft.identifier = "ada@example.com"
        draft.to = "ada@example.com"
        draft.messageData = "{\"order\": 1042,\n \"items\": [\"a\", \"b\"]}"
        draft.sendToUnsubscribed = .no
        draft.disableMessageRetention = true
        draft.language = "fr"
        draft.bcc = "ops@example.com"
        draft.sendAt = "1790003600"
        let write = try plan(draft)
        #expect(write.method == .post)
        #expect(write.endpoint == "POST /v1/send/email")
        #expect(write.api == .app)
        #expect(write.draftID == draft.id)
        #expect(try body(write) == object("""
        {"transactional_message_id": 3, "identifiers": {"email": "ada@example.com"}, "to": "ada@example.com",
         "message_data": {"order": 1042, "items": ["a", "b"]}, "send_to_unsubscribed": false,
         "disable_message_retention": true, "language": "fr", "bcc": "ops@example.com", "send_at": 1790003600}
        """))
        #expect(write.summary.contains("Using template Shipping update (#3)"))
        #expect(write.request.safety == .write)
    }

    @Test func anInlineEmailWithAnAttachment() throws {
        var draft = ComposeDraft(kind: .email)
        draft.identifier = "42"
        draft.to = "ada@example.com"
        draft.from = "Lumen <hello@lumenapp.io>"
        draft.subject = "Your invoice"
        draft.body = "<p>Attached.</p>"
        draft.replyTo = "billing@lumenapp.io"
        draft.attachments = "/tmp/invoice.pdf"
        let write = try plan(draft, files: ["/tmp/invoice.pdf": Data("PDF".utf8)])
        #expect(try body(write) == object("""
        {"identifiers": {"id": "42"}, "to": "ada@example.com", "from": "Lumen <hello@lumenapp.io>",
         "subject": "Your invoice", "body": "<p>Attached.</p>", "reply_to": "billing@lumenapp.io",
         "attachments": {"invoice.pdf": "UERG"}}
        """))
    }

    @Test func aPushToTheLastUsedDeviceAndAnSMS() throws {
        var push = ComposeDraft.to(person: PersonPrefill(id: "7", email: "bo@example.com", phone: "+15550100"), kind: .push)
        push.template = "5"
        #expect(push.to == "last_used")
        #expect(try body(plan(push)) == object(#"{"transactional_message_id": 5, "identifiers": {"id": "7"}, "to": "last_used"}"#))
        #expect(try plan(push).endpoint == "POST /v1/send/push")

        var sms = ComposeDraft.to(person: PersonPrefill(id: "7", email: "bo@example.com", phone: "+15550100"), kind: .sms)
        sms.template = "4"
        #expect(sms.to == "+15550100")
        #expect(try body(plan(sms)) == object(#"{"transactional_message_id": 4, "identifiers": {"id": "7"}, "to": "+15550100"}"#))
        #expect(try plan(sms).endpoint == "POST /v1/send/sms")
    }

    @Test func everyAudienceFormOfATrigger() throws {
        func trigger(_ form: ComposeDraft.AudienceForm, _ value: String, flags: Bool = false) throws -> NSDictionary {
            var draft = ComposeDraft(kind: .broadcast)
            draft.broadcastID = "60"
            draft.data = #"{"sale": "winter"}"#
            draft.audience = form
            draft.audienceValue = value
            draft.idIgnoreMissing = flags
            draft.emailIgnoreMissing = flags
            draft.emailAddDuplicates = flags
            let write = try plan(draft)
            #expect(write.endpoint == "POST /v1/campaigns/60/triggers")
            #expect(write.request.safety == .trigger)
            return try body(write)
        }
        #expect(try trigger(.broadcast, "") == object(#"{"data": {"sale": "winter"}}"#))
        #expect(try trigger(.emails, "a@x.io, b@x.io", flags: true) == object(#"{"data": {"sale": "winter"}, "emails": ["a@x.io", "b@x.io"], "email_ignore_missing": true, "email_add_duplicates": true}"#))
        #expect(try trigger(.ids, "1,2\n3") == object(#"{"data": {"sale": "winter"}, "ids": ["1", "2", "3"], "id_ignore_missing": false}"#))
        #expect(try trigger(.perUserData, #"[{"id": "1", "data": {"code": "A"}}, {"email": "b@x.io", "data": {}}]"#) == object("""
        {"data": {"sale": "winter"}, "per_user_data": [{"id": "1", "data": {"code": "A"}}, {"email": "b@x.io", "data": {}}],
         "id_ignore_missing": false, "email_ignore_missing": false, "email_add_duplicates": false}
        """))
        #expect(try trigger(.filter, "plan = pro")["recipients"] != nil)
        #expect(try trigger(.dataFileURL, "https://example.com/people.jsonl") == object("""
        {"data": {"sale": "winter"}, "data_file_url": "https://example.com/people.jsonl",
         "id_ignore_missing": false, "email_ignore_missing": false, "email_add_duplicates": false}
        """))
    }

    @Test func aLargeListedAudienceAsksForItsNumber() throws {
        var draft = ComposeDraft(kind: .broadcast)
        draft.broadcastID = "60"
        draft.audience = .ids
        draft.audienceValue = (1...1_500).map(String.init).joined(separator: ",")
        let write = try plan(draft)
        #expect(write.confirmCount == 1_500)
        #expect(write.warnings.contains { $0.contains("1,500") })
        draft.audienceValue = "1,2"
        #expect(try plan(draft).confirmCount == nil)
    }

    @Test func whatStopsADraftIsSaidInSentences() {
        var email = ComposeDraft(kind: .email)
        email.messageData = "{\"a\": 1,\n \"b\": tru}"
        let emailProblems = problems(email)
        #expect(emailProblems.contains("Say who gets it (Person)."))
        #expect(emailProblems.contains { $0.hasPrefix("message_data is not a JSON object: line 2, column") })
        #expect(emailProblems.contains("Without a template, an email needs a subject."))
        #expect(emailProblems.contains("Add a recipient address (to)."))

        var big = ComposeDraft(kind: .email)
        big.identifier = "1"
        big.to = "a@x.io"
        big.template = "1"
        big.attachments = "/big.bin"
        #expect(problems(big, files: ["/big.bin": Data(count: 3 * 1024 * 1024)]).contains { $0.contains("the limit is 2 MB") })
        big.attachments = "/missing.pdf"
        #expect(problems(big) == ["Cannot read the attachment /missing.pdf."])
        big.attachments = ""
        big.sendAt = "2020-01-01 10:00"
        #expect(problems(big) == ["Send at is in the past."])
        big.sendAt = "next tuesday"
        #expect(problems(big) == ["Send at reads as neither YYYY-MM-DD HH:MM nor a Unix time."])

        var push = ComposeDraft(kind: .push)
        push.identifier = "1"
        push.to = "all"
        #expect(problems(push) == ["Choose a transactional template."])

        var trigger = ComposeDraft(kind: .broadcast)
        #expect(problems(trigger) == ["Pick a broadcast."])
        trigger.broadcastID = "60"
        trigger.audience = .emails
        trigger.audienceValue = "a@x.io, nobody"
        #expect(problems(trigger) == ["“nobody” is not an email address."])
        trigger.audience = .filter
        trigger.audienceValue = "plan ="
        #expect(problems(trigger).first?.hasPrefix("The filter does not read:") == true)
        trigger.audience = .dataFileURL
        trigger.audienceValue = "ftp://x"
        #expect(problems(trigger) == ["The data file URL must start with http:// or https://."])
    }

    @Test func anEarlierUnknownOutcomeIsWarnedAbout() throws {
        var draft = ComposeDraft(kind: .sms)
        draft.identifier = "1"
        draft.to = "+15550100"
        draft.template = "4"
        draft.unknownOutcome = "No answer within 30 s"
        var write = try plan(draft)
        #expect(write.warnings.contains { $0.contains("unknown outcome") && $0.contains("Check Messages") })
        #expect(write.draftUnknownOutcome == "No answer within 30 s" && write.warnings.first?.contains("No answer within 30 s") == true, "said first")
        // The same event in the journal: one warning, the journal's, and the typed confirmation.
        let earlier = WriteJournal.Entry(time: WallClock.now(), profile: "p", endpoint: write.endpoint, payloadDigest: write.payloadDigest, resultID: nil, outcome: "unknown")
        write.warnOfUnknownOutcomes([earlier])
        #expect(write.warnings.filter { $0.contains("unknown") }.count == 1)
        #expect(write.warnings.contains { $0.hasPrefix("The same request (POST /v1/send/sms") })
        #expect(write.confirmCount == 1)
        #expect(write.draftUnknownOutcome == nil, "the draft's warning gave way by what it is, not by its text")
    }
}

/// Where JSON breaks, by line and column.
struct JSONCheckerTests {
    @Test func problemsArePlacedByLineAndColumn() {
        #expect(JSONChecker.check(#"{"a": [1, 2]}"#) == nil)
        #expect(JSONChecker.check("{\"a\": 1,\n  \"b\": tru}")?.line == 2)
        #expect(JSONChecker.check("{\"a\": 1,\n  \"b\": tru}")?.column == 8)
        #expect(JSONChecker.check(#"{"a": [1, 2}"#)?.description == "line 1, column 12: expected , or ] after a value")
        #expect(JSONChecker.check(#"{"a": 1,}"#)?.message == "a comma before } (trailing commas are not JSON)")
        #expect(JSONChecker.check("{'a': 1}")?.message == "a key must be a string in double quotes")
        #expect(JSONChecker.check(#"{"a": "x"#)?.message == "the string is not closed (\")")
        #expect(JSONChecker.check(#"{"a": 01}"#)?.message == "expected , or } after a value")
        #expect(JSONChecker.check(#"{"é": "ü", "b": ?}"#)?.column == 17)
        #expect(JSONChecker.check("[1] 2")?.message == "unexpected text after the end")
    }

    @Test func objectsOnlyWhereAnObjectIsWanted() {
        guard case .success(nil) = JSONChecker.object("  ") else { Issue.record("empty text is no object"); return }
        guard case .failure(let problem) = JSONChecker.object("[1]") else { Issue.record("an array is not an object"); return }
        #expect(problem.message == "expected an object ({ … })")
        guard case .success(let object?) = JSONChecker.object(#"{"n": 1.5, "s": "x"}"#) else { Issue.record("a valid object"); return }
        #expect(object["n"] == .number(1.5))
        #expect(object["s"] == .string("x"))
    }
}

/// The journal and the drafts on disk.
struct WriteFilesTests {
    private func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("cio-writes-\(UUID().uuidString)")
    }

    @Test func theJournalAppendsLinesAndSkipsATornOne() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = WriteJournal(folder: folder)
        let time = Date(timeIntervalSince1970: 1_790_000_000)
        try journal.append(.init(time: time, profile: "prod-us", endpoint: "POST /v1/send/email", payloadDigest: "ab12", resultID: "d1", outcome: "sent"))
        // A crash mid-line leaves a fragment; the next write starts a line of its own after it.
        let handle = try FileHandle(forWritingTo: journal.file)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"time":"2026-"#.utf8) + Data("\n".utf8))
        try handle.close()
        try journal.append(.init(time: time, profile: "prod-us", endpoint: "POST /v1/campaigns/60/triggers", payloadDigest: "cd34", resultID: nil, outcome: "unknown", detail: "No answer"))
        let entries = journal.entries()
        #expect(entries.map(\.endpoint) == ["POST /v1/send/email", "POST /v1/campaigns/60/triggers"])
        #expect(entries.map(\.outcome) == ["sent", "unknown"])
        #expect(entries[0].time == "2026-09-21T14:13:20Z")
        let text = try String(contentsOf: journal.file, encoding: .utf8)
        #expect(text.contains(#""payload_sha256":"ab12""#))
        let mode = try FileManager.default.attributesOfItem(atPath: journal.file.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    /// A write cut short (quit, kill, power) leaves only its pending line: read back, it is unknown, and it counts
    /// for the same payload's next review. Answered attempts, and ones older than a day, do not.
    @Test func anAttemptWithoutItsOutcomeLineIsUnknown() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = WriteJournal(folder: folder)
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        func line(_ outcome: JournalOutcome, _ attempt: String, _ digest: String, hoursAgo: Double) -> WriteJournal.Entry {
            .init(time: now.addingTimeInterval(-hoursAgo * 3600), profile: "prod-us", endpoint: "POST /v1/send/email", payloadDigest: digest, resultID: nil, outcome: outcome, attempt: attempt)
        }
        try journal.append(line("pending", "old", "ab12", hoursAgo: 30))
        try journal.append(line("pending", "answered", "ab12", hoursAgo: 3))
        try journal.append(line("sent", "answered", "ab12", hoursAgo: 3))
        try journal.append(line("pending", "cut", "ab12", hoursAgo: 2))
        try journal.append(line("pending", "other", "ff00", hoursAgo: 1))
        #expect(journal.entries().count == 5)
        let attempts = journal.attempts()
        #expect(attempts.map(\.attempt) == ["old", "answered", "cut", "other"])
        #expect(attempts.map(\.outcome) == ["unknown", "sent", "unknown", "unknown"])
        #expect(attempts[2].detail?.contains("cio stopped while the request was on its way") == true)
        let unknown = journal.unknownOutcomes(endpoint: "POST /v1/send/email", payloadDigest: "ab12", now: now)
        #expect(unknown.map(\.attempt) == ["cut"])
    }

    @Test func draftsAreReplacedWholeAndListedNewestFirst() throws {
        let folder = folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = DraftFiles(stateFolder: folder)
        var first = ComposeDraft(kind: .email)
        first.subject = "one"
        first.updatedAt = 100
        var second = ComposeDraft(kind: .broadcast)
        second.broadcastID = "60"
        second.updatedAt = 200
        try files.save(first)
        try files.save(second)
        first.subject = "one, edited"
        first.updatedAt = 300
        try files.save(first)
        #expect(files.all().map(\.id) == [first.id, second.id])
        #expect(files.all().first?.subject == "one, edited")
        // No temporary files are left beside the drafts.
        let names = try FileManager.default.contentsOfDirectory(atPath: files.folder.path)
        #expect(names.sorted() == ["\(first.id).json", "\(second.id).json"].sorted())
        files.delete(second.id)
        #expect(files.all().map(\.id) == [first.id])
    }

    @Test func theStateFolderFollowsXDG() {
        #expect(StateFolder.resolve(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path == "/s/cio")
        #expect(StateFolder.resolve(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path == "/h/.local/state/cio")
        #expect(StateFolder.resolve(environment: ["HOME": "/h"]).path == "/h/.local/state/cio")
    }
}

/// The composer, its picker and the review draw at any size, down to a single cell, without leaving the frame.
struct WriteViewsTests {
    @Test func everyWriteScreenFitsEverySize() throws {
        var draft = ComposeDraft.to(person: PersonPrefill(id: "1", email: "ada@example.com"), kind: .email)
        draft.messageData = "{\"a\": [1,"
        var form = ComposerState(drafts: [draft])
        form.draft = draft
        form.focus = 5
        var picking = form
        picking.picker = ComposerState.Picker(field: .template)
        picking.picker?.options = (1...30).map { ComposerState.Option(value: String($0), label: "Template number \($0) with a long name (#\($0))") }
        var trigger = ComposeDraft(kind: .broadcast)
        trigger.broadcastID = "60"
        let write = try WritePlanner.plan(trigger)
        var choosing = ChoiceState(title: "Add ada@example.com to which manual segment?", purpose: .addToSegment(personID: "1", idType: .id, personLabel: "ada"))
        choosing.options = [ComposerState.Option(value: "13", label: "Beta testers (#13)")]
        let modes: [Mode] = [.composing(ComposerState(drafts: [draft])), .composing(form), .composing(picking),
                             .reviewing(ReviewState(write: write)), .choosing(choosing), .naming(TextInputState())]
        for (width, height) in [(1, 1), (2, 2), (20, 5), (40, 10), (80, 24)] {
            for mode in modes {
                var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true), size: Size(width: width, height: height))
                state.mode = mode
                let screen = HeadlessScreen(size: state.size)
                try screen.present(AppView.render(state))
                let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count == height, "\(width)×\(height) \(mode)")
                #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= width }, "\(width)×\(height)")
            }
        }
    }
}
