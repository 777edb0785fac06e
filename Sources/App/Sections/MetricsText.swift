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
