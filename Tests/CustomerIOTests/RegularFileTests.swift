import Foundation
import Testing
@testable import CustomerIO

/// A file named by the user is read only when it is a regular file under the cap; anything else is refused with a
/// reason before it is opened, so a fifo never blocks and a device never fills memory.
@Suite struct RegularFileTests {
    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cio-regular-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aRegularFileIsReadWhole() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ops.jsonl")
        try Data("{}\n{}\n".utf8).write(to: file)
        #expect(try RegularFile.read(file.path, limit: 100) == Data("{}\n{}\n".utf8))
    }

    @Test func whatIsNotARegularFileIsRefusedWithItsKind() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let cases: [(String, RegularFile.Problem)] = [
            (folder.path, .directory),
            (folder.appendingPathComponent("gone").path, .missing),
            (fifo, .notRegular("a fifo")),
            ("/dev/zero", .notRegular("a character device")),
        ]
        for (path, problem) in cases {
            #expect(throws: problem, "\(path)") { try RegularFile.read(path, limit: 1 << 20) }
        }
        #expect(RegularFile.Problem.notRegular("a fifo").description == "it is not a regular file (a fifo)")
        #expect(RegularFile.Problem.directory.description == "it is a directory, not a file")
    }

    @Test func aFileOverTheCapIsRefused() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("big")
        try Data(count: 2_000).write(to: file)
        #expect(throws: RegularFile.Problem.tooLarge(limit: 1_000)) { try RegularFile.read(file.path, limit: 1_000) }
        #expect(RegularFile.Problem.tooLarge(limit: 64 << 20).description == "it is larger than 64 MB")
    }

    /// Standard input has no size to look at first: it is read until the cap, then refused.
    @Test func aStreamPastTheCapIsRefused() throws {
        let zero = open("/dev/zero", O_RDONLY)
        #expect(zero >= 0)
        defer { close(zero) }
        #expect(throws: RegularFile.Problem.tooLarge(limit: 100_000)) { try RegularFile.readAll(descriptor: zero, limit: 100_000) }
    }
}
