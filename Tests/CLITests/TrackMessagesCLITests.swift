import Foundation
import Sandbox
import Testing
@testable import cio

/// What `cio track` says when a write does not go: "Not sent" once, whichever layer said it first.
@Suite struct TrackMessagesCLITests {
    /// A journal that cannot be written stops the write before it leaves; the sender's own sentence once said
    /// "Not sent" too, and cio printed "Not sent: Not sent: …".
    @Test func aWriteStoppedByTheJournalSaysNotSentOnce() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("cio-state-file-\(UUID().uuidString)")
            try Data("not a folder".utf8).write(to: blocker)
            defer { try? FileManager.default.removeItem(at: blocker) }
            var unwritable = environment
            unwritable["XDG_STATE_HOME"] = blocker.path
            let result = try await CLIRunner.run(["track", "suppress", "42", "--yes"], environment: unwritable)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("Not sent: "), "\(result.stderr)")
            #expect(result.stderr.components(separatedBy: "ot sent").count == 2, "\(result.stderr)")
            #expect(server.probe.requestCount(pathPrefix: "/api/v2") == 0)
        }
    }

    @Test func notSentIsNeverSaidTwice() {
        #expect(TrackRun.notSent("the journal could not be written") == "Not sent: the journal could not be written")
        #expect(TrackRun.notSent("Not sent: the journal could not be written") == "Not sent: the journal could not be written")
    }
}
