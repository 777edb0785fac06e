/// Invents each source's daily sending plan: weekday dips, a gentle trend and noise, or bursts on the days a
/// newsletter or broadcast went out. `volume` is the typical number sent on a weekday. The plan only says how many
/// messages to make; what happens to them (delivered, opened, clicked …) is decided message by message.
struct SeriesGenerator {
    let firstDay: Int
    let days: Int

    /// What makes one plan distinct from another.
    struct Profile {
        var volume: Double
        var trend: Double = 0
        /// Days outside `activeDays` send nothing (campaigns that started late or were stopped).
        var activeDays: Range<Int>
        /// Days on which the whole volume goes out at once (newsletters, broadcasts); empty = daily sending.
        var burstDays: [Int] = []
    }

    static func profile(volume: Double, days: Int, rng: inout SplitMix64) -> Profile {
        Profile(volume: volume, trend: rng.unit() * 0.6 - 0.25, activeDays: 0 ..< days)
    }

    func make(_ profile: Profile, rng: inout SplitMix64) -> DailySeries {
        var series = DailySeries(firstDay: firstDay, days: days)
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
            series[.sent, day] = DeliveryGenerator.stochasticRound(sent, &rng)
        }
        return series
    }
}
