import CustomerIO
import Synchronization

/// The live workspace: the generated dataset plus everything that changed since the server started (new
/// deliveries, triggers, exports, segment edits). All mutable state sits behind one `Mutex`; slow work (filter
/// evaluation over a million people) happens outside it on snapshots, and its results are cached.
final class SandboxWorkspace: Sendable {
    let data: SandboxDataset
    let clock: SandboxClock
    let exportSeconds: Double
    /// When set, an export is done once the export list has shown it this many times, whatever the time.
    let exportListings: Int?
    let state: Mutex<MutableWorkspace>
    private let memberships = Mutex<[Int: CachedMembership]>([:])
    private let searches = Mutex<[SearchKey: [Int32]]>([:])
    /// Each object's people, built on first use (objects are derived from the people, who do not change).
    private let objectIndex = Mutex<[SandboxObjects.Object: [Int32]]?>(nil)
    /// Positions in `data.activities` per person, for their activity feed.
    let activityIndex: [Int32: [Int]]

    /// The most people one trigger turns into deliveries, so a default audience of half a million stays cheap.
    static let triggerDeliveryCap = 10_000

    init(data: SandboxDataset, clock: SandboxClock, exportSeconds: Double, exportListings: Int? = nil) {
        self.data = data
        self.clock = clock
        self.exportSeconds = exportSeconds
        self.exportListings = exportListings
        state = Mutex(MutableWorkspace(data: data))
        var index: [Int32: [Int]] = [:]
        for (position, activity) in data.activities.enumerated() { index[activity.customer, default: []].append(position) }
        activityIndex = index
        // Totals of the pre-existing exports are filled in once, now that filters can be evaluated.
        let exports = state.withLock { $0.exports }
        for export in exports where export.total < 0 {
            let (total, members) = snapshot(export.selection)
            state.withLock { state in
                guard let index = state.exports.firstIndex(where: { $0.id == export.id }) else { return }
                state.exports[index].total = total
                state.exports[index].members = members
            }
        }
    }

    var customers: CustomerTable { data.customers }

    // MARK: people

    /// Resolves a customer path value with `id_type` (id | email | cio_id); nil when no one matches. An email several
    /// people share names the first of them (the spec does not say which one the API picks). People created through
    /// the Track API resolve too (rows at or above the table's count); deleted ones do not.
    func resolve(_ value: String, idType: String?) throws -> Int? {
        try directory().row(value, idType: idType)
    }

    /// Rows matching a filter, in ascending order; repeated pages of one search reuse the result.
    func search(_ filter: AudienceFilter) -> [Int32] {
        let key = SearchKey(filter: filter, version: state.withLock { $0.membershipVersion })
        if let cached = searches.withLock({ $0[key] }) { return cached }
        let rows = evaluate(filter).rows
        searches.withLock { cache in
            if cache.count >= 16 { cache.removeAll() }
            cache[key] = rows
        }
        return rows
    }

    /// Rows matching a filter, leaving out people who left (a `not` would otherwise bring them back).
    func evaluate(_ filter: AudienceFilter) -> BitSet {
        withoutRemoved(evaluate(filter, depth: 0))
    }

    func withoutRemoved(_ bits: BitSet) -> BitSet {
        let removed = state.withLock { $0.people.removed }
        guard !removed.isEmpty else { return bits }
        var result = bits
        for row in removed { result.remove(Int(row)) }
        return result
    }

    private func evaluate(_ filter: AudienceFilter, depth: Int) -> BitSet {
        var bits = FilterEvaluator(customers: customers) { [self] id in
            // Segments may refer to segments; a cycle (or absurd nesting) matches no one instead of recursing forever.
            depth > 8 ? BitSet(count: customers.count) : membership(id, depth: depth + 1)?.bits
        }.evaluate(filter)
        // The generated columns answer for everyone; the few people whose attributes were edited are asked again,
        // through the overlay, so an edit moves them in or out.
        let directory = directory()
        for (key, edit) in directory.overlay.edits where Int(key) < customers.count && edit.touchesAttributes {
            let row = Int(key)
            if matches(filter, row, directory, depth: depth) { bits.insert(row) } else { bits.remove(row) }
        }
        return bits
    }

    /// Whether one person matches, their edited attributes read through the overlay.
    private func matches(_ filter: AudienceFilter, _ row: Int, _ people: PeopleDirectory, depth: Int) -> Bool {
        switch filter {
        case .and(let parts): return parts.allSatisfy { matches($0, row, people, depth: depth) }
        case .or(let parts): return parts.contains { matches($0, row, people, depth: depth) }
        case .not(let inner): return !matches(inner, row, people, depth: depth)
        case .segment(let id): return depth <= 8 && membership(id, depth: depth + 1)?.bits.contains(row) == true
        case .attribute("unsubscribed", .exists): return people.isUnsubscribed(row)
        // As the generated columns answer it (`FilterEvaluator`): only `true` matches anyone.
        case .attribute("unsubscribed", .equals(let value)): return value == "true" && people.isUnsubscribed(row)
        case .attribute(let field, .exists): return people.attribute(field, row) != nil
        case .attribute(let field, .equals(let value)): return people.attribute(field, row) == value
        }
    }

    // MARK: segments

    func segment(_ id: Int) -> SegmentRecord? {
        state.withLock { $0.segments.first { $0.id == id } }
    }

    func allSegments() -> [SegmentRecord] {
        state.withLock { $0.segments }
    }

    /// Members of a segment (nil when the segment doesn't exist), computed on first use and cached.
    func membership(_ id: Int) -> CachedMembership? { membership(id, depth: 0) }

    private func membership(_ id: Int, depth: Int) -> CachedMembership? {
        let snapshot: (SegmentRecord, Set<Int32>?, Int)? = state.withLock { state in
            guard let segment = state.segments.first(where: { $0.id == id }) else { return nil }
            // A data-driven segment changes only when people leave; manual ones and those built on segments, whenever
            // any membership may have.
            let dependsOnMembers = segment.kind == .manual || (segment.rule.map(Self.refersToSegments) ?? false)
            let version = dependsOnMembers ? state.membershipVersion : state.people.removalVersion
            return (segment, segment.kind == .manual ? state.manualMembers[id] ?? [] : nil, version)
        }
        guard let (segment, manual, version) = snapshot else { return nil }
        if let cached = memberships.withLock({ $0[id] }), cached.version == version { return cached }
        let bits: BitSet
        if let manual {
            bits = BitSet(count: customers.count, rows: manual)
        } else if let rule = segment.rule {
            bits = evaluate(rule, depth: depth)
        } else {
            bits = BitSet(count: customers.count)
        }
        let live = withoutRemoved(bits)
        let result = CachedMembership(version: version, bits: live, rows: live.rows)
        memberships.withLock { $0[id] = result }
        return result
    }

    static func refersToSegments(_ filter: AudienceFilter) -> Bool {
        switch filter {
        case .segment: true
        case .and(let parts), .or(let parts): parts.contains(where: refersToSegments)
        case .not(let inner): refersToSegments(inner)
        case .attribute: false
        }
    }

    /// The segments a person belongs to.
    func segments(of row: Int) -> [SegmentRecord] {
        allSegments().filter { membership($0.id)?.bits.contains(row) ?? false }
    }

    func createManualSegment(name: String, description: String) -> SegmentRecord {
        let now = clock.unixNow()
        return state.withLock { state in
            let segment = SegmentRecord(
                id: state.nextSegmentID, name: name, description: description, kind: .manual, rule: nil,
                state: "finished", progress: nil, tags: nil, createdAt: now, updatedAt: now
            )
            state.nextSegmentID += 1
            state.segments.append(segment)
            state.manualMembers[segment.id] = []
            state.membershipVersion += 1
            return segment
        }
    }

    func deleteSegment(_ id: Int) -> Bool {
        state.withLock { state in
            guard let index = state.segments.firstIndex(where: { $0.id == id }) else { return false }
            state.segments.remove(at: index)
            state.manualMembers[id] = nil
            state.membershipVersion += 1
            return true
        }
    }

    enum MembershipChange { case add, remove }

    /// Adds or removes people from a manual segment (Track API). Throws 404/400 for unknown or dynamic segments.
    func changeMembers(segment id: Int, rows: [Int32], _ change: MembershipChange) throws {
        let now = clock.unixNow()
        try state.withLock { state in
            guard let index = state.segments.firstIndex(where: { $0.id == id }) else { throw APIFailure.notFound("segment \(id) not found") }
            guard state.segments[index].kind == .manual else {
                throw APIFailure.badRequest("segment \(id) is a data-driven segment; only manual segments accept people")
            }
            var members = state.manualMembers[id] ?? []
            switch change {
            case .add: members.formUnion(rows)
            case .remove: members.subtract(rows)
            }
            state.manualMembers[id] = members
            state.segments[index].updatedAt = now
            state.membershipVersion += 1
        }
    }

    /// Where a segment is used: campaigns triggered or filtered by it, newsletters sent or drafted to it.
    func usedBy(segment id: Int) -> (campaigns: [Int], sent: [Int], drafts: [Int]) {
        let campaigns = data.campaigns.filter { $0.triggerSegmentIDs.contains(id) || $0.filterSegmentIDs.contains(id) }.map(\.id)
            + data.broadcasts.filter { $0.audienceSegmentID == id }.map(\.id)
        let newsletters = data.newsletters.filter { $0.recipientSegmentIDs.contains(id) }
        return (campaigns, newsletters.filter { $0.sentAt != nil }.map(\.id), newsletters.filter { $0.sentAt == nil }.map(\.id))
    }

    /// Each object's people, built once on first use.
    func objectPeopleIndex(_ customers: CustomerTable) -> [SandboxObjects.Object: [Int32]] {
        objectIndex.withLock { index in
            if let index { return index }
            let built = SandboxObjects.index(customers)
            index = built
            return built
        }
}

/// A segment's members as bits and as an ascending row list, tagged with the state version it was built from.
struct CachedMembership: Sendable {
    let version: Int
    let bits: BitSet
    let rows: [Int32]
}

/// A cached customer search: the filter and the membership version it was evaluated against.
struct SearchKey: Hashable, Sendable {
    let filter: AudienceFilter
    let version: Int
    }
}

/// Everything about the workspace that can change while the server runs.
struct MutableWorkspace: Sendable {
    var segments: [SegmentRecord]
    var manualMembers: [Int: Set<Int32>]
    /// Bumped whenever any membership could change, to invalidate cached results that depend on it.
    var membershipVersion = 1
    var deliveries: [DeliveryRecord]
    var deliveryByID: [String: Int] = [:]
    var deliveriesByCustomer: [Int32: [Int]] = [:]
    /// Each campaign's, action's, broadcast's, newsletter's, variant's and template's deliveries, for its figures.
    var deliveriesByOwner: [DeliveryOwner: [Int]] = [:]
    var triggers: [TriggerRecord]
    var exports: [ExportRecord]
    var nextSegmentID: Int
    var nextTriggerID: Int
    var nextExportID: Int
    var sendCounter = 0
    /// What the Track and Pipelines APIs changed about people and objects.
    var people = PeopleOverlay()
    /// The ESP's suppression lists, by list and lowercased address: made from the bounced, dropped and spammed
    /// email deliveries, then changed by suppress and unsuppress.
    var suppressions: [EspList: [String: EspSuppression]] = [:]

    init(data: SandboxDataset) {
        segments = data.segments
        manualMembers = data.manualMembers
        deliveries = data.deliveries
        triggers = data.triggers
        exports = data.exports
        nextSegmentID = (data.segments.map(\.id).max() ?? 0) + 1
        nextTriggerID = (data.triggers.map(\.id).max() ?? 0) + 1
        nextExportID = (data.exports.map(\.id).max() ?? 0) + 1
        deliveryByID.reserveCapacity(deliveries.count)
        for (index, delivery) in deliveries.enumerated() {
            deliveryByID[delivery.id] = index
            deliveriesByCustomer[delivery.customer, default: []].append(index)
            for owner in delivery.owners { deliveriesByOwner[owner, default: []].append(index) }
        }
        suppressions = EspList.fromDeliveries(deliveries)
    }

    mutating func append(_ delivery: DeliveryRecord) {
        let index = deliveries.count
        deliveries.append(delivery)
        deliveryByID[delivery.id] = index
        deliveriesByCustomer[delivery.customer, default: []].append(index)
        for owner in delivery.owners { deliveriesByOwner[owner, default: []].append(index) }
    }
}
