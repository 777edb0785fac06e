import App
import ArgumentParser
import CustomerIO
import Foundation
import Workspace

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
                  rows: list.suppressions.map { [$0.email, list.category ?? "", TimeText.short($0.created), $0.status ?? "", $0.reason ?? ""] })
        }
    }
}
