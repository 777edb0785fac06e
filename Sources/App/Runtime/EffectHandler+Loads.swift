import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Effects that read the workspace for what is on screen: a pane's list and its pages, the lazy cells of its rows
/// (on screen first, then prefetched), an opened item and its sections. Each asks the pane's definition.
extension EffectHandler {
    /// One request per row, all at once: the rate limiter spaces them, and each cell shows as soon as it arrives.
    func loadCells(_ pane: PaneKind, keys: [RowKey], refresh: Bool, metrics: MetricsView, send: @escaping @Sendable (Action) -> Void) async {
        let definition = pane.definition
        let columns = definition.lazyColumns
        guard !columns.isEmpty else { return }
        let context = context(refresh: refresh, metrics: metrics)
        let failures = await withTaskGroup(of: String?.self) { group in
            for key in keys {
                group.addTask {
                    do {
                        let values = try await definition.lazyValues(key: key, context)
                        for (column, value) in zip(columns, values) { send(.cellLoaded(pane, key: key, column: column, state: value, metrics: metrics)) }
                        return nil
                    } catch {
                        let reason = Self.message(error)
                        for column in columns { send(.cellLoaded(pane, key: key, column: column, state: .failed(reason), metrics: metrics)) }
                        return reason
                    }
                }
            }
            return await group.reduce(into: [String]()) { if let message = $1 { $0.append(message) } }
        }
        if let first = failures.first {
            send(.notify(.error, failures.count == 1 ? "\(pane.title): \(first)" : "\(pane.title): \(failures.count) rows failed to load: \(first)"))
        }
    }

    /// Name, created and subscription of the people on screen: one bulk request for all of them.
    func loadPeopleCells(_ people: [PersonRef], refresh: Bool, send: @escaping @Sendable (Action) -> Void) async {
        let columns = CustomersPane.lazyColumns
        do {
            let summaries = try await environment.service.customerSummaries(ids: Array(Set(people.map(\.id))), refresh: refresh) { PeopleCells.summary($0) }
            for person in people {
                for (column, value) in zip(columns, (summaries[person.id] ?? PeopleCells.summary(nil)).cells) {
                    send(.cellLoaded(.customers, key: person.key, column: column, state: value))
                }
            }
        } catch {
            let reason = Self.message(error)
            for person in people {
                for column in columns { send(.cellLoaded(.customers, key: person.key, column: column, state: .failed(reason))) }
            }
            send(.notify(.error, "Customers: attributes failed: \(reason)"))
        }
    }

    /// How many prefetch requests wait for the rate limiter at once: enough to keep it busy, few enough that a
    /// request for what comes on screen joins no long queue of them.
    static let prefetchWorkers = 4

    /// Off-screen cells, in list order, a few workers at a time. A cell that fails stays loading and loads (or
    /// reports its error) when it comes on screen.
    func prefetchCells(_ pane: PaneKind, keys: [RowKey], metrics: MetricsView, send: @escaping @Sendable (Action) -> Void) async {
        let definition = pane.definition
        let columns = definition.lazyColumns
        let context = context(refresh: false, metrics: metrics)
        let queue = WorkQueue(keys)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<Self.prefetchWorkers {
                group.addTask {
                    while let key = queue.next() {
                        guard let values = try? await definition.lazyValues(key: key, context) else { continue }
                        for (column, value) in zip(columns, values) { send(.cellLoaded(pane, key: key, column: column, state: value, metrics: metrics)) }
                    }
                }
            }
        }
    }

    /// One section of an opened item, named with the metrics window it was loaded for.
    func section(_ route: Route, name: SectionID, refresh: Bool, metrics: MetricsView) async -> [Action] {
        let service = environment.service
        guard case .detail(let pane, let key) = route else { return [] }
        do {
            let lines = try await pane.definition.section(name, key: key, context(refresh: refresh, metrics: metrics))
            var answers: [Action] = [.sectionLoaded(route, name: name, lines: lines, metrics: metrics)]
            // The identifiers section loaded the whole profile (cached): it goes to the detail typed as well.
            if pane == .customers, name == .identifiers, let person = key.person {
                if let profile = try? await service.customerProfile(id: person.value, idType: person.type) { answers.append(.profileLoaded(route, profile)) }
            }
            // So is the reachability its section was drawn from (every part of it cached): what `U` acts on.
            if pane == .customers, name == .reachability, let person = key.person {
                let now = WallClock.unixNow()
                if let reach = try? await service.reachability(id: person.value, idType: person.type, now: now) { answers.append(.reachabilityLoaded(route, reach)) }
            }
            return answers
        } catch {
            return [.sectionFailed(route, name: name, message: Self.message(error), metrics: metrics)]
        }
    }

    /// A pane's list, or the first page of a paged one (a Customers search, Messages); the answer names the query
    /// it answers.
    func list(_ pane: PaneKind, refresh: Bool, query: ListQuery?, progress: @escaping @Sendable (String) -> Void = { _ in }) async -> [Action] {
        do {
            let definition = pane.definition
            var context = context(refresh: refresh)
            context.progress = progress
            let page = try await definition.page(query: query, start: nil, context)
            guard definition.isPaged else { return [.listLoaded(pane, page.rows, query: query)] }
            return [.listPage(pane, query: query, rows: page.rows, next: page.next, appended: false)]
        } catch {
            return [.listFailed(pane, Self.message(error), query: query)]
        }
    }

    /// One page of a paged list's query, from the cursor `start` (nil for the first).
    func page(_ pane: PaneKind, query: ListQuery?, start: String?, refresh: Bool, generation: Int = 0) async throws -> Action {
        let page = try await pane.definition.page(query: query, start: start, context(refresh: refresh))
        return .listPage(pane, query: query, rows: page.rows, next: page.next, appended: start != nil, generation: generation)
    }

    /// What a pane's loaders get: the workspace, the time, the metrics window asked for and the journal.
    func context(refresh: Bool, metrics: MetricsView = MetricsView()) -> PaneContext {
        PaneContext(service: environment.service, refresh: refresh, now: WallClock.unixNow(), metrics: metrics, journal: journal)
    }

    /// The item behind a reference, as the row its list would show, so a jump needs no list loaded first.
    func item(_ route: Route, refresh: Bool) async -> [Action] {
        guard case .detail(let pane, let key) = route else { return [] }
        do {
            var row = try await pane.definition.item(key: key, context(refresh: refresh))
            // Keyed as the route is: a person found by email is still the route's person.
            row.key = key
            return [.itemLoaded(route, row)]
        } catch {
            return [.itemFailed(route, message: Self.message(error))]
        }
    }
}
