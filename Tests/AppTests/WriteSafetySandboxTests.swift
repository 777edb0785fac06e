import CustomerIO
import Foundation
import Sandbox
import Testing
import TerminalUI
@testable import App

/// Writes behind a loopback gateway: a 502 or 504 after the send was passed on is an unknown outcome (one
/// delivery, never "not sent", never retried); the same payload later needs the typed confirmation; credentials a
/// gateway echoes never reach the screen or the journal.
@Suite struct WriteSafetySandboxTests {
    /// From a profile: `c`, the first template, `s`, and the review's `y` once its keys count.
    private func sendTemplateEmail(_ app: WritingApp) async throws {
        try await app.driver.press(.character("c"))
        try await app.edit(.template)
        try await app.driver.type("order")
        try await app.driver.press(.enter)
        try await app.driver.press(.character("s"))
        #expect(app.review?.write.endpoint == "POST /v1/send/email")
        try await app.confirm()
    }

    @Test(arguments: [502, 504])
    func aGatewayErrorAfterTheSendArrivedIsAnUnknownOutcome(status: Int) async throws {
        try await WritingApp.with(throughGateway: true) { app in
            let gateway = try #require(app.gateway)
            let person = try await app.openPerson("plan = pro")
            let before = app.probe.deliveryCount(customerID: person)
            gateway.add(.init(method: "POST", pathPrefix: "/v1/send/", action: .answerAfterForwarding(status: status, body: GatewayProxy.badGatewayPage(status))))
            try await sendTemplateEmail(app)

            guard case .finished(.unknown(let message))? = app.review?.stage else {
                Issue.record("expected an unknown outcome: \(String(describing: app.review?.stage))")
                return
            }
            #expect(message.contains("answered \(status)"))
            // It did arrive, once, and nothing tried it again.
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1)
            #expect(app.probe.deliveryCount(customerID: person) == before + 1)
            let screen = app.app.lines.joined(separator: "\n")
            #expect(screen.contains("? Outcome unknown — check Messages before sending again"))
            #expect(!screen.contains("Not sent"))
            #expect(!screen.contains("try again"))
            #expect(app.journal.map(\.outcome) == ["unknown"])
            #expect(app.journal.first?.detail?.contains("\(status)") == true)
            // y on the outcome sends nothing more.
            try await app.driver.press(.character("y"))
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1)
        }
    }

    /// "Outcome unknown" is remembered per payload: a new draft that would send the same request warns and asks
    /// for the number before `y` works.
    @Test func aNewDraftWithThePayloadOfAnUnknownOutcomeNeedsTheTypedConfirmation() async throws {
        try await WritingApp.with(throughGateway: true) { app in
            let gateway = try #require(app.gateway)
            _ = try await app.openPerson("plan = pro")
            gateway.add(.init(method: "POST", pathPrefix: "/v1/send/", action: .answerAfterForwarding(status: 504, body: GatewayProxy.badGatewayPage(504))))
            try await sendTemplateEmail(app)
            let first = try #require(app.review?.write)
            try await app.driver.press(.escape)
            gateway.clearRules()

            // A second draft, not the first one reopened: the same person, template and data.
            try await sendTemplateEmail(app)
            let review = try #require(app.review)
            #expect(review.write.draftID != first.draftID)
            #expect(review.write.payloadDigest == first.payloadDigest)
            #expect(review.write.repeatsUnknownOutcome)
            #expect(review.write.confirmCount == 1)
            #expect(review.write.warnings.contains { $0.contains("its outcome is unknown: it may have arrived") })
            #expect(review.stage == .reviewing, "y alone did not send")
            #expect(app.app.statusBar.contains("Type 1 first: it may have arrived"))
            #expect(app.app.lines.contains { $0.contains("Type 1 and press y to send it again anyway") })
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 1)

            try await app.driver.type("1")
            try await app.driver.press(.character("y"))
            guard case .finished(.done)? = app.review?.stage else {
                Issue.record("not sent after the typed confirmation: \(String(describing: app.review?.stage))")
                return
            }
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/send/email") == 2)
            #expect(app.journal.map(\.outcome) == ["unknown", "sent"])
        }
    }

    /// A gateway that echoes the Basic header, the site id and the key in its error page: none of it, in any
    /// form, reaches the screen or the journal.
    @Test func credentialsAGatewayEchoesAreRedactedOnScreenAndInTheJournal() async throws {
        let track = WritingApp.TrackCredentials(siteID: "5f3c9a2b7e1d", key: "tk_8d7f6e5c4b3a2910")
        let token = Data("\(track.siteID):\(track.key)".utf8).base64EncodedString()
        try await WritingApp.with(throughGateway: true, track: track) { app in
            let gateway = try #require(app.gateway)
            try await app.driver.start()
            try await app.driver.press(.character("N"))
            try await app.driver.type("Echo test")
            try await app.driver.press(.enter)
            try await app.confirm()
            guard case .finished(.done(let segment, _))? = app.review?.stage else { Issue.record("no segment"); return }
            try await app.driver.press(.escape)
            gateway.add(.init(method: "POST", pathPrefix: "/api/v1/segments/", action: .refuse(status: 400) { authorization in
                "rejected \(authorization) (site \(track.siteID), key \(track.key))"
            }))

            _ = try await app.openPerson("plan = pro")
            try await app.driver.press(.character("+"))
            try await app.driver.type("echo test")
            try await app.driver.press(.enter)
            #expect(app.review?.write.endpoint.hasPrefix("POST /api/v1/segments/\(segment)/add_customers") == true)
            try await app.confirm()
            guard case .finished(.failed(let message))? = app.review?.stage else {
                Issue.record("expected a refusal: \(String(describing: app.review?.stage))")
                return
            }
            let journal = try String(contentsOf: app.stateFolder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
            let shown = app.app.lines.joined(separator: "\n") + message + (app.driver.state.flash?.text ?? "")
            for secret in [track.siteID, track.key, token, token.trimmingCharacters(in: CharacterSet(charactersIn: "="))] {
                #expect(!shown.contains(secret), "on screen: \(secret)")
                #expect(!journal.contains(secret), "in the journal: \(secret)")
            }
            #expect(message.contains(Redactor.mark))
            #expect(app.journal.last?.outcome == "failed")
        }
    }
}

/// A saved broadcast draft whose filter audience nests 5,000 `not`s once crashed cio on every `s`.
@Suite struct DeepFilterDraftTests {
    @Test func aSavedDraftWithADeepFilterIsRefusedOnEveryReview() async throws {
        try await WritingApp.with { app in
            var draft = ComposeDraft(kind: .broadcast)
            draft.broadcastID = "60"
            draft.broadcastName = "Spring launch"
            draft.audience = .filter
            draft.audienceValue = String(repeating: "not ", count: 5_000) + "plan = pro"
            draft.markEdited()
            try DraftFiles(stateFolder: app.stateFolder).save(draft)
            try await app.driver.start()
            try await app.driver.press(.character("c"))
            for _ in 0..<ComposeDraft.Kind.allCases.count { try await app.driver.press(.character("j")) }
            try await app.driver.press(.enter)
            #expect(app.composer?.draft?.id == draft.id)
            for _ in 0..<2 {
                try await app.driver.press(.character("s"))
                #expect(app.review == nil)
                #expect(app.composer?.problems.first?.hasPrefix("The filter does not read: column") == true)
                #expect(app.composer?.problems.first?.contains("at most 16 nested parentheses and 'not's") == true)
            }
            #expect(app.probe.requestCount(method: "POST") == 0)
        }
    }
}

/// Files that hold people's data are the user's alone, and children never see a key.
@Suite struct PrivateFilesTests {
    private func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func draftsAndDownloadedExportsAreWrittenReadableByTheUserAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-modes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = umask(0o022)
        defer { umask(previous) }
        var draft = ComposeDraft(kind: .email)
        draft.to = "jane@example.com"
        let drafts = DraftFiles(stateFolder: folder)
        try drafts.save(draft)
        #expect(try mode(drafts.folder.appendingPathComponent("\(draft.id).json").path) == 0o600)
        let export = try SafeFileWriter.write(Data("email\njane@example.com\n".utf8), to: folder.appendingPathComponent("people.csv").path)
        #expect(try mode(export) == 0o600)
        // Nothing half-written is left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".partial") })
    }

    @Test func theEditorGetsNoKeyInAnyVariable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dump = folder.appendingPathComponent("env.txt")
        let editor = folder.appendingPathComponent("editor")
        try "#!/bin/sh\nenv > \(dump.path)\n".write(to: editor, atomically: true, encoding: .utf8)
        #expect(chmod(editor.path, 0o755) == 0)
        let parent = [
            "PATH": "/usr/bin:/bin", "EDITOR": editor.path, "KEEP_ME": "1",
            "CUSTOMERIO_APP_API_KEY": "sk_app_123456", "CUSTOMERIO_TRACK_API_KEY": "tk_track_123456",
            "CUSTOMERIO_SITE_ID": "site_123456", "PROD_CIO_KEY": "sk_profile_123456",
        ]
        let child = ChildEnvironment.sanitized(parent, removing: ["PROD_CIO_KEY"])
        _ = try ExternalEditor.edit("{}", fileExtension: "json", folder: folder, environment: child).get()
        let seen = try String(contentsOf: dump, encoding: .utf8)
        #expect(seen.contains("KEEP_ME=1"))
        for secret in ["sk_app_123456", "tk_track_123456", "site_123456", "sk_profile_123456", "CUSTOMERIO_", "PROD_CIO_KEY"] {
            #expect(!seen.contains(secret), "\(secret) reached the editor")
        }
    }
}
