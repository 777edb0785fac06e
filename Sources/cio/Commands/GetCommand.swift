import ArgumentParser
import CustomerIO
import Foundation
import TerminalUI

/// `cio get …`: the scripting face of the service layer.
struct GetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Print workspace data as a table (at a terminal) or JSON (in a pipe).",
        subcommands: [
            GetSegments.self, GetCustomers.self, GetCustomer.self, GetCampaigns.self, GetCampaignMetrics.self,
            GetMessages.self, GetExports.self, GetBroadcasts.self, GetTransactional.self,
            GetActivities.self, GetSenders.self, GetCollections.self, GetSnippets.self, GetReach.self, GetSuppressions.self, GetTimeline.self, GetObjects.self,
        ]
    )
}

/// Shared plumbing for `get` subcommands: one client, one output format.
protocol GetSubcommand: AsyncParsableCommand {
    var connection: ConnectionOptions { get }
    var outputOptions: OutputOptions { get }
}

extension GetSubcommand {
    /// The workspace the flags, environment and config name, resolved as the full-screen app resolves it.
    func makeClient() async throws -> AppAPIClient {
        try await Startup.client(connection)
    }

    /// Prints `value` as JSON, or the table `table()` builds.
    func emit(_ value: some Encodable, table: () -> Table) throws {
        switch outputOptions.format {
        case .json: Terminal.write(try JSONOutput.render(value))
        case .table: Terminal.write(table().render())
        }
    }
}
