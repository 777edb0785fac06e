import ArgumentParser
import CustomerIO
import Foundation
import Sandbox

/// `cio bench`: prints the figures docs/performance.md records. Targets are printed beside them, never asserted.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure sandbox generation, client round trips, JSON decoding and the terminal UI; print the figures."
    )

    /// The benchmarks, runnable one at a time.
    enum Part: String, ExpressibleByArgument, CaseIterable {
        case generation, roundtrips, decoding, render, filter, repaint, idle, person, sparklines, people
    }

    @Option(name: .long, help: "Run only this part: generation, roundtrips, decoding, render, filter, repaint, idle, person, sparklines or people.")
    var only: Part?

    @Option(name: .long, help: "Customers to generate for the generation benchmark.")
    var customers = 1_000_000

    @Option(name: .long, help: "People listed and scrolled in the people-memory benchmark.")
    var people = 100_000

    @Option(name: .long, help: "Requests for the round-trip benchmark.")
    var requests = 5_000

    @Option(name: .long, help: "Requests in flight at once for the round-trip benchmark.")
    var concurrency = 16

    @Option(name: .long, help: "Seconds of idling for the idle-CPU benchmark.")
    var idleSeconds = 10

    func run() async throws {
        print("cio bench — \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Self.buildKind) build")
        // Generation first: its peak memory is only meaningful in a fresh process.
        if only == nil || only == .generation { benchGeneration() }
        if only == nil || only == .decoding { try benchDecoding() }
        if only == nil || only == .roundtrips { try await benchRoundTrips() }
        if only == nil || only == .render { UIBenchmarks.render() }
        if only == nil || only == .filter { UIBenchmarks.filter() }
        if only == nil || only == .repaint { try UIBenchmarks.repaintBytes() }
        if only == nil || only == .idle { try UIBenchmarks.idleCPU(seconds: idleSeconds) }
        if only == nil || only == .person { try await WorkspaceBenchmarks.openPerson() }
        if only == nil || only == .sparklines { try await WorkspaceBenchmarks.sparklines() }
        if only == nil || only == .people { try await WorkspaceBenchmarks.customersMemory(people: people) }
    }

    private static var buildKind: String {
        #if DEBUG
        "debug (use `swift run -c release cio bench` for real figures)"
        #else
        "release"
        #endif
    }

    private func benchGeneration() {
        let before = ProcessMemory.residentBytes()
        let clock = ContinuousClock()
        var dataset: SandboxDataset?
        let elapsed = clock.measure { dataset = SandboxDataset.generate(customers: customers, seed: 42) }
        let peak = ProcessMemory.peakResidentBytes()
        print("sandbox generation: \(dataset?.customerCount ?? 0) customers in \(Self.seconds(elapsed)) s, peak resident \(Self.megabytes(peak)) MB (\(Self.megabytes(peak - before)) MB above start)   target: < 10 s, < 1536 MB")
        withExtendedLifetime(dataset) {}
    }

    private func benchDecoding() throws {
        let page = Self.searchPageJSON(count: 1_000)
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for _ in 0..<200 {
            samples.append(try clock.measure { _ = try JSONDecoder().decode(CustomerSearchPage.self, from: page) })
        }
        samples.sort()
        print("decode a 1,000-customer search page (\(page.count / 1024) KB): median \(Self.milliseconds(samples[samples.count / 2])) ms, p90 \(Self.milliseconds(samples[samples.count * 9 / 10])) ms   target: < 5 ms")
    }

    private func benchRoundTrips() async throws {
        var options = SandboxOptions()
        options.customers = 2_000
        options.rateLimit = false
        let server = try await SandboxServer.start(options)
        let configuration = try ClientConfiguration(key: Secret("bench")!, appBaseURL: server.baseURL)
        let client = AppAPIClient(configuration: configuration, limiter: .unlimited(), retryPolicy: .none)
        let request = APIRequest(.get, ["v1", "segments", "1", "customer_count"])
        _ = try await client.perform(request)
        let total = requests
        let lanes = max(1, concurrency)
        let clock = ContinuousClock()
        let elapsed = try await clock.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for lane in 0..<lanes {
                    group.addTask {
                        var index = lane
                        while index < total {
                            _ = try await client.perform(request)
                            index += lanes
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        await server.stop()
        let perSecond = Double(total) / Self.secondsValue(elapsed)
        print("client round trips to the sandbox (keep-alive, \(lanes) in flight, rate limit off): \(total) in \(Self.seconds(elapsed)) s = \(Int(perSecond)) per second   target: ≥ 2000/s")
    }

    static func searchPageJSON(count: Int) -> Data {
        var identifiers: [String] = []
        var ids: [String] = []
        for index in 1...count {
            identifiers.append(#"{"email":"person\#(index)+tag@example.com","id":"\#(index)","cio_id":"a3\#(String(format: "%06x", index))"}"#)
            ids.append("\"\(index)\"")
        }
        return Data(#"{"identifiers":[\#(identifiers.joined(separator: ","))],"ids":[\#(ids.joined(separator: ","))],"next":"MTAwMA=="}"#.utf8)
    }

    static func secondsValue(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func seconds(_ duration: Duration) -> String { String(format: "%.2f", secondsValue(duration)) }
    static func milliseconds(_ duration: Duration) -> String { String(format: "%.2f", secondsValue(duration) * 1000) }
    static func megabytes(_ bytes: Int) -> String { String(bytes / (1024 * 1024)) }
}

/// Reads this process's memory from /proc (Linux).
enum ProcessMemory {
    static func residentBytes() -> Int { field("VmRSS") }
    static func peakResidentBytes() -> Int { field("VmHWM") }
    static func residentBytes(pid: Int32) -> Int { field("VmRSS", file: "/proc/\(pid)/status") }

    private static func field(_ name: String, file: String = "/proc/self/status") -> Int {
        guard let status = try? String(contentsOfFile: file, encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}
