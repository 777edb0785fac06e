import CustomerIO
import Foundation

extension WorkspaceService {
    /// The pre-flight of a broadcast trigger to `audience`: each person checked up to 2,000, a random sample of
    /// 2,000 above that. A few dozen requests for a small audience, about a hundred for a large one, spaced by the
    /// rate limiter like any others.
    public func preflight(broadcast id: Int, audience: BroadcastPreflight.Audience, now: Int) async throws -> BroadcastPreflight {
        var result = BroadcastPreflight()
        let (ids, total, capped) = try await people(in: audience)
        result.audienceSize = total
        result.capped = capped
        result.uncheckable = total - ids.count
        let checked = ids.count > BroadcastPreflight.sampleSize ? Array(ids.shuffled().prefix(BroadcastPreflight.sampleSize)) : ids
        result.checked = checked.count
        async let profiles = client.customerProfiles(ids: checked)
        async let suppressedEmails = everySuppressedEmail()
        let since = now - result.days * 86_400
        async let sent = recentlySent(broadcast: id, since: since)
        async let actions = broadcastActions(id: id)
        result.channels = Array(Set(try await actions.compactMap { Timeline.channel($0.type) }.filter { ["email", "sms", "push"].contains($0) })).sorted()
        let (suppressed, recent) = (await suppressedEmails, try await sent)
        result.gaps = suppressed.gaps + recent.gaps
        for profile in try await profiles {
            let facts = ReachabilityFacts(profile: profile, preferences: nil, suppressions: [], deliveries: [], now: now)
            if facts.unsubscribed { result.unsubscribed += 1 }
            if let email = facts.email, suppressed.emails.contains(email.lowercased()) { result.suppressed += 1 }
            if let id = profile.identifiers?.id ?? profile.id, recent.people.contains(id) { result.alreadySent += 1 }
            for channel in result.channels where !Self.has(channel, facts) { result.missing[channel, default: 0] += 1 }
        }
        return result
    }

    private static func has(_ channel: String, _ facts: ReachabilityFacts) -> Bool {
        switch channel {
        case "sms": facts.phone != nil
        case "push": !facts.profile.devices.isEmpty
        default: facts.email != nil
        }
    }

    /// The ids of the people an audience names, how many people it names (at most `listCap` listed), and whether
    /// there were more. A person without an id counts, but cannot be checked.
    private func people(in audience: BroadcastPreflight.Audience) async throws -> (ids: [String], total: Int, capped: Bool) {
        switch audience {
        case .ids(let ids):
            let unique = Array(Set(ids))
            return (unique, unique.count, false)
        case .filter(let filter):
            return try await ids(matching: filter, cap: BroadcastPreflight.listCap)
        case .emails(let emails):
            // A hundred addresses a search: one `or` of them each.
            var found: Set<String> = []
            var total = 0
            for chunk in stride(from: 0, to: emails.count, by: 100).map({ Array(emails[$0..<min($0 + 100, emails.count)]) }) {
                let filter = AudienceFilter.or(chunk.map { .attribute(field: "email", condition: .equals($0)) })
                let page = try await ids(matching: filter, cap: BroadcastPreflight.listCap)
                found.formUnion(page.ids)
                total += page.total
            }
            return (Array(found), total, false)
        }
    }

    private func ids(matching filter: AudienceFilter, cap: Int) async throws -> (ids: [String], total: Int, capped: Bool) {
        var ids: [String] = []
        var total = 0
        var start: String?
        repeat {
            let page = try await client.searchCustomers(filter: filter, start: start, limit: 1_000)
            total += max(page.identifiers.count, page.ids.count)
            ids += page.identifiers.isEmpty ? page.ids.filter { !$0.isEmpty } : page.identifiers.compactMap(\.id)
            start = page.next
        } while start != nil && total < cap
        return (ids, total, start != nil)
    }

    /// Every address on the ESP's lists, lowercased (each list read by offset, at most 10 pages), and what could
    /// not be read whole: a list that fails is left out and named, not the whole pre-flight.
    private func everySuppressedEmail() async -> (emails: Set<String>, gaps: [String]) {
        var emails: Set<String> = []
        var gaps: [String] = []
        for type in SuppressionType.allCases {
            var offset = 0
            do {
                for page in 0..<10 {
                    let found = try await client.suppressions(type, offset: offset, limit: 1_000)
                    emails.formUnion(found.suppressions.map { $0.email.lowercased() })
                    offset += found.suppressions.count
                    if found.suppressions.count < 1_000 { break }
                    if page == 9 { gaps.append("the \(type.rawValue) list past \(BroadcastPreflight.grouped(offset))") }
                }
            } catch {
                gaps.append("the \(type.rawValue) list (\(String(describing: error).prefix(60)))")
            }
        }
        return (emails, gaps)
    }

    /// The people this broadcast sent to since `since` (customer ids), from its deliveries.
    private func recentlySent(broadcast id: Int, since: Int) async throws -> (people: Set<String>, gaps: [String]) {
        var people: Set<String> = []
        var start: String?
        for _ in 0..<20 {
            let page = try await client.broadcastMessages(id: id, filter: MessageFilter(start: start, limit: 1_000, startTS: since))
            people.formUnion(page.messages.compactMap { $0.customerIdentifiers?.id ?? $0.customerID })
            start = page.next
            if start == nil { break }
        }
        return (people, start == nil ? [] : ["this broadcast's deliveries past 20,000"])
    }
}
