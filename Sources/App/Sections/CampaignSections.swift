import CustomerIO
import TerminalUI
import Workspace

/// A campaign's detail: metrics with journey figures, actions with their own sparklines, link clicks; and a
/// broadcast's trigger history with errors.
enum CampaignSections {
    static func metrics(campaign id: Int, _ context: PaneContext) async throws -> [DetailLine] {
        let days = context.metrics.days
        async let series = context.service.campaignMetrics(id: id, days: days, refresh: context.refresh)
        // Journey metrics are a v2-only extra: a workspace without them still shows the delivery metrics.
        async let journey = try? context.service.campaignJourneyMetrics(id: id, days: days, now: context.now, refresh: context.refresh)
        var lines = MetricsText.lines(try await series, abilities: await MetricAbilities.of(.campaigns, id: id, context), source: .campaign(id), now: context.now)
        if let journey = await journey {
            let figures: [(String, [Int])] = [("started", journey.started), ("activated", journey.activated), ("messaged", journey.messaged),
                                              ("finished", journey.finished), ("converted", journey.converted),
                                              ("exited early", journey.exitedEarly), ("never activated", journey.neverActivated)]
            for (name, values) in figures where !values.isEmpty {
                lines.append(DetailLine(key: "journey: \(name)", value: "\(Format.sparkline(values))  \(Format.grouped(values.reduce(0, +)))"))
            }
        }
        return lines
    }

    /// Every action, with a sparkline of the chosen metric and its totals; the per-action metrics load together.
    static func actions(campaign id: Int, _ context: PaneContext) async throws -> [DetailLine] {
        let actions = try await context.service.campaignActions(id: id, refresh: context.refresh)
        let days = context.metrics.days
        let results = await withTaskGroup(of: (Int, MetricsResult?).self) { group in
            for action in actions {
                guard let actionID = action.id else { continue }
                group.addTask { (actionID, try? await context.service.actionMetrics(campaign: id, action: actionID, days: days, refresh: context.refresh)) }
            }
            return await group.reduce(into: [Int: MetricsResult]()) { if let result = $1.1 { $0[$1.0] = result } }
        }
        let opens = results.first.map { (campaign: id, span: $0.value.span, now: context.now) }
        return actionLines(actions, metrics: results.mapValues(\.series), metric: context.metrics.metric, opening: opens)
    }

    /// `opening` (the campaign, the span the series cover and when they loaded) makes each charted line open the action's messages in
    /// that state over the same window; ← and → pick a day of it.
    static func actionLines(_ actions: [CampaignAction], metrics: [Int: MetricSeries], metric: String = "sent",
                            opening: (campaign: Int, span: MetricsSpan, now: Int)? = nil) -> [DetailLine] {
        guard !actions.isEmpty else { return [DetailLine(key: "", value: "no actions")] }
        return actions.map { action in
            let title = "\(action.name ?? "#\(action.id.map(String.init) ?? "?")") (\(action.type ?? "action"))"
            guard let id = action.id, let series = metrics[id] else {
                return DetailLine(key: title, value: [action.subject, action.sendingState].compactMap { $0 }.joined(separator: " · "))
            }
            let rates = MetricRates(series: series, abilities: .of(types: [action.type ?? ""]))
            let figures = "sent \(Format.grouped(series.total("sent"))) · \(rates.sentence(["opened", "clicked"]))"
            var line = DetailLine(key: title, value: "\(Format.sparkline(series[metric]))  \(figures)")
            if let opening, series.total(metric) > 0 {
                line.link = .list(.messages)
                line.messages = MessagesQuery(metric: metric, source: .campaign(opening.campaign), action: id,
                                              figure: .init(span: opening.span, count: series.total(metric)))
                line.chart = MessagesQuery.Chart(series[metric], span: opening.span, now: opening.now)
            }
            return line
        }
    }

    /// People who clicked each tracked link, most clicked first; a link found in several places is one line. The
    /// links endpoint is v1 only, so its window is said on the first line.
    static func links(campaign id: Int, _ context: PaneContext) async throws -> [DetailLine] {
        let (links, span) = try await context.service.campaignLinkMetrics(id: id, days: context.metrics.days, refresh: context.refresh)
        return linkLines(links, span: span, campaign: id)
    }

    /// With `campaign`, Enter on a link opens the campaign's clicked messages over the same window: the API lists
    /// messages by state and never by link, so the list holds every click and says so.
    static func linkLines(_ links: [LinkMetric], span: MetricsSpan, campaign: Int? = nil) -> [DetailLine] {
        var byTarget: [String: (clicks: Int, places: Int)] = [:]
        for link in links {
            let target = link.link.href ?? "link \(link.link.id.map(String.init) ?? "?")"
            byTarget[target, default: (0, 0)].clicks += link.metric.total("clicked")
            byTarget[target, default: (0, 0)].places += 1
        }
        guard byTarget.values.contains(where: { $0.clicks > 0 }) else {
            return [DetailLine(key: "", value: "no tracked links clicked in the last \(span.label)")]
        }
        let header = DetailLine(key: "Window", value: "\(span.description); people who clicked")
        return [header] + byTarget.sorted { ($0.value.clicks, $1.key) > ($1.value.clicks, $0.key) }.map { target, figures in
            let places = figures.places > 1 ? " (\(figures.places) places)" : ""
            var line = DetailLine(key: "\(Format.grouped(figures.clicks)) clicked", value: target + places)
            if let campaign, figures.clicks > 0 {
                line.link = .list(.messages)
                line.messages = MessagesQuery(metric: "clicked", source: .campaign(campaign), figure: .init(span: span, count: figures.clicks, link: target))
            }
            return line
        }
    }

    /// The latest triggers, newest first, each with its status and, where it had any, its errors.
    static func triggers(broadcast id: Int, _ context: PaneContext) async throws -> [DetailLine] {
        let triggers = try await context.service.broadcastTriggers(id: id, refresh: context.refresh)
        guard !triggers.isEmpty else { return [DetailLine(key: "", value: "never triggered")] }
        let latest = Array(triggers.sorted { ($0.createdAt ?? 0) > ($1.createdAt ?? 0) }.prefix(10))
        let errors = await withTaskGroup(of: (Int, [String]).self) { group in
            for trigger in latest {
                group.addTask { (trigger.id, (try? await context.service.triggerErrors(broadcast: id, trigger: trigger.id, refresh: context.refresh).errors) ?? []) }
            }
            return await group.reduce(into: [Int: [String]]()) { $0[$1.0] = $1.1 }
        }
        var lines = [DetailLine(key: "Triggered", value: "\(triggers.count) time\(triggers.count == 1 ? "" : "s")")]
        for trigger in latest {
            let status = (trigger.processedAt ?? 0) > 0 ? "processed \(TimeText.full(trigger.processedAt))" : "pending since \(TimeText.full(trigger.createdAt))"
            let found = errors[trigger.id] ?? []
            lines.append(DetailLine(key: "#\(trigger.id)", value: found.isEmpty ? status : "\(status) · \(found.count) error\(found.count == 1 ? "" : "s")"))
            lines += found.prefix(5).map { DetailLine(key: "", value: "  ✗ \($0)") }
        }
        return lines
    }
}
