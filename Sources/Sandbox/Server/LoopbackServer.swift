import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Serves a Hummingbird responder on a host and port (0: a free one): the sandbox, and the small servers tests put
/// beside it, start and stop the same way. Stopping is a graceful shutdown, never a cancelled task: cancelling the
/// serving task while a connection is accepted but not yet served traps in NIO ("Deinited NIOAsyncWriter without
/// calling finish()"), which `cio --demo` quitting with requests in flight once did.
public final class LoopbackServer: Sendable {
    /// The port it listens on.
    public let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    private init(port: Int, group: ServiceGroup, task: Task<Void, any Error>) {
        self.port = port
        self.group = group
        self.task = task
    }

    /// How long a graceful shutdown may take before the server is cancelled after all.
    static let shutdownDeadline: Duration = .seconds(5)

    /// Starts serving and returns once the server listens.
    public static func start<Responder: HTTPResponder>(
        _ responder: Responder, host: String = "127.0.0.1", port: Int = 0, logger: Logger? = nil
    ) async throws -> LoopbackServer where Responder.Context == BasicRequestContext {
        let quiet = logger ?? Logger(label: "cio.loopback", factory: { _ in SwiftLogNoOpLogHandler() })
        let (started, startedContinuation) = AsyncStream.makeStream(of: Result<Int, any Error>.self)
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                startedContinuation.yield(.success(channel.localAddress?.port ?? port))
            },
            logger: quiet
        )
        let group = ServiceGroup(configuration: .init(services: [application], gracefulShutdownSignals: [], logger: quiet))
        let task = Task {
            do {
                try await group.run()
                startedContinuation.yield(.failure(SandboxError.stoppedBeforeListening))
            } catch {
                startedContinuation.yield(.failure(error))
                throw error
            }
        }
        for await result in started {
            return LoopbackServer(port: try result.get(), group: group, task: task)
        }
        task.cancel()
        throw SandboxError.stoppedBeforeListening
    }

    /// Stops accepting, lets requests in flight finish, and returns once the server is down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        let task = task
        let finished = await withTaskGroup(of: Bool.self) { race in
            race.addTask { _ = await task.result; return true }
            race.addTask { try? await Task.sleep(for: Self.shutdownDeadline); return false }
            let first = await race.next() ?? false
            race.cancelAll()
            return first
        }
        if !finished {
            task.cancel()
            _ = await task.result
        }
    }

    /// Waits until the server stops (after `stop()`, or if it fails).
    public func waitUntilStopped() async {
        _ = await task.result
    }
}
