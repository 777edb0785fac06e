import CustomerIO
import Workspace

/// Which figures the channels of an item can have: email is opened, clicked and bounced; push is delivered and
/// opened; SMS is delivered and clicked through tracked links, never opened; a webhook or Slack message is only sent
/// and answered. A figure its channels cannot have is not shown, and no rate is made of it.
struct MetricAbilities: Sendable, Equatable {
    var delivers: Bool
    var opens: Bool
    var clicks: Bool
    var bounces: Bool

    /// Everything: for items whose channels are not known.
    static let all = MetricAbilities(delivers: true, opens: true, clicks: true, bounces: true)

    /// What messages of these types (`email`, `push`, `twilio`, `sms`, `in_app`, `webhook`, `slack`) can have together.
    static func of(types: [String]) -> MetricAbilities {
        let known = types.filter { !$0.isEmpty }
        guard !known.isEmpty else { return .all }
        var result = MetricAbilities(delivers: false, opens: false, clicks: false, bounces: false)
        for type in known {
            switch type {
            case "email": result = .all
            case "push": result.delivers = true; result.opens = true
            case "twilio", "sms": result.delivers = true; result.clicks = true
            case "in_app": result.opens = true; result.clicks = true
            case "webhook", "slack": break
            default: result = .all
            }
        }
        return result
    }

    /// Whether a metric key can happen at all on these channels.
    func allows(_ metric: String) -> Bool {
        switch metric {
        case "delivered": delivers
        case "opened", "human_opened", "prefetch_opened": opens
        case "clicked", "human_clicked", "prefetch_clicked": clicks
        case "bounced", "spammed": bounces
        default: true
        }
    }
}

/// Rates, each over a base it names: opens and clicks over what was delivered (what could be read), bounces over
/// what was sent. Where nothing was delivered (a webhook, a series without delivery), they are over what was sent
/// and say so. The one rule for the app and `cio get`.
public struct MetricRates {
    let series: MetricSeries
    let abilities: MetricAbilities

    init(series: MetricSeries, abilities: MetricAbilities) {
        self.series = series
        self.abilities = abilities
    }

    /// Rates of `series` whatever its channels, as `cio get` prints them.
    public init(series: MetricSeries) {
        self.init(series: series, abilities: .all)
    }

    /// The base opens and clicks are divided by, and its name: delivered, or sent where nothing was delivered.
    var base: (count: Int, name: String) {
        let delivered = series.total("delivered")
        return delivered > 0 ? (delivered, "delivered") : (series.total("sent"), "sent")
    }

    /// What `metric` is a rate of: delivered and bounced of what was sent, the rest of the base.
    func whole(of metric: String) -> (count: Int, name: String) {
        metric == "bounced" || metric == "delivered" ? (series.total("sent"), "sent") : base
    }

    /// `26.8 %`, or nil when the channels cannot have `metric`.
    func rate(_ metric: String) -> (text: String, fraction: Double?)? {
        guard abilities.allows(metric) else { return nil }
        let whole = whole(of: metric).count
        return (Format.percent(series.total(metric), of: whole), whole > 0 ? Double(series.total(metric)) / Double(whole) : nil)
    }

    /// "37.5% of delivered": one metric's rate and what it is of; empty for sent, which everything else is of.
    public func described(_ metric: String) -> String {
        guard metric != "sent", let rate = rate(metric) else { return "" }
        return "\(rate.text) of \(whole(of: metric).name)"
    }

    /// "open 26.8%, click 3.1% of delivered · bounce 1.2% of sent": the rates of `metrics` its channels can have,
    /// those over one base said together, each base named once.
    func sentence(_ metrics: [String] = ["opened", "clicked", "bounced"]) -> String {
        let words = ["opened": "open", "clicked": "click", "bounced": "bounce"]
        var groups: [(base: String, parts: [String])] = []
        for metric in metrics {
            guard let rate = rate(metric) else { continue }
            let baseName = whole(of: metric).name
            let part = "\(words[metric] ?? metric) \(rate.text)"
            if let last = groups.indices.last, groups[last].base == baseName { groups[last].parts.append(part) } else { groups.append((baseName, [part])) }
        }
        guard !groups.isEmpty else { return "no opens, clicks or bounces on this channel" }
        return groups.map { "\($0.parts.joined(separator: ", ")) of \($0.base)" }.joined(separator: " · ")
    }
}

extension MetricAbilities {
    /// An item's channels, from what the app already loaded where it can (the campaigns and broadcasts lists carry
    /// their actions' types); a template's from its contents; a newsletter is email.
    static func of(_ kind: PaneKind, id: Int, _ context: PaneContext) async -> MetricAbilities {
        switch kind {
        case .campaigns:
            let campaign = try? await context.service.campaigns().first { $0.id == id }
            return of(types: campaign?.actions.compactMap(\.type) ?? [])
        case .broadcasts:
            let broadcast = try? await context.service.broadcasts().first { $0.id == id }
            return of(types: broadcast?.actions.compactMap(\.type) ?? [])
        case .transactional:
            let types = ((try? await context.service.transactionalContents(id: id)) ?? []).compactMap(\.type)
            var abilities = of(types: types)
            // A template that tracks no links has no clicks, and an email one that tracks no opens has no opens.
            if let template = try? await context.service.transactionalTemplates().first(where: { $0.id == id }) {
                if template.linkTracking == false { abilities.clicks = false }
                if template.openTracking == false, !types.isEmpty, types.allSatisfy({ $0 == "email" }) { abilities.opens = false }
            }
            return abilities
        case .newsletters: return of(types: ["email"])
        default: return .all
        }
    }
}
