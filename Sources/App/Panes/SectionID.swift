/// A section of an opened item, as it travels through effects, answers and the detail's state; its heading is
/// derived (`title`) and never read back.
public enum SectionID: String, Sendable, Hashable, CaseIterable {
    case reachability, membership, usedBy, attributes, identifiers, segments, messages, activities, relationships, subscriptions
    case metrics, actions, links, triggers, deliveries, archivedBody, content, people

    /// The heading the detail shows above the section.
    public var title: String {
        switch self {
        case .reachability: "Reachability"
        case .membership: "Membership"
        case .usedBy: "Used by"
        case .attributes: "Attributes"
        case .identifiers: "Identifiers and devices"
        case .segments: "Segments"
        case .messages: "Messages"
        case .activities: "Activities"
        case .relationships: "Relationships"
        case .subscriptions: "Subscription preferences"
        case .metrics: "Metrics"
        case .actions: "Actions"
        case .links: "Links"
        case .triggers: "Triggers"
        case .deliveries: "Deliveries"
        // Loaded only when asked for (`b`): the API allows 100 a day.
        case .archivedBody: "Archived body"
        case .content: "Content"
        case .people: "People"
        }
    }

    /// Whether the section charts metrics over the window `w` chooses (and so is stale once the window changes).
    public var followsMetrics: Bool { self == .metrics || self == .actions || self == .links }
}
