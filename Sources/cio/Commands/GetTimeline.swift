import App
import ArgumentParser
import CustomerIO
import Foundation
import Workspace

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
                [TimeText.short(entry.time), entry.kind.rawValue, entry.what, entry.channel ?? "", entry.title, entry.deliveryID ?? entry.activityID ?? ""]
            })
        }
    }
}
