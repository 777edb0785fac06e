import App
import ArgumentParser
import CustomerIO
import Foundation

/// `cio get campaigns`.
struct GetCampaigns: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "campaigns", abstract: "List campaigns.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let campaigns = try await makeClient().campaigns()
        try emit(campaigns) {
            Table(
                headers: ["ID", "NAME", "TYPE", "STATE", "TAGS", "UPDATED"],
                rows: campaigns.map { [String($0.id), $0.name ?? "", $0.type ?? "", $0.state ?? "", $0.tags.joined(separator: ","), TimeText.short($0.updated)] },
                rightAligned: [0]
            )
        }
    }
}

/// `cio get campaign-metrics ID [--days N]`.
struct GetCampaignMetrics: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "campaign-metrics", abstract: "Daily metrics of one campaign, with sparklines and rates.")

    @Argument(help: "The campaign id.")
    var id: Int

    @Option(name: .long, help: "How many days back (1–90).")
    var days = 30

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard (1...90).contains(days) else { throw ValidationError("--days must be between 1 and 90.") }
    }

    /// The series as printed in JSON.
    struct Output: Encodable {
        let campaignID: Int
        let days: Int
        let apiVersion: Int
        /// What the series covers as fetched ("30 days", or "12 weeks" after a v1 fallback), its step and zone.
        let window: String
        let resolution: String
        let timeZone: String
        /// Unix seconds: the first period's start and the moment the figures were asked for.
        let windowStart: Int
        let windowEnd: Int
        let series: [String: [Int]]

        private enum CodingKeys: String, CodingKey {
            case campaignID = "campaign_id", days, apiVersion = "api_version", window, resolution, timeZone = "time_zone"
            case windowStart = "window_start", windowEnd = "window_end", series
        }
    }

    static let shown = ["sent", "delivered", "opened", "clicked", "converted", "bounced", "unsubscribed", "failed"]

    func run() async throws {
        let now = WallClock.now()
        let result = try await makeClient().campaignMetrics(id: id, lastDays: days, now: now)
        let version = if case .v1 = result.query { 1 } else { 2 }
        let series = result.series.series
        let span = result.span
        let window = span.window(now: now)
        let output = Output(campaignID: id, days: days, apiVersion: version, window: span.label, resolution: span.resolution.rawValue,
                            timeZone: span.zone, windowStart: window.start, windowEnd: window.end, series: series)
        try emit(output) {
            // The app's rates: each over the base it names.
            let rates = MetricRates(series: result.series)
            let rows: [[String]] = Self.shown.compactMap { name in
                guard let values = series[name] else { return nil }
                return [name, String(values.reduce(0, +)), rates.described(name), Format.sparkline(values)]
            }
            return Table(headers: ["METRIC", "TOTAL", "RATE", "LAST \(span.label.uppercased()) (\(span.zone))"], rows: rows, rightAligned: [1, 2], maxColumnWidth: 100)
        }
    }
}
