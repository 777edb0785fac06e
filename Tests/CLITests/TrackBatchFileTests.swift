import CustomerIO
import Foundation
import Sandbox
import Testing
@testable import cio

/// `cio track batch` says what is wrong with a file that is not one (a directory, a fifo, a device, nothing there)
/// instead of a Cocoa error, never blocks on a fifo, and reads each line strictly: bad UTF-8 and a key given twice
/// refuse the line by its number, and nothing is sent. An empty person is a usage error naming it.
@Suite struct TrackBatchFileCLITests {
    @Test func aPathThatIsNotARegularFileSaysWhyAndExitsTwo() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cio-batch-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let fifo = folder.appendingPathComponent("pipe.jsonl").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let cases = [
                (folder.path, "it is a directory, not a file"),
                (folder.appendingPathComponent("gone.jsonl").path, "there is no such file"),
                (fifo, "it is not a regular file (a fifo)"),
                ("/dev/zero", "it is not a regular file (a character device)"),
            ]
            for (path, reason) in cases {
                let result = try await CLIRunner.run(["track", "batch", path, "--yes"], environment: environment)
                #expect(result.status == 2, "\(path): \(result.stderr)")
                #expect(result.stderr.hasPrefix("error: \(path): \(reason)\n"), "\(result.stderr)")
                #expect(!result.stderr.contains("NSCocoaErrorDomain"))
            }
            #expect(server.probe.requestCount(pathPrefix: "/api/") == 0)
        }
    }

    @Test func aLineThatIsNotUTF8OrGivesAKeyTwiceIsRefusedByNumber() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("ops-\(UUID().uuidString).jsonl")
            defer { try? FileManager.default.removeItem(at: file) }
            let good = #"{"type":"person","action":"identify","identifiers":{"id":"1"},"attributes":{"a":1}}"#
            var latin1 = Data((good + "\n").utf8)
            latin1.append(contentsOf: Array(#"{"type":"person","action":"identify","identifiers":{"id":"2"},"attributes":{"city":"K"#.utf8))
            latin1.append(0xF6)
            latin1.append(contentsOf: Array("ln\"}}\n".utf8))
            let lines: [(Data, String)] = [
                (latin1, ":2: not UTF-8 text (byte 0xF6 at column 86)"),
                (Data((good + "\n\n" + #"{"type":"person","action":"identify","identifiers":{"id":"1"},"identifiers":{"id":"2"}}"#).utf8), #":3: the key "identifiers" is given twice"#),
                (Data(#"{"type":"person","action":"identify","identifiers":{"id":"1"},"attributes":{"a":{"b":1,"b":2}}}"#.utf8), #":1: the key "b" is given twice"#),
            ]
            for (data, expected) in lines {
                try data.write(to: file)
                let result = try await CLIRunner.run(["track", "batch", file.path, "--yes"], environment: environment)
                #expect(result.status == 2, "\(result.stderr)")
                #expect(result.stderr.contains(file.path + expected), "\(result.stderr)")
            }
            #expect(server.probe.requestCount(pathPrefix: "/api/") == 0)
        }
    }

    @Test func anEmptyPersonIsAUsageErrorSayingSo() async throws {
        try await TrackCLITests().withSandbox { server, environment, _ in
            for arguments in [["identify", "", "a=1"], ["suppress", "  "], ["event", "", "signed_up"]] {
                let result = try await CLIRunner.run(["track"] + arguments, environment: environment)
                #expect(result.status == 2, "\(arguments): \(result.stderr)")
                #expect(result.stderr.hasPrefix("error: The person is empty: give an id, an email or a cio_id."), "\(arguments): \(result.stderr)")
            }
            #expect(server.probe.requestCount(pathPrefix: "/api/") == 0)
        }
    }
}

/// The strict reader under `cio track batch`, line by line.
@Suite struct BatchFileTests {
    @Test func linesAreNumberedFromTheFileAndBlankOnesSkipped() throws {
        let op = #"{"type":"person","action":"delete","identifiers":{"id":"7"}}"#
        let operations = try BatchFile.operations(Data("\(op)\r\n\n  \n\(op)\n".utf8))
        #expect(operations.count == 2)
        #expect(throws: BatchFile.LineProblem(line: 3, message: "not JSON")) { try BatchFile.operations(Data("\(op)\n\n{\n".utf8)) }
    }

    @Test func aLineNestedTooDeeplyIsRefusedByNumberWithItsDepth() throws {
        let op = #"{"type":"person","action":"delete","identifiers":{"id":"7"}}"#
        let deep = #"{"type":"person","action":"event","identifiers":{"id":"7"},"name":"x","attributes":"#
            + String(repeating: "[", count: 600) + String(repeating: "]", count: 600) + "}"
        do {
            _ = try BatchFile.operations(Data("\(op)\n\(deep)\n".utf8))
            Issue.record("a 601-level line was read")
        } catch {
            #expect(error.line == 2)
            #expect(error.message == "nests 601 levels; values may nest at most \(JSONValue.maximumDepth) levels deep")
        }
    }

    @Test func duplicateKeysAreFoundAtAnyDepthAndOnlyInObjects() {
        #expect(JSONDuplicateKeys.first(in: #"{"a":1,"b":{"a":2},"c":[{"a":1},{"a":2}]}"#) == nil)
        #expect(JSONDuplicateKeys.first(in: #"{"a":1,"b":"a","a":2}"#) == "a")
        #expect(JSONDuplicateKeys.first(in: #"{"x":[1,{"k":1,"k":2}]}"#) == "k")
        // The same key spelled with an escape is the same key to every reader.
        #expect(JSONDuplicateKeys.first(in: #"{"id":1,"\u0069d":2}"#) == "id")
        #expect(JSONDuplicateKeys.first(in: #"{"\ud83d\ude00":1,"😀":2}"#) == "😀")
        #expect(JSONDuplicateKeys.first(in: #"{"a\"b":1,"a\\b":2,"a":3}"#) == nil)
        // Nesting far past any stack's reach is walked without recursion.
        let deep = String(repeating: #"{"a":["#, count: 100_000) + "1" + String(repeating: "]}", count: 100_000)
        #expect(JSONDuplicateKeys.first(in: deep) == nil)
    }

    @Test func aByteThatBreaksUTF8IsNamedWithItsColumn() {
        var line = Data("{\"a\":\"".utf8)
        line.append(0xFF)
        #expect(BatchFile.invalidByte(line) == "byte 0xFF at column 7")
        #expect(throws: BatchFile.Refusal.self) { try BatchFile.operation(line) }
    }
}
