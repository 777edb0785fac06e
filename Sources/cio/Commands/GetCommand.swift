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

/// Dates and numbers the way people read them in tables.
enum Format {
    static func time(_ unix: Int?) -> String {
        guard let unix, unix > 0 else { return "" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(unix)))
    }

    /// Attribute values arrive as strings; timestamps among them (`…_at`, `last_…`) also get a readable date.
    static func attribute(name: String, value: String) -> String {
        let looksLikeTime = name.hasSuffix("_at") || name.hasPrefix("last_") || name.hasSuffix("_time")
        // Unix seconds between 2001 and 2100.
        guard looksLikeTime, let seconds = Int(value), (1_000_000_000...4_102_444_800).contains(seconds) else { return value }
        return "\(value) (\(time(seconds)))"
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "–" }
        return String(format: "%.1f%%", Double(part) * 100 / Double(whole))
    }

    /// ▁▂▃▄▅▆▇█ scaled to the row's own maximum.
    static func sparkline(_ values: [Int]) -> String {
        Sparkline.blocks(values, width: values.count)
    }
}
