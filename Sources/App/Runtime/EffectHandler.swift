import CustomerIO
import Foundation
import Styling
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
            } else if case .performWrite(let write) = effect {
                // A bulk write says which batch it is on while it sends.
                for action in await performWrite(write, progress: { send(.writeProgress($0)) }) { send(action) }
            } else if case .planWrite(let draft, let ticket) = effect {
                // A broadcast's pre-flight says how far it has counted a large audience.
                for action in await planWrite(draft, ticket: ticket, progress: { send(.notify(.info, $0)) }) { send(action) }
            } else if case .loadList(let pane, let refresh, let query) = effect {
                // A long list (an overlap) says how it is getting on while it loads.
                for action in await list(pane, refresh: refresh, query: query, progress: { send(.notify(.info, $0)) }) { send(action) }
            } else {
                for action in await performNow(effect) { send(action) }
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
            return await item(route, refresh: refresh)
        case .loadTheme(let name):
            let loaded = environment.loadTheme(name)
            return [.themeLoaded(monochrome ? loaded.theme.monochrome() : loaded.theme, warning: loaded.warning)]
        case .copyToClipboard, .loadCells, .loadPeopleCells, .prefetchCells:
            return []
        case .loadMore(let pane, let query, let start, let generation):
            do {
                return [try await page(pane, query: query, start: start, refresh: false, generation: generation)]
            } catch {
                return [.listPageFailed(pane, query: query, message: Self.message(error))]
            }
        case .downloadExport(let id, let path):
            do {
                let url = try await service.client.exportDownloadURL(id: id)
                let data = try await service.client.downloadExportFile(from: url)
                let written = try SafeFileWriter.write(data, to: path)
                return [.notify(.info, "Saved \(Format.grouped(data.count)) bytes to \(written)")]
            } catch {
                return [.notify(.error, "Export \(id) was not saved: \(Self.message(error))")]
            }
        case .loadMembers(let segment, let start, let refresh, let generation):
            do {
                let page = try await SegmentsPane.members(key: segment, start: start, context(refresh: refresh))
                return [.membersLoaded(segment: segment, rows: page.rows, next: page.next, appended: start != nil, generation: generation)]
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
final class WorkQueue<Item: Sendable>: Sendable {
    private let state: Mutex<(items: [Item], next: Int)>

    init(_ items: [Item]) { state = Mutex((items, 0)) }

    func next() -> Item? {
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
