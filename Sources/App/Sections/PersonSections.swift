import CustomerIO
import Foundation
import Workspace

/// A person's profile, section by section: each a request of its own, all started together when the person opens.
enum PersonSections {
    /// The objects a person is related to. The endpoint knows people only by id, so a person without one gets a line
    /// saying so rather than an error.
    static func relationships(_ person: (value: String, type: IDType), _ context: PaneContext) async throws -> [DetailLine] {
        guard let relationships = try await context.service.customerRelationships(id: person.value, idType: person.type, refresh: context.refresh) else {
            return [DetailLine(key: "no relationships", value: noIDText)]
        }
        // Object types by name ("Company"), from the workspace's list (cached); the id only where that fails.
        let types = Dictionary(((try? await context.service.objectTypes()) ?? []).map { ($0.id, $0.singularName ?? $0.name ?? "") }, uniquingKeysWith: { first, _ in first })
        let names = await objectNames(relationships, context)
        return relationships.map { relationship in
            let object = relationship.identifiers?.objectID ?? relationship.identifiers?.cioObjectID ?? "—"
            // The relationship's own attributes (a role), not the object's name again.
            let attributes = relationship.attributes.filter { $0.key != "name" }.sorted { $0.key < $1.key }.prefix(3).map { "\($0.key)=\($0.value.displayText)" }
            let typeID = relationship.objectTypeID.map(String.init)
            let type = typeID.flatMap { types[$0] }.flatMap { $0.isEmpty ? nil : $0 }.map { "\($0) (type #\(typeID ?? ""))" } ?? "Object type #\(typeID ?? "—")"
            let key = typeID.map { ObjectsPane.key(typeID: $0, objectID: object) }
            let named = key.flatMap { names[$0] }.map { "\($0) (\(object))" } ?? object
            return DetailLine(key: type, value: ([named] + attributes).joined(separator: " · "), link: key.map { .detail(.objects, key: $0) })
        }
    }

    /// Each related object's `name` attribute, where it has one, by object key (asked for together, cached).
    private static func objectNames(_ relationships: [Relationship], _ context: PaneContext) async -> [RowKey: String] {
        await withTaskGroup(of: (RowKey, String?).self) { group in
            for relationship in relationships {
                guard let type = relationship.objectTypeID.map(String.init), let id = relationship.identifiers?.objectID else { continue }
                group.addTask { (ObjectsPane.key(typeID: type, objectID: id), try? await context.service.objectAttributes(typeID: type, id: id).name) }
            }
            return await group.reduce(into: [RowKey: String]()) { if let name = $1.1 { $0[$1.0] = name } }
        }
    }

    static let noIDText = "this person has no id, which the relationships endpoint needs"

    /// Attributes sorted by name; timestamps read as local time with how long ago ("2026-11-20 14:03 (2d ago)").
    static func attributes(_ profile: CustomerProfile, now: Int) -> [DetailLine] {
        profile.attributes.sorted { $0.key < $1.key }.map { key, value in
            DetailLine(key: key, value: TimeText.attribute(key: key, value: value, now: Date(timeIntervalSince1970: TimeInterval(now))) ?? value.displayText)
        }
    }

    static func identifiers(_ profile: CustomerProfile, now: Int) -> [DetailLine] {
        let ids = profile.identifiers
        var lines = [
            DetailLine(key: "id", value: ids?.id ?? profile.id ?? "—"),
            DetailLine(key: "email", value: ids?.email ?? "—"),
            DetailLine(key: "cio_id", value: ids?.cioID ?? "—"),
        ]
        lines += profile.devices.map { device in
            let used = device.lastUsed.map { "last used \(TimeText.full($0, now: Date(timeIntervalSince1970: TimeInterval(now))))" } ?? "never used"
            return DetailLine(key: "\(device.platform ?? "device")", value: "\(device.id) · \(used)")
        }
        if profile.devices.isEmpty { lines.append(DetailLine(key: "devices", value: "none")) }
        return lines
    }
}

/// Deliveries as detail lines, each opening the message.
enum MessageSections {
    /// A person's messages say what was sent (the subject); a campaign's say to whom.
    static func lines(_ deliveries: [Delivery], showingRecipient: Bool = false) -> [DetailLine] {
        deliveries.map { delivery in
            let state = delivery.latestMetric ?? "—"
            let who = delivery.recipient ?? delivery.customerIdentifiers?.email ?? delivery.customerID
            let what = [delivery.type ?? "—", state, (showingRecipient ? who : delivery.subject ?? who) ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
            return DetailLine(key: TimeText.short(delivery.created), value: what, link: .detail(.messages, key: .name(delivery.id)))
        }
    }

    /// The archived body and the headers it was sent with.
    static func archivedBody(_ archived: ArchivedMessage) -> [DetailLine] {
        var lines: [DetailLine] = []
        for (key, value) in [("From", archived.from), ("Reply to", archived.replyTo), ("To", archived.recipient), ("Subject", archived.subject),
                             ("Preheader", archived.preheaderText), ("URL", archived.url)] {
            if let value, !value.isEmpty { lines.append(DetailLine(key: key, value: value)) }
        }
        let body = archived.body ?? ""
        let bodyLines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        lines += bodyLines.enumerated().map { index, text in DetailLine(key: index == 0 ? "Body" : "", value: text) }
        if body.isEmpty { lines.append(DetailLine(key: "Body", value: archived.forgotten == true ? "forgotten (deleted on request)" : "empty")) }
        return lines
    }
}
