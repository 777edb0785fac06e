import CustomerIO
import Foundation

extension WorkspaceService {
    /// The pre-flight of a broadcast trigger to `audience`: each person checked up to 2,000, a random sample of
    /// 2,000 above that. About 40 requests, spaced by the rate limiter like any others.
    public func preflight(broadcast id: Int, audience: BroadcastPreflight.Audience, now: Int) async throws -> BroadcastPreflight {
        var result = BroadcastPreflight()
        let (ids, capped) = try await people(in: audience)
        result.audienceSize = ids.count
        result.capped = capped
        let checked = ids.count > BroadcastPreflight.sampleSize ? Array(ids.shuffled().prefix(BroadcastPreflight.sampleSize)) : ids
        result.checked = checked.count
        async let profiles = client.customerProfiles(ids: checked)
        async let suppressedEmails = everySuppressedEmail()
        let since = now - result.days * 86_400
        async let sent = recentlySent(broadcast: id, since: since)
        async let actions = broadcastActions(id: id)
        result.channels = Array(Set(try await actions.compactMap { Timeline.channel($0.type) }.filter { ["email", "sms", "push"].contains($0) })).sorted()
        let (suppressed, recent) = (try await suppressedEmails, try await sent)
        for profile in try await profiles {
            let facts = ReachabilityFacts(profile: profile, preferences: nil, suppressions: [], deliveries: [], now: now)
            if facts.unsubscribed { result.unsubscribed += 1 }
            if let email = facts.email, suppressed.contains(email.lowercased()) { result.suppressed += 1 }
            if let id = profile.identifiers?.id ?? profile.id, recent.contains(id) { result.alreadySent += 1 }
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

    /// The ids of the people an audience names (at most `listCap`, and whether there were more).
    private func people(in audience: BroadcastPreflight.Audience) async throws -> ([String], Bool) {
        switch audience {
        case .ids(let ids):
            return (Array(Set(ids)), false)
        case .filter(let filter):
            return try await ids(matching: filter, cap: BroadcastPreflight.listCap)
        case .emails(let emails):
            // A hundred addresses a search: one `or` of them each.
            var found: Set<String> = []
            for chunk in stride(from: 0, to: emails.count, by: 100).map({ Array(emails[$0..<min($0 + 100, emails.count)]) }) {
                let filter = AudienceFilter.or(chunk.map { .attribute(field: "email", condition: .equals($0)) })
                found.formUnion(try await ids(matching: filter, cap: BroadcastPreflight.listCap).0)
            }
            return (Array(found), false)
        }
    }

    private func ids(matching filter: AudienceFilter, cap: Int) async throws -> ([String], Bool) {
        var ids: [String] = []
        var start: String?
        repeat {
            let page = try await client.searchCustomers(filter: filter, start: start, limit: 1_000)
            ids += page.identifiers.compactMap(\.id) + (page.identifiers.isEmpty ? page.ids.filter { !$0.isEmpty } : [])
            start = page.next
        } while start != nil && ids.count < cap
        return (ids, start != nil)
    }

    /// Every address on any of the ESP's lists, lowercased (each list read by offset, at most 10 pages).
    private func everySuppressedEmail() async throws -> Set<String> {
        var emails: Set<String> = []
        for type in SuppressionType.allCases {
            var offset = 0
            for _ in 0..<10 {
                let page = try await client.suppressions(type, offset: offset, limit: 1_000)
                emails.formUnion(page.suppressions.map { $0.email.lowercased() })
                offset += page.suppressions.count
                if page.suppressions.count < 1_000 { break }
            }
        }
        return emails
    }

    /// The people this broadcast sent to since `since` (customer ids), from its deliveries.
    private func recentlySent(broadcast id: Int, since: Int) async throws -> Set<String> {
        var people: Set<String> = []
        var start: String?
        for _ in 0..<20 {
            let page = try await client.broadcastMessages(id: id, filter: MessageFilter(start: start, limit: 1_000, startTS: since))
            people.formUnion(page.messages.compactMap { $0.customerIdentifiers?.id ?? $0.customerID })
            start = page.next
            if start == nil { break }
        }
        return people
    }
}
