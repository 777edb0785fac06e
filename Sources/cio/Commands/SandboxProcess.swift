import CustomerIO
import Foundation

/// A `cio sandbox` in a child process, so a memory benchmark measures the app alone and not the fake workspace
/// beside it.
final class SandboxProcess {
    let baseURL: URL
    private let process: Process

    private init(process: Process, baseURL: URL) {
        self.process = process
        self.baseURL = baseURL
    }

    /// Starts `cio sandbox --port 0` with these arguments and waits (up to `timeout` seconds) for the URL it prints.
    static func start(arguments: [String], timeout: TimeInterval = 120) throws -> SandboxProcess {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["sandbox", "--port", "0"] + arguments
        // No key of any kind, and nothing that would point the sandbox's own settings elsewhere.
        process.environment = ChildEnvironment.sanitized(ProcessInfo.processInfo.environment).filter { !$0.key.hasPrefix("CUSTOMERIO_") }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The banner's first line ends with the URL: "… at http://127.0.0.1:PORT".
        var text = ""
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, process.isRunning {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains(" at http") }),
               let range = line.range(of: "http"), let url = URL(string: String(line[range.lowerBound...]).trimmingCharacters(in: .whitespaces)) {
                return SandboxProcess(process: process, baseURL: url)
            }
        }
        process.terminate()
        throw SandboxProcessError(output: text)
    }

    /// Resident memory of the sandbox process, from /proc.
    var residentBytes: Int { ProcessMemory.residentBytes(pid: process.processIdentifier) }

    func stop() {
        process.interrupt()
        process.waitUntilExit()
    }
}

/// The child sandbox exited or never printed its URL.
struct SandboxProcessError: Error, CustomStringConvertible {
    let output: String
    var description: String { "the sandbox process did not start: \(output.isEmpty ? "no output" : output)" }
}
