import App
import ArgumentParser
import CustomerIO
import Foundation

/// `cio track identify PERSON EDIT…`: set, change or remove attributes (never creates a person).
struct TrackIdentifyCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(
        commandName: "identify",
        abstract: "Edit a person's attributes: name=text, name:=42 / true / null / {…}, name@=2026-12-31, -name removes.",
        discussion: "Sent with _update: true, so an identifier that matches nobody changes nothing rather than creating someone; --create sends it without, to add a person."
    )

    @Argument(help: "The person: an id, an email or a cio_id.") var person: String
    @Argument(parsing: .allUnrecognized, help: "Edits, e.g. plan=pro score:=42 -nickname.") var edits: [String] = []
    @Flag(help: "Create the person when nobody has this identifier (without it, only an existing person is changed).") var create = false
    @OptionGroup var options: TrackWriteOptions

    func form(_ client: AppAPIClient) async throws -> TrackForm {
        var who = try person(person)
        // The review diffs against what the profile holds now; without it the diff says so.
        who.attributes = try? await client.customerProfile(id: who.identifier.value, idType: who.identifier.idType).attributes
        // Each shell word stays one word of the edit line, whatever quotes, backslashes or spaces it holds.
        let line = edits.map { word in word.contains { $0.isWhitespace || "\"'\\".contains($0) } ? Self.quoted(word) : word }.joined(separator: " ")
        var form = TrackForm.filled(.editAttributes, person: who, values: [.changes: line])
        form.createsPeople = create
        return form
    }

    /// One shell word back as one word of the edit line (spaces and quotes kept).
    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// `cio track event PERSON NAME`: an event for a person, or with `--anonymous` for an anonymous id.
struct TrackEventCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(commandName: "event", abstract: "Send an event for a person, or an anonymous event (--anonymous).")

    @Argument(help: "The person (or, with --anonymous, the anonymous id).") var target: String
    @Argument(help: "The event's name.") var name: String
    @Option(help: "The event's data: a JSON object.") var data: String?
    @Option(help: "When it happened: 2026-11-29 09:30 (local) or Unix seconds; default now.") var at: String?
    @Option(help: "A ULID: the same id sent twice is one event (default: a new one).") var id: String?
    @Flag(help: "TARGET is an anonymous id (Track v1 /api/v1/events).") var anonymous = false
    @OptionGroup var options: TrackWriteOptions

    func form(_ client: AppAPIClient) async throws -> TrackForm {
        // The person first: an empty one is refused before anything else is said.
        let who = anonymous ? TrackPerson(identifier: .id(target), label: target) : try person(target)
        // Without --id, a fresh one: said, so that a send whose outcome is unknown can be repeated as the same event.
        let eventID = id ?? ULIDText.make()
        if id == nil { Terminal.printNote("Event id \(eventID): to send this same event again, add --id \(eventID) (a repeat with it is one event).") }
        var values: [TrackFormField.Name: String] = [.eventName: name, .eventData: data ?? "", .timestamp: at ?? "", .eventID: eventID]
        if anonymous {
            values[.anonymousID] = target
            return .filled(.anonymousEvent, person: who, values: values)
        }
        return .filled(.event, person: who, values: values)
    }
}

/// `cio track suppress PERSON`.
struct TrackSuppressCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(commandName: "suppress", abstract: "Suppress a person: the profile is deleted and its identifiers blocked.")
    @Argument(help: "The person.") var person: String
    @OptionGroup var options: TrackWriteOptions
    func form(_ client: AppAPIClient) async throws -> TrackForm { .filled(.suppress, person: try person(person), values: [:]) }
}

/// `cio track unsuppress PERSON`.
struct TrackUnsuppressCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(commandName: "unsuppress", abstract: "Free a suppressed identifier (the profile does not come back).")
    @Argument(help: "The identifier.") var person: String
    @OptionGroup var options: TrackWriteOptions
    func form(_ client: AppAPIClient) async throws -> TrackForm { .filled(.unsuppress, person: try person(person), values: [.secondary: person]) }
}

/// `cio track delete PERSON`.
struct TrackDeleteCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a person's profile.")
    @Argument(help: "The person.") var person: String
    @OptionGroup var options: TrackWriteOptions

    func form(_ client: AppAPIClient) async throws -> TrackForm {
        var who = try person(person)
        if let profile = try? await client.customerProfile(id: who.identifier.value, idType: who.identifier.idType) {
            who.attributes = profile.attributes
            who.devices = profile.devices.map(\.id)
        }
        // On the command line --yes is the confirmation; the identifier is the one given.
        return .filled(.delete, person: who, values: [.confirm: who.identifier.value])
    }
}

/// `cio track merge PRIMARY SECONDARY`.
struct TrackMergeCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(commandName: "merge", abstract: "Merge SECONDARY into PRIMARY: the primary stays, the secondary is deleted.")
    @Argument(help: "The person who stays.") var primary: String
    @Argument(help: "The person merged in and deleted.") var secondary: String
    @OptionGroup var options: TrackWriteOptions
    func form(_ client: AppAPIClient) async throws -> TrackForm {
        .filled(.merge, person: try person(primary), values: [.secondary: secondary])
    }
}

/// `cio track device PERSON TOKEN`.
struct TrackDeviceCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(commandName: "device", abstract: "Add or update a person's device, or delete it (--delete).")
    @Argument(help: "The person.") var person: String
    @Argument(help: "The device token.") var token: String
    @Option(help: "ios or android.") var platform = "ios"
    @Option(name: .customLong("last-used"), help: "2026-11-29 09:30 (local) or Unix seconds; default now.") var lastUsed: String?
    @Option(help: "Device attributes: a JSON object.") var attributes: String?
    @Flag(help: "Delete the device instead.") var delete = false
    @OptionGroup var options: TrackWriteOptions

    func form(_ client: AppAPIClient) async throws -> TrackForm {
        let who = try person(person)
        if delete { return .filled(.deleteDevice, person: who, values: [.token: token]) }
        return .filled(.addDevice, person: who, values: [.token: token, .platform: platform, .lastUsed: lastUsed ?? "", .deviceAttributes: attributes ?? ""])
    }
}

/// `cio track relate PERSON TYPE OBJECT`.
struct TrackRelateCommand: TrackWriteCommand {
    static let configuration = CommandConfiguration(commandName: "relate", abstract: "Relate a person to an object, or remove the relationship (--delete).")
    @Argument(help: "The person.") var person: String
    @Argument(help: "The object type id (1, 2, …).") var type: String
    @Argument(help: "The object's id.") var object: String
    @Option(help: "Relationship attributes: a JSON object.") var attributes: String?
    @Flag(help: "Remove the relationship instead.") var delete = false
    @OptionGroup var options: TrackWriteOptions

    func form(_ client: AppAPIClient) async throws -> TrackForm {
        .filled(delete ? .unrelate : .relate, person: try person(person), values: [.objectType: type, .objectID: object, .relationshipAttributes: attributes ?? ""])
    }
}

/// `cio track region`: which region the Track credentials belong to (a read; nothing is written).
struct TrackRegionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "region", abstract: "Say which region the Track site id and key belong to, and whether cio is set for it.")
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        // A read: read-only does not stop it.
        let run = try await TrackRun(connection: connection, readOnly: false, send: false, writes: false)
        do {
            let region = try await run.client.trackRegion()
            let mine = run.client.configuration.region.rawValue
            Terminal.write("Track region: \(region.region ?? "?") (\(region.url ?? "?")), workspace \(region.environmentID.map(String.init) ?? "?")\n")
            if let theirs = region.region?.lowercased(), theirs != mine {
                throw CustomerIOError(kind: .wrongRegion, message: "cio is set for \(mine.uppercased()), but these Track credentials belong to \(theirs.uppercased()): set region = \"\(theirs)\" in the profile, or CUSTOMERIO_REGION=\(theirs).")
            }
        } catch let error as CustomerIOError where error.status == 401 {
            throw CustomerIOError(kind: .unauthorized, message: await TrackDiagnosis.explain(run.client))
        }
    }
}

/// `cio track batch FILE.jsonl`: one v2 operation per line, sent as `/api/v2/batch` requests.
struct TrackBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Send a file of Track v2 operations (one JSON object per line) as /api/v2/batch requests.",
        discussion: "Every line is checked before anything is sent; the first bad one is named by its line number. Above 100 operations, --yes needs --count N too."
    )
    @Argument(help: "A file with one operation per line (JSON Lines); - reads standard input.") var file: String
    @Option(help: "The number of operations, typed to confirm a batch of more than 100.") var count: Int?
    @OptionGroup var options: TrackWriteOptions

    func run() async throws {
        let run = try await TrackRun(options)
        let operations: [TrackOperation]
        do {
            operations = try BatchFile.operations(try BatchFile.data(file))
        } catch let problem as RegularFile.Problem {
            throw ValidationError("\(file == "-" ? "standard input" : file): \(problem)")
        } catch let problem as BatchFile.LineProblem {
            throw ValidationError("\(file):\(problem.line): \(problem.message)")
        }
        guard !operations.isEmpty else { throw ValidationError("\(file): no operations") }
        if options.yes, operations.count > BulkWrites.typedAbove, count != operations.count {
            throw ValidationError("\(operations.count) operations: add --count \(operations.count) to confirm that many.")
        }
        let write: PlannedWrite
        do {
            write = try BulkWrites.plan(operations: operations, labels: operations.map(\.subject))
        } catch let problem as TrackProblem {
            throw ValidationError("\(file): \(problem)")
        }
        try await run.execute(write)
    }
}
