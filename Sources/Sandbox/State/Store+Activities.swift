/// Activity feeds: generated events and page/screen views merged with activities derived from deliveries and those tracked through the Track and Pipelines APIs.
extension SandboxWorkspace {
    /// One entry of a feed.
    enum ActivityItem: Sendable {
        /// A generated activity, and whose it is now (the person it was generated for, or whom they merged into).
        case recorded(ActivityRecord, position: Int, owner: Int32)
        case message(DeliveryRecord)
        /// An activity recorded through the Track or Pipelines API.
        case tracked(TrackedActivity)

        var timestamp: Int {
            switch self {
            case .recorded(let activity, _, _): activity.timestamp
            case .message(let delivery): delivery.created
            case .tracked(let activity): activity.timestamp
            }
        }

        var customer: Int32 {
            switch self {
            case .recorded(_, _, let owner): owner
            case .message(let delivery): delivery.customer
            case .tracked(let activity): activity.customer
            }
        }

        /// The vendor's activity type, e.g. `event`, `page`, `attribute_change`, `sent_email`, `failed_twilio`.
        var type: String {
            switch self {
            case .recorded(let activity, _, _):
                switch activity.kind {
                case .event: return "event"
                case .page: return "page"
                case .screen: return "screen"
                case .attributeChange: return "attribute_change"
                }
            case .message(let delivery):
                let verb = delivery.reached(.failed) != nil ? "failed" : delivery.reached(.drafted) != nil ? "drafted" : "sent"
                return "\(verb)_\(delivery.type)"
            case .tracked(let activity):
                return activity.type
            }
        }

        /// Event, page or screen name (nil for messages and attribute changes).
        var name: String? {
            switch self {
            case .recorded(let activity, _, _):
                let index = Int(activity.nameIndex)
                switch activity.kind {
                case .event: return ActivityGenerator.eventNames[index]
                case .page: return ActivityGenerator.pageURLs[index]
                case .screen: return ActivityGenerator.screenNames[index]
                case .attributeChange: return nil
                }
            case .message: return nil
            case .tracked(let activity): return activity.name
            }
        }
    }

    /// A page of a feed, newest first: everyone's, or one person's.
    func activityPage(customer: Int32?, type: String?, name: String?, offset: Int, limit: Int) -> (items: [ActivityItem], more: Bool) {
        processDueTriggers()
        return state.withLock { state in
            let people = state.people
            var feed = FeedMerge(
                recorded: recordedPositions(customer, people),
                messages: customer.map { state.deliveriesByCustomer[$0] ?? [] } ?? Array(state.deliveries.indices),
                tracked: customer.map { people.activitiesByCustomer[$0] ?? [] } ?? people.activityOrder
            )
            var skipped = 0
            var items: [ActivityItem] = []
            while let item = feed.next(data.activities, state.deliveries, people) {
                if let type, item.type != type { continue }
                if let name, item.name != name { continue }
                if skipped < offset { skipped += 1; continue }
                if items.count == limit { return (items, true) }
                items.append(item)
            }
            return (items, false)
        }
    }

    /// Positions of the generated activities in a feed, oldest first: everyone's, or a person's with those of the
    /// people merged into them.
    private func recordedPositions(_ customer: Int32?, _ people: PeopleOverlay) -> [Int] {
        guard let customer else { return Array(data.activities.indices) }
        let own = activityIndex[customer] ?? []
        guard let absorbed = people.absorbed[customer] else { return own }
        return (own + absorbed.flatMap { activityIndex[$0] ?? [] }).sorted()
    }
}

/// Walks three time-ordered lists (generated activities, deliveries, tracked activities) from their ends, newest first.
private struct FeedMerge {
    let recorded: [Int]
    let messages: [Int]
    let tracked: [Int]
    private var i: Int
    private var j: Int
    private var k: Int

    init(recorded: [Int], messages: [Int], tracked: [Int]) {
        self.recorded = recorded
        self.messages = messages
        self.tracked = tracked
        i = recorded.count - 1
        j = messages.count - 1
        k = tracked.count - 1
    }

    mutating func next(_ activities: [ActivityRecord], _ deliveries: [DeliveryRecord], _ people: PeopleOverlay) -> SandboxWorkspace.ActivityItem? {
        let left = i >= 0 ? activities[recorded[i]].timestamp : Int.min
        let middle = j >= 0 ? deliveries[messages[j]].created : Int.min
        let right = k >= 0 ? people.activities[tracked[k]].timestamp : Int.min
        // On a tie the newest source wins: what was tracked here, then generated activity, then messages.
        if k >= 0, right >= left, right >= middle {
            k -= 1
            return .tracked(people.activities[tracked[k + 1]])
        }
        if i >= 0, left >= middle {
            let activity = activities[recorded[i]]
            i -= 1
            return .recorded(activity, position: recorded[i + 1], owner: people.owner(of: activity.customer))
        }
        guard j >= 0 else { return nil }
        j -= 1
        return .message(deliveries[messages[j + 1]])
    }
}
