import ArgumentParser
import CustomerIO
import Foundation
import TerminalUI

/// `cio`: a terminal workspace browser for Customer.io.
struct CIO: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cio",
        abstract: "A terminal workspace browser for Customer.io.",
        discussion: """
        Set CUSTOMERIO_APP_API_KEY (and CUSTOMERIO_REGION=eu for EU workspaces) to use your workspace,
        or try the built-in sandbox workspace with --demo.

        Exit codes: 0 ok, 1 other failure, 2 usage, 3 auth, 4 not found, 5 rate limit or network.
        """,
        version: CIOVersion.current,
        subcommands: [GetCommand.self, TrackCommand.self, SandboxCommand.self, BenchCommand.self, KeysCommand.self]
    )

    @Option(name: .long, help: "Theme name or path to a theme .toml file (see docs/themes.md).")
    var theme: String?

    @OptionGroup var safety: SafetyOptions

    var readOnly: Bool { safety.readOnly }

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        // Checked before anything else is said: on a terminal that cannot hold a full screen, nothing would show.
        if Terminal.stdoutIsTerminal, isatty(STDIN_FILENO) == 1, let problem = CursesScreen.unusableTerminal(name: environment["TERM"]) {
            throw CustomerIOError.configuration("cio cannot open its full screen here: \(problem)")
        }
        let startup = try Startup.resolve(themeName: theme, readOnly: readOnly, connection: connection, environment: environment)
        if startup.launch.configuration == nil, !connection.demo {
            Terminal.printNote("No App API key is configured, so this is the demo workspace (cio --demo). To use yours: export \(ConnectionSettings.Variable.key)=… (Customer.io → Settings → API credentials), and CUSTOMERIO_REGION=eu for EU workspaces; or set up a profile as docs/configuration.md shows.")
        }
        // The full-screen app needs a terminal on both ends; piped, print a one-shot overview instead.
        guard Terminal.stdoutIsTerminal, isatty(STDIN_FILENO) == 1 else {
            if let configuration = startup.launch.configuration {
                let client = AppAPIClient(configuration: configuration)
                try await WorkspaceOverview.print(client: client, heading: "Customer.io workspace (\(client.configuration.region.displayName))")
            } else {
                try await DemoTour.run()
            }
            return
        }
        try await AppLauncher.run(startup.launch)
    }
}

/// `--read-only`, shared by the app and `cio track` as one option group, so the flag reaches whichever command runs
/// wherever it is typed (a flag declared twice would be taken by the outer command and lost to the inner one).
struct SafetyOptions: ParsableArguments {
    @Flag(name: .customLong("read-only"), help: "Refuse every write (sends, triggers, deletes, segment and profile changes) before anything is built.")
    var readOnly = false
}

/// Connection flags shared by every command that talks to Customer.io (the full-screen app and `cio get` resolve
/// them the same way, through `Startup`). The key itself is never a flag: flags end up in shell history and
/// process lists.
struct ConnectionOptions: ParsableArguments {
    @Flag(name: .long, help: "Use the built-in sandbox workspace on loopback (no key needed).")
    var demo = false

    @Option(name: .long, help: "Config profile to use (default: default_profile in the config file).")
    var profile: String?

    @Option(name: .customLong("config"), help: "Config file (default: $CIO_CONFIG, else $XDG_CONFIG_HOME/cio/config.toml).")
    var configPath: String?

    @Option(name: .long, help: "Workspace region: us or eu (default: $CUSTOMERIO_REGION, else us).")
    var region: String?

    @Option(name: .customLong("api-url"), help: "App API base URL, for the sandbox or a proxy (default: $CUSTOMERIO_APP_API_URL). Plain http only to loopback.")
    var apiURL: String?

    @Option(name: .customLong("track-url"), help: "Track API base URL (segment membership, writes to people), for the sandbox or a proxy (default: $CUSTOMERIO_TRACK_URL). Plain http only to loopback.")
    var trackURL: String?

    @Option(name: .customLong("cdp-url"), help: "Pipelines API base URL, for the P test tool through the sandbox (<sandbox>/cdp) or a proxy (default: $CUSTOMERIO_CDP_URL). Plain http only to loopback.")
    var cdpURL: String?

    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionSettings {
        ConnectionSettings(region: region, apiURL: apiURL, trackURL: trackURL, cdpURL: cdpURL).merged(with: environment)
    }
}
