import App
import ArgumentParser
import CustomerIO
import Foundation

/// `cio get messages [--campaign ID [--action ID] | --newsletter ID | --broadcast ID | --template ID] [--type T]
/// [--metric M] [--days N]`.
struct GetMessages: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "messages", abstract: "List deliveries (messages), newest first.")

    @Option(name: .long, help: "Only this campaign's messages.")
    var campaign: Int?

    @Option(name: .long, help: "Only this campaign or broadcast action's messages (its id, as campaign-metrics lists it).")
    var action: Int?

    @Option(name: .long, help: "Only this newsletter's messages.")
    var newsletter: Int?

    @Option(name: .long, help: "Only this API-triggered broadcast's messages (GET /v1/broadcasts/{id}/messages).")
    var broadcast: Int?

    @Option(name: .long, help: "Only this transactional template's messages (GET /v1/transactional/{id}/messages).")
    var template: Int?

    @Option(name: .long, help: "email, push, twilio, webhook, slack, in_app …")
    var type: String?

    @Option(name: .long, help: "sent, delivered, opened, clicked, converted, bounced, failed, undeliverable …")
    var metric: String?

    @Option(name: .long, help: ArgumentHelp(
        "Only messages created in the last N days, on the same day boundaries as the figures they compare with.",
        discussion: "With --campaign (or no source) days start at midnight in your zone, as `campaign-metrics --days`; with --broadcast, --newsletter or --template at midnight US Eastern, as their metrics count (beyond 45 days, whole weeks from Sunday). The list holds messages created in the window; a figure counts the states reached in it, so a message sent just before the window and opened inside it counts in the figure's opened but is not listed."
    ))
    var days: Int?

    @Option(name: .long, help: "At most this many messages.")
    var limit = 50

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if let days, days < 1 { throw ValidationError("--days must be at least 1.") }
        let sources = [campaign, newsletter, broadcast, template].compactMap { $0 }
        if sources.count > 1 { throw ValidationError("Give one of --campaign, --newsletter, --broadcast and --template.") }
        if action != nil, newsletter != nil || template != nil {
            throw ValidationError("--action goes with a campaign's or a broadcast's actions, not with --newsletter or --template.")
        }
        // The template list takes no type: every message of a template is of its one channel.
        if type != nil, template != nil { throw ValidationError("--type does not apply to --template (a template has one channel).") }
    }

    func run() async throws {
        let filter = MessageFilter(
            limit: min(limit, 1000), type: type, metric: metric, campaignID: campaign, newsletterID: newsletter,
            actionID: action, startTS: span?.window(now: WallClock.now()).start
        )
        let messages = try await pages(try await makeClient(), filter).collect(limit: limit)
        try emit(messages) {
            Table(
                headers: ["ID", "TYPE", "RECIPIENT", "SUBJECT", "STATE", "CREATED"],
                rows: messages.map { [$0.id, $0.type ?? "", $0.recipient ?? "", $0.subject ?? "", $0.latestMetric ?? "", TimeText.short($0.created)] }
            )
        }
    }
}

extension GetMessages {
    /// The window `--days` names, as the figures of the list's source count it.
    var span: MetricsSpan? {
        guard let days else { return nil }
        return broadcast != nil || newsletter != nil || template != nil ? .v1(lastDays: days) : .daily(days)
    }

    /// The list the flags name: a broadcast's or a template's own list, else `/v1/messages` with its filters (a
    /// broadcast's action narrows its list on our side, since that list takes no action filter).
    func pages(_ client: AppAPIClient, _ filter: MessageFilter) -> CursorPages<Delivery> {
        var own = filter
        own.campaignID = nil
        own.newsletterID = nil
        own.actionID = nil
        let action = self.action
        if let broadcast {
            let base = own
            return CursorPages { start in
                var paged = base
                paged.start = start
                let page = try await client.broadcastMessages(id: broadcast, filter: paged)
                return (page.messages.filter { action == nil || $0.actionID == action }, page.next)
            }
        }
        if let template {
            own.type = nil
            let base = own
            return CursorPages { start in
                var paged = base
                paged.start = start
                let page = try await client.transactionalMessages(id: template, filter: paged)
                return (page.messages, page.next)
            }
        }
        return client.allMessages(filter)
    }
}

/// `cio get exports`.
struct GetExports: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "exports", abstract: "List exports.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let exports = try await makeClient().exports()
        try emit(exports) {
            Table(
                headers: ["ID", "TYPE", "STATUS", "TOTAL", "DESCRIPTION", "CREATED"],
                rows: exports.map { [String($0.id), $0.type ?? "", $0.status ?? "", $0.total.map(String.init) ?? "", $0.description ?? "", TimeText.short($0.createdAt)] },
                rightAligned: [0, 3]
            )
        }
    }
}

/// `cio get broadcasts`.
struct GetBroadcasts: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "broadcasts", abstract: "List API-triggered broadcasts.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let broadcasts = try await makeClient().broadcasts()
        try emit(broadcasts) {
            Table(
                headers: ["ID", "NAME", "STATE", "UPDATED"],
                rows: broadcasts.map { [String($0.id), $0.name ?? "", $0.state ?? "", TimeText.short($0.updated)] },
                rightAligned: [0]
            )
        }
    }
}

/// `cio get transactional`.
struct GetTransactional: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "transactional", abstract: "List transactional message templates.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func run() async throws {
        let templates = try await makeClient().transactionalTemplates()
        try emit(templates) {
            Table(
                headers: ["ID", "NAME", "DESCRIPTION", "UPDATED"],
                rows: templates.map { [String($0.id), $0.name ?? "", $0.description ?? "", TimeText.short($0.updatedAt)] },
                rightAligned: [0]
            )
        }
    }
}
