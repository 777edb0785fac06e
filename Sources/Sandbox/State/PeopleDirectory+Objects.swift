/// An object as the App API shows it: generated, edited or created here.
struct ObjectView: Sendable {
    let key: ObjectKey
    let cioObjectID: String
    let attributes: [String: String]
    /// The generated object behind it, while its generated people still count.
    let generated: SandboxObjects.Object?
    let updatedAt: Int?
}

/// One of a person's relationships, with its attributes.
struct RelationshipView: Sendable {
    let object: ObjectView
    let attributes: [(key: String, value: String)]
    let time: Int
}

/// Objects and relationships read through the overlay.
extension PeopleDirectory {
    private var objectOverlay: ObjectOverlay { overlay.objects }

    /// The live object a key names (nil when it never existed or was deleted).
    func object(_ key: ObjectKey) -> ObjectView? {
        let edit = objectOverlay.edits[key]
        if edit?.deleted == true { return nil }
        let generated = SandboxObjects.generated(type: key.type, id: key.id)
        guard let cioObjectID = edit?.cioObjectID ?? generated.map(SandboxObjects.cioObjectID) else { return nil }
        let base = edit?.hidesGenerated == true ? nil : generated
        var attributes = base.map(SandboxObjects.attributes) ?? [:]
        if let edit {
            for key in edit.removed { attributes[key] = nil }
            attributes.merge(edit.attributes) { $1 }
        }
        return ObjectView(key: key, cioObjectID: cioObjectID, attributes: attributes, generated: base, updatedAt: edit?.updatedAt)
    }

    func object(cioObjectID: String) -> ObjectView? {
        if let key = objectOverlay.byCioObjectID[cioObjectID.lowercased()] { return object(key) }
        return SandboxObjects.generated(cioObjectID: cioObjectID).flatMap { object(ObjectKey($0)) }
    }

    /// Every live object of a type: the generated ones in order, then those created here by id.
    func objects(type: Int) -> [ObjectView] {
        let generated = SandboxObjects.all(type: type)
        guard !objectOverlay.edits.isEmpty else {
            return generated.map { ObjectView(key: ObjectKey($0), cioObjectID: SandboxObjects.cioObjectID($0), attributes: SandboxObjects.attributes($0), generated: $0, updatedAt: nil) }
        }
        let created = objectOverlay.edits.keys.filter { $0.type == type && SandboxObjects.generated(type: type, id: $0.id) == nil }
        return (generated.map(ObjectKey.init) + created.sorted { $0.id < $1.id }).compactMap(object)
    }

    /// An object's live people in row order: its generated ones still related, and those related here.
    func people(of object: ObjectView, index: [SandboxObjects.Object: [Int32]]) -> [Int32] {
        let base = object.generated.map { index[$0] ?? [] } ?? []
        guard !overlay.isEmpty || !objectOverlay.isEmpty else { return base }
        let kept = base.filter { isLive(Int($0)) && !objectOverlay.unlinked.contains(ObjectLinkKey(object: object.key, person: $0)) }
        let added = (objectOverlay.links[object.key] ?? [:]).keys.filter { isLive(Int($0)) }
        return added.isEmpty ? kept : Array(Set(kept).union(added)).sorted()
    }

    /// A person's relationships: the generated ones still there, then those added here.
    func relationships(_ row: Int) -> [RelationshipView] {
        var found: [RelationshipView] = []
        var seen = Set<ObjectKey>()
        if !isCreated(row) {
            for generated in SandboxObjects.related(customers, row) {
                let key = ObjectKey(generated)
                guard !objectOverlay.unlinked.contains(ObjectLinkKey(object: key, person: Int32(row))),
                      let object = object(key), object.generated != nil else { continue }
                seen.insert(key)
                let added = objectOverlay.links[key]?[Int32(row)] ?? [:]
                found.append(RelationshipView(object: object, attributes: generatedAttributes(generated, row, added), time: createdAt(row)))
            }
        }
        for key in (objectOverlay.linksByPerson[Int32(row)] ?? []).sorted(by: { ($0.type, $0.id) < ($1.type, $1.id) }) where !seen.contains(key) {
            guard let object = object(key) else { continue }
            let attributes = (objectOverlay.links[key]?[Int32(row)] ?? [:]).sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value) }
            found.append(RelationshipView(object: object, attributes: attributes, time: object.updatedAt ?? createdAt(row)))
        }
        return found
    }

    /// A generated relationship's attributes (the object's name, and a role on accounts), with any set here on top.
    private func generatedAttributes(_ object: SandboxObjects.Object, _ row: Int, _ added: [String: String]) -> [(key: String, value: String)] {
        var attributes: [(key: String, value: String)] = [("name", SandboxObjects.name(object))]
        if object.type == 1 { attributes.append(("role", SandboxObjects.hash(customers, row) % 5 == 0 ? "admin" : "member")) }
        attributes = attributes.map { ($0.key, added[$0.key] ?? $0.value) }
        for key in added.keys.sorted() where !attributes.contains(where: { $0.key == key }) { attributes.append((key, added[key]!)) }
        return attributes
    }
}
