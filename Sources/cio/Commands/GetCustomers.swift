import App
import ArgumentParser
import CustomerIO
import Foundation

/// `cio get customers --email E | --filter QUERY`.
struct GetCustomers: GetSubcommand {
    static let configuration = CommandConfiguration(
        commandName: "customers",
        abstract: "Find people by email or by a filter query.",
        discussion: """
        Filter queries: plan = pro and not segment 12 and has phone
          field = value, field != value, has field, field exists, segment N, and / or / not, ( … ).
          Quote values with spaces: city = "New York".
        """
    )

    @Option(name: .long, help: "Exact email address.")
    var email: String?

    @Option(name: .long, help: "A filter query (see above).")
    var filter: String?

    @Option(name: .long, help: "At most this many people (filter search pages through results).")
    var limit = 50

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if (email == nil) == (filter == nil) {
            throw ValidationError("Give exactly one of --email or --filter.")
        }
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let client = try await makeClient()
        let people: [CustomerIdentifiers]
        if let email {
            people = try await client.lookupCustomers(email: email)
        } else {
            let parsed = try FilterQuery.parse(filter ?? "")
            people = try await client.allCustomers(matching: parsed, pageSize: min(limit, 1000)).collect(limit: limit)
        }
        try emit(people) {
            Table(headers: ["ID", "EMAIL", "CIO_ID"], rows: people.map { [$0.id ?? "", $0.email ?? "", $0.cioID ?? ""] })
        }
        if people.isEmpty, outputOptions.format == .table {
            Terminal.printNote("No one matched.")
        }
    }
}

/// `cio get customer ID [--id-type id|email|cio_id]`.
struct GetCustomer: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "customer", abstract: "Show one person's profile: attributes, devices and segments.")

    @Argument(help: "The person's id, email or cio_id.")
    var identifier: String

    @Option(name: .customLong("id-type"), help: "id, email or cio_id (default: guessed — an @ means email).")
    var idType: String?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if let idType, IDType(parsing: idType) == nil {
            throw ValidationError("--id-type must be id, email or cio_id.")
        }
    }

    /// The whole profile as printed.
    struct Profile: Encodable {
        let profile: CustomerProfile
        let segments: [Segment]
    }

    func run() async throws {
        let client = try await makeClient()
        let (value, type) = IDType.pathValue(identifier, as: idType.flatMap(IDType.init(parsing:)))
        async let profile = client.customerProfile(id: value, idType: type)
        async let segments = client.customerSegments(id: value, idType: type)
        let result = Profile(profile: try await profile, segments: try await segments)
        try emit(result) {
            var rows: [[String]] = []
            // Some answers carry no `identifiers`; the same values are then among the attributes.
            let identifiers = result.profile.identifiers
            let attributes = result.profile.attributes
            rows.append(["id", identifiers?.id ?? result.profile.id ?? attributes["id"]?.displayText ?? ""])
            rows.append(["email", identifiers?.email ?? attributes["email"]?.displayText ?? ""])
            rows.append(["cio_id", identifiers?.cioID ?? attributes["cio_id"]?.displayText ?? ""])
            if let unsubscribed = result.profile.unsubscribed { rows.append(["unsubscribed", unsubscribed ? "yes" : "no"]) }
            let shownAbove = Set(["id", "email", "cio_id"]).union(result.profile.unsubscribed == nil ? [] : ["unsubscribed"])
            for (name, value) in result.profile.attributes.sorted(by: { $0.key < $1.key }) where !shownAbove.contains(name) {
                rows.append([name, TimeText.attribute(key: name, value: value) ?? value.displayText])
            }
            for device in result.profile.devices {
                rows.append(["device", "\(device.platform ?? "?") \(device.id) (last used \(TimeText.short(device.lastUsed)))"])
            }
            for segment in result.segments {
                rows.append(["segment", "\(segment.id) \(segment.name ?? "")"])
            }
            return Table(headers: ["FIELD", "VALUE"], rows: rows, maxColumnWidth: 80)
        }
    }
}
