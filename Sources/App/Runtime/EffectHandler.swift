import CustomerIO
import Foundation
import Synchronization
import TerminalUI
import Workspace

/// What the app needs from outside: the workspace service and a way to load themes.
public struct AppEnvironment: Sendable {
    public var service: WorkspaceService
    /// Loads a theme by name or path; a broken or missing one comes back as the fallback with a warning.
    public var loadTheme: @Sendable (String) -> (theme: Theme, warning: String?)
    /// Where drafts and the journal live (`$XDG_STATE_HOME/cio`; a fresh temporary folder unless given, so tests
    /// never write into a real one).
    public var stateFolder: URL
    /// The profile name the journal records writes under.
    public var profile: String
    /// What a process cio starts (`$EDITOR`) gets: this process's environment without any key.
    public var childEnvironment: [String: String]

    public init(
        service: WorkspaceService, loadTheme: @escaping @Sendable (String) -> (theme: Theme, warning: String?),
        stateFolder: URL = FileManager.default.temporaryDirectory.appendingPathComponent("cio-state-\(UUID().uuidString)"),
        profile: String = "default",
        childEnvironment: [String: String] = ChildEnvironment.sanitized(ProcessInfo.processInfo.environment)
    ) {
        self.service = service
        self.loadTheme = loadTheme
        self.stateFolder = stateFolder
        self.profile = profile
        self.childEnvironment = childEnvironment
    }
}

/// Performs effects that take time (network, files) and reports their outcome as actions.
public struct EffectHandler: Sendable {
    public let environment: AppEnvironment
    /// Whether themes lose their colours (`NO_COLOR` or a terminal without colours).
    public let monochrome: Bool

    public init(environment: AppEnvironment, monochrome: Bool) {
        self.environment = environment
        self.monochrome = monochrome
    }

    /// Runs `effect` and reports what came of it. What the user is looking at waits for rate-limit slots ahead of
    /// anything else (`RequestPriority.visible`).
    public func perform(_ effect: Effect) async -> [Action] {
        let collected = ActionCollector()
        await perform(effect) { collected.append($0) }
        return collected.actions
    }

    /// Runs `effect`, handing each action to `send` as soon as it is known (lazy cells arrive one by one).
    public func perform(_ effect: Effect, send: @escaping @Sendable (Action) -> Void) async {
        if case .prefetchCells(let pane, let keys, let metrics) = effect {
            await RequestPriority.$current.withValue(.background) {
                await prefetchCells(pane, keys: keys, metrics: metrics, send: send)
            }
            return
        }
        await RequestPriority.$current.withValue(.visible) {
            if case .loadPeopleCells(let people, let refresh) = effect {
                await loadPeopleCells(people, refresh: refresh, send: send)
            } else if case .loadCells(let pane, let keys, let refresh, let metrics) = effect {
                await loadCells(pane, keys: keys, refresh: refresh, metrics: metrics, send: send)
            } else {
                for action in await performNow(effect) { send(action) }
            }
        }
    }

    /// One request per row, all at once: the rate limiter spaces them, and each cell shows as soon as it arrives.
    private func loadCells(_ pane: PaneKind, keys: [String], refresh: Bool, metrics: MetricsView, send: @escaping @Sendable (Action) -> Void) async {
        let definition = pane.definition
        let columns = definition.lazyColumns
        guard !columns.isEmpty else { return }
        let context = context(refresh: refresh, metrics: metrics)
        let failures = await withTaskGroup(of: String?.self) { group in
            for key in keys {
                group.addTask {
                    do {
                        let values = try await definition.lazyValues(key: key, context)
                        for (column, value) in zip(columns, values) { send(.cellLoaded(pane, key: key, column: column, value: value.text, metrics: metrics, number: value.number)) }
                        return nil
                    } catch {
                        for column in columns { send(.cellLoaded(pane, key: key, column: column, value: "!", metrics: metrics)) }
                        return Self.message(error)
                    }
                }
            }
            return await group.reduce(into: [String]()) { if let message = $1 { $0.append(message) } }
        }
        if let first = failures.first {
            let what = columns.map { definition.columns[$0].title.lowercased() }.first ?? "cells"
            send(.notify(.error, failures.count == 1 ? "\(pane.title): \(first)" : "\(pane.title): \(failures.count) rows' \(what) failed: \(first)"))
        }
    }

    /// Name, created and subscription of the people on screen: one bulk request for all of them.
    private func loadPeopleCells(_ people: [PersonRef], refresh: Bool, send: @escaping @Sendable (Action) -> Void) async {
        let columns = CustomersPane.lazyColumns
        do {
            let summaries = try await environment.service.customerSummaries(ids: Array(Set(people.map(\.id))), refresh: refresh) { PeopleCells.summary($0) }
            for person in people {
                for (column, value) in zip(columns, PeopleCells.typedValues(summaries[person.id] ?? PeopleCells.summary(nil))) {
                    send(.cellLoaded(.customers, key: person.key, column: column, value: value.text, number: value.number))
                }
            }
        } catch {
            for person in people {
                for column in columns { send(.cellLoaded(.customers, key: person.key, column: column, value: "!")) }
            }
            send(.notify(.error, "Customers: attributes failed: \(Self.message(error))"))
        }
    }

    /// How many prefetch requests wait for the rate limiter at once: enough to keep it busy, few enough that a
    /// request for what comes on screen joins no long queue of them.
    static let prefetchWorkers = 4

    /// Off-screen cells, in list order, a few workers at a time. A cell that fails stays "…" and loads (or
    /// reports its error) when it comes on screen.
    private func prefetchCells(_ pane: PaneKind, keys: [String], metrics: MetricsView, send: @escaping @Sendable (Action) -> Void) async {
        let definition = pane.definition
        let columns = definition.lazyColumns
        let context = context(refresh: false, metrics: metrics)
        let queue = WorkQueue(keys)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<Self.prefetchWorkers {
                group.addTask {
                    while let key = queue.next() {
                        guard let values = try? await definition.lazyValues(key: key, context) else { continue }
                        for (column, value) in zip(columns, values) { send(.cellLoaded(pane, key: key, column: column, value: value.text, metrics: metrics, number: value.number)) }
                    }
                }
            }
        }
    }

    private func performNow(_ effect: Effect) async -> [Action] {
        let service = environment.service
        switch effect {
        case .loadList(let pane, let refresh, let query):
            return await list(pane, refresh: refresh, query: query)
        case .loadSection(let route, let name, let refresh, let metrics):
            return await section(route, name: name, refresh: refresh, metrics: metrics)
        case .loadItem(let route, let refresh):
            guard case .detail(let pane, let key) = route else { return [] }
            do {
                var row = try await pane.definition.item(key: key, context(refresh: refresh))
                // Keyed as the route is: a person found by email is still the route's person.
                row.key = key
                return [.itemLoaded(route, row)]
            } catch {
                return [.itemFailed(route, message: Self.message(error))]
            }
        case .loadTheme(let name):
            let loaded = environment.loadTheme(name)
            return [.themeLoaded(monochrome ? loaded.theme.monochrome() : loaded.theme, warning: loaded.warning)]
        case .copyToClipboard, .loadCells, .loadPeopleCells, .prefetchCells:
            return []
        case .loadMore(let pane, let query, let start):
            do {
                return [try await page(pane, query: query, start: start, refresh: false)]
            } catch {
                return [.listPageFailed(pane, query: query, message: Self.message(error))]
            }
        case .downloadExport(let id, let path):
            guard let number = Int(id) else { return [.notify(.error, "No export \(id)")] }
            do {
                let url = try await service.client.exportDownloadURL(id: number)
                let data = try await service.client.downloadExportFile(from: url)
                let written = try SafeFileWriter.write(data, to: path)
                return [.notify(.info, "Saved \(Format.grouped(data.count)) bytes to \(written)")]
            } catch {
                return [.notify(.error, "Export \(id) was not saved: \(Self.message(error))")]
            }
        case .loadMembers(let segment, let start, let refresh):
            do {
                let page = try await SegmentsPane.members(key: segment, start: start, context(refresh: refresh))
                return [.membersLoaded(segment: segment, rows: page.rows, next: page.next, appended: start != nil)]
            } catch {
                return [.membersFailed(segment: segment, message: Self.message(error))]
            }
        case .invalidateCache(let prefix):
            await service.store.invalidate(prefix: prefix)
            return []
        case .loadCacheStats:
            return [await cacheStats()]
        case .loadDrafts, .saveDraft, .deleteDraft, .loadPickerOptions, .loadManualSegments, .planWrite, .checkWrite, .performWrite, .pollTrigger, .editExternally:
            return await performWrites(effect)
        }
    }

    /// One section of an opened item, named with the metrics window it was loaded for.
    private func section(_ route: Route, name: SectionID, refresh: Bool, metrics: MetricsView) async -> [Action] {
        let service = environment.service
        guard case .detail(let pane, let key) = route else { return [] }
        do {
            let lines = try await pane.definition.section(name, key: key, context(refresh: refresh, metrics: metrics))
            var answers: [Action] = [.sectionLoaded(route, name: name, lines: lines, metrics: metrics)]
            // The identifiers section loaded the whole profile (cached): it goes to the detail typed as well.
            if pane == .customers, name == .identifiers {
                let person = PersonKey.parse(key)
                if let profile = try? await service.customerProfile(id: person.value, idType: person.type) { answers.append(.profileLoaded(route, profile)) }
            }
            return answers
        } catch {
            return [.sectionFailed(route, name: name, message: Self.message(error), metrics: metrics)]
        }
    }

    /// A pane's list, or the first page of a paged one (a Customers search, Messages); the answer names the query
    /// it answers.
    private func list(_ pane: PaneKind, refresh: Bool, query: ListQuery?) async -> [Action] {
        do {
            let definition = pane.definition
            let page = try await definition.page(query: query, start: nil, context(refresh: refresh))
            guard definition.isPaged else { return [.listLoaded(pane, page.rows, query: query)] }
            return [.listPage(pane, query: query, rows: page.rows, next: page.next, appended: false)]
        } catch {
            return [.listFailed(pane, Self.message(error), query: query)]
        }
    }

    /// One page of a paged list's query, from the cursor `start` (nil for the first).
    private func page(_ pane: PaneKind, query: ListQuery?, start: String?, refresh: Bool) async throws -> Action {
        let page = try await pane.definition.page(query: query, start: start, context(refresh: refresh))
        return .listPage(pane, query: query, rows: page.rows, next: page.next, appended: start != nil)
    }

    /// What a pane's loaders get: the workspace, the time, the metrics window asked for and the journal.
    private func context(refresh: Bool, metrics: MetricsView = MetricsView()) -> PaneContext {
        PaneContext(service: environment.service, refresh: refresh, now: Int(Date().timeIntervalSince1970), metrics: metrics, journal: journal)
    }

    /// Figures for the `:cache` box.
    private func cacheStats() async -> Action {
        let service = environment.service
        let stats = await service.store.stats
        let activity = await service.activity()
        let lookups = stats.hits + stats.misses
        let rate = lookups == 0 ? "—" : "\(stats.hits * 100 / lookups)%"
        return .cacheStats([
            DetailRow(key: "Hits", value: "\(stats.hits) (\(rate) of \(lookups) lookups)"),
            DetailRow(key: "Misses", value: String(stats.misses)),
            DetailRow(key: "Entries", value: String(stats.entries)),
            DetailRow(key: "Memory", value: "\(Self.megabytes(stats.bytes)) of \(Self.megabytes(stats.byteLimit)) (estimated)"),
            DetailRow(key: "Evictions", value: String(stats.evictions)),
            DetailRow(key: "Loading", value: String(stats.inFlight)),
            DetailRow(key: "Requests in flight", value: String(activity.inFlight)),
            DetailRow(key: "Rate budget", value: "\(activity.budget.available) of \(activity.budget.limit) free this second, \(activity.budget.waiting) waiting"),
        ])
    }

    /// The rate-limit budget and requests in flight, as an action for the status bar.
    public func activity() async -> Action {
        let activity = await environment.service.activity()
        let limit = activity.budget.limit
        return .rateBudget(used: limit - activity.budget.available, limit: limit)
    }

    static func message(_ error: any Error) -> String {
        String(describing: error).split(separator: "\n").first.map(String.init) ?? "failed"
    }

    static func megabytes(_ bytes: Int) -> String {
        bytes < 1 << 20 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

/// Hands out items to concurrent workers, each once, in order.
final class WorkQueue: Sendable {
    private let state: Mutex<(items: [String], next: Int)>

    init(_ items: [String]) { state = Mutex((items, 0)) }

    func next() -> String? {
        state.withLock { state in
            guard state.next < state.items.count else { return nil }
            defer { state.next += 1 }
            return state.items[state.next]
        }
    }
}

/// Gathers actions sent from concurrent work, for callers that want them all at the end.
final class ActionCollector: Sendable {
    private let storage = Mutex<[Action]>([])

    func append(_ action: Action) { storage.withLock { $0.append(action) } }
    var actions: [Action] { storage.withLock { $0 } }
}
