import Foundation

/// Starts a child with `posix_spawn`, the way cio starts every child (the editor, a key command): with exactly the
/// environment given, every signal at its default disposition and none blocked, whatever this process has set.
/// (Ignored signals survive `exec`: the UI ignores SIGQUIT and the process SIGPIPE, and neither may reach a child —
/// an editor that ctrl-\ cannot stop, or a pipeline that breaks, would be the result.)
public enum ChildProcess {
    /// Why the child did not start.
    public struct SpawnError: Error, Sendable {
        public let errno: Int32
        public var reason: String { String(cString: strerror(errno)) }
    }

    /// What the child's standard streams are: this process's own, or stdin from /dev/null and stdout and stderr
    /// to these descriptors (closed in the child after they are duplicated).
    public enum Streams: Sendable {
        case inherited
        case captured(stdout: Int32, stderr: Int32)
    }

    /// Starts `arguments[0]` at `path`; `newProcessGroup` puts it in a group of its own (so a timeout can end all of
    /// it), otherwise it stays in cio's, which holds the terminal.
    public static func spawn(_ path: String, arguments: [String], environment: [String: String], streams: Streams = .inherited, newProcessGroup: Bool = false) throws(SpawnError) -> pid_t {
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        if case .captured(let stdout, let stderr) = streams {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, stdout, 1)
            posix_spawn_file_actions_adddup2(&actions, stderr, 2)
            posix_spawn_file_actions_addclose(&actions, stdout)
            posix_spawn_file_actions_addclose(&actions, stderr)
        }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGPIPE, SIGQUIT, SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGWINCH, SIGTSTP, SIGTTIN, SIGTTOU] { sigaddset(&defaults, signalNumber) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var flags = POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        if newProcessGroup {
            posix_spawnattr_setpgroup(&attributes, 0)
            flags |= POSIX_SPAWN_SETPGROUP
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw SpawnError(errno: result) }
        return pid
    }
}
