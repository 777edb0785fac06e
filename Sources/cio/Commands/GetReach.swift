import ArgumentParser
import CustomerIO
import Foundation
import Workspace

/// `cio get reach PERSON`: whether a person can be reached on email, SMS and push, and why not.
struct GetReach: GetSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "Say whether a person can be reached on email, SMS and push, and why not.",
        discussion: "PERSON is an email, an id or a cio_id. Every profile sharing an email is answered for; none is left out."
    )

    @Argument(help: "An email, an id or a cio_id.")
    var person: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    /// One person's answer, as JSON shows it.
    struct PersonReach: Encodable {
        let id: String?
        let email: String?
        let cio_id: String?
        let channels: [Channel]

        struct Channel: Encodable {
            let channel: String
            let verdict: String
            let reason: String
            let suppressed_on: String?
            let evidence: [Fact]
        }

        struct Fact: Encodable {
            let label: String
            let text: String
            let delivery_id: String?
        }
    }

    func run() async throws {
        let service = WorkspaceService(client: try await makeClient())
        let now = WallClock.unixNow()
        var answers: [PersonReach] = []
        for (value, type, identifiers) in try await people(service) {
            let reach = try await service.reachability(id: value, idType: type, now: now)
            answers.append(PersonReach(id: identifiers.id, email: identifiers.email, cio_id: identifiers.cioID, channels: reach.answers.map { answer in
                PersonReach.Channel(channel: answer.channel.rawValue, verdict: answer.verdict.rawValue, reason: answer.reason,
                                    suppressed_on: answer.suppressedOn?.rawValue,
                                    evidence: answer.evidence.map { PersonReach.Fact(label: $0.label, text: $0.text, delivery_id: $0.delivery) })
            }))
        }
        try emit(answers) { table(answers) }
    }

    /// The people `person` names: every profile with that email, or the one with that id or cio_id.
    private func people(_ service: WorkspaceService) async throws -> [(String, IDType, CustomerIdentifiers)] {
        let (value, type) = IDType.pathValue(person)
        guard type == .email else {
            let profile = try await service.customerProfile(id: value, idType: type)
            return [(value, type, profile.identifiers ?? CustomerIdentifiers(id: type == .id ? value : nil))]
        }
        let found = try await service.customers(email: person)
        guard !found.isEmpty else { throw ValidationError("Nobody has the email \(person).") }
        // Each by an identifier only they have, so people sharing the address are answered for one by one.
        return found.map { identifiers in
            if let cio = identifiers.cioID { return (cio, .cioID, identifiers) }
            if let id = identifiers.id { return (id, .id, identifiers) }
            return (person, .email, identifiers)
        }
    }

    private func table(_ answers: [PersonReach]) -> Table {
        Table(headers: ["PERSON", "CHANNEL", "VERDICT", "WHY"], rows: answers.flatMap { person in
            let who = person.email ?? person.id ?? person.cio_id ?? ""
            return person.channels.flatMap { channel in
                [[who, channel.channel, channel.verdict, channel.reason]] + channel.evidence.map { ["", "", "  " + $0.label, $0.text] }
            }
        })
    }
}

/// `cio get suppressions [--type T | --email E]`: the ESP's suppression lists, or whether one address is on one.
struct GetSuppressions: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "suppressions", abstract: "List the ESP's suppressed addresses, or look one up.")

    @Option(name: .long, help: "bounces, blocks, spam_reports or invalid_emails.")
    var type: String = "bounces"

    @Option(name: .long, help: "Look up one address instead: is it suppressed, since when and why.")
    var email: String?

    @Option(name: .long, help: "At most this many addresses (pages of 1,000).")
    var limit = 1_000

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if SuppressionType(parsing: type) == nil { throw ValidationError("--type must be bounces, blocks, spam_reports or invalid_emails.") }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let client = try await makeClient()
        let list: SuppressionList
        if let email {
            list = try await client.suppression(email: email)
        } else {
            let kind = SuppressionType(parsing: type) ?? .bounces
            var all: [Suppression] = []
            var category: String?
            // Pages of at most 1,000 by offset; a short page is the last.
            while all.count < limit {
                let wanted = min(1_000, limit - all.count)
                let page = try await client.suppressions(kind, offset: all.count, limit: wanted)
                category = page.category ?? category
                all += page.suppressions
                if page.suppressions.count < wanted { break }
            }
            list = SuppressionList(category: category ?? kind.rawValue, suppressions: all)
        }
        try emit(list) {
            Table(headers: ["EMAIL", "LIST", "SINCE", "STATUS", "REASON"],
                  rows: list.suppressions.map { [$0.email, list.category ?? "", Format.time($0.created), $0.status ?? "", $0.reason ?? ""] })
        }
    }
}

/// `cio get timeline PERSON`: what happened to a person, newest first: each message's state changes and each activity.
struct GetTimeline: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "timeline", abstract: "Show what happened to a person: messages (each state change) and activities, newest first.")

    @Argument(help: "An email, an id or a cio_id (an email several profiles share is refused: give the id).")
    var person: String

    @Option(name: .long, help: "message or activity.")
    var kind: String?

    @Option(name: .long, help: "email, sms, push, in_app, webhook or slack.")
    var channel: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let kind, TimelineEntry.Kind(rawValue: kind) == nil { throw ValidationError("--kind must be message or activity.") }
        if let channel, !["email", "sms", "push", "in_app", "webhook", "slack"].contains(channel) {
            throw ValidationError("--channel must be email, sms, push, in_app, webhook or slack.")
        }
    }

    func run() async throws {
        let service = WorkspaceService(client: try await makeClient())
        var (value, type) = IDType.pathValue(person)
        if type == .email {
            let found = try await service.customers(email: person)
            guard let first = found.first else { throw ValidationError("Nobody has the email \(person).") }
            guard found.count == 1 else {
                throw ValidationError("\(found.count) profiles share \(person) (ids \(found.compactMap(\.id).joined(separator: ", "))): give one's id.")
            }
            if let cio = first.cioID { (value, type) = (cio, .cioID) }
        }
        let entries = try await service.timeline(id: value, idType: type).filter { entry in
            (kind == nil || entry.kind.rawValue == kind) && (channel == nil || entry.channel == channel)
        }
        try emit(entries) {
            Table(headers: ["TIME", "KIND", "WHAT", "CHANNEL", "ABOUT", "REF"], rows: entries.map { entry in
                [Format.time(entry.time), entry.kind.rawValue, entry.what, entry.channel ?? "", entry.title, entry.deliveryID ?? entry.activityID ?? ""]
            })
        }
    }
}

/// `cio get objects [--type ID] [--filter Q]`: objects found by their attributes, with their names.
struct GetObjects: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "objects", abstract: "List object types, or the objects of one found by their attributes.")

    @Option(name: .long, help: "An object type's id (cio get objects alone lists the types).")
    var type: String?

    @Option(name: .long, help: "A filter over the objects' attributes: name = \"Acme\", has plan (default: all).")
    var filter: String?

    @Option(name: .long, help: "At most this many objects.")
    var limit = 100

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    /// One object as printed.
    struct Found: Encodable {
        let object_id: String?
        let cio_object_id: String?
        let name: String?
    }

    func run() async throws {
        let client = try await makeClient()
        guard let type else {
            let types = try await client.objectTypes()
            try emit(types) { Table(headers: ["ID", "NAME", "SINGULAR"], rows: types.map { [$0.id, $0.name ?? "", $0.singularName ?? ""] }, rightAligned: [0]) }
            return
        }
        let audience: AudienceFilter
        if let filter, !filter.isEmpty {
            do { audience = try FilterQuery.parse(filter) } catch let error as FilterQueryError { throw ValidationError("The filter could not be read: \(error.description)") }
        } else {
            let named = AudienceFilter.attribute(field: "name", condition: .exists)
            audience = .or([named, .not(named)])
        }
        let identifiers = try await CursorPages { start in
            let page = try await client.objects(typeID: type, filter: audience, start: start, limit: min(limit, 1_000))
            return (page.identifiers, page.next)
        }.collect(limit: limit)
        var found: [Found] = []
        for ids in identifiers {
            let name = try? await client.objectAttributes(typeID: type, id: ids.objectID ?? "").name
            found.append(Found(object_id: ids.objectID, cio_object_id: ids.cioObjectID, name: name))
        }
        try emit(found) { Table(headers: ["OBJECT ID", "CIO OBJECT ID", "NAME"], rows: found.map { [$0.object_id ?? "", $0.cio_object_id ?? "", $0.name ?? ""] }) }
    }
}
