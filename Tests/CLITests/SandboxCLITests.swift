import Foundation
import CustomerIO
import Sandbox
import Testing

/// `cio` against the sandbox: results, exit codes, and what never gets printed.
@Suite struct SandboxCLITests {
    func withSandbox(requiredKey: String? = nil, anchor: Date? = nil, _ body: (URL) async throws -> Void) async throws {
        var options = SandboxOptions()
        options.rateLimit = false
        options.requiredKey = requiredKey
        if let anchor { options.anchor = anchor }
        let server = try await SandboxServer.start(options)
        do {
            try await body(server.baseURL)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func environment(_ url: URL, key: String = "any-key") -> [String: String] {
        CLIRunner.cleanEnvironment(["CUSTOMERIO_APP_API_KEY": key, "CUSTOMERIO_APP_API_URL": url.absoluteString])
    }

    @Test func aFilterQueryPagesToTheLimit() async throws {
        try await withSandbox { url in
            let result = try await CLIRunner.run(["get", "customers", "--filter", "has email", "--limit", "120"], environment: environment(url))
            #expect(result.status == 0, "\(result.stderr)")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
            #expect(list.count == 120)
        }
    }

    /// The sandbox's ids 998, 999 and 1000 share one address, as profiles can: `--email` prints every one.
    @Test func anEmailSeveralProfilesShareListsThemAll() async throws {
        try await withSandbox { url in
            let one = try await CLIRunner.run(["get", "customers", "--filter", "id = 999", "-o", "json"], environment: environment(url))
            let found = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [[String: Any]])
            let email = try #require(found.first?["email"] as? String)

            let json = try await CLIRunner.run(["get", "customers", "--email", email, "-o", "json"], environment: environment(url))
            #expect(json.status == 0, "\(json.stderr)")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(list.compactMap { $0["id"] as? String } == ["998", "999", "1000"])
            #expect(list.allSatisfy { $0["email"] as? String == email })
            let cioIDs = list.compactMap { $0["cio_id"] as? String }
            #expect(Set(cioIDs).count == 3)

            let table = try await CLIRunner.run(["get", "customers", "--email", email, "-o", "table"], environment: environment(url))
            #expect(table.status == 0)
            let rows = table.stdout.split(separator: "\n").filter { $0.contains(email) }
            #expect(rows.count == 3, "\(table.stdout)")
            for (id, cio) in zip(["998", "999", "1000"], cioIDs) {
                #expect(rows.contains { $0.split(separator: " ").first.map(String.init) == id && $0.contains(cio) }, "no row for \(id) in \(rows)")
            }
        }
    }

    @Test func aFilterNestedTooDeepIsAUsageErrorWithTheReason() async throws {
        try await withSandbox { url in
            let result = try await CLIRunner.run(["get", "customers", "--filter", "plan = pro and (has phone or (country = DE and city = Berlin))"], environment: environment(url))
            #expect(result.status == 2)
            #expect(result.stderr.contains("The filter could not be read: the group `country = DE and city = Berlin`"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func aBadFilterIsAUsageErrorNamingTheColumn() async throws {
        try await withSandbox { url in
            let result = try await CLIRunner.run(["get", "customers", "--filter", "plan > 3"], environment: environment(url))
            #expect(result.status == 2)
            #expect(result.stderr.contains("column 6"))
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func anUnknownPersonExitsFourWithOneLine() async throws {
        try await withSandbox { url in
            let result = try await CLIRunner.run(["get", "customer", "no-such-person-42"], environment: environment(url))
            #expect(result.status == 4)
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(result.stderr.hasPrefix("error: "))
        }
    }

    @Test func aRefusedKeyExitsThreeAndIsNeverPrinted() async throws {
        try await withSandbox(requiredKey: "right") { url in
            let secret = "sk_live_DO_NOT_PRINT_ME"
            let result = try await CLIRunner.run(["get", "segments"], environment: environment(url, key: secret))
            #expect(result.status == 3)
            #expect(result.stderr.contains("refused"))
            #expect(!result.stderr.contains(secret))
            #expect(!result.stdout.contains(secret))
        }
    }

    @Test func noKeyExplainsHowToSetOne() async throws {
        let result = try await CLIRunner.run(["get", "segments"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("CUSTOMERIO_APP_API_KEY"))
    }

    @Test func nothingListeningExitsFive() async throws {
        let result = try await CLIRunner.run(["get", "segments"], environment: CLIRunner.cleanEnvironment(["CUSTOMERIO_APP_API_KEY": "k", "CUSTOMERIO_APP_API_URL": "http://127.0.0.1:9"]))
        #expect(result.status == 5)
        #expect(result.stderr.contains("Could not reach"))
    }

    @Test func plainHTTPToAnotherHostIsRefused() async throws {
        let result = try await CLIRunner.run(["get", "segments", "--api-url", "http://example.com"], environment: CLIRunner.cleanEnvironment(["CUSTOMERIO_APP_API_KEY": "k"]))
        #expect(result.status == 2)
        #expect(result.stderr.contains("unencrypted"))
    }

    @Test func plainHTTPToAnotherTrackHostIsRefusedToo() async throws {
        let result = try await CLIRunner.run(["get", "segments", "--track-url", "http://example.com"], environment: CLIRunner.cleanEnvironment(["CUSTOMERIO_APP_API_KEY": "k"]))
        #expect(result.status == 2)
        #expect(result.stderr.contains("unencrypted"))
        #expect(result.stderr.contains("example.com"))
    }

    @Test func usageErrorsExitTwo() async throws {
        let result = try await CLIRunner.run(["get", "customers"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--email or --filter"))
        let unknown = try await CLIRunner.run(["get", "nothing-like-this"])
        #expect(unknown.status == 2)
    }

    @Test func campaignMetricsPrintSparklines() async throws {
        try await withSandbox { url in
            let campaigns = try await CLIRunner.run(["get", "campaigns", "-o", "json"], environment: environment(url))
            let list = try #require(try JSONSerialization.jsonObject(with: Data(campaigns.stdout.utf8)) as? [[String: Any]])
            let running = try #require(list.first { $0["state"] as? String == "running" }?["id"] as? Int)
            let result = try await CLIRunner.run(["get", "campaign-metrics", String(running), "--days", "30", "-o", "table"], environment: environment(url))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("sent"))
            // The app's braille sparkline, and its rates: opens of delivered, bounces of sent.
            #expect(result.stdout.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.first { $0.hasPrefix("opened ") }?.contains("of delivered") == true)
            #expect(lines.first { $0.hasPrefix("bounced ") }.map { $0.contains("of sent") } ?? true, "a bounce rate is of sent, as in the app")
        }
    }

    /// The scripting face of the panes written as `PaneDefinition`s: activities (by type and name), senders (and
    /// where one is used), collections (and one's content), snippets.
    @Test func catalogListsPrintAsJSON() async throws {
        try await withSandbox { url in
            func json(_ arguments: [String]) async throws -> Any {
                let result = try await CLIRunner.run(["get"] + arguments + ["-o", "json"], environment: environment(url))
                #expect(result.status == 0, "\(arguments): \(result.stderr)")
                return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
            }
            let events = try #require(try await json(["activities", "--type", "event", "--limit", "30"]) as? [[String: Any]])
            #expect(events.count == 30)
            #expect(events.allSatisfy { $0["type"] as? String == "event" })
            let name = try #require(events.first?["name"] as? String)
            let named = try #require(try await json(["activities", "--type", "event", "--name", name, "--limit", "10"]) as? [[String: Any]])
            #expect(!named.isEmpty && named.allSatisfy { $0["name"] as? String == name })

            let senders = try #require(try await json(["senders"]) as? [[String: Any]])
            #expect(senders.count >= 5)
            let usage = try #require(try await json(["senders", "1"]) as? [String: Any])
            #expect((usage["campaigns"] as? [Int])?.isEmpty == false)

            let collections = try #require(try await json(["collections"]) as? [[String: Any]])
            let collection = try #require(collections.first?["id"] as? Int)
            #expect(try await json(["collections", String(collection), "--content"]) is [Any])

            let snippets = try #require(try await json(["snippets"]) as? [[String: Any]])
            #expect(snippets.contains { $0["name"] as? String == "footer" })

            let table = try await CLIRunner.run(["get", "snippets", "-o", "table"], environment: environment(url))
            #expect(table.stdout.contains("NAME") && table.stdout.contains("footer"))
        }
    }

    /// `cio get campaign-metrics` says its window and zone and gives the same totals as the service layer the app
    /// reads, over 7, 30 and 90 days (history that ended yesterday, so nothing comes due between the two).
    @Test(arguments: [7, 30, 90])
    func campaignMetricsAgreeWithTheServiceAndSayTheirWindow(days: Int) async throws {
        try await withSandbox(anchor: WallClock.now().addingTimeInterval(-86_400)) { url in
            let result = try await CLIRunner.run(["get", "campaign-metrics", "1", "--days", String(days), "-o", "json"], environment: environment(url))
            #expect(result.status == 0, "\(result.stderr)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(json["window"] as? String == "\(days) days")
            #expect((json["time_zone"] as? String)?.isEmpty == false)
            let series = try #require(json["series"] as? [String: [Int]])
            let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("any-key")!, appBaseURL: url))
            let expected = try await client.campaignMetrics(id: 1, lastDays: days).series
            for metric in ["sent", "opened", "clicked"] {
                #expect(series[metric]?.reduce(0, +) == expected.total(metric), "\(metric) over \(days) days")
            }
        }
    }

    /// `cio get campaign-metrics N --days D` and `cio get messages --campaign N --days D` compare line for line:
    /// the same day boundary, and the figure's sent is the number of listed messages sent inside its window.
    @Test(arguments: [7, 30])
    func campaignMetricsAndMessagesCompareLineForLine(days: Int) async throws {
        try await withSandbox(anchor: WallClock.now()) { url in
            let metrics = try await CLIRunner.run(["get", "campaign-metrics", "2", "--days", String(days), "-o", "json"], environment: environment(url))
            let json = try #require(try JSONSerialization.jsonObject(with: Data(metrics.stdout.utf8)) as? [String: Any])
            let start = try #require(json["window_start"] as? Int)
            let sent = try #require((json["series"] as? [String: [Int]])?["sent"]).reduce(0, +)
            func list(days: Int) async throws -> [[String: Any]] {
                let listed = try await CLIRunner.run(
                    ["get", "messages", "--campaign", "2", "--days", String(days), "--limit", "100000", "-o", "json"], environment: environment(url)
                )
                #expect(listed.status == 0, "\(listed.stderr)")
                return try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
            }
            // The list starts where the figure's first day starts.
            let created = try await list(days: days).compactMap { $0["created"] as? Int }
            #expect(!created.isEmpty && created.allSatisfy { $0 >= start })
            // A message created just before the window can be sent inside it: a day more, then the window's own.
            let sentTimes = try await list(days: days + 1).compactMap { ($0["metrics"] as? [String: Int])?["sent"] }
            #expect(sent > 0)
            #expect(sentTimes.filter { $0 >= start }.count == sent, "sent over \(days) days")
        }
    }

    @Test func theDemoTourShowsTheWorkspace() async throws {
        let result = try await CLIRunner.run(["--demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Segments ("))
        #expect(result.stdout.contains("Running campaigns"))
        #expect(result.stdout.contains("Latest messages"))
    }

    @Test func noArgumentsAndNoKeyFallsBackToTheDemoAndSaysHowToConfigure() async throws {
        let result = try await CLIRunner.run([])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("CUSTOMERIO_APP_API_KEY"))
        #expect(result.stdout.contains("Demo workspace"))
    }

    @Test func theStandaloneSandboxServesUntilInterrupted() async throws {
        let sandbox = try RunningCLI(["sandbox", "--port", "0", "--customers", "300"])
        // The banner is the explicit signal that it is listening.
        let banner = try await sandbox.read(until: "Ctrl-C stops it.")
        let line = try #require(banner.split(separator: "\n").first { $0.contains("export CUSTOMERIO_APP_API_URL=") })
        let url = String(line.split(separator: "=").last ?? "")
        #expect(url.hasPrefix("http://127.0.0.1:"))
        let result = try await CLIRunner.run(["get", "segments", "-o", "json"], environment: CLIRunner.cleanEnvironment(["CUSTOMERIO_APP_API_KEY": "k", "CUSTOMERIO_APP_API_URL": url]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try await sandbox.interrupt() == 0)
    }
}
