/// Track and Pipelines writes to objects and relationships, applied inside the workspace's lock.
extension MutableWorkspace {
    /// Relates a person to objects, or stops relating them; adding a relationship to an object that does not exist
    /// yet creates it, as the Track API does.
    mutating func relate(_ row: Int, _ links: [ObjectLink], add: Bool, _ context: WriteContext) {
        for link in links {
            guard let key = objectKey(link.object, creating: add, context) else { continue }
            if add {
                people.objects.link(key, Int32(row), attributes: link.attributes)
            } else {
                people.objects.unlink(key, Int32(row))
            }
        }
    }

    mutating func identifyObject(_ ref: ObjectRef, _ attributes: [AttributeChange], _ links: [PersonLink], _ context: WriteContext) {
        guard let key = objectKey(ref, creating: true, context) else { return }
        var edit = people.objects.edits.removeValue(forKey: key) ?? ObjectEdit(cioObjectID: cioObjectID(of: key, context), updatedAt: context.now)
        for change in attributes {
            if let value = change.value {
                edit.attributes[change.name] = value
                edit.removed.remove(change.name)
            } else {
                edit.attributes[change.name] = nil
                edit.removed.insert(change.name)
            }
        }
        edit.updatedAt = context.now
        people.objects.edits[key] = edit
        relateObject(.key(key), links, add: true, context)
    }

    mutating func deleteObject(_ ref: ObjectRef, _ context: WriteContext) {
        guard let key = objectKey(ref, creating: false, context) else { return }
        let generated = SandboxObjects.generated(type: key.type, id: key.id) != nil
        var edit = people.objects.edits.removeValue(forKey: key) ?? ObjectEdit(cioObjectID: cioObjectID(of: key, context), updatedAt: context.now)
        edit.deleted = true
        edit.hidesGenerated = edit.hidesGenerated || generated
        edit.attributes = [:]
        edit.removed = []
        edit.updatedAt = context.now
        people.objects.edits[key] = edit
        for person in (people.objects.links.removeValue(forKey: key) ?? [:]).keys {
            people.objects.linksByPerson[person]?.remove(key)
            if people.objects.linksByPerson[person]?.isEmpty == true { people.objects.linksByPerson[person] = nil }
        }
    }

    mutating func relateObject(_ ref: ObjectRef, _ links: [PersonLink], add: Bool, _ context: WriteContext) {
        guard let key = objectKey(ref, creating: add, context) else { return }
        for link in links {
            guard let row = lookup(link.person, context) else { continue }
            if add {
                people.objects.link(key, Int32(row), attributes: link.attributes)
            } else {
                people.objects.unlink(key, Int32(row))
            }
        }
    }

    /// The key of the live object a write names; with `creating`, an object named by type and id that does not exist
    /// (or was deleted) is made, empty. A `cio_object_id` is the workspace's to give, so it names only existing objects.
    private mutating func objectKey(_ ref: ObjectRef, creating: Bool, _ context: WriteContext) -> ObjectKey? {
        switch ref {
        case .cio(let cioObjectID):
            return directory(context).object(cioObjectID: cioObjectID)?.key
        case .key(let key):
            if directory(context).object(key) != nil { return key }
            guard creating else { return nil }
            var edit = people.objects.edits.removeValue(forKey: key) ?? ObjectEdit(cioObjectID: cioObjectID(of: key, context), updatedAt: context.now)
            edit.deleted = false
            edit.updatedAt = context.now
            people.objects.edits[key] = edit
            people.objects.byCioObjectID[edit.cioObjectID] = key
            return key
        }
    }

    /// A generated object keeps its cio_object_id; a new one gets the next unused one.
    private mutating func cioObjectID(of key: ObjectKey, _ context: WriteContext) -> String {
        if let generated = SandboxObjects.generated(type: key.type, id: key.id) { return SandboxObjects.cioObjectID(generated) }
        people.objects.createdCount += 1
        return String(0xC300_0000 + people.objects.createdCount, radix: 16)
    }
}
