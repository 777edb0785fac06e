import CustomerIO
import Foundation

extension WorkspaceService {
    /// The pre-flight of a broadcast trigger to `audience`: its exact size (a filter's matches paged to the end,
    /// 1,000 a request within the rate budget, `progress` hearing the count so far), each person checked up to
    /// 2,000 and above that a random sample of 2,000 drawn from the whole audience, not from its first pages, whose
    /// order can follow sign-up dates.
    public func preflight(
        broadcast id: Int, audience: BroadcastPreflight.Audience, now: Int, progress: @escaping @Sendable (Int) -> Void = { _ in }
    ) async throws -> BroadcastPreflight {
        var result = BroadcastPreflight()
        let (checked, total, withoutID) = try await people(in: audience, progress: progress)
        result.audienceSize = total
        result.uncheckable = withoutID
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

    /// The people to check (every one up to `sampleSize`, else a uniform sample of the whole audience), how many
    /// people the audience names, and how many of them have no id to be checked by.
    private func people(
        in audience: BroadcastPreflight.Audience, progress: @escaping @Sendable (Int) -> Void
    ) async throws -> (sample: [String], total: Int, withoutID: Int) {
        var sample = AudienceSample(size: BroadcastPreflight.sampleSize)
        switch audience {
        case .ids(let ids):
            for id in Set(ids).sorted() { sample.offer(id) }
        case .filter(let filter):
            try await page(filter, into: &sample, progress: progress)
        case .emails(let emails):
            // A hundred addresses a search: one `or` of them each.
            for chunk in stride(from: 0, to: emails.count, by: 100).map({ Array(emails[$0..<min($0 + 100, emails.count)]) }) {
                let filter = AudienceFilter.or(chunk.map { .attribute(field: "email", condition: .equals($0)) })
                try await page(filter, into: &sample, progress: progress)
            }
        }
        return (sample.kept, sample.seen + sample.withoutID, sample.withoutID)
    }

    /// Every match of `filter`, page by page to the end, offered to the sample.
    private func page(_ filter: AudienceFilter, into sample: inout AudienceSample, progress: @Sendable (Int) -> Void) async throws {
        var start: String?
        repeat {
            let page = try await client.searchCustomers(filter: filter, start: start, limit: 1_000)
            let ids = page.identifiers.isEmpty ? page.ids : page.identifiers.map { $0.id ?? "" }
            for id in ids { if id.isEmpty { sample.withoutID += 1 } else { sample.offer(id) } }
            start = page.next
            if start != nil { progress(sample.seen + sample.withoutID) }
        } while start != nil
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

/// A uniform random sample of at most `size` ids from a stream of unknown length (reservoir sampling): every id
/// seen has the same chance to be kept, however far down the list it came.
struct AudienceSample {
    let size: Int
    private(set) var kept: [String] = []
    private(set) var seen = 0
    var withoutID = 0
    private var generator = SystemRandomNumberGenerator()

    init(size: Int) { self.size = size }

    mutating func offer(_ id: String) {
        seen += 1
        if kept.count < size {
            kept.append(id)
        } else {
            let slot = Int.random(in: 0 ..< seen, using: &generator)
            if slot < size { kept[slot] = id }
        }
    }
}
