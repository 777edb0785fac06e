/// One object, named by its type and object id (generated ones too: `acct_3` of type 1).
struct ObjectKey: Hashable, Sendable {
    let type: Int
    let id: String

    init(type: Int, id: String) {
        self.type = type
        self.id = id
    }

    init(_ object: SandboxObjects.Object) {
        self.init(type: object.type, id: SandboxObjects.objectID(object))
    }
}

/// A relationship between an object and a person.
struct ObjectLinkKey: Hashable, Sendable {
    let object: ObjectKey
    let person: Int32
}

/// What the Track and Pipelines APIs changed about one object.
struct ObjectEdit: Sendable {
    var cioObjectID: String
    var attributes: [String: String] = [:]
    var removed: Set<String> = []
    var deleted = false
    /// Set once a generated object was deleted: identified again, it starts afresh, without its generated
    /// attributes and people.
    var hidesGenerated = false
    var updatedAt: Int
}

/// Objects and relationships changed through the Track and Pipelines APIs, layered over the generated ones.
struct ObjectOverlay: Sendable {
    var edits: [ObjectKey: ObjectEdit] = [:]
    var byCioObjectID: [String: ObjectKey] = [:]
    /// Relationships added: object → person → relationship attributes.
    var links: [ObjectKey: [Int32: [String: String]]] = [:]
    /// The objects each person was related to here.
    var linksByPerson: [Int32: Set<ObjectKey>] = [:]
    /// Generated relationships that were deleted.
    var unlinked: Set<ObjectLinkKey> = []
    var createdCount = 0

    var isEmpty: Bool { edits.isEmpty && links.isEmpty && unlinked.isEmpty }

    mutating func link(_ object: ObjectKey, _ person: Int32, attributes: [String: String]) {
        links[object, default: [:]][person, default: [:]].merge(attributes) { $1 }
        linksByPerson[person, default: []].insert(object)
        unlinked.remove(ObjectLinkKey(object: object, person: person))
    }

    mutating func unlink(_ object: ObjectKey, _ person: Int32) {
        links[object]?[person] = nil
        if links[object]?.isEmpty == true { links[object] = nil }
        linksByPerson[person]?.remove(object)
        if linksByPerson[person]?.isEmpty == true { linksByPerson[person] = nil }
        unlinked.insert(ObjectLinkKey(object: object, person: person))
    }

    /// Forgets every relationship a person has here (they left the workspace).
    mutating func unlinkAll(_ person: Int32) {
        for object in linksByPerson[person] ?? [] {
            links[object]?[person] = nil
            if links[object]?.isEmpty == true { links[object] = nil }
        }
        linksByPerson[person] = nil
    }
}
