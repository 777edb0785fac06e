import CustomerIO
import Foundation
import TerminalUI
import Workspace

// What a pane can do, as small protocols (k9s style). A pane offers a key only if it conforms: the keymap derives
// each binding's pane set from these (`PaneRegistry.kinds { $0 is any ChartsMetrics.Type }`), never from a list.

/// Items chart metrics over the window `w` picks (`v` the metric): a sparkline, sent, open and click rate per row
/// (loaded lazily), and a Metrics section on an opened item.
protocol ChartsMetrics: PaneDefinition {
    /// One item's metrics over the last `days`, as far as its endpoint reaches.
    static func metrics(id: Int, days: Int, _ context: PaneContext) async throws -> MetricsResult
    /// What the endpoint gives for a window of `days`.
    static func span(days: Int) -> MetricsSpan
}

extension ChartsMetrics {
    /// Broadcasts, newsletters and transactional go through v1, which stops at 45 days and then counts in weeks.
    static func span(days: Int) -> MetricsSpan { .v1(lastDays: days) }

    static func lazyValues(key: RowKey, _ context: PaneContext) async throws -> [CellState] {
        let id = try numericID(key)
        async let abilities = MetricAbilities.of(kind, id: id, context)
        return metricValues(try await metrics(id: id, days: context.metrics.days, context), metrics: context.metrics, abilities: await abilities)
    }

    /// The Metrics section: a sparkline and total per metric over the window, and the rates.
    static func metricsSection(key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        let id = try numericID(key)
        async let abilities = MetricAbilities.of(kind, id: id, context)
        let source = (Self.self as? any HasDeliveries.Type)?.deliverySource(id: id)
        return MetricsText.lines(try await metrics(id: id, days: context.metrics.days, context), abilities: await abilities, source: source, now: context.now)
    }

    /// Chart, sent, open and click rate of one row; a result over another span than the column's (a campaign whose
    /// workspace refused v2) says that span in its chart cell rather than sit under a title claiming another. A rate
    /// its channels cannot have (an SMS open, a webhook click) reads "n/a", not 0 %.
    static func metricValues(_ result: MetricsResult, metrics: MetricsView, abilities: MetricAbilities = .all) -> [CellState] {
        let series = result.series
        let rates = MetricRates(series: series, abilities: abilities)
        let chart = result.span.label == span(days: metrics.days).label ? Format.sparkline(series[metrics.metric]) : "\(result.span.label) only"
        func rate(_ metric: String) -> CellState {
            guard let rate = rates.rate(metric) else { return .value("n/a") }
            return .value(rate.text, number: rate.fraction)
        }
        return [
            .value(chart, number: Double(series.total(metrics.metric))),
            .value(Format.grouped(series.total("sent")), number: Double(series.total("sent"))),
            rate("opened"),
            rate("clicked"),
        ]
    }

    /// The four metric columns (chart, sent, and open and click rates of delivered, "/dlv"), loaded after the rows in the order
    /// `metricValues` gives them; the chart's title says the window on screen (`AppState.currentColumns`).
    static func metricColumns<Row>() -> [Column<Row>] {
        [.later(TableColumn("Sent, 30 days", width: .fixed(15))), .later(TableColumn("Sent", width: .fixed(8), alignment: .right)),
         .later(TableColumn("Opn/dlv", width: .fixed(7), alignment: .right)), .later(TableColumn("Clk/dlv", width: .fixed(7), alignment: .right))]
    }
}

/// Items send messages: their deliveries open as a section, and in Messages filtered to the item.
protocol HasDeliveries: PaneDefinition {
    static func deliverySource(id: Int) -> DeliverySource
}

extension HasDeliveries {
    /// The item's latest deliveries, each opening, under a line that opens all of them in Messages.
    static func deliveriesSection(key: RowKey, _ context: PaneContext) async throws -> [DetailLine] {
        let source = deliverySource(id: try numericID(key))
        let deliveries = try await context.service.deliveries(of: source, refresh: context.refresh)
        var all = MessageSections.lines(deliveries, showingRecipient: true)
        if !deliveries.isEmpty {
            var more = DetailLine(key: "All of them", value: "in the Messages pane, filtered to this \(singular)", link: .list(.messages))
            more.messages = MessagesQuery(source: source)
            all.insert(more, at: 0)
        }
        return all
    }
}

/// `x` starts an export from here: what it would export for the selected row or the item shown (`key`, nil when
/// nothing is), or nil and the reason why not.
protocol Exportable: PaneDefinition {
    static func exportSpec(key: RowKey?, _ state: AppState) -> ExportSpec?
    static func exportUnavailableReason(_ state: AppState) -> String
}

extension Exportable where Self: HasDeliveries {
    static func exportSpec(key: RowKey?, _ state: AppState) -> ExportSpec? {
        key?.id.map { .deliveries(deliverySource(id: $0)) }
    }

    static func exportUnavailableReason(_ state: AppState) -> String { "select a \(singular) first" }
}

/// Items hold people, listed page by page as the user scrolls (`m`).
protocol HasMembers: PaneDefinition {
    static func members(key: RowKey, start: String?, _ context: PaneContext) async throws -> PanePage
}

/// Items take a while to finish (an export being built): while a row on the list is still running, the list reloads
/// every `pollInterval` seconds for as long as it is on screen; elsewhere it waits until shown again.
protocol FollowsProgress: PaneDefinition {
    static func isRunning(_ row: ListRow) -> Bool
    /// Seconds between reloads while something on the list is running.
    static var pollInterval: Double { get }
}

extension FollowsProgress {
    static var pollInterval: Double { 2.0 }

    /// After the list loads: if a row on it is still running, reload it again shortly.
    static func schedulePoll(_ state: inout AppState) {
        let running = state.lists[kind]?.loadedRows.contains(where: isRunning) ?? false
        state.pollsAt[kind] = running ? state.now + pollInterval : nil
    }

    /// Reloads the list when its poll is due and it is on screen.
    static func poll(_ state: inout AppState) -> [Effect] {
        guard let due = state.pollsAt[kind], state.now >= due, state.pane == kind else { return [] }
        state.pollsAt[kind] = nil
        let previous = state.lists[kind]?.rows.value
        state.lists[kind]?.rows = .loading(previous: previous)
        return [.loadList(kind, refresh: true, query: query(state))]
    }
}

/// The pane's list is of people (its rows are typed persons): they open as profiles, their name, created and
/// subscription load in one bulk request for the rows on screen, and they can be marked (space, `*`) for a write to
/// all of them (`a`). A segment's members are such a list too, reached through `HasMembers`.
protocol ListsPeople: PaneDefinition {}

extension PaneKind {
    /// The panes whose lists are of people.
    static let listingPeople: [PaneKind] = PaneRegistry.kinds { $0 is any ListsPeople.Type }

    /// Where a list of people can be shown: those panes, and the panes whose items list their members.
    static let showingPeople: Set<PaneKind> = Set(listingPeople + PaneRegistry.kinds { $0 is any HasMembers.Type })
}

/// The pane lists manual segments: `N` creates one, `D` deletes the one shown.
protocol ManagesManualSegments: PaneDefinition {}

/// The pane shows people (or a segment's members): `+` adds the one shown to a manual segment, `-` removes them.
protocol ManualSegmentMembership: PaneDefinition {}
