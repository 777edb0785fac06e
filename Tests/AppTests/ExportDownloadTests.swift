import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// `d` on a finished export saves its file where the user says, all at once, and never over an existing file.
@Suite struct ExportDownloadTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func theWriterRefusesToReplaceAFileAndLeavesNoTemporaries() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.csv").path
        #expect(try SafeFileWriter.write(Data("a,b\n".utf8), to: path) == path)
        #expect(throws: SafeFileWriter.Refusal.self) { try SafeFileWriter.write(Data("other".utf8), to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "a,b\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.csv"])
        #expect(throws: SafeFileWriter.Refusal.self) { try SafeFileWriter.write(Data(), to: folder.appendingPathComponent("missing/x.csv").path) }
    }

    @Test func downloadingADoneExportFromThePane() async throws {
        try await DrivenApp.with { app in
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            try await app.driver.start()
            try await app.driver.press(.character("7"))
            let exports = try await app.client.exports()
            let done = try #require(exports.first { $0.status == "done" && $0.failed != true }, "the sandbox has no finished export")
            try await app.select(key: .id(done.id))
            try await app.driver.press(.character("d"))
            guard case .saving(let id, let input) = app.driver.state.mode else {
                Issue.record("no save prompt: \(app.driver.state.mode)")
                return
            }
            #expect(id == done.id)
            #expect(input.text == "cio-export-\(done.id).csv")
            let path = folder.appendingPathComponent("export.csv").path
            try await app.driver.press(.control("u"))
            try await app.driver.type(path)
            try await app.driver.press(.enter)
            let expected = try await app.client.downloadExportFile(from: try await app.client.exportDownloadURL(id: done.id))
            #expect(FileManager.default.contents(atPath: path) == expected)
            #expect(app.driver.state.flash?.text.contains("Saved") == true)

            // Again to the same name: refused, and the file is untouched.
            try await app.driver.press(.character("d"), .control("u"))
            try await app.driver.type(path)
            try await app.driver.press(.enter)
            #expect(app.driver.state.flash?.level == .error)
            #expect(app.driver.state.flash?.text.contains("already exists") == true)
            #expect(FileManager.default.contents(atPath: path) == expected)
        }
    }

    @Test func anExportThatIsNotDoneCannotBeDownloaded() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .key(.character("7")))
        _ = AppUpdate.update(&state, .listLoaded(.exports, ExportsPane.rows([Export(id: 9, type: "customers", status: "pending")])))
        #expect(AppUpdate.update(&state, .key(.character("d"))).isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.flash?.text.contains("not done yet (pending)") == true)
    }
}
