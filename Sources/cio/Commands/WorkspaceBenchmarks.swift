import App
import CustomerIO
import Foundation
import Keys
import Sandbox
import Styling
import TerminalUI
import Workspace

/// The workspace benchmarks: opening a person, filling 200 campaigns' sparklines, and 100,000 people in memory.
/// They drive the app's own reducer and effect handler against the sandbox, with effects running concurrently
/// as the real run loop runs them.
enum WorkspaceBenchmarks {
    /// An email typed on Customers and Enter, with 100 ms added to every sandbox answer: the lookup and the profile's
    /// sections leave together (`CustomersPane.profileAlongside`), so the person is open in about one round trip.
    static func openPerson(runs: Int = 8) async throws {
        var options = SandboxOptions()
        options.latencyMilliseconds = 100
        let server = try await SandboxServer.start(options)
        let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("bench")!, appBaseURL: server.baseURL))
        let emails = try await client.searchCustomers(filter: try FilterQuery.parse("plan = pro"), limit: runs).identifiers.compactMap(\.email)
        let clock = ContinuousClock()
        var roundTrips: [Duration] = []
        for id in 1...5 { roundTrips.append(try await clock.measure { _ = try await client.segmentCustomerCount(id: id) }) }
        let roundTrip = roundTrips.sorted()[2]
        var core: [Duration] = []
        var whole: [Duration] = []
        for email in emails {
            // Each open starts with the rate budget free, as when a person looks someone up: the previous run's
            // requests hold their slots for a second after they were answered.
            try await Task.sleep(for: .seconds(1.2))
            // A fresh cache each time: nothing is known about the person before the lookup.
            let handler = EffectHandler(environment: AppEnvironment(service: WorkspaceService(client: client), loadTheme: { _ in (Theme.fallback, nil) }), monochrome: true)
            let (effects, start) = typeSearch(email, clock: clock)
            let finished = await runTogether(effects, handler: handler, clock: clock)
            guard let listed = finished["list"] else { continue }
            let key = ([listed] + ["attributes", "segments", "messages"].compactMap { finished[$0] }).max() ?? clock.now
            core.append(key - start)
            whole.append((finished.values.max() ?? clock.now) - start)
        }
        await server.stop()
        core.sort()
        whole.sort()
        let median = core[core.count / 2]
        let ratio = UIBenchmarks.secondsValue(median) / UIBenchmarks.secondsValue(roundTrip)
        print("open a person from an email at 100 ms latency: lookup + attributes, segments, messages \(UIBenchmarks.milliseconds(median)) ms median (every section \(UIBenchmarks.milliseconds(whole[whole.count / 2])) ms); one round trip \(UIBenchmarks.milliseconds(roundTrip)) ms; ratio to one round trip \(String(format: "%.2f", ratio))   target: ≤ 1.15")
    }

    /// Customers, `/`, the email and Enter through the app's reducer: the effects it starts, and when.
    private static func typeSearch(_ email: String, clock: ContinuousClock) -> ([Effect], ContinuousClock.Instant) {
        var state = AppState(session: SessionInfo(profile: "bench", region: "sandbox"), size: Size(width: 120, height: 40))
        for key in [Key.character("2"), .character("/")] + email.map({ Key.character($0) }) { _ = AppUpdate.update(&state, .key(key)) }
        let start = clock.now
        return (AppUpdate.update(&state, .key(.enter)), start)
    }

    /// Every effect at once, as the run loop starts them; when each answer came, by what it answers ("list", or a
    /// section's name).
    private static func runTogether(_ effects: [Effect], handler: EffectHandler, clock: ContinuousClock) async -> [String: ContinuousClock.Instant] {
        await withTaskGroup(of: [(String, ContinuousClock.Instant)].self) { group in
            for effect in effects {
                group.addTask {
                    let answers = await handler.perform(effect)
                    let now = clock.now
                    return answers.compactMap { answer in
                        switch answer {
                        case .listPage: ("list", now)
                        case .sectionLoaded(_, let name, _, _): (name.rawValue, now)
                        default: nil
                        }
                    }
                }
            }
            return await group.reduce(into: [String: ContinuousClock.Instant]()) { found, answers in
                for (what, when) in answers { found[what] = when }
            }
        }
    }

    /// 200 campaigns on a 200×60 screen: how fast every sparkline fills under the 10 requests/s limit, whether any
    /// request met a 429, and when the rows on screen were done.
    static func sparklines(campaigns: Int = 200) async throws {
        var options = SandboxOptions()
        options.campaigns = campaigns
        options.latencyMilliseconds = 20
        let server = try await SandboxServer.start(options)
        let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("bench")!, appBaseURL: server.baseURL))
        let handler = EffectHandler(environment: AppEnvironment(service: WorkspaceService(client: client), loadTheme: { _ in (Theme.fallback, nil) }), monochrome: true)
        var state = AppState(session: SessionInfo(profile: "bench", region: "sandbox"), size: Size(width: 200, height: 60))
        let clock = ContinuousClock()
        let start = clock.now
        var visibleDone: Duration?
        var allDone: Duration?
        let runner = ConcurrentEffects(handler: handler)
        runner.start(AppUpdate.update(&state, .key(.character("3"))))
        for await action in runner.actions {
            runner.start(AppUpdate.update(&state, action))
            let rows = state.lists[.campaigns]?.loadedRows ?? []
            guard !rows.isEmpty else { continue }
            let filled = rows.map { $0.hasArrived(3) }
            let onScreen = min(rows.count, Layout.tableRows(state.size))
            if visibleDone == nil, filled.prefix(onScreen).allSatisfy({ $0 }) { visibleDone = clock.now - start }
            if filled.allSatisfy({ $0 }) {
                allDone = clock.now - start
                break
            }
        }
        runner.finish()
        let requests = server.probe.requests().filter { $0.path.hasPrefix("/v1/campaigns/") || $0.path.hasPrefix("/v2/campaigns/") }
        let limited = server.probe.requests().filter { $0.status == 429 }.count
        await server.stop()
        guard let allDone else { print("campaign sparklines: did not fill"); return }
        let seconds = UIBenchmarks.secondsValue(allDone)
        // The best possible: one window per 10 requests after the first burst.
        let utilisation = Double(requests.count) / (seconds * 10) * 100
        print("\(campaigns) campaign sparklines: rows on screen filled in \(String(format: "%.2f", UIBenchmarks.secondsValue(visibleDone ?? allDone))) s, all in \(String(format: "%.2f", seconds)) s; \(requests.count) metric requests = \(String(format: "%.0f", utilisation))% of 10 requests/s; \(limited) answered 429   target: ≥ 90%, no 429, screen first")
    }

    /// 100,000 people listed (pages of 200) and scrolled from top to bottom a page at a time, each page's
    /// attributes asked for in bulk; the resident memory of the process, less what the sandbox itself holds.
    static func customersMemory(people: Int) async throws {
        // The sandbox runs in a child process: its copy of the same people must not count against the app.
        let sandbox = try SandboxProcess.start(arguments: ["--customers", String(people), "--no-rate-limit"])
        defer { sandbox.stop() }
        let before = ProcessMemory.residentBytes()
        let client = AppAPIClient(configuration: try ClientConfiguration(key: Secret("bench")!, appBaseURL: sandbox.baseURL), limiter: .unlimited(), retryPolicy: .none)
        let handler = EffectHandler(environment: AppEnvironment(service: WorkspaceService(client: client), loadTheme: { _ in (Theme.fallback, nil) }), monochrome: true)
        var state = AppState(session: SessionInfo(profile: "bench", region: "sandbox"), size: Size(width: 200, height: 60))
        _ = AppUpdate.update(&state, .key(.character("2")))
        _ = AppUpdate.update(&state, .key(.character("/")))
        for character in "has email" { _ = AppUpdate.update(&state, .key(.character(character))) }
        var queue = AppUpdate.update(&state, .key(.enter))
        let clock = ContinuousClock()
        let start = clock.now
        var pageDowns = 0
        while true {
            while !queue.isEmpty {
                let effect = queue.removeFirst()
                for action in await handler.perform(effect) { queue += AppUpdate.update(&state, action) }
            }
            let list = state.lists[.customers] ?? ListPaneState()
            _ = AppView.render(state)
            if list.next == nil, list.table.selectedRow >= list.visible.count - 1 { break }
            queue = AppUpdate.update(&state, .key(.pageDown))
            pageDowns += 1
        }
        let elapsed = clock.now - start
        let rows = state.lists[.customers]?.loadedRows.count ?? 0
        let resident = ProcessMemory.residentBytes()
        let peak = ProcessMemory.peakResidentBytes()
        let stats = await handler.environment.service.store.stats
        let seconds = String(format: "%.1f", UIBenchmarks.secondsValue(elapsed))
        print("\(rows) people listed and scrolled (\(pageDowns) pages down, \(seconds) s): app resident \(BenchCommand.megabytes(resident)) MB (\(BenchCommand.megabytes(before)) MB before the list), peak \(BenchCommand.megabytes(peak)) MB; cache \(BenchCommand.megabytes(stats.bytes)) MB estimated; the sandbox process apart: \(BenchCommand.megabytes(sandbox.residentBytes)) MB   target: < 200 MB for the app")
    }
}

/// Runs effects concurrently, as the real run loop does, and hands their actions back in one stream.
final class ConcurrentEffects: @unchecked Sendable {
    let actions: AsyncStream<Action>
    private let continuation: AsyncStream<Action>.Continuation
    private let handler: EffectHandler
    private var tasks: [Task<Void, Never>] = []

    init(handler: EffectHandler) {
        self.handler = handler
        (actions, continuation) = AsyncStream.makeStream(of: Action.self)
    }

    /// Called from the one loop that reads `actions`, so `tasks` has a single writer.
    func start(_ effects: [Effect]) {
        for effect in effects {
            let handler = handler
            let continuation = continuation
            tasks.append(Task { await handler.perform(effect) { continuation.yield($0) } })
        }
    }

    func finish() {
        for task in tasks { task.cancel() }
        continuation.finish()
    }
}

