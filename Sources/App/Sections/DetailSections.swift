import CustomerIO
import Workspace

/// The names of the sections an opened item shows.
public enum DetailSections {
    public static let membership = "Membership"
    public static let usedBy = "Used by"
    public static let attributes = "Attributes"
    public static let identifiers = "Identifiers and devices"
    public static let segments = "Segments"
    public static let messages = "Messages"
    public static let activities = "Activities"
    public static let relationships = "Relationships"
    public static let subscriptions = "Subscription preferences"
    public static let journey = "Metrics"
    public static let actions = "Actions"
    public static let links = "Links"
    public static let triggers = "Triggers"
    public static let deliveries = "Deliveries"
    /// A delivery's archived body: loaded only when asked for (`b`), as the API allows 100 a day.
    public static let archivedBody = "Archived body"

    /// Sections that chart metrics over the window `w` chooses.
    static let followMetrics: Set<String> = [journey, actions, links]

    /// A person's profile, in the order it is shown. Attributes, segments and messages come first: they are what a
    /// lookup is for, and they load together.
    public static let profile = [attributes, segments, messages, identifiers, activities, relationships, subscriptions]
}

/// A person's key in routes and lists: `cio_id:…`, `id:…` or `email:…`, so a reference can load the person by the
/// identifier it has.
enum PersonKey {
    static func make(_ person: CustomerIdentifiers) -> String? {
        if let cio = person.cioID, !cio.isEmpty { return "cio_id:\(cio)" }
        if let id = person.id, !id.isEmpty { return "id:\(id)" }
        if let email = person.email, !email.isEmpty { return "email:\(email)" }
        return nil
    }

    /// The identifier and its type; a bare value is read as `IDType.guess` would.
    static func parse(_ key: String) -> (value: String, type: IDType) {
        if let colon = key.firstIndex(of: ":"), let type = IDType(parsing: String(key[..<colon])) {
            return (String(key[key.index(after: colon)...]), type)
        }
        return (key, IDType.guess(for: key))
    }
}

