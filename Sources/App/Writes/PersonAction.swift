import CustomerIO
import Foundation

/// What can be done to a person from their profile (`a`), each a Track API write through the review: its title on
/// the menu, why it is unavailable, the fields it asks for, and the planned write it makes.
public enum PersonAction: String, Sendable, Hashable, CaseIterable {
    case editAttributes, topics, unsubscribe, resubscribe, event, addDevice, deleteDevice
    case relate, unrelate, suppress, unsuppress, delete, merge, anonymousEvent
    /// Bulk only (one person has `+` and `-`): manual segment membership, through the Track v1 call.
    case addToSegment, removeFromSegment
    /// Not a person's: the Pipelines API test tool (`P`, `:pipelines`), on the same form.
    case pipelines
    /// Not a person's: an object created or updated, or deleted, from the Objects pane (`a` there).
    case objectIdentify, objectDelete

    /// What the menu offers: for one person, everything but segment membership; for marked people, what applies
    /// to many at once.
    public static func offered(bulk: Bool, marked: Int = 0) -> [PersonAction] {
        guard bulk else { return allCases.filter { ![.addToSegment, .removeFromSegment, .pipelines, .objectIdentify, .objectDelete].contains($0) } }
        // Two people marked (two profiles sharing an address, say) can be merged: the first marked survives.
        return [.editAttributes, .unsubscribe, .resubscribe, .suppress, .event, .relate, .addToSegment, .removeFromSegment] + (marked == 2 ? [.merge] : [])
    }

    /// The menu line.
    public var title: String {
        switch self {
        case .editAttributes: "Edit attributes: set, change or remove, several at once"
        case .topics: "Topic preferences: subscribe to or leave single topics"
        case .unsubscribe: "Unsubscribe from everything"
        case .resubscribe: "Resubscribe (undo a global unsubscribe)"
        case .event: "Send an event for this person"
        case .addDevice: "Add or update a device"
        case .deleteDevice: "Delete a device"
        case .relate: "Relate to an object (with relationship attributes)"
        case .unrelate: "Remove a relationship with an object"
        case .suppress: "Suppress: delete the profile and block its identifier"
        case .unsuppress: "Unsuppress: free a suppressed identifier"
        case .delete: "Delete the profile (typed confirmation)"
        case .merge: "Merge another person into this one (or this one into them)"
        case .anonymousEvent: "Send an anonymous event (no person; v1)"
        case .addToSegment: "Add to a manual segment"
        case .removeFromSegment: "Remove from a manual segment"
        case .pipelines: "Pipelines API test call"
        case .objectIdentify: "Create or update an object: type, id and attributes"
        case .objectDelete: "Delete the object (its relationships go with it)"
        }
    }

    /// The menu line when it acts on many marked people.
    public var bulkTitle: String {
        switch self {
        case .event: "Send an event for each of them"
        case .relate: "Relate each of them to an object"
        case .suppress: "Suppress each: delete the profiles and block their identifiers"
        case .merge: "Merge the two: the first marked survives"
        default: title
        }
    }

    /// Why it cannot be done to this person now; nil when it can.
    public func unavailableReason(_ person: TrackPerson) -> String? {
        switch self {
        case .unsubscribe where person.unsubscribed: "they are unsubscribed already"
        case .resubscribe where !person.unsubscribed && person.attributes != nil: "they are not unsubscribed"
        case .deleteDevice where person.devices.isEmpty && person.attributes != nil: "their profile lists no device"
        default: nil
        }
    }

    /// The fields the form asks for; empty for actions that go straight to the review.
    public func fields(_ person: TrackPerson, relationship: TrackObjectRef? = nil) -> [TrackFormField] {
        switch self {
        case .editAttributes: [TrackFormField(.changes)]
        case .topics: [TrackFormField(.topics)]
        case .event: [TrackFormField(.eventName), TrackFormField(.eventData), TrackFormField(.timestamp), TrackFormField(.eventID, ULID.make())]
        case .anonymousEvent:
            [TrackFormField(.eventName), TrackFormField(.anonymousID), TrackFormField(.eventData), TrackFormField(.timestamp), TrackFormField(.eventID, ULID.make())]
        case .addDevice:
            [TrackFormField(.token), TrackFormField(.platform, "ios", choices: TrackDevice.Platform.allCases.map(\.rawValue)), TrackFormField(.lastUsed), TrackFormField(.deviceAttributes)]
        case .deleteDevice:
            person.devices.isEmpty ? [TrackFormField(.token)] : [TrackFormField(.token, person.devices[0], choices: person.devices)]
        case .relate:
            [TrackFormField(.objectType, relationship?.typeID ?? "1"), TrackFormField(.objectID, relationship?.id ?? ""), TrackFormField(.relationshipAttributes)]
        case .unrelate:
            [TrackFormField(.objectType, relationship?.typeID ?? "1"), TrackFormField(.objectID, relationship?.id ?? "")]
        case .delete: [TrackFormField(.confirm)]
        case .merge: [TrackFormField(.secondary), TrackFormField(.keep, Self.keepThis, choices: [Self.keepThis, Self.keepOther])]
        case .unsuppress: [TrackFormField(.secondary, "\(person.identifier.idType.rawValue):\(person.identifier.value)")]
        case .addToSegment, .removeFromSegment: [TrackFormField(.segment)]
        case .pipelines: PipelinesWrites.fields(for: .identify)
        case .objectIdentify: [TrackFormField(.objectType, relationship?.typeID ?? "1"), TrackFormField(.objectID, relationship?.id ?? ""), TrackFormField(.objectAttributes)]
        case .objectDelete: [TrackFormField(.confirm)]
        case .unsubscribe, .resubscribe, .suppress: []
        }
    }

    static let keepThis = "this profile (the other is merged in and deleted)"
    static let keepOther = "the other profile (this one is merged in and deleted)"

    // MARK: Planning

    /// The planned write of a filled-in form, or the problem that stops it.
    static func plan(_ form: TrackForm) throws -> PlannedWrite {
        if !form.bulk.isEmpty { return try BulkWrites.plan(form) }
        let person = form.person
        let who = person.identifier
        switch form.action {
        case .editAttributes:
            let (changes, attributes) = try edits(form)
            var write = try entity(.identify(who, attributes: attributes), form, title: "Edit a person's attributes")
            write.summary += changes.diff(against: person.attributes)
            write.summary.append(form.createsPeople ? "No _update: a person nobody has this identifier for is created"
                                                    : "_update: true — only an existing person is changed; nobody new is created")
            return write
        case .topics:
            return try topics(form)
        case .unsubscribe, .resubscribe:
            let leaving = form.action == .unsubscribe
            var write = try entity(.identify(who, attributes: ["unsubscribed": .bool(leaving), "_update": true]), form,
                                   title: leaving ? "Unsubscribe a person" : "Resubscribe a person")
            write.summary.append(leaving ? "unsubscribed: false → true — no campaign or newsletter reaches them (transactional messages still may)"
                                         : "unsubscribed: true → false — they can get campaigns and newsletters again")
            return write
        case .event, .anonymousEvent:
            return try event(form)
        case .addDevice, .deleteDevice:
            return try device(form)
        case .relate, .unrelate:
            return try relationship(form)
        case .suppress, .unsuppress, .delete, .merge:
            return try PersonRemoval.plan(form)
        case .addToSegment, .removeFromSegment:
            throw TrackProblem("segment", "for one person, use + and - on their profile")
        case .pipelines:
            return try PipelinesWrites.plan(form)
        case .objectIdentify, .objectDelete:
            return try ObjectWrites.plan(form)
        }
    }

    /// The form's attribute edits, and the `attributes` they send: always with `_update`, so a typo'd identifier
    /// changes nobody rather than creating a new person.
    static func edits(_ form: TrackForm) throws -> (AttributeChanges, [String: JSONValue]) {
        let changes = try AttributeChanges.parse(form.value(.changes))
        guard !changes.isEmpty else { throw TrackProblem("changes", "type at least one edit: plan=pro, score:=42, -nickname") }
        var attributes = changes.attributes
        if !form.createsPeople { attributes["_update"] = true }
        return (changes, attributes)
    }

    /// A v2 entity write about the form's person, with the line naming them.
    static func entity(_ operation: TrackOperation, _ form: TrackForm, title: String) throws -> PlannedWrite {
        var write = PlannedWrite(kind: .track(action: form.action.rawValue, person: form.person.identifier.label, reload: form.person.route),
                                 request: try AppAPIClient.entityRequest(operation), title: title)
        write.summary.append("Person: \(form.person.label)" + (form.person.label == form.person.identifier.value ? "" : " (\(form.person.identifier.label))"))
        write.reach = 1
        return write
    }

    private static func topics(_ form: TrackForm) throws -> PlannedWrite {
        var attributes: [String: JSONValue] = [:]
        var settings: [Int: Bool] = [:]
        for word in try AttributeChanges.words(form.value(.topics)) {
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            let id = parts.first.map { $0.hasPrefix("topic_") ? String($0.dropFirst(6)) : $0 } ?? ""
            guard parts.count == 2, let number = Int(id), number >= 1, let on = ["on": true, "off": false, "true": true, "false": false][parts[1].lowercased()] else {
                throw TrackProblem("topics", "“\(word)” is not a topic setting: write 2=off or 5=on (the topic's id)")
            }
            attributes["cio_subscription_preferences.topics.topic_\(number)"] = .bool(on)
            settings[number] = on
        }
        guard !attributes.isEmpty else { throw TrackProblem("topics", "name at least one topic: 2=off or 5=on") }
        attributes["_update"] = true
        var write = try entity(.identify(form.person.identifier, attributes: attributes), form, title: "Change a person's topic preferences")
        write.topics = TopicSettings(person: form.person.identifier, settings: settings)
        write.summary.append("Other topics keep their setting (each is set on its own, by its dotted name)")
        return write
    }

    private static func event(_ form: TrackForm) throws -> PlannedWrite {
        let data = try jsonObject(form, .eventData)
        let timestamp = try time(form, .timestamp)
        let id = form.value(.eventID)
        let event = TrackEvent(name: form.value(.eventName), data: data, timestamp: timestamp, id: id.isEmpty ? nil : id)
        if form.action == .anonymousEvent {
            let anonymous = form.value(.anonymousID)
            var write = PlannedWrite(kind: .track(action: form.action.rawValue, person: "anonymous_id \(anonymous)", reload: nil),
                                     request: try AppAPIClient.anonymousEventRequest(event, anonymousID: anonymous), title: "Send an anonymous event")
            write.summary = ["Event \(event.name) for anonymous_id \(anonymous)", "v1 /api/v1/events: v2 has no anonymous event; it joins the person who later gets this anonymous_id (within 30 days)"]
            return write
        }
        var write = try entity(.event(form.person.identifier, event), form, title: "Send an event")
        // The event as typed, without the id made for it: the same person, name, data and time typed again with a
        // new id is still recognised as a repeat by the journal.
        var unnamed = event
        unnamed.id = nil
        write.contentDigest = Digest.sha256Hex(try TrackOperation.event(form.person.identifier, unnamed).encoded())
        write.summary.append("Event \(event.name)" + (timestamp.map { " at \(TimeText.full($0))" } ?? " now"))
        if let id = event.id { write.summary.append("Event id \(id): sent again with this id, it is still one event") }
        return write
    }

    private static func device(_ form: TrackForm) throws -> PlannedWrite {
        let who = form.person.identifier
        let token = form.value(.token)
        if form.action == .deleteDevice {
            var write = try entity(.deleteDevice(who, token: token), form, title: "Delete a device")
            write.summary.append("Device \(token): removed from the profile; pushes stop going to it")
            return write
        }
        guard let platform = TrackDevice.Platform(rawValue: form.value(.platform)) else { throw TrackProblem("device.platform", "must be ios or android") }
        let device = TrackDevice(token: token, platform: platform, lastUsed: try time(form, .lastUsed), attributes: try jsonObject(form, .deviceAttributes))
        var write = try entity(.addDevice(who, device), form, title: "Add or update a device")
        let known = form.person.devices.contains(token)
        write.summary.append("Device \(token) (\(platform.rawValue)): \(known ? "updated (the profile lists it)" : "added")")
        return write
    }

    private static func relationship(_ form: TrackForm) throws -> PlannedWrite {
        let object = TrackObjectRef(typeID: form.value(.objectType), id: form.value(.objectID))
        let who = form.person.identifier
        if form.action == .unrelate {
            var write = try entity(.deleteRelationships(who, [TrackRelationship(object)]), form, title: "Remove a relationship")
            write.summary.append("Object \(object.id) (type \(object.typeID)): the relationship goes; the object stays")
            return write
        }
        let attributes = try jsonObject(form, .relationshipAttributes)
        var write = try entity(.addRelationships(who, [TrackRelationship(object, attributes: attributes)]), form, title: "Relate a person to an object")
        write.summary.append("Object \(object.id) (type \(object.typeID))" + (attributes.isEmpty ? "" : ", relationship attributes \(JSONValue.object(attributes).compactJSON)"))
        return write
    }

    static func jsonObject(_ form: TrackForm, _ name: TrackFormField.Name) throws -> [String: JSONValue] {
        switch JSONChecker.object(form.value(name)) {
        case .success(let object): return object ?? [:]
        case .failure(let problem): throw TrackProblem(name.rawValue, problem.description)
        }
    }

    static func time(_ form: TrackForm, _ name: TrackFormField.Name) throws -> Int? {
        let text = form.value(name)
        guard !text.isEmpty else { return nil }
        guard let time = AttributeChanges.time(text) else { throw TrackProblem(name.rawValue, "“\(text)” is not a time: 2026-11-29 09:30 (local) or Unix seconds") }
        return time
    }
}

/// A fresh ULID for an event id, for `cio track`.
public enum ULIDText {
    public static func make() -> String { ULID.make() }
}

/// ULIDs for event ids: 48 bits of milliseconds and 80 random bits, in Crockford's base32.
enum ULID {
    static func make(now: Date = WallClock.now()) -> String {
        let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
        var time = UInt64(max(0, now.timeIntervalSince1970 * 1_000))
        var head: [Character] = []
        for _ in 0..<10 {
            head.append(alphabet[Int(time & 31)])
            time >>= 5
        }
        var generator = SystemRandomNumberGenerator()
        let tail = (0..<16).map { _ in alphabet[Int(generator.next() & 31)] }
        return String(head.reversed()) + String(tail)
    }
}
