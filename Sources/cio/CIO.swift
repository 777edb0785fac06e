import ArgumentParser
import CustomerIO
import Foundation

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
        subcommands: [GetCommand.self, SandboxCommand.self, BenchCommand.self]
    )

    @Flag(name: .long, help: "Run against the built-in sandbox workspace on loopback (no key needed).")
    var demo = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let settings = connection.settings()
        if demo || settings.key == nil {
            if !demo {
                Terminal.printNote("No App API key is set, so this is the demo workspace. To use yours: export \(ConnectionSettings.Variable.key)=… (Customer.io → Settings → API credentials), and CUSTOMERIO_REGION=eu for EU workspaces.")
            }
            try await DemoTour.run()
            return
        }
        let client = AppAPIClient(configuration: try settings.configuration())
        try await WorkspaceOverview.print(client: client, heading: "Customer.io workspace (\(client.configuration.region.displayName))")
    }
}

/// Connection flags shared by every command that talks to Customer.io. The key itself is never a flag:
/// flags end up in shell history and process lists.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "Workspace region: us or eu (default: $CUSTOMERIO_REGION, else us).")
    var region: String?

    @Option(name: .customLong("api-url"), help: "App API base URL, for the sandbox or a proxy (default: $CUSTOMERIO_APP_API_URL). Plain http only to loopback.")
    var apiURL: String?

    func settings(environment: [String: String] = ProcessInfo.processInfo.environment) -> ConnectionSettings {
        ConnectionSettings(region: region, apiURL: apiURL).merged(with: environment)
    }
}
