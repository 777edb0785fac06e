import Foundation

/// Daily counts per metric for one campaign, broadcast, newsletter or template, for the `days` UTC days that
/// end at the dataset's anchor (index 0 = oldest). Finer and coarser resolutions are derived from these.
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

    /// The share of each metric's counts this series stands for (an action's or variant's share of its campaign),
    /// by metric; empty means the whole. Kept as fractions and applied to totals, not to each day, so one click a
    /// day still adds up across a window.
    private(set) var scales: [Double] = []

    /// The metrics that cannot happen on a channel (SMS are not opened, only webhooks have HTTP statuses).
    static func impossible(on channel: String) -> Set<Metric> {
        Set(Metric.allCases.filter { metric in
            switch channel {
            case "webhook": [.opened, .humanOpened, .prefetchOpened, .clicked, .humanClicked, .prefetchClicked, .spammed, .unsubscribed, .topicUnsubscribed].contains(metric)
            case "twilio", "sms": metric.isWebhookStatus || [.opened, .humanOpened, .prefetchOpened, .spammed].contains(metric)
            case "push": metric.isWebhookStatus || [.clicked, .humanClicked, .prefetchClicked, .spammed, .bounced].contains(metric)
            default: metric.isWebhookStatus
            }
        })
    }

    /// A copy standing for `factor` of every count, with the metrics impossible on `channel` zeroed.
    func scaled(by factor: Double, channel: String) -> DailySeries {
        let impossible = Self.impossible(on: channel)
        return scaled { impossible.contains($0) ? 0 : factor }
    }

    /// One action's part of its campaign: each metric split over the actions on which it can happen, in their
    /// weights, so the actions' figures add up to the campaign's (a webhook's share of opens goes to the emails).
    func share(of action: Int, weights: [Double], channels: [String]) -> DailySeries {
        let impossible = channels.map(Self.impossible(on:))
        return scaled { metric in
            guard !impossible[action].contains(metric) else { return 0 }
            let possible = weights.indices.filter { !impossible[$0].contains(metric) }.reduce(0) { $0 + weights[$1] }
            return possible > 0 ? weights[action] / possible : 0
        }
    }

    private func scaled(_ factor: (Metric) -> Double) -> DailySeries {
        var copy = self
        copy.scales = Metric.allCases.map { (scales.isEmpty ? 1 : scales[$0.rawValue]) * factor($0) }
        return copy
    }

    /// The share of a day's activity that happens in each UTC hour: quiet nights, a morning and an evening peak.
    static let hourWeights: [Double] = {
        let raw: [Double] = [1, 0.7, 0.5, 0.4, 0.4, 0.6, 1.2, 2.4, 3.6, 4.4, 4.6, 4.2, 3.8, 3.7, 3.9, 4.0, 3.8, 3.6, 3.9, 4.3, 4.1, 3.2, 2.2, 1.5]
        let sum = raw.reduce(0, +)
        return raw.map { $0 / sum }
    }()

    /// The (fractional) count of `metric` between two unix times, spreading each day over its hours.
    /// Time after the generated history (the server runs on after its anchor day) repeats the same weekday of
    /// the week before, up to `until` (now), so today's numbers grow through the day instead of reading zero.
    func amount(_ metric: Metric, from start: Int, to end: Int, until: Int = .max) -> Double {
        let scale = scales.isEmpty ? 1 : scales[metric.rawValue]
        guard end > start, scale > 0 else { return 0 }
        let seriesEnd = firstDay + days * 86_400
        let lower = max(start, firstDay)
        let upper = min(end, until, seriesEnd + (days >= 7 ? 7 * 86_400 : 0))
        guard upper > lower else { return 0 }
        var total = 0.0
        var hourStart = lower - ((lower - firstDay) % 3_600)
        while hourStart < upper {
            let hourEnd = hourStart + 3_600
            var day = (hourStart - firstDay) / 86_400
            if day >= days { day -= 7 }
            let hour = ((hourStart - firstDay) % 86_400) / 3_600
            let overlap = Double(min(hourEnd, upper) - max(hourStart, lower)) / 3_600
            total += Double(self[metric, day]) * Self.hourWeights[hour] * overlap
            hourStart = hourEnd
        }
        return total * scale
    }

    /// Counts per bucket for a list of bucket boundaries (n + 1 boundaries give n buckets).
    func buckets(_ metric: Metric, boundaries: [Int], until: Int = .max) -> [Int] {
        guard boundaries.count > 1 else { return [] }
        // Round the running total rather than each bucket, so buckets add up to the whole.
        var result: [Int] = []
        result.reserveCapacity(boundaries.count - 1)
        var running = 0.0
        var emitted = 0
        for index in 0 ..< boundaries.count - 1 {
            running += amount(metric, from: boundaries[index], to: boundaries[index + 1], until: until)
            let rounded = Int(running.rounded())
            result.append(max(0, rounded - emitted))
            emitted = max(emitted, rounded)
        }
        return result
    }
}
