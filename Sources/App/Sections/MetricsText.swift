import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// A section that cannot load, said plainly.
struct SectionProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A metric series as detail lines: a sparkline and total per metric, then open, click and bounce rates.
enum MetricsText {
    static let order = ["sent", "delivered", "opened", "clicked", "converted", "bounced", "spammed", "unsubscribed", "failed", "undeliverable"]

    /// The states the messages lists filter by (`metric=`): a line for one of these opens the messages behind it.
    static let listable: Set<String> = ["attempted", "sent", "delivered", "opened", "clicked", "converted", "bounced", "spammed",
                                        "unsubscribed", "dropped", "failed", "undeliverable"]

    /// `source` (whose figures these are) makes each listable figure a link: Enter opens its messages in Messages,
    /// that state, the same window and day boundaries, paged to the end; with `now` (when the figures loaded, unix
    /// seconds) ← and → pick a day of it.
    static func lines(_ result: MetricsResult, abilities: MetricAbilities = .all, source: DeliverySource? = nil, now: Int? = nil) -> [DetailLine] {
        let series = result.series
        // The usual funnel shows where the channels can have it; anything else only when it happened (webhook 2xx,
        // prefetch opens …). Nothing a channel cannot have is shown, not even as 0.
        let funnel: Set<String> = ["sent", "delivered", "opened", "clicked"]
        let names = (order.filter { series.series[$0] != nil && (funnel.contains($0) || series.total($0) > 0) }
            + series.series.keys.filter { !order.contains($0) && series.total($0) > 0 }.sorted { MetricNames.rank($0) < MetricNames.rank($1) })
            .filter(abilities.allows)
        var lines = [DetailLine(key: "Window", value: result.span.description)]
        lines += names.map { name in
            var line = DetailLine(key: MetricNames.human(name), value: "\(Format.sparkline(series[name]))  \(Format.grouped(series.total(name)))")
            if let source, listable.contains(name), series.total(name) > 0 {
                line.link = .list(.messages)
                line.messages = MessagesQuery(metric: name, source: source, figure: .init(span: result.span, count: series.total(name)))
                line.chart = now.map { MessagesQuery.Chart(series[name], span: result.span, now: $0) }
            }
            return line
        }
        if series.total("sent") > 0 {
            let rates = MetricRates(series: series, abilities: abilities)
            // The Window line above says over what; the rates say of what.
            lines.append(DetailLine(key: "Rates", value: rates.sentence()))
        }
        if abilities.opens, series.series["human_opened"] != nil, series.total("opened") != series.total("human_opened") + series.total("prefetch_opened") {
            lines.append(DetailLine(key: "", value: "opened is not human + machine opens here: the service counted them apart"))
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
