/// The metric keys of the App API's series responses, in the order the vendor's examples list them.
enum Metric: Int, CaseIterable, Sendable {
    case attempted, sent, delivered, opened, humanOpened, prefetchOpened, clicked, humanClicked, prefetchClicked
    case converted, bounced, created, deferred, drafted, failed, spammed, suppressed, undeliverable
    case topicUnsubscribed, unsubscribed, http2xx, http3xx, http4xx, http5xx

    var key: String {
        switch self {
        case .attempted: "attempted"
        case .sent: "sent"
        case .delivered: "delivered"
        case .opened: "opened"
        case .humanOpened: "human_opened"
        case .prefetchOpened: "prefetch_opened"
        case .clicked: "clicked"
        case .humanClicked: "human_clicked"
        case .prefetchClicked: "prefetch_clicked"
        case .converted: "converted"
        case .bounced: "bounced"
        case .created: "created"
        case .deferred: "deferred"
        case .drafted: "drafted"
        case .failed: "failed"
        case .spammed: "spammed"
        case .suppressed: "suppressed"
        case .undeliverable: "undeliverable"
        case .topicUnsubscribed: "topic_unsubscribed"
        case .unsubscribed: "unsubscribed"
        case .http2xx: "2xx"
        case .http3xx: "3xx"
        case .http4xx: "4xx"
        case .http5xx: "5xx"
        }
    }

    var isWebhookStatus: Bool { self == .http2xx || self == .http3xx || self == .http4xx || self == .http5xx }
}

/// The per-delivery metric keys (metric → unix time reached), a different vocabulary from the series keys.
enum DeliveryMetric: UInt8, CaseIterable, Sendable {
    case created, attempted, drafted, sent, delivered, opened, humanOpened, prefetchOpened, clicked, humanClicked
    case prefetchClicked, converted, bounced, dropped, failed, spammed, undeliverable, unsubscribed

    var key: String {
        switch self {
        case .created: "created"
        case .attempted: "attempted"
        case .drafted: "drafted"
        case .sent: "sent"
        case .delivered: "delivered"
        case .opened: "opened"
        case .humanOpened: "human_opened"
        case .prefetchOpened: "prefetch_opened"
        case .clicked: "clicked"
        case .humanClicked: "human_clicked"
        case .prefetchClicked: "prefetch_clicked"
        case .converted: "converted"
        case .bounced: "bounced"
        case .dropped: "dropped"
        case .failed: "failed"
        case .spammed: "spammed"
        case .undeliverable: "undeliverable"
        case .unsubscribed: "unsubscribed"
        }
    }

    init?(key: String) {
        guard let found = DeliveryMetric.allCases.first(where: { $0.key == key }) else { return nil }
        self = found
    }
}
