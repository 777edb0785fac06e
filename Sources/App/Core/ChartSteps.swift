import CustomerIO
import Foundation
import TerminalUI

/// The reducer's part for picking one period on a line's sparkline: ← and → move over the days (or weeks) of the
/// selected line's chart, Esc lets go, and Enter opens that period's messages with the period's own count.
enum ChartSteps {
    /// `.chartEarlier` / `.chartLater`. The first press picks the newest period, the one people look at first.
    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        guard case .detail = state.route, var detail = state.details[state.route],
              let periods = state.selectedLine?.chart?.periods, !periods.isEmpty else { return [] }
        let line = detail.detail.selectedRow
        let delta = command == .chartEarlier ? -1 : 1
        let index = detail.step(on: line).map { $0 + delta } ?? periods.count - 1
        detail.chartStep = .init(line: line, index: min(max(index, 0), periods.count - 1))
        state.details[state.route] = detail
        return []
    }

    /// Lets go of a picked period; false when none was picked (Esc then goes back as usual).
    static func release(_ state: inout AppState) -> Bool {
        guard case .detail = state.route, state.details[state.route]?.chartStep != nil else { return false }
        state.details[state.route]?.chartStep = nil
        return true
    }

    /// What Enter opens from the selected line: with a period picked, its figure narrowed to that period.
    static func messages(for line: DetailLine, _ state: AppState) -> MessagesQuery? {
        guard var query = line.messages else { return nil }
        guard let detail = state.details[state.route], let index = detail.step(on: detail.detail.selectedRow),
              let chart = line.chart, chart.periods.indices.contains(index), var figure = query.figure else { return query }
        figure.period = chart.periods[index]
        figure.count = chart.values[index]
        query.figure = figure
        return query
    }

    /// The line as drawn: with a period picked, its chart cell stands out and the figure gives way to the day's.
    static func row(_ line: DetailLine, step: Int?) -> DetailRow {
        guard let step, let chart = line.chart, chart.periods.indices.contains(step), let query = line.messages, let figure = query.figure else {
            return line.row
        }
        let label = figure.span.periodLabel(startingAt: chart.periods[step].start)
        var row = line.row
        row.value = "\(Format.sparkline(chart.values))  \(label): \(Format.grouped(chart.values[step])) \(query.metric ?? "")"
        let cell = Format.sparklineCell(of: step, count: chart.values.count)
        row.mark = cell..<(cell + 1)
        return row
    }
}
