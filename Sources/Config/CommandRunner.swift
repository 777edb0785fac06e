import Foundation
import ProcessKit
import Synchronization

/// What a finished (or abandoned) command left behind.
struct CommandOutput: Sendable {
    /// The exit status, or 128 + the signal that ended it (as shells report it).
    var status: Int32
    var stdout: Data
    var stderr: Data
    var timedOut: Bool
}

/// Runs a shell command with a deadline, for `api_key_command`: a password manager waiting for a prompt nobody sees
/// must not hang cio's start-up.
///
/// It spawns `/bin/sh` directly rather than through Foundation's `Process`, which on Linux notices an exit only once
/// every inheritor of the child's descriptors is gone: killing the shell of `sleep 60; …` was reported 60 s late.
/// The command runs in its own process group, so a timeout ends the shell and everything it started.
enum CommandRunner {
    static func run(_ command: String, environment: [String: String], timeout: Duration) throws(CommandError) -> CommandOutput {
        let stdoutPipe = try makePipe()
        let stderrPipe = try makePipe()
        let pid: pid_t
        do {
            defer { close(stdoutPipe.write); close(stderrPipe.write) }
            pid = try spawn(command, environment: environment, stdout: stdoutPipe, stderr: stderrPipe)
        } catch {
            close(stdoutPipe.read)
            close(stderrPipe.read)
            throw error
        }
        // Both pipes are drained while the command runs: one that fills a pipe buffer would otherwise block.
        let stdout = PipeReader(stdoutPipe.read)
        let stderr = PipeReader(stderrPipe.read)
        let exit = ExitWatcher(pid)

        let deadline = DispatchTime.now() + timeout.seconds
        var timedOut = false
        if !exit.wait(until: deadline) {
            timedOut = true
            kill(-pid, SIGTERM)
            if !exit.wait(until: .now() + 1) {
                kill(-pid, SIGKILL)
                _ = exit.wait(until: .distantFuture)
            }
        }
        // Something that left the process group may still hold a pipe open; never wait past the deadline for it.
        let readDeadline = max(deadline, .now()) + 0.2
        return CommandOutput(
            status: exit.status,
            stdout: stdout.collect(until: readDeadline),
            stderr: stderr.collect(until: readDeadline),
            timedOut: timedOut
        )
    }

    private static func makePipe() throws(CommandError) -> (read: Int32, write: Int32) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw CommandError(errno: errno) }
        // The read ends stay in this process only; the child gets the write ends through dup2.
        _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
        return (descriptors[0], descriptors[1])
    }

    private static func spawn(
        _ command: String, environment: [String: String], stdout: (read: Int32, write: Int32), stderr: (read: Int32, write: Int32)
    ) throws(CommandError) -> pid_t {
        // Its own process group (so a timeout can end all of it), default signal handling and an empty mask.
        do {
            return try ChildProcess.spawn(
                "/bin/sh", arguments: ["/bin/sh", "-c", command], environment: environment,
                streams: .captured(stdout: stdout.write, stderr: stderr.write), newProcessGroup: true
            )
        } catch {
            throw CommandError(errno: error.errno)
        }
    }
}

/// A failure to start the command at all (no /bin/sh, no descriptors left).
struct CommandError: Error, Sendable {
    let errno: Int32
    var reason: String { String(cString: strerror(errno)) }
}

/// Waits for one child on a background thread, so the caller can wait with a deadline.
private final class ExitWatcher: Sendable {
    private let result = Mutex<Int32?>(nil)
    private let exited = DispatchSemaphore(value: 0)

    init(_ pid: pid_t) {
        Thread.detachNewThread { [self] in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1, errno == EINTR {}
            // The low 7 bits hold the signal that ended the child (0 when it exited); the next 8 its exit code.
            let signal = status & 0x7F
            result.withLock { $0 = signal == 0 ? (status >> 8) & 0xFF : 128 + signal }
            exited.signal()
        }
    }

    /// Whether the child exited before `deadline`.
    func wait(until deadline: DispatchTime) -> Bool {
        exited.wait(timeout: deadline) == .success
    }

    var status: Int32 { result.withLock { $0 ?? -1 } }
}

/// Reads a pipe to its end on a background thread, so a caller can give up at a deadline and keep what arrived.
private final class PipeReader: Sendable {
    private let buffer = Mutex(Data())
    private let finished = DispatchSemaphore(value: 0)

    init(_ descriptor: Int32) {
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 16_384)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    buffer.withLock { $0.append(contentsOf: chunk[0..<count]) }
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            close(descriptor)
            finished.signal()
        }
    }

    func collect(until deadline: DispatchTime) -> Data {
        _ = finished.wait(timeout: deadline)
        return buffer.withLock { $0 }
    }
}

extension Duration {
    /// Whole and fractional seconds, for APIs that take a `TimeInterval`.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
