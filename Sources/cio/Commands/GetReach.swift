import App
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
