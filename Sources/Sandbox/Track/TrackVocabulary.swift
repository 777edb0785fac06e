/// What a Track v2 operation is about: its `type`.
enum EntityType: String, Sendable {
    case person, object, delivery
}

/// A Track v2 person operation's `action`.
enum PersonAction: String, Sendable {
    case identify, delete, suppress, unsuppress, merge, event, page, screen
    case addDevice = "add_device"
    case deleteDevice = "delete_device"
    case addRelationships = "add_relationships"
    case deleteRelationships = "delete_relationships"
}

/// A Track v2 object operation's `action`.
enum ObjectAction: String, Sendable {
    case identify, delete
    /// The spec's own example for an object (identified by `cio_object_id`); it identifies like `identify`.
    case identifyAnonymous = "identify_anonymous"
    case addRelationships = "add_relationships"
    case deleteRelationships = "delete_relationships"

    var identifies: Bool { self == .identify || self == .identifyAnonymous }
}

/// The delivery metrics the Track API takes (`type` delivery, `action` event), by `name`.
enum DeliveryEventName: String, Sendable {
    case opened, converted, delivered
}

/// What an activity write records: an event, or a page or screen view.
enum ActivityKind: String, Sendable {
    case event, page, screen
}

/// The Pipelines API's calls, each served at `/cdp/v1/<call>` and named by `type` in a batch.
enum PipelinesCall: String, Sendable, CaseIterable {
    case identify, track, page, screen, group, alias
}
