import App
import CustomerIO
import Foundation
import Sandbox

/// `cio --demo` until the full-screen app arrives: starts the sandbox in-process and prints a tour of it.
enum DemoTour {
    static func run() async throws {
        let server = try await SandboxServer.start(SandboxOptions())
        do {
            let configuration = try ClientConfiguration(key: Secret("demo")!, appBaseURL: server.baseURL)
            let client = AppAPIClient(configuration: configuration)
            try await WorkspaceOverview.print(client: client, heading: "Demo workspace (sandbox at \(server.baseURL.absoluteString))")
            Terminal.write("""

            Everything above came over HTTP from the sandbox. Explore it with cio get:
              cio sandbox &            # serves the same workspace on http://127.0.0.1:4010
              export CUSTOMERIO_APP_API_URL=http://127.0.0.1:4010 CUSTOMERIO_APP_API_KEY=any
              cio get customers --filter 'plan = pro and has phone'

            """)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

/// A one-screen summary of a workspace: segments, campaigns with 30-day sparklines, recent messages.
enum WorkspaceOverview {
    static func print(client: AppAPIClient, heading: String) async throws {
        async let segmentsRequest = client.segments()
        async let campaignsRequest = client.campaigns()
        async let messagesRequest = client.messages(MessageFilter(limit: 8))
        let segments = try await segmentsRequest
        let campaigns = try await campaignsRequest
        let messages = try await messagesRequest.messages

        let shownCampaigns = Array(campaigns.filter { $0.state == "running" }.prefix(6))
        let series = try await withThrowingTaskGroup(of: (Int, [Int]).self) { group in
            for campaign in shownCampaigns {
                group.addTask { (campaign.id, try await client.campaignMetrics(id: campaign.id, lastDays: 30).series.series["sent"] ?? []) }
            }
            return try await group.reduce(into: [Int: [Int]]()) { $0[$1.0] = $1.1 }
        }

        var out = "\(heading)\n\n"
        out += "Segments (\(segments.count))\n"
        out += Table(headers: ["ID", "NAME", "TYPE"], rows: segments.prefix(8).map { [String($0.id), $0.name ?? "", $0.type ?? ""] }, rightAligned: [0]).render()
        out += "\nRunning campaigns: messages sent per day, last 30 days\n"
        out += Table(
            headers: ["ID", "NAME", "SENT", "TREND"],
            rows: shownCampaigns.map { [String($0.id), $0.name ?? "", String(series[$0.id, default: []].reduce(0, +)), Format.sparkline(series[$0.id, default: []])] },
            rightAligned: [0, 2], maxColumnWidth: 40
        ).render()
        out += "\nLatest messages\n"
        out += Table(
            headers: ["TYPE", "RECIPIENT", "SUBJECT", "STATE"],
            rows: messages.map { [$0.type ?? "", $0.recipient ?? "", $0.subject ?? "", $0.latestMetric ?? ""] },
            maxColumnWidth: 36
        ).render()
        Terminal.write(out)
    }
}
