/// Activity feeds: generated events and page/screen views merged with activities derived from deliveries.
extension WorkspaceStore {
    /// One entry of a feed.
    enum ActivityItem: Sendable {
        case recorded(ActivityRecord, position: Int)
        case message(DeliveryRecord)

        var timestamp: Int {
            switch self {
            case .recorded(let activity, _): activity.timestamp
            case .message(let delivery): delivery.created
            }
        }

        var customer: Int32 {
            switch self {
            case .recorded(let activity, _): activity.customer
            case .message(let delivery): delivery.customer
            }
        }

        /// The vendor's activity type, e.g. `event`, `page`, `attribute_change`, `sent_email`, `failed_twilio`.
        var type: String {
            switch self {
            case .recorded(let activity, _):
                switch activity.kind {
                case .event: return "event"
                case .page: return "page"
                case .screen: return "screen"
                case .attributeChange: return "attribute_change"
                }
            case .message(let delivery):
                let verb = delivery.reached(.failed) != nil ? "failed" : delivery.reached(.drafted) != nil ? "drafted" : "sent"
                return "\(verb)_\(delivery.type)"
            }
        }

        /// Event, page or screen name (nil for messages and attribute changes).
        var name: String? {
            guard case .recorded(let activity, _) = self else { return nil }
            let index = Int(activity.nameIndex)
            switch activity.kind {
            case .event: return ActivityGenerator.eventNames[index]
            case .page: return ActivityGenerator.pageURLs[index]
            case .screen: return ActivityGenerator.screenNames[index]
            case .attributeChange: return nil
            }
        }
    }

    /// A page of a feed, newest first: everyone's, or one person's.
    func activityPage(customer: Int32?, type: String?, name: String?, offset: Int, limit: Int) -> (items: [ActivityItem], more: Bool) {
        processDueTriggers()
        let recorded = customer.map { activityIndex[$0] ?? [] } ?? Array(data.activities.indices)
        return state.withLock { state in
            let messages = customer.map { state.deliveriesByCustomer[$0] ?? [] } ?? Array(state.deliveries.indices)
            var i = recorded.count - 1
            var j = messages.count - 1
            var skipped = 0
            var items: [ActivityItem] = []
            while i >= 0 || j >= 0 {
                let item: ActivityItem
                let left = i >= 0 ? data.activities[recorded[i]] : nil
                let right = j >= 0 ? state.deliveries[messages[j]] : nil
                if let left, right == nil || left.timestamp >= right!.created {
                    item = .recorded(left, position: recorded[i])
                    i -= 1
                } else {
                    item = .message(right!)
                    j -= 1
                }
                if let type, item.type != type { continue }
                if let name, item.name != name { continue }
                if skipped < offset { skipped += 1; continue }
                if items.count == limit { return (items, true) }
                items.append(item)
            }
            return (items, false)
        }
    }
}
