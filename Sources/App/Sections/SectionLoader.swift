import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// Loads the sections of opened items. Each section is one or a few requests through the store, so a section
/// that was seen before comes from the cache.
enum SectionLoader {
    struct Context: Sendable {
        var service: WorkspaceService
        var refresh: Bool
        var metrics: MetricsView
        var now: Int
    }

    static func lines(_ route: Route, name: String, _ context: Context) async throws -> [DetailLine] {
        guard case .detail(let pane, let key) = route else { return [] }
        if let definition = PaneRegistry.definition(pane) {
            return try await definition.section(name, key: key, PaneContext(service: context.service, refresh: context.refresh, now: context.now))
        }
        switch pane {
        case .customers:
            return try await PersonSections.lines(PersonKey.parse(key), name: name, context)
        case .messages:
            guard name == DetailSections.archivedBody else { break }
            return MessageSections.archivedBody(try await context.service.archivedMessage(id: key, refresh: context.refresh))
        default:
            break
        }
        guard let id = Int(key) else { throw SectionProblem("no \(pane.title.lowercased()) \(key)") }
        switch (pane, name) {
        case (.segments, DetailSections.membership):
            let count = try await context.service.segmentCustomerCount(id: id, refresh: context.refresh)
            return [DetailLine(key: "Customers", value: Format.grouped(count)),
                    DetailLine(key: "Members", value: "the people in it, paged as you scroll (m)", link: .members(segment: key))]
        case (.segments, DetailSections.usedBy):
            return try await usage(of: id, context)
        case (.campaigns, DetailSections.journey):
            return try await CampaignSections.metrics(campaign: id, context)
        case (.campaigns, DetailSections.actions):
            return try await CampaignSections.actions(campaign: id, context)
        case (.campaigns, DetailSections.links):
            return try await CampaignSections.links(campaign: id, context)
        case (.broadcasts, DetailSections.journey):
            return MetricsText.lines(try await context.service.broadcastMetrics(id: id, days: context.metrics.days, refresh: context.refresh))
        case (.broadcasts, DetailSections.actions):
            return CampaignSections.actionLines(try await context.service.broadcastActions(id: id, refresh: context.refresh), metrics: [:])
        case (.broadcasts, DetailSections.triggers):
            return try await CampaignSections.triggers(broadcast: id, context)
        case (.newsletters, DetailSections.journey):
            return MetricsText.lines(try await context.service.newsletterMetrics(id: id, days: context.metrics.days, refresh: context.refresh))
        case (.transactional, DetailSections.journey):
            return MetricsText.lines(try await context.service.transactionalMetrics(id: id, days: context.metrics.days, refresh: context.refresh))
        case (_, DetailSections.messages), (_, DetailSections.deliveries):
            let source: DeliverySource? = switch pane {
            case .campaigns: .campaign(id)
            case .broadcasts: .broadcast(id)
            case .newsletters: .newsletter(id)
            case .transactional: .transactional(id)
            default: nil
            }
            guard let source else { break }
            let deliveries = try await context.service.deliveries(of: source, refresh: context.refresh)
            var all = MessageSections.lines(deliveries, showingRecipient: true)
            if !deliveries.isEmpty {
                var more = DetailLine(key: "All of them", value: "in the Messages pane, filtered to this \(pane.singular)", link: .list(.messages))
                more.messagesSource = source
                all.insert(more, at: 0)
            }
            return all
        default:
            break
        }
        throw SectionProblem("nothing to load for \(name)")
    }

    /// What uses a segment, by name, each a reference.
    private static func usage(of id: Int, _ context: Context) async throws -> [DetailLine] {
        let usage = try await context.service.segmentUsage(id: id, refresh: context.refresh)
        // Names come from the lists (usually cached already); a list that fails leaves ids alone.
        let campaigns = (try? await context.service.campaigns()) ?? []
        let newsletters = (try? await context.service.newsletters()) ?? []
        var lines: [DetailLine] = []
        for campaign in usage.campaigns {
            let name = campaigns.first { $0.id == campaign }?.name ?? "#\(campaign)"
            lines.append(DetailLine(key: "Campaign \(campaign)", value: name, link: .detail(.campaigns, key: String(campaign))))
        }
        for (label, ids) in [("Newsletter", usage.sentNewsletters), ("Draft newsletter", usage.draftNewsletters)] {
            for newsletter in ids {
                let name = newsletters.first { $0.id == newsletter }?.name ?? "#\(newsletter)"
                lines.append(DetailLine(key: "\(label) \(newsletter)", value: name, link: .detail(.newsletters, key: String(newsletter))))
            }
        }
        return lines.isEmpty ? [DetailLine(key: "", value: "nothing uses this segment")] : lines
    }
}

/// A section that cannot load, said plainly.
struct SectionProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension PaneKind {
    /// The pane's item in a sentence: "campaign", "newsletter".
    var singular: String {
        switch self {
        case .customers: "person"
        case .transactional: "template"
        case .messages: "message"
        default: String(rawValue.dropLast())
        }
    }
}

/// A metric series as detail lines: a sparkline and total per metric, then open, click and bounce rates.
enum MetricsText {
    static let order = ["sent", "delivered", "opened", "clicked", "converted", "bounced", "spammed", "unsubscribed", "failed", "undeliverable"]

    static func lines(_ result: MetricsResult) -> [DetailLine] {
        let series = result.series
        // The usual funnel always shows; anything else only when it happened (webhook 2xx, prefetch opens …).
        let funnel: Set<String> = ["sent", "delivered", "opened", "clicked"]
        let names = order.filter { series.series[$0] != nil && (funnel.contains($0) || series.total($0) > 0) }
            + series.series.keys.filter { !order.contains($0) && series.total($0) > 0 }.sorted { MetricNames.rank($0) < MetricNames.rank($1) }
        var lines = [DetailLine(key: "Window", value: result.span.description)]
        lines += names.map { name in
            DetailLine(key: MetricNames.human(name), value: "\(Format.sparkline(series[name]))  \(Format.grouped(series.total(name)))")
        }
        let base = Format.rateBase(series)
        if series.total("sent") > 0 {
            lines.append(DetailLine(key: "Rates", value: "open \(Format.percent(series.total("opened"), of: base)) · click \(Format.percent(series.total("clicked"), of: base)) · bounce \(Format.percent(series.total("bounced"), of: max(1, series.total("sent"))))  (last \(result.span.label))"))
        }
        return names.isEmpty ? [DetailLine(key: "", value: "no metrics in the last \(result.span.label)")] : lines
    }
}

/// Human names for the API's metric keys: `human_opened` reads "opened (human)", `2xx` reads "HTTP 2xx".
enum MetricNames {
    static func human(_ key: String) -> String {
        switch key {
        case "human_opened": "opened (human)"
        case "prefetch_opened": "opened (machine)"
        case "human_clicked": "clicked (human)"
        case "prefetch_clicked": "clicked (machine)"
        case "topic_unsubscribed": "unsubscribed (topic)"
        case let code where code.count == 3 && code.hasSuffix("xx"): "HTTP \(code)"
        default: key.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// Orders extra metrics so a variant follows its parent (`opened (human)` after `opened`), webhooks last.
    static func rank(_ key: String) -> String {
        let parent = key.replacingOccurrences(of: "human_", with: "").replacingOccurrences(of: "prefetch_", with: "")
        let position = MetricsText.order.firstIndex(of: parent) ?? MetricsText.order.count
        return String(format: "%02d%@", position, key)
    }
}
