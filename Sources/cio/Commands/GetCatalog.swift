import App
import ArgumentParser
import CustomerIO
import Foundation

/// `cio get activities [--type T] [--name N] [--limit N]`: the workspace's activity, newest first.
struct GetActivities: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "activities", abstract: "List the workspace's activity, newest first.")

    @Option(name: .long, help: "event, attribute_change, page, screen, sent_email, opened_email, clicked_email, bounced_email …")
    var type: String?

    @Option(name: .long, help: "The event's or attribute's name (matched exactly).")
    var name: String?

    @Option(name: .long, help: "At most this many activities.")
    var limit = 50

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() async throws {
        let client = try await makeClient()
        let pages = CursorPages { start in
            let page = try await client.activities(start: start, limit: min(limit, 100), type: type, name: name)
            return (page.activities, page.next)
        }
        let activities = try await pages.collect(limit: limit)
        try emit(activities) {
            Table(
                headers: ["TIME", "TYPE", "NAME", "PERSON", "DELIVERY"],
                rows: activities.map { activity in
                    let person = activity.customerIdentifiers?.email ?? activity.customerIdentifiers?.id ?? activity.customerID ?? ""
                    return [TimeText.short(activity.timestamp), activity.type ?? "", activity.name ?? "", person, activity.deliveryID ?? ""]
                }
            )
        }
    }
}

/// `cio get senders [ID]`: sender identities, or one with where it is used.
struct GetSenders: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "senders", abstract: "List sender identities, or show where one is used.")

    @Argument(help: "A sender identity's id: show the campaigns and newsletters that send as it.")
    var id: Int?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let client = try await makeClient()
        if let id {
            let usage = try await client.senderIdentityUsage(id: id)
            try emit(usage) {
                Table(headers: ["USED BY", "ID"], rows: usage.campaigns.map { ["campaign", String($0)] }
                    + usage.sentNewsletters.map { ["newsletter, sent", String($0)] } + usage.draftNewsletters.map { ["newsletter, draft", String($0)] })
            }
            return
        }
        let senders = try await CursorPages { start in
            let page = try await client.senderIdentities(start: start)
            return (page.senderIdentities, page.next)
        }.collect(limit: 10_000)
        try emit(senders) {
            Table(headers: ["ID", "NAME", "ADDRESS", "KIND"],
                  rows: senders.map { [String($0.id), $0.name ?? "", $0.address ?? $0.email ?? "", $0.templateType ?? ""] }, rightAligned: [0])
        }
    }
}

/// `cio get collections [ID] [--content]`: collections, one collection, or its content.
struct GetCollections: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "collections", abstract: "List data collections, or show one (and its content).")

    @Argument(help: "A collection's id.")
    var id: Int?

    @Flag(name: .long, help: "With an id: print the collection's content (JSON).")
    var content = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if content, id == nil { throw ValidationError("--content needs a collection id.") }
    }

    func run() async throws {
        let client = try await makeClient()
        if let id, content {
            Terminal.write(try JSONOutput.render(try await client.collectionContent(id: id)))
            return
        }
        let collections: [DataCollection]
        if let id { collections = [try await client.collection(id: id)] } else { collections = try await client.collections() }
        try emit(collections) {
            Table(headers: ["ID", "NAME", "ROWS", "BYTES", "SCHEMA", "UPDATED"], rows: collections.map(Self.row), rightAligned: [0, 2, 3])
        }
    }

    static func row(_ collection: DataCollection) -> [String] {
        [String(collection.id), collection.name ?? "", collection.rows.map(String.init) ?? "", collection.bytes.map(String.init) ?? "",
         collection.schema.joined(separator: ","), TimeText.short(collection.updatedAt)]
    }
}

/// `cio get snippets`: reusable Liquid snippets and their values.
struct GetSnippets: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "snippets", abstract: "List snippets and their values.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let snippets = try await makeClient().snippets()
        try emit(snippets) {
            Table(headers: ["NAME", "VALUE", "UPDATED"],
                  rows: snippets.map { [$0.name, ($0.value ?? "").replacingOccurrences(of: "\n", with: " ⏎ "), TimeText.short($0.updatedAt)] })
        }
    }
}
