/// Merging two people, as Customer.io documents it: the primary keeps its own values and takes what it lacks from the
/// secondary, their messages, activities and devices; then the secondary is gone.
extension MutableWorkspace {
    mutating func merge(_ primary: PersonRef, _ secondary: PersonRef, _ context: WriteContext) throws(TrackProblem) {
        guard let kept = lookup(primary, context) else {
            throw TrackProblem(reason: "not_found", field: "primary", message: "no person matches primary \(primary.idType) \(primary.value)")
        }
        guard let gone = lookup(secondary, context), gone != kept else { return }
        fillAttributes(of: kept, from: gone, context)
        moveDevices(from: gone, to: kept, context)
        moveDeliveries(from: Int32(gone), to: Int32(kept))
        moveActivities(from: Int32(gone), to: Int32(kept))
        remove(gone, context)
        people.mergedInto[Int32(gone)] = Int32(kept)
        people.absorbed[Int32(kept), default: []] += [Int32(gone)] + (people.absorbed.removeValue(forKey: Int32(gone)) ?? [])
    }

    /// The secondary's attributes and topic preferences fill those the primary has no value for.
    private mutating func fillAttributes(of kept: Int, from gone: Int, _ context: WriteContext) {
        let (missing, topics) = {
            let snapshot = directory(context)
            let present = Set(snapshot.attributes(kept).map(\.key))
            let missing = snapshot.attributes(gone).filter { !present.contains($0.key) && $0.key != "id" && $0.key != "cio_id" }
            let keptTopics = people.edits[Int32(kept)]?.topics ?? [:]
            return (missing, (people.edits[Int32(gone)]?.topics ?? [:]).filter { keptTopics[$0.key] == nil })
        }()
        for (key, value) in missing { set(AttributeChange(name: key, value: value), on: kept, at: context.now, context) }
        for (topic, subscribed) in topics { people.edits[Int32(kept), default: PersonEdit()].topics[topic] = subscribed }
    }

    private mutating func moveDevices(from gone: Int, to kept: Int, _ context: WriteContext) {
        let (theirs, mine) = { let snapshot = directory(context); return (snapshot.devices(gone), Set(snapshot.devices(kept).map(\.token))) }()
        let moving = theirs.filter { !mine.contains($0.token) }
        guard !moving.isEmpty else { return }
        people.edits[Int32(kept), default: PersonEdit()].devices += moving
    }

    private mutating func moveDeliveries(from gone: Int32, to kept: Int32) {
        guard let moving = deliveriesByCustomer.removeValue(forKey: gone) else { return }
        for index in moving { deliveries[index].customer = kept }
        // Positions are in creation order, which is the order the feeds read them in.
        deliveriesByCustomer[kept] = ((deliveriesByCustomer[kept] ?? []) + moving).sorted()
    }

    /// Activities recorded here change hands; the generated ones are followed through `absorbed` when read.
    private mutating func moveActivities(from gone: Int32, to kept: Int32) {
        guard let moving = people.activitiesByCustomer.removeValue(forKey: gone) else { return }
        for seq in moving { people.activities[seq].customer = kept }
        var combined = people.activitiesByCustomer[kept] ?? []
        for seq in moving { PeopleOverlay.insert(seq, into: &combined, of: people.activities) }
        people.activitiesByCustomer[kept] = combined
    }
}
