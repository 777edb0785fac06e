import App
import Config
import CustomerIO
import Foundation
import Sandbox
import Styling
import TerminalUI
import Workspace

/// Opens the full-screen app on a workspace (the sandbox for `--demo`) and gives the terminal back afterwards.
enum AppLauncher {
    /// What the app opens with, resolved from flags, environment and config.
    struct Launch {
        var session: SessionInfo
        var configuration: ClientConfiguration?
        /// The theme as loaded (the built-in default when none was chosen or the chosen one is broken).
        var theme: Theme
        /// The keymap with the config's overrides applied (its problems are among `warnings`).
        var keymap: Keymap
        var warnings: [String]
        var loadTheme: @Sendable (String) -> (theme: Theme, warning: String?)
        var themeNames: [String]
        /// `[cache]` from the config file.
        var cache = CacheSettings()
        /// Variables that hold keys: no child process (`$EDITOR`) gets them.
        var secretVariables: [String] = ChildEnvironment.secretVariables
    }

    /// `https://api.customer.io`, or `http://127.0.0.1:4010` for a local server, as the review screen names it.
    static func host(_ url: URL) -> String {
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    static func run(_ launch: Launch) async throws {
        // No workspace configured: the demo sandbox, in this process, for as long as the app runs.
        let sandbox = launch.configuration == nil ? try await SandboxServer.start(SandboxOptions()) : nil
        let outcome = await runOnItsOwnThread(launch, sandbox: sandbox)
        await sandbox?.stop()
        try outcome.get()
    }

    private static func runOnItsOwnThread(_ launch: Launch, sandbox: SandboxServer?) async -> Result<Void, any Error> {
        let configuration: ClientConfiguration
        do {
            // The sandbox serves the Track API's segment endpoints too, under any site id and key.
            configuration = try launch.configuration ?? ClientConfiguration(
                key: Secret("demo")!, appBaseURL: sandbox!.baseURL, trackBaseURL: sandbox!.baseURL,
                trackSiteID: "sandbox", trackKey: Secret("sandbox"),
                cdpBaseURL: sandbox!.baseURL.appendingPathComponent("cdp"), cdpWriteKey: Secret("sandbox-write-key")
            )
        } catch {
            return .failure(error)
        }
        let service = WorkspaceService(
            client: AppAPIClient(configuration: configuration),
            store: WorkspaceStore(byteLimit: (launch.cache.maxMegabytes ?? 256) << 20),
            ttl: timesToLive(launch.cache))
        var connected = launch
        connected.session.appHost = Self.host(configuration.appBaseURL)
        connected.session.trackHost = Self.host(configuration.trackBaseURL)
        connected.session.hasTrackCredentials = configuration.trackSiteID != nil && configuration.trackKey != nil
        connected.session.cdpHost = Self.host(configuration.cdpBaseURL)
        connected.session.hasPipelinesKey = configuration.cdpWriteKey != nil
        let launch = connected
        let environment = AppEnvironment(
            service: service, loadTheme: launch.loadTheme, stateFolder: StateFolder.resolve(), profile: launch.session.profile,
            childEnvironment: ChildEnvironment.sanitized(ProcessInfo.processInfo.environment, removing: launch.secretVariables)
        )
        return await withCheckedContinuation { continuation in
            // The run loop blocks in poll(), so it gets a thread of its own rather than one of the few that
            // Swift's tasks (and the in-process sandbox) share.
            let thread = Thread {
                continuation.resume(returning: Result { try runBlocking(launch, environment: environment) })
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    private static func runBlocking(_ launch: Launch, environment: AppEnvironment) throws {
        // Signals first: ncurses installs handlers of its own for any signal still at its default when the
        // screen opens, and those would end the process without an orderly quit.
        let loop = EventLoop(input: STDIN_FILENO)
        loop.catchSignals()
        let screen: CursesScreen
        do {
            screen = try CursesScreen()
        } catch {
            throw LaunchError(message: "\(error)")
        }
        let monochrome = screen.colorDepth == .monochrome
        let theme = monochrome ? launch.theme.monochrome() : launch.theme
        let keymap = launch.keymap
        var state = AppState(session: launch.session, size: screen.size, theme: theme, themeNames: launch.themeNames, keymap: keymap)
        if let first = launch.warnings.first {
            // Everything was printed before the app opened too, so it is there again on exit.
            let more = launch.warnings.count > 1 ? " (+\(launch.warnings.count - 1) more, listed on exit)" : ""
            state.flash = Flash.make(.warn, first + more, now: AppRuntime.monotonicSeconds())
        }
        let runtime = AppRuntime(state: state, device: screen, handler: EffectHandler(environment: environment, monochrome: monochrome), loop: loop)
        do {
            _ = try runtime.run()
        } catch {
            // Give the terminal back first, so the message is readable.
            screen.close()
            throw LaunchError(message: "the screen failed: \(error)")
        }
        screen.close()
    }

    /// A failure to open or drive the terminal.
    /// The config's `[cache]` durations over the defaults.
    static func timesToLive(_ settings: CacheSettings) -> WorkspaceService.TimesToLive {
        var ttl = WorkspaceService.TimesToLive()
        let given = settings.timesToLive
        ttl.lists = given["lists"] ?? ttl.lists
        ttl.counts = given["counts"] ?? ttl.counts
        ttl.metrics = given["metrics"] ?? ttl.metrics
        ttl.details = given["details"] ?? ttl.details
        ttl.messages = given["messages"] ?? ttl.messages
        return ttl
    }

    struct LaunchError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
