/// Invents daily metric series with plausible funnels (sent ≥ delivered ≥ opened ≥ clicked ≥ converted), weekday
/// dips, a gentle trend and noise. `volume` is the typical number sent on a weekday.
struct SeriesGenerator {
    let firstDay: Int
    let days: Int

    /// Rates that make one series distinct from another.
    struct Profile {
        var volume: Double
        var openRate: Double
        var clickRate: Double
        var conversionRate: Double
        var webhookShare: Double = 0
        var trend: Double = 0
        /// Days outside `activeDays` send nothing (campaigns that started late or were stopped).
        var activeDays: Range<Int>
        /// Days on which the whole volume goes out at once (newsletters, broadcasts); empty = daily sending.
        var burstDays: [Int] = []
    }

    static func profile(volume: Double, days: Int, rng: inout SplitMix64) -> Profile {
        Profile(
            volume: volume,
            openRate: 0.18 + rng.unit() * 0.32,
            clickRate: 0.06 + rng.unit() * 0.2,
            conversionRate: 0.05 + rng.unit() * 0.25,
            trend: rng.unit() * 0.6 - 0.25,
            activeDays: 0 ..< days
        )
    }

    func make(_ profile: Profile, rng: inout SplitMix64) -> DailySeries {
        var series = DailySeries(firstDay: firstDay, days: days)
        var carriedOpens = 0.0
        var carriedClicks = 0.0
        for day in 0 ..< days {
            let sent: Double
            if !profile.activeDays.contains(day) {
                sent = 0
            } else if !profile.burstDays.isEmpty {
                sent = profile.burstDays.contains(day) ? profile.volume * (0.9 + rng.unit() * 0.2) : 0
            } else {
                let weekday = ((firstDay / 86_400) + day + 4) % 7  // 1970-01-01 was a Thursday; 0 = Sunday
                let weekend = weekday == 0 || weekday == 6
                let trend = 1 + profile.trend * Double(day) / Double(days)
                sent = profile.volume * (weekend ? 0.55 : 1) * trend * (0.8 + rng.unit() * 0.4)
            }
            fill(&series, day: day, sent: sent, profile: profile, carriedOpens: &carriedOpens, carriedClicks: &carriedClicks, rng: &rng)
        }
        return series
    }

    private func fill(
        _ series: inout DailySeries, day: Int, sent rawSent: Double, profile: Profile,
        carriedOpens: inout Double, carriedClicks: inout Double, rng: inout SplitMix64
    ) {
        func jitter() -> Double { 0.85 + rng.unit() * 0.3 }
        func round(_ value: Double) -> Int {
            // Stochastic rounding keeps small daily volumes honest (0.3 a day still adds up over a month).
            let floor = value.rounded(.down)
            return Int(floor) + (rng.unit() < value - floor ? 1 : 0)
        }
        let sent = round(rawSent)
        let failed = round(Double(sent) * 0.008 * jitter())
        let bounced = min(sent, round(Double(sent) * 0.012 * jitter()))
        let undeliverable = min(sent - bounced, round(Double(sent) * 0.003 * jitter()))
        let delivered = sent - bounced - undeliverable
        // Opens and clicks trail the send: most the same day, the rest over the following days.
        let newOpens = Double(delivered) * profile.openRate * jitter()
        let opened = round(newOpens * 0.7 + carriedOpens * 0.6)
        carriedOpens = carriedOpens * 0.4 + newOpens * 0.3
        let newClicks = Double(opened) * profile.clickRate * jitter()
        let clicked = round(newClicks * 0.8 + carriedClicks * 0.5)
        carriedClicks = carriedClicks * 0.5 + newClicks * 0.2
        let humanOpened = round(Double(opened) * (0.72 + rng.unit() * 0.12))
        let humanClicked = round(Double(clicked) * (0.9 + rng.unit() * 0.08))
        let converted = round(Double(clicked) * profile.conversionRate * jitter())
        let deferred = round(Double(sent) * 0.004 * jitter())
        let suppressed = round(Double(sent) * 0.002 * jitter())
        let webhooks = Double(sent) * profile.webhookShare

        series[.sent, day] = sent
        series[.failed, day] = failed
        series[.attempted, day] = sent + failed
        series[.created, day] = sent + failed + suppressed
        series[.bounced, day] = bounced
        series[.undeliverable, day] = undeliverable
        series[.delivered, day] = delivered
        series[.opened, day] = opened
        series[.humanOpened, day] = min(opened, humanOpened)
        series[.prefetchOpened, day] = max(0, opened - humanOpened)
        series[.clicked, day] = clicked
        series[.humanClicked, day] = min(clicked, humanClicked)
        series[.prefetchClicked, day] = max(0, clicked - humanClicked)
        series[.converted, day] = converted
        series[.deferred, day] = deferred
        series[.suppressed, day] = suppressed
        series[.drafted, day] = 0
        series[.spammed, day] = round(Double(delivered) * 0.0008)
        series[.unsubscribed, day] = round(Double(delivered) * 0.002 * jitter())
        series[.topicUnsubscribed, day] = round(Double(delivered) * 0.001 * jitter())
        series[.http2xx, day] = round(webhooks * 0.96)
        series[.http3xx, day] = 0
        series[.http4xx, day] = round(webhooks * 0.025)
        series[.http5xx, day] = round(webhooks * 0.015)
    }
}
