import CustomerIO
import Crypto
import Foundation

/// One write to many marked people: an operation each, sent as `/api/v2/batch` requests under the vendor's size
/// limits (manual segment membership as the Track v1 calls, 1,000 people each). The review shows the count, the
/// first people and the start of the first request; above ``typedAbove`` people it asks for the count typed.
public enum BulkWrites {
    /// Above this many people the review asks for the number typed before `y` sends.
    public static let typedAbove = 100
    /// People listed by name on the review.
    static let listed = 10

    static func plan(_ form: TrackForm) throws -> PlannedWrite {
        let people = form.bulk
        let parts: [TrackBatchPart]
        var summary: [String] = []
        switch form.action {
        case .addToSegment, .removeFromSegment:
            (parts, summary) = try membership(form)
        default:
            let (operations, lines) = try self.operations(form)
            summary = lines
            parts = try AppAPIClient.batchRequests(operations).map { batch in
                TrackBatchPart(batch.request, people: batch.operations.map { people[$0].label })
            }
        }
        return try write(parts, labels: people.map(\.label), action: form.action.rawValue,
                         title: "\(form.action.title.components(separatedBy: ":")[0]) — \(people.count) people", summary: summary)
    }

    /// Operations read from a file (`cio track batch`), one line each, as one bulk write.
    public static func plan(operations: [TrackOperation], labels: [String]) throws -> PlannedWrite {
        let parts = try AppAPIClient.batchRequests(operations).map { batch in TrackBatchPart(batch.request, people: batch.operations.map { labels[$0] }) }
        let counts = Dictionary(grouping: operations) { "\($0.type) \($0.action)" }.mapValues(\.count)
        let actions = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        var write = try write(parts, labels: labels, action: "batch", title: "A batch of \(operations.count) operations", summary: ["Operations: \(actions)"])
        // What cannot be undone is said, whatever line of the file it is on.
        let lasting = operations.filter { ["delete", "merge", "suppress"].contains($0.action) }
        if !lasting.isEmpty {
            write.cautions.append("\(lasting.count) of them cannot be undone (delete, merge, suppress): " + lasting.prefix(5).map(\.subject).joined(separator: ", ") + (lasting.count > 5 ? ", …" : ""))
        }
        return write
    }

    private static func write(_ parts: [TrackBatchPart], labels: [String], action: String, title: String, summary: [String]) throws -> PlannedWrite {
        guard let first = parts.first else { throw TrackProblem("people", "nobody is marked") }
        var write = PlannedWrite(kind: .trackBatch(action: action, people: labels.count), request: first.request, title: title)
        write.parts = parts
        write.reach = labels.count
        if labels.count > typedAbove { write.confirmCount = labels.count }
        write.summary = summary + roster(labels) + requests(parts)
        write.prettyBody = preview(first)
        if action == PersonAction.suppress.rawValue { write.cautions.append("This deletes \(labels.count == 1 ? "a profile" : "\(labels.count) profiles"). It cannot be undone.") }
        return write
    }

    /// Every request, as it will be sent: method and path, how many operations and bytes, and whose they are.
    private static func requests(_ parts: [TrackBatchPart]) -> [String] {
        var first = 1
        let lines = parts.enumerated().map { index, part in
            defer { first += part.people.count }
            let range = part.people.count == 1 ? "person \(first)" : "people \(first)–\(first + part.people.count - 1)"
            return "  \(index + 1). \(part.endpoint) — \(part.people.count) operations, \(part.body.count) bytes (\(range))"
        }
        let head = parts.count == 1 ? "1 request; a line per person after it:" : "\(parts.count) requests, sent one after another (the first is shown below); a line per person after them:"
        return [head] + lines
    }

    /// The people, the first few by name.
    private static func roster(_ people: [String]) -> [String] {
        let shown = people.prefix(listed).map { "  \($0)" }
        return ["\(people.count) people\(people.count > listed ? ", the first \(listed):" : ":")"] + shown + (people.count > listed ? ["  … and \(people.count - listed) more"] : [])
    }

    /// The first request's start, pretty: its first three operations and how many more it carries.
    private static func preview(_ part: TrackBatchPart) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: part.body) as? [String: Any] else { return PlannedWrite.pretty(part.body) }
        let key = object["batch"] != nil ? "batch" : "ids"
        guard let items = object[key] as? [Any], items.count > 3 else { return PlannedWrite.pretty(part.body) }
        let head = (try? JSONSerialization.data(withJSONObject: [key: Array(items.prefix(3))], options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return head + "\n… and \(items.count - 3) more in this request (\(part.body.count) bytes)"
    }

    /// An operation per person, and the summary lines saying what each does.
    private static func operations(_ form: TrackForm) throws -> ([TrackOperation], [String]) {
        let people = form.bulk.map(\.identifier)
        switch form.action {
        case .editAttributes:
            let (changes, attributes) = try PersonAction.edits(form)
            return (people.map { .identify($0, attributes: attributes) }, changes.diff(against: nil).map { $0.replacingOccurrences(of: "(profile not loaded) → ", with: "→ ") })
        case .unsubscribe, .resubscribe:
            let leaving = form.action == .unsubscribe
            return (people.map { .identify($0, attributes: ["unsubscribed": .bool(leaving), "_update": true]) }, ["unsubscribed → \(leaving)"])
        case .suppress:
            return (people.map { .suppress($0) }, ["Each profile is deleted and its identifiers blocked: nothing can add them again until they are unsuppressed."])
        case .event:
            let base = form.value(.eventID)
            let event = TrackEvent(name: form.value(.eventName), data: try PersonAction.jsonObject(form, .eventData), timestamp: try PersonAction.time(form, .timestamp))
            let operations = people.enumerated().map { index, person in
                var own = event
                own.id = base.isEmpty ? nil : ULID.derived(from: base, index: index)
                return TrackOperation.event(person, own)
            }
            return (operations, ["Event \(event.name) for each, each with its own id (derived from \(base.isEmpty ? "none" : base)), so a repeat is one event"])
        case .relate:
            let object = TrackObjectRef(typeID: form.value(.objectType), id: form.value(.objectID))
            let relation = TrackRelationship(object, attributes: try PersonAction.jsonObject(form, .relationshipAttributes))
            return (people.map { .addRelationships($0, [relation]) }, ["Each related to object \(object.id) (type \(object.typeID))"])
        default:
            throw TrackProblem("action", "\(form.action.title) is for one person at a time")
        }
    }

    /// Manual segment membership: one v1 request per 1,000 people of each identifier type.
    private static func membership(_ form: TrackForm) throws -> ([TrackBatchPart], [String]) {
        guard let segment = Int(form.value(.segment)), segment > 0 else { throw TrackProblem("segment", "type the manual segment's id (a number)") }
        let change: AppAPIClient.MembershipChange = form.action == .addToSegment ? .add : .remove
        var parts: [TrackBatchPart] = []
        for type in [IDType.id, .email, .cioID] {
            let labels = form.bulk.filter { $0.identifier.idType == type }
            guard !labels.isEmpty else { continue }
            let requests = try AppAPIClient.membershipRequests(segment: segment, change: change, people: labels.map(\.identifier.value), idType: type)
            for (index, request) in requests.enumerated() {
                parts.append(TrackBatchPart(request, people: labels.dropFirst(index * 1_000).prefix(1_000).map(\.label)))
            }
        }
        return (parts, ["\(change == .add ? "Into" : "Out of") manual segment #\(segment), through the Track API"])
    }
}

extension ULID {
    /// A ULID for the `index`th of many events made from one: the same time part, and 80 bits from a hash of the
    /// base and the index, so the same form sends the same ids again (a repeat is deduplicated by the API).
    static func derived(from base: String, index: Int) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        let digest = Array(SHA256.hash(data: Data("\(base)/\(index)".utf8)))
        let tail = (0..<16).map { alphabet[Int(digest[$0]) & 31] }
        return String(base.prefix(10)).uppercased() + String(tail)
    }
}
