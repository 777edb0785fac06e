import Foundation

/// Daily counts per metric for the `days` UTC days that end at the dataset's anchor (index 0 = oldest): a
/// campaign's, broadcast's, newsletter's or template's sending plan. Figures are never read from here; they are
/// counted from the deliveries the plan made.
struct DailySeries: Sendable {
    let firstDay: Int  // unix seconds at 00:00 UTC of index 0
    let days: Int
    /// metric-major: values[metric.rawValue * days + day]
    private(set) var values: [Int32]

    init(firstDay: Int, days: Int) {
        self.firstDay = firstDay
        self.days = days
        values = Array(repeating: 0, count: Metric.allCases.count * days)
    }

    subscript(metric: Metric, day: Int) -> Int {
        get { Int(values[metric.rawValue * days + day]) }
        set { values[metric.rawValue * days + day] = Int32(clamping: newValue) }
    }

    func total(_ metric: Metric) -> Int {
        var sum = 0
        for day in 0 ..< days { sum += self[metric, day] }
        return sum
    }

    /// The share of a day's activity that happens in each UTC hour: quiet nights, a morning and an evening peak.
    static let hourWeights: [Double] = {
        let raw: [Double] = [1, 0.7, 0.5, 0.4, 0.4, 0.6, 1.2, 2.4, 3.6, 4.4, 4.6, 4.2, 3.8, 3.7, 3.9, 4.0, 3.8, 3.6, 3.9, 4.3, 4.1, 3.2, 2.2, 1.5]
        let sum = raw.reduce(0, +)
        return raw.map { $0 / sum }
    }()
}
