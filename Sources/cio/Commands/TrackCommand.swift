import App
import ArgumentParser
import CustomerIO
import Foundation
import Sandbox

/// `cio track …`: the Track API writes the app makes from a profile, from the command line. Each prints the write
/// exactly as the app's review shows it, and sends it only with `--yes`.
struct TrackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Write to people through the Track API: printed as the review shows it, sent only with --yes.",
        discussion: """
        PERSON is an id, an email (it has an @) or a cio_id (cio_… or cio_id:…); id:… forces an id.
        Without --yes nothing is sent. Every send is journaled; a send whose outcome is unknown is never retried.
        Needs CUSTOMERIO_SITE_ID and CUSTOMERIO_TRACK_API_KEY (or site_id and track_api_key in the profile).
        """,
        subcommands: [
            TrackIdentifyCommand.self, TrackEventCommand.self, TrackSuppressCommand.self, TrackUnsuppressCommand.self,
            TrackDeleteCommand.self, TrackMergeCommand.self, TrackDeviceCommand.self, TrackRelateCommand.self,
            TrackBatchCommand.self, TrackRegionCommand.self,
        ]
    )
}

/// What every `cio track` write takes: the connection, `--yes`, `--read-only`.
struct TrackWriteOptions: ParsableArguments {
    @OptionGroup var connection: ConnectionOptions

    @Flag(name: .long, help: "Send it. Without this, the write is only printed.")
    var yes = false

    @Flag(name: .long, help: "With --yes: send even though the journal holds the same request with an unknown outcome.")
    var again = false

    @OptionGroup var safety: SafetyOptions

    var readOnly: Bool { safety.readOnly }
}

/// A `cio track` subcommand: it names an action and fills its form; the rest is shared.
protocol TrackWriteCommand: AsyncParsableCommand {
    var options: TrackWriteOptions { get }
    /// The form, filled from the arguments (the client is there to read what the review needs).
    func form(_ client: AppAPIClient) async throws -> TrackForm
}

extension TrackWriteCommand {
    func run() async throws {
        let run = try await TrackRun(options)
        try await run.execute(try await form(run.client))
    }

    func person(_ text: String) throws -> TrackPerson {
        // The form's own wording ("type the other person's id") is for a field on screen, not an argument.
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("The person is empty: give an id, an email or a cio_id.")
        }
        do {
            return TrackPerson(identifier: try TrackForm.identifier(parsing: text), label: text)
        } catch let problem as TrackProblem {
            throw ValidationError("\(problem)")
        }
    }
}

/// One write from the command line: refused in read-only before anything is built, planned as the app plans it,
/// printed, then sent once with `--yes`, journaled, and mapped to the documented exit codes.
struct TrackRun {
    let client: AppAPIClient
    let session: SessionInfo
    let send: Bool
    /// `--again`: send even though the same request's outcome is unknown in the journal.
    var again = false

    init(_ options: TrackWriteOptions) async throws {
        try await self.init(connection: options.connection, readOnly: options.readOnly, send: options.yes)
        again = options.again
    }

    /// `writes` is false for the one read (`region`), which read-only does not stop.
    init(connection: ConnectionOptions, readOnly: Bool, send: Bool, writes: Bool = true) async throws {
        let environment = ProcessInfo.processInfo.environment
        let resolved = try Startup.resolve(themeName: nil, readOnly: readOnly, connection: connection, environment: environment)
        guard !writes || !resolved.launch.session.isReadOnly else {
            throw CustomerIOError(kind: .readOnly, message: "read-only: cio track refuses every write (the --read-only flag or the profile's read_only).")
        }
        let configuration: ClientConfiguration
        if let configured = resolved.launch.configuration { configuration = configured } else { configuration = try await Self.demoConfiguration(connection) }
        client = AppAPIClient(configuration: configuration)
        var session = resolved.launch.session
        session.appHost = AppLauncher.host(configuration.appBaseURL)
        session.trackHost = AppLauncher.host(configuration.trackBaseURL)
        session.cdpHost = AppLauncher.host(configuration.cdpBaseURL)
        self.session = session
        self.send = send
    }

    /// With `--demo`, a sandbox in this process (gone when the command ends: for trying the commands out).
    private static func demoConfiguration(_ connection: ConnectionOptions) async throws -> ClientConfiguration {
        guard connection.demo else { return try ConnectionSettings().configuration() }
        let base = try await SandboxServer.start(SandboxOptions()).baseURL
        return try ClientConfiguration(key: Secret("demo")!, appBaseURL: base, trackBaseURL: base, trackSiteID: "sandbox", trackKey: Secret("sandbox"),
                                       cdpBaseURL: base.appendingPathComponent("cdp"), cdpWriteKey: Secret("sandbox-write-key"))
    }

    func execute(_ form: TrackForm) async throws {
        do {
            try await execute(try form.plan.get())
        } catch let problem as TrackProblem {
            throw ValidationError(Self.notSent("\(problem)"))
        }
    }

    /// "Not sent: …" once: a message that already says so (the journal's, an older sender's) is not prefixed again.
    static func notSent(_ message: String) -> String {
        message.lowercased().hasPrefix("not sent") ? message : "Not sent: " + message
    }

    func execute(_ write: PlannedWrite) async throws {
        let journal = WriteJournal(folder: StateFolder.resolve())
        var write = write.checked(against: journal)
        write.cautions.append(session.isDemo ? "Demo workspace: the sandbox in this process." : "Real workspace: profile \(session.profile) (\(session.region)). This reaches real people.")
        Terminal.write(ReviewText.render(write, session: session) + "\n")
        guard send else {
            Terminal.printNote("Not sent: add --yes to send it.")
            return
        }
        if write.repeatsUnknownOutcome, !again {
            throw CustomerIOError(kind: .badRequest, message: "Not sent: the same request has an unknown outcome in the journal (see the warning above); check, then add --again to send it anyway.")
        }
        let result = await WriteSender(client: client, journal: journal, profile: session.profile).send(write)
        for line in result.report { Terminal.write(line + "\n") }
        switch result.outcome {
        case .done(let id, _):
            Terminal.write("✓ Done: \(id)\n")
            if result.refused > 0 { throw CustomerIOError(kind: .badRequest, message: "\(result.refused) operation(s) refused by the API: the lines above say which and why.") }
        case .failed(let message):
            throw CustomerIOError(kind: (result.error as? CustomerIOError)?.kind ?? .badRequest, message: Self.notSent(message))
        case .partial(let message):
            throw CustomerIOError(kind: .outcomeUnknown, message: "Partly done (nothing more is sent; the lines above say who): \(message)")
        case .unknown(let message):
            throw CustomerIOError(kind: .outcomeUnknown, message: "Outcome unknown (not retried; check the profile before sending again): \(message)")
        }
    }
}
