/// One write the Track or Pipelines API asked for, already validated: what the store applies.
enum SandboxTrackOperation: Sendable {
    case identify(PersonRef, PersonUpdate)
    case delete(PersonRef)
    case suppress(PersonRef)
    case unsuppress(PersonRef)
    case merge(primary: PersonRef, secondary: PersonRef)
    case addDevice(PersonRef, TrackedDevice)
    case deleteDevice(PersonRef, token: String)
    case relate(PersonRef, [ObjectLink], add: Bool)
    case activity(PersonRef, ActivityInput)
    case anonymousActivity(ActivityInput, anonymousID: String?)
    case identifyObject(ObjectRef, attributes: [AttributeChange], people: [PersonLink])
    case deleteObject(ObjectRef)
    case relateObject(ObjectRef, [PersonLink], add: Bool)
    /// Accepted, and nothing in the workspace shows it (a delivery metric, a Pipelines alias).
    case accepted
}

/// An attribute to set, or to remove (`value` nil: the request sent null or an empty string).
struct AttributeChange: Sendable, Equatable {
    let name: String
    let value: String?
}

/// What an identify changes.
struct PersonUpdate: Sendable {
    var attributes: [AttributeChange] = []
    /// `_update`: change only someone who exists, never create.
    var updateOnly = false
    /// Topic preferences by `topic_<n>`.
    var topics: [(String, Bool)] = []
    var timestamp: Int?
    var links: [ObjectLink] = []
}

/// How a write names an object: by type and object id, or by its `cio_object_id`.
enum ObjectRef: Sendable, Hashable {
    case key(ObjectKey)
    case cio(String)
}

/// A relationship to an object, as a person's write names it.
struct ObjectLink: Sendable {
    let object: ObjectRef
    let attributes: [String: String]
}

/// A relationship to a person, as an object's write names it.
struct PersonLink: Sendable {
    let person: PersonRef
    let attributes: [String: String]
}

/// An event, page or screen view to record.
struct ActivityInput: Sendable {
    let type: ActivityKind
    let name: String
    let data: SandboxJSON
    let timestamp: Int?
    /// The caller's own id for it (a ULID), which the activity then keeps.
    var id: String?
}

/// Why one operation was refused, in the Track v2 error's terms.
struct TrackProblem: Error, Sendable, Equatable {
    let reason: String
    let field: String
    let message: String

    static func required(_ field: String) -> TrackProblem {
        TrackProblem(reason: "required", field: field, message: "\(field) is required")
    }

    static func type(_ field: String, _ expected: String) -> TrackProblem {
        TrackProblem(reason: "invalid_type", field: field, message: "\(field) must be \(expected)")
    }

    static func value(_ field: String, _ message: String) -> TrackProblem {
        TrackProblem(reason: "invalid_value", field: field, message: message)
    }

    static func tooLong(_ field: String, _ limit: Int, _ actual: Int) -> TrackProblem {
        TrackProblem(reason: "too_long", field: field, message: "\(field) is \(actual) bytes; the limit is \(limit)")
    }

    static func tooLarge(_ field: String, _ message: String) -> TrackProblem {
        TrackProblem(reason: "too_large", field: field, message: message)
    }
}
