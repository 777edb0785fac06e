import Foundation
import ProcessKit

/// Runs the built `cio` binary as a person would, capturing what it prints and how it exits.
///
/// Waiting on a process and reading its pipes block a thread, so all of it happens on GCD threads: blocking
/// Swift concurrency's small cooperative pool would starve the in-process servers these tests talk to.
struct CLIRunner {
    struct Result: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The binary sits next to the test bundle in the build folder. `CIO_TEST_BINARY` names another one, to run
    /// the same tests against an older build (and see a new test fail where the bug still is).
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["CIO_TEST_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [bundle, bundle.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for folder in candidates {
            let url = folder.appendingPathComponent("cio")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return bundle.appendingPathComponent("cio")
    }

    /// An environment with no Customer.io settings leaking in from the machine running the tests.
    static func cleanEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("CUSTOMERIO_") }
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    static func run(_ arguments: [String], environment: [String: String] = cleanEnvironment()) async throws -> Result {
        try await offThePool { try runBlocking(arguments, environment: environment) }
    }

    /// Another program (a shell that sets a limit, then runs `cio`), waited for the same way.
    static func run(program: String, _ arguments: [String], environment: [String: String] = cleanEnvironment()) async throws -> Result {
        try await offThePool { try runBlocking(arguments, environment: environment, executable: URL(fileURLWithPath: program)) }
    }

    /// Runs blocking work on a thread of its own and resumes when it is done. Not on GCD's global queue: on Linux
    /// Swift's tasks run on those same worker threads, so a dozen `cio` children waited on there left the in-process
    /// sandbox they were talking to no thread to answer on, and the whole suite stood still until their requests
    /// timed out (tens of seconds, at random).
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try work() }) }.start()
        }
    }

    /// Starts blocking `work` on a thread of its own, inside `group` (see `offThePool` for why not GCD).
    static func onItsOwnThread(_ group: DispatchGroup, _ work: @escaping @Sendable () -> Void) {
        group.enter()
        Thread {
            work()
            group.leave()
        }.start()
    }

    /// Starts the child with `posix_spawn` through cio's own `ChildProcess`, not Foundation's `Process`: on Linux
    /// `Process.run()` can over-read a directory entry while it lists /proc/self/fd and crash the whole test
    /// process (swift-corelibs-foundation PR #5472; seen here as signal 11 inside `Process.run`, about one CI run
    /// in five). Every pipe end is close-on-exec, so a child started at the same moment by another test never
    /// holds this child's pipes open.
    private static func runBlocking(_ arguments: [String], environment: [String: String], executable: URL = binary) throws -> Result {
        let out = try ClosingPipe()
        let err = try ClosingPipe()
        let pid: pid_t
        do {
            pid = try ChildProcess.spawn(executable.path, arguments: [executable.path] + arguments, environment: environment,
                                         streams: .captured(stdout: out.write, stderr: err.write))
        } catch {
            throw POSIXError(POSIXErrorCode(rawValue: error.errno) ?? .EIO)
        }
        out.closeWriteEnd()
        err.closeWriteEnd()
        // Drain stderr on another thread while this one drains stdout, so neither pipe can fill up and stall the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        onItsOwnThread(group) { errData = err.reader.readDataToEndOfFile() }
        let outData = out.reader.readDataToEndOfFile()
        group.wait()
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1, errno == EINTR {}
        return Result(status: exitCode(status), stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// The exit status, or the signal that ended the child (as Foundation's `terminationStatus` says it).
    static func exitCode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : signal
    }
}

/// A pipe whose ends are close-on-exec; the read end is read through a `FileHandle` that closes it.
private final class ClosingPipe: @unchecked Sendable {
    let write: Int32
    let reader: FileHandle
    private var writeOpen = true

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        write = ends[1]
        reader = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
    }

    func closeWriteEnd() {
        guard writeOpen else { return }
        writeOpen = false
        close(write)
    }

    deinit { closeWriteEnd() }
}

/// A `cio` process left running (like `cio sandbox`), read until a line appears and then interrupted. Started
/// through `ChildProcess` for the same reason as `CLIRunner.run`: Foundation's `Process.run()` can crash the test
/// process on Linux.
final class RunningCLI: Sendable {
    private let pid: pid_t
    private let output: FileHandle

    init(_ arguments: [String], environment: [String: String] = CLIRunner.cleanEnvironment()) throws {
        let out = try ClosingPipe()
        let discard = open("/dev/null", O_WRONLY | O_CLOEXEC)
        guard discard >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(discard) }
        let path = CLIRunner.binary.path
        do {
            pid = try ChildProcess.spawn(path, arguments: [path] + arguments, environment: environment,
                                         streams: .captured(stdout: out.write, stderr: discard))
        } catch {
            throw POSIXError(POSIXErrorCode(rawValue: error.errno) ?? .EIO)
        }
        out.closeWriteEnd()
        output = out.reader
    }

    /// Everything printed until `marker` shows up (or the output ends).
    func read(until marker: String) async throws -> String {
        let output = output
        return try await CLIRunner.offThePool {
            var text = ""
            while !text.contains(marker) {
                let chunk = output.availableData
                if chunk.isEmpty { break }
                text += String(decoding: chunk, as: UTF8.self)
            }
            return text
        }
    }

    /// Sends SIGINT and waits for the exit status (the signal's number when the signal ended it).
    func interrupt() async throws -> Int32 {
        let pid = pid
        kill(pid, SIGINT)
        return try await CLIRunner.offThePool {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            return CLIRunner.exitCode(status)
        }
    }
}
