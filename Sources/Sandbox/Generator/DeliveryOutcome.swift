/// What happened to one generated message: each state it reached with its time, by the rules of its channel.
/// Email can be opened, clicked, bounced and marked as spam; SMS is delivered or undeliverable and clicked only
/// through a tracked link; push is delivered and opened; a webhook is sent and answered with a status; nothing is
/// opened that its channel cannot open. A state that would come after the history's horizon has not happened yet.
struct DeliveryOutcome {
    var metrics: [(metric: DeliveryMetric, at: Int)]
    var failure: String?
    var link: Int32 = 0
    var httpStatus: Int16 = 0

    /// How readers of one source behave: share of delivered messages opened, of opened clicked, of clicked converted.
    struct Rates {
        let open: Double
        let click: Double
        let convert: Double

        /// Rates of their own for each source, the same for a seed.
        init(seed: UInt64, source: Int) {
            var rng = SplitMix64(seed: SplitMix64.hash(seed, 0x4A7E5, UInt64(source)))
            open = 0.18 + rng.unit() * 0.32
            click = 0.06 + rng.unit() * 0.2
            convert = 0.05 + rng.unit() * 0.25
        }
    }

    /// Where a message may go on: its links (for clicks), its rates, the horizon, and whether it is marketing.
    struct Context {
        let rates: Rates
        let links: [LinkRecord]
        let linkPicker: WeightedPicker?
        let horizon: Int
        let marketing: Bool
    }

    private let horizon: Int

    private init(created: Int, horizon: Int) {
        metrics = [(.created, created)]
        self.horizon = horizon
    }

    /// Adds `metric` a random moment after `base`; nil (and nothing added) when that moment is past the horizon.
    @discardableResult
    private mutating func add(_ metric: DeliveryMetric, after base: Int, within seconds: Int, _ rng: inout SplitMix64) -> Int? {
        let at = base + 1 + rng.below(max(1, seconds))
        guard at < horizon else { return nil }
        metrics.append((metric, at))
        return at
    }

    private mutating func also(_ metric: DeliveryMetric, at time: Int) { metrics.append((metric, time)) }

    static func make(type: String, draft: Bool, created: Int, context: Context, rng: inout SplitMix64) -> DeliveryOutcome {
        var outcome = DeliveryOutcome(created: created, horizon: context.horizon)
        if draft {
            outcome.add(.drafted, after: created, within: 5, &rng)
            return outcome
        }
        guard let attempted = outcome.add(.attempted, after: created, within: 30, &rng) else { return outcome }
        switch type {
        case "email": outcome.email(after: attempted, context, &rng)
        case "push": outcome.push(after: attempted, context, &rng)
        case "twilio": outcome.sms(after: attempted, context, &rng)
        case "in_app": outcome.inApp(after: attempted, context, &rng)
        default: outcome.webhook(after: attempted, &rng)
        }
        return outcome
    }

    private mutating func email(after attempted: Int, _ context: Context, _ rng: inout SplitMix64) {
        let roll = rng.unit()
        if roll < 0.01 {
            if add(.failed, after: attempted, within: 60, &rng) != nil { failure = rng.pick(Self.emailFailures) }
            return
        }
        guard let sent = add(.sent, after: attempted, within: 60, &rng) else { return }
        if roll < 0.022 {
            if add(.bounced, after: sent, within: 300, &rng) != nil { failure = rng.pick(Self.bounces) }
            return
        }
        guard let delivered = add(.delivered, after: sent, within: 30, &rng) else { return }
        if rng.chance(0.001) { add(.spammed, after: delivered, within: 86_400, &rng) }
        guard rng.chance(context.rates.open),
              let opened = add(.opened, after: delivered, within: rng.chance(0.6) ? 3_600 : 2 * 86_400, &rng) else { return }
        // Every open is either a person's or a mail client's prefetch, so opened = human + prefetch.
        let human = rng.chance(0.8)
        also(human ? .humanOpened : .prefetchOpened, at: opened)
        if context.marketing && rng.chance(0.01) { add(.unsubscribed, after: opened, within: 600, &rng) }
        click(after: opened, human: human || rng.chance(0.5), context, &rng)
    }

    private mutating func push(after attempted: Int, _ context: Context, _ rng: inout SplitMix64) {
        if rng.chance(0.03) {
            if add(.failed, after: attempted, within: 10, &rng) != nil { failure = "Device token is no longer registered (410 Unregistered)" }
            return
        }
        guard let sent = add(.sent, after: attempted, within: 10, &rng), rng.chance(0.93),
              let delivered = add(.delivered, after: sent, within: 20, &rng), rng.chance(0.13),
              let opened = add(.opened, after: delivered, within: 7_200, &rng) else { return }
        // A push is opened by a person tapping it: there is no prefetch on this channel.
        also(.humanOpened, at: opened)
        if rng.chance(context.rates.convert * 0.5) { add(.converted, after: opened, within: 86_400, &rng) }
    }

    private mutating func sms(after attempted: Int, _ context: Context, _ rng: inout SplitMix64) {
        if rng.chance(0.02) {
            if add(.failed, after: attempted, within: 10, &rng) != nil { failure = rng.pick(Self.smsFailures) }
            return
        }
        guard let sent = add(.sent, after: attempted, within: 10, &rng) else { return }
        guard rng.chance(0.97) else {
            if add(.undeliverable, after: sent, within: 600, &rng) != nil { failure = "Unreachable destination handset (30003)" }
            return
        }
        guard let delivered = add(.delivered, after: sent, within: 60, &rng) else { return }
        // No opens on SMS; a click is only seen through a tracked link.
        click(after: delivered, human: true, context, &rng, share: 0.3)
    }

    private mutating func inApp(after attempted: Int, _ context: Context, _ rng: inout SplitMix64) {
        guard let sent = add(.sent, after: attempted, within: 10, &rng), rng.chance(0.35),
              let opened = add(.opened, after: sent, within: 86_400, &rng) else { return }
        also(.humanOpened, at: opened)
        click(after: opened, human: true, context, &rng)
    }

    private mutating func webhook(after attempted: Int, _ rng: inout SplitMix64) {
        let roll = rng.unit()
        if roll < 0.04 {
            guard add(.failed, after: attempted, within: 10, &rng) != nil else { return }
            httpStatus = roll < 0.015 ? 502 : 410
            failure = roll < 0.015 ? "HTTP 502 Bad Gateway from endpoint" : "HTTP 410 Gone from endpoint"
            return
        }
        if add(.sent, after: attempted, within: 5, &rng) != nil { httpStatus = 200 }
    }

    /// A click on one of the message's tracked links (none without links), and perhaps a conversion after it.
    private mutating func click(after base: Int, human: Bool, _ context: Context, _ rng: inout SplitMix64, share: Double = 1) {
        guard let picker = context.linkPicker, rng.chance(context.rates.click * share),
              let clicked = add(.clicked, after: base, within: 1_800, &rng) else { return }
        also(human ? .humanClicked : .prefetchClicked, at: clicked)
        link = Int32(context.links[picker.pick(&rng)].id)
        if rng.chance(context.rates.convert) { add(.converted, after: clicked, within: 86_400, &rng) }
    }

    static let emailFailures = [
        "550 5.1.1 The email account that you tried to reach does not exist",
        "Invalid recipient address",
        "Liquid rendering error: undefined method 'first_name' for nil",
    ]
    static let bounces = [
        "Hard bounce: 550 5.1.1 mailbox unavailable",
        "Soft bounce: 452 4.2.2 mailbox full",
        "Hard bounce: 554 5.7.1 message rejected as spam",
    ]
    static let smsFailures = ["Invalid 'To' phone number (21211)", "Carrier violation (30007)", "Landline or unreachable carrier (30006)"]
}
