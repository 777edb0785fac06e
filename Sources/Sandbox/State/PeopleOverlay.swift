/// How a write names one person: exactly one of the three identifiers the Track API accepts.
enum PersonRef: Hashable, Sendable {
    case id(String)
    case email(String)
    case cioID(String)

    /// The identifier's name as the APIs spell it (`id`, `email`, `cio_id`).
    var idType: String {
        switch self {
        case .id: "id"
        case .email: "email"
        case .cioID: "cio_id"
        }
    }

    var value: String {
        switch self {
        case .id(let value), .email(let value), .cioID(let value): value
        }
    }

    /// Track v1 paths name a person by one value and leave its kind to its shape: an `@` makes it an email, a `cio_`
    /// prefix a cio_id, anything else an id.
    static func guessed(from value: String) -> PersonRef {
        if value.contains("@") { return .email(value) }
        if value.hasPrefix("cio_") { return .cioID(String(value.dropFirst(4))) }
        return .id(value)
    }
}

/// A push device added or updated through the Track API.
struct TrackedDevice: Sendable, Equatable {
    let token: String
    let platform: String
    var lastUsed: Int
}

/// What the Track and Pipelines APIs changed about one person, generated or created.
struct PersonEdit: Sendable {
    /// Attributes set, as the App API shows them (every value a string).
    var attributes: [String: String] = [:]
    /// Attributes removed (a null or empty value).
    var removed: Set<String> = []
    /// When each changed attribute was set.
    var times: [String: Int] = [:]
    var unsubscribed: Bool?
    /// Topic preferences by `topic_<n>`.
    var topics: [String: Bool] = [:]
    /// Devices added or updated, newest last.
    var devices: [TrackedDevice] = []
    /// Tokens of generated devices that were deleted.
    var removedDevices: Set<String> = []

    /// Whether it changes anything a filter reads (attributes, or the subscription), not only devices or topics.
    var touchesAttributes: Bool { !attributes.isEmpty || !removed.isEmpty || unsubscribed != nil }

    /// The email this edit gives the person: `.some(nil)` when it was removed, nil when untouched.
    var email: String?? {
        if let email = attributes["email"] { return .some(email) }
        return removed.contains("email") ? .some(nil) : nil
    }
}

/// A person an identify created because its identifier matched nobody.
struct CreatedPerson: Sendable {
    var id: String?
    let cioID: String
    let createdAt: Int
}

/// An event, page or screen view or attribute change recorded through the Track or Pipelines API.
struct TrackedActivity: Sendable {
    /// Position in `PeopleOverlay.activities`: the activity's stable identity.
    let seq: Int
    var customer: Int32
    /// The vendor's activity type: `event`, `page`, `screen` or `attribute_change`.
    let type: String
    let name: String?
    let data: SandboxJSON
    let timestamp: Int
    /// The id the caller gave it, if any.
    let id: String?
}

/// An event sent without a person (`POST /api/v1/events`): kept, but it changes no one.
struct AnonymousEvent: Sendable {
    let type: String
    let name: String
    let anonymousID: String?
    let data: SandboxJSON
    let timestamp: Int
}

/// The identifiers a suppression blocks: a later identify naming either creates no one.
struct Suppression: Sendable {
    let id: String?
    let email: String?

    func blocks(_ ref: PersonRef) -> Bool {
        switch ref {
        case .id(let value): id == value
        case .email(let value): email?.lowercased() == value.lowercased()
        case .cioID: false
        }
    }
}

/// Everything the Track and Pipelines APIs changed about people, layered over the generated table. Empty until the
/// first write, and every reader checks the cheap empty case first, so a million generated people cost nothing more.
/// Rows at or above the table's count are people created here: row `count + i` is `created[i]`.
struct PeopleOverlay: Sendable {
    var edits: [Int32: PersonEdit] = [:]
    /// Rows that left: deleted, suppressed or merged into someone else.
    var removed: Set<Int32> = []
    /// Bumped whenever someone leaves or an attribute a filter may read changes, so cached memberships and searches
    /// are worked out again.
    var removalVersion = 0
    var created: [CreatedPerson] = []
    /// Live created people by id and cio_id (a removed one leaves these).
    var createdByID: [String: Int32] = [:]
    var createdByCioID: [String: Int32] = [:]
    /// Live people whose email the overlay sets (created ones, and generated ones whose email changed), by lowercased
    /// email; `emailOverridden` are the generated rows among them and those whose email was removed.
    var emailRows: [String: [Int32]] = [:]
    var emailOverridden: Set<Int32> = []
    var suppressions: [Suppression] = []
    var activities: [TrackedActivity] = []
    /// Positions in `activities`, oldest first, for everyone and per person.
    var activityOrder: [Int] = []
    var activitiesByCustomer: [Int32: [Int]] = [:]
    var anonymousEvents: [AnonymousEvent] = []
    /// Merges: who each merged-away person went into, and whom each person took in.
    var mergedInto: [Int32: Int32] = [:]
    var absorbed: [Int32: [Int32]] = [:]
    var objects = ObjectOverlay()

    /// Whether no person was changed, created or removed (activities and objects aside): the readers' fast path.
    var isEmpty: Bool { edits.isEmpty && removed.isEmpty && created.isEmpty }

    /// Who owns what a person did: themselves, or whoever they were merged into.
    func owner(of row: Int32) -> Int32 {
        guard !mergedInto.isEmpty else { return row }
        var current = row
        while let next = mergedInto[current] { current = next }
        return current
    }

    func isBlocked(_ ref: PersonRef) -> Bool {
        suppressions.contains { $0.blocks(ref) }
    }

    /// Records an activity, keeping both orders sorted by time (then arrival).
    mutating func record(customer: Int32, type: String, name: String?, data: SandboxJSON, timestamp: Int, id: String? = nil) {
        let activity = TrackedActivity(seq: activities.count, customer: customer, type: type, name: name, data: data, timestamp: timestamp, id: id)
        activities.append(activity)
        Self.insert(activity.seq, into: &activityOrder, of: activities)
        Self.insert(activity.seq, into: &activitiesByCustomer[customer, default: []], of: activities)
    }

    /// Inserts a position where its activity's time belongs (after any of the same time).
    static func insert(_ seq: Int, into list: inout [Int], of activities: [TrackedActivity]) {
        let time = activities[seq].timestamp
        var low = 0
        var high = list.count
        while low < high {
            let middle = (low + high) / 2
            if activities[list[middle]].timestamp <= time { low = middle + 1 } else { high = middle }
        }
        list.insert(seq, at: low)
    }

    /// Moves the email index entry of `row` from its old address to its new one.
    mutating func reindexEmail(_ row: Int32, from old: String?, to new: String?) {
        if let old = old?.lowercased() {
            emailRows[old]?.removeAll { $0 == row }
            if emailRows[old]?.isEmpty == true { emailRows[old] = nil }
        }
        if let new = new?.lowercased() {
            var rows = emailRows[new] ?? []
            rows.append(row)
            emailRows[new] = rows.sorted()
        }
    }
}
