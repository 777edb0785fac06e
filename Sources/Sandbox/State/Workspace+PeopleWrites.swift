/// Track and Pipelines writes to people, applied inside the workspace's lock so each one is atomic.
extension MutableWorkspace {
    /// What every write needs besides the workspace: the generated people and the moment it happens.
    struct WriteContext: Sendable {
        let customers: CustomerTable
        let now: Int
    }

    mutating func apply(_ operation: SandboxTrackOperation, _ context: WriteContext) throws(TrackProblem) {
        switch operation {
        case .identify(let ref, let update): try identify(ref, update, context)
        case .delete(let ref): if let row = lookup(ref, context) { remove(row, context) }
        case .suppress(let ref): suppress(ref, context)
        case .unsuppress(let ref): people.suppressions.removeAll { $0.blocks(ref) }
        case .merge(let primary, let secondary): try merge(primary, secondary, context)
        case .addDevice(let ref, let device): if let row = lookup(ref, context) { addDevice(device, to: row) }
        case .deleteDevice(let ref, let token): if let row = lookup(ref, context) { deleteDevice(token, of: row) }
        case .relate(let ref, let links, let add): if let row = lookup(ref, context) { relate(row, links, add: add, context) }
        case .activity(let ref, let input):
            if let row = lookup(ref, context) {
                people.record(
                    customer: Int32(row), type: input.type.rawValue, name: input.name, data: input.data, timestamp: input.timestamp ?? context.now, id: input.id
                )
            }
        case .anonymousActivity(let input, let anonymousID):
            people.anonymousEvents.append(AnonymousEvent(
                type: input.type.rawValue, name: input.name, anonymousID: anonymousID, data: input.data, timestamp: input.timestamp ?? context.now
            ))
        case .identifyObject(let ref, let attributes, let links): identifyObject(ref, attributes, links, context)
        case .deleteObject(let ref): deleteObject(ref, context)
        case .relateObject(let ref, let links, let add): relateObject(ref, links, add: add, context)
        case .accepted: break
        }
    }

    func directory(_ context: WriteContext) -> PeopleDirectory {
        PeopleDirectory(customers: context.customers, overlay: people)
    }

    func lookup(_ ref: PersonRef, _ context: WriteContext) -> Int? {
        directory(context).row(for: ref)
    }

    // MARK: identify

    private mutating func identify(_ ref: PersonRef, _ update: PersonUpdate, _ context: WriteContext) throws(TrackProblem) {
        var found = lookup(ref, context)
        if found == nil, !update.updateOnly, !people.isBlocked(ref) { found = create(ref, context) }
        guard let row = found else { return }
        let time = update.timestamp ?? context.now
        for change in update.attributes { set(change, on: row, at: time, context) }
        for (topic, subscribed) in update.topics { people.edits[Int32(row), default: PersonEdit()].topics[topic] = subscribed }
        if !update.links.isEmpty { relate(row, update.links, add: true, context) }
    }

    /// A new person for an identifier that matched nobody (a cio_id is the workspace's to give, so it creates no one).
    private mutating func create(_ ref: PersonRef, _ context: WriteContext) -> Int? {
        let row = context.customers.count + people.created.count
        let cioID = String(0xC100_0001 + people.created.count, radix: 16)
        switch ref {
        case .id(let id):
            people.created.append(CreatedPerson(id: id, cioID: cioID, createdAt: context.now))
            people.createdByID[id] = Int32(row)
        case .email(let email):
            people.created.append(CreatedPerson(id: nil, cioID: cioID, createdAt: context.now))
            people.edits[Int32(row), default: PersonEdit()].attributes["email"] = email
            people.reindexEmail(Int32(row), from: nil, to: email)
        case .cioID:
            return nil
        }
        people.createdByCioID[cioID] = Int32(row)
        return row
    }

    /// Sets or removes one attribute; `email`, `unsubscribed` and a created person's `id` change more than the list.
    mutating func set(_ change: AttributeChange, on row: Int, at time: Int, _ context: WriteContext) {
        let isCreated = row >= context.customers.count
        switch change.name {
        case "cio_id": return
        case "id":
            // Generated people keep their ids; a person created by email takes the first id given, if it is free.
            if isCreated, people.created[row - context.customers.count].id == nil, let id = change.value, lookup(.id(id), context) == nil {
                people.created[row - context.customers.count].id = id
                people.createdByID[id] = Int32(row)
            }
            return
        default: break
        }
        // Read before writing, and let the snapshot go, so the write changes the overlay in place.
        let (before, oldEmail) = { let snapshot = directory(context); return (snapshot.attribute(change.name, row), snapshot.email(row)) }()
        var edit = people.edits.removeValue(forKey: Int32(row)) ?? PersonEdit()
        if let value = change.value {
            edit.attributes[change.name] = value
            edit.removed.remove(change.name)
        } else {
            edit.attributes[change.name] = nil
            edit.removed.insert(change.name)
        }
        edit.times[change.name] = time
        if change.name == "unsubscribed" { edit.unsubscribed = change.value == "true" }
        people.edits[Int32(row)] = edit
        if change.name == "email" {
            people.reindexEmail(Int32(row), from: oldEmail, to: change.value)
            if !isCreated { people.emailOverridden.insert(Int32(row)) }
        }
        if before != change.value {
            let data = SandboxJSON.obj([(change.name, .obj(["from": .string(before ?? ""), "to": .string(change.value ?? "")]))])
            people.record(customer: Int32(row), type: "attribute_change", name: nil, data: data, timestamp: time)
            // A filter may read it: segments and searches are worked out again (a plan changed moves them).
            people.removalVersion += 1
            membershipVersion += 1
        }
    }

    // MARK: leaving

    /// Takes a person out of the workspace: reads answer 404, segments and searches leave them out.
    mutating func remove(_ row: Int, _ context: WriteContext) {
        let (id, cioID, email) = { let snapshot = directory(context); return (snapshot.id(row), snapshot.cioID(row), snapshot.email(row)) }()
        guard people.removed.insert(Int32(row)).inserted else { return }
        let isCreated = row >= context.customers.count
        if isCreated {
            if let id { people.createdByID[id] = nil }
            people.createdByCioID[cioID] = nil
        }
        if isCreated || people.emailOverridden.contains(Int32(row)) {
            people.reindexEmail(Int32(row), from: email, to: nil)
        }
        people.objects.unlinkAll(Int32(row))
        people.removalVersion += 1
        membershipVersion += 1
    }

    /// Deletes the person and blocks their identifiers, so a later identify creates no one until an unsuppress.
    private mutating func suppress(_ ref: PersonRef, _ context: WriteContext) {
        guard let row = lookup(ref, context) else {
            switch ref {
            case .id(let id): people.suppressions.append(Suppression(id: id, email: nil))
            case .email(let email): people.suppressions.append(Suppression(id: nil, email: email))
            case .cioID: break
            }
            return
        }
        let (id, email) = { let snapshot = directory(context); return (snapshot.id(row), snapshot.email(row)) }()
        people.suppressions.append(Suppression(id: id, email: email))
        remove(row, context)
    }

    // MARK: devices

    private mutating func addDevice(_ device: TrackedDevice, to row: Int) {
        var edit = people.edits[Int32(row)] ?? PersonEdit()
        edit.devices.removeAll { $0.token == device.token }
        edit.devices.append(device)
        people.edits[Int32(row)] = edit
    }

    private mutating func deleteDevice(_ token: String, of row: Int) {
        var edit = people.edits[Int32(row)] ?? PersonEdit()
        edit.devices.removeAll { $0.token == token }
        edit.removedDevices.insert(token)
        people.edits[Int32(row)] = edit
    }
}
