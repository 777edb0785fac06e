import CustomerIO
import Foundation

extension Reachability {
    /// The verdict for every channel from `facts`.
    public init(_ facts: ReachabilityFacts) {
        answers = [Self.email(facts), Self.sms(facts), Self.push(facts)]
    }

    /// Devices not used for this long may no longer take a push.
    public static let staleDeviceSeconds = 90 * 86_400

    /// The failures a delivery can end in, furthest first.
    static let failures = ["bounced", "spammed", "dropped", "failed", "undeliverable"]

    static func email(_ facts: ReachabilityFacts) -> Answer {
        var evidence = history(facts, types: ["email"], noun: "email")
        guard let address = facts.email else {
            return Answer(channel: .email, verdict: .unreachable, reason: "no email address on the profile", evidence: evidence, cause: .noAddress)
        }
        let topics = unsubscribedTopics(facts.preferences)
        if !topics.isEmpty { evidence.insert(Evidence("Topics", "unsubscribed from \(topics.joined(separator: ", "))"), at: 0) }
        if let suppressed = facts.suppressions.first {
            let entry = suppressed.entry
            let since = entry.created.map { " since \(day($0))" } ?? ""
            let what = [suppressed.type?.noun ?? "a list cio does not know", entry.status].compactMap { $0 }.joined(separator: ", ")
            evidence.insert(Evidence("ESP", "\(address) is on \(suppressed.type?.rawValue ?? "a list cio does not know")\(since): \(entry.reason ?? "no reason given")"), at: 0)
            return Answer(channel: .email, verdict: .unreachable, reason: "suppressed at the ESP\(since): \(what)", evidence: evidence,
                          suppressedOn: suppressed.type, suppression: entry, address: address, cause: .suppressed)
        }
        if facts.unsubscribed {
            evidence.insert(Evidence("Note", "a transactional message set to send to unsubscribed people still reaches \(address)"), at: 0)
            return Answer(channel: .email, verdict: .unreachable, reason: "unsubscribed from everything", evidence: evidence, address: address, cause: .unsubscribed)
        }
        // Topics left show as evidence below: the verdict line stays short enough for 80 columns.
        return Answer(channel: .email, verdict: .reachable, reason: address, evidence: evidence, address: address)
    }

    static func sms(_ facts: ReachabilityFacts) -> Answer {
        let evidence = history(facts, types: ["twilio", "sms"], noun: "SMS")
        guard let phone = facts.phone else {
            return Answer(channel: .sms, verdict: .unreachable, reason: "no phone number on the profile", evidence: evidence, cause: .noAddress)
        }
        guard TransactionalMessage.isE164(phone) else {
            return Answer(channel: .sms, verdict: .unreachable, reason: "the phone \(phone) is not in E.164 form (+, then up to 15 digits)", evidence: evidence, cause: .notE164)
        }
        if facts.unsubscribed { return Answer(channel: .sms, verdict: .unreachable, reason: "unsubscribed from everything", evidence: evidence, cause: .unsubscribed) }
        return Answer(channel: .sms, verdict: .reachable, reason: phone, evidence: evidence, address: phone)
    }

    static func push(_ facts: ReachabilityFacts) -> Answer {
        let devices = facts.profile.devices.sorted { ($0.lastUsed ?? 0) > ($1.lastUsed ?? 0) }
        var evidence = devices.prefix(5).map { device in
            Evidence(device.platform ?? "device", "\(device.id) · " + (device.lastUsed.map { "last used \(day($0)) (\(ago($0, now: facts.now)))" } ?? "never used"))
        }
        evidence += history(facts, types: ["push"], noun: "push")
        if facts.unsubscribed { return Answer(channel: .push, verdict: .unreachable, reason: "unsubscribed from everything", evidence: evidence, cause: .unsubscribed) }
        guard facts.profile.listsDevices else {
            return Answer(channel: .push, verdict: .doubtful, reason: "the profile does not list devices", evidence: evidence, cause: .devicesUnknown)
        }
        guard let latest = devices.first else {
            return Answer(channel: .push, verdict: .unreachable, reason: "no devices", evidence: evidence, cause: .noDevices)
        }
        let count = devices.count == 1 ? "1 device" : "\(devices.count) devices"
        guard let used = latest.lastUsed, facts.now - used <= staleDeviceSeconds else {
            return Answer(channel: .push, verdict: .doubtful, reason: "\(count), none used in the last 90 days", evidence: evidence, cause: .staleDevices)
        }
        return Answer(channel: .push, verdict: .reachable, reason: "\(count), last used \(ago(used, now: facts.now)) (\(latest.platform ?? "device"))",
                      evidence: evidence)
    }

    /// The channel's latest delivery, and its latest failure when that is another one, each opening the message.
    static func history(_ facts: ReachabilityFacts, types: Set<String>, noun: String) -> [Evidence] {
        let sent = facts.deliveries.filter { types.contains($0.type ?? "") }.sorted { ($0.created ?? 0) > ($1.created ?? 0) }
        var lines: [Evidence] = []
        if let latest = sent.first {
            lines.append(Evidence("Last \(noun)", "\(latest.created.map(day) ?? "—") \(latest.latestMetric ?? "created"): \(latest.subject ?? latest.recipient ?? "")",
                                  delivery: latest.id))
        }
        if let failed = sent.first(where: { delivery in failures.contains { delivery.metrics[$0] != nil } }) {
            let how = failures.first { failed.metrics[$0] != nil } ?? "failed"
            let when = failed.metrics[how].map(day) ?? "—"
            lines.append(Evidence("Last failure", "\(how) \(when): \(failed.failureMessage ?? "no message given")", delivery: failed.id))
        }
        return lines
    }

    static func unsubscribedTopics(_ preferences: SubscriptionPreferences?) -> [String] {
        (preferences?.topics ?? []).filter { $0.subscribed == false }.map { $0.name ?? $0.id }
    }

    /// `2026-11-02`, in the user's zone.
    static func day(_ timestamp: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: TimeInterval(timestamp)))
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// `3d ago`, `5h ago`.
    static func ago(_ timestamp: Int, now: Int) -> String {
        let seconds = max(0, now - timestamp)
        return seconds >= 86_400 ? "\(seconds / 86_400)d ago" : seconds >= 3600 ? "\(seconds / 3600)h ago" : "just now"
    }
}

extension WorkspaceService {
    /// The person's reachability on every channel: profile, preferences, latest deliveries and the ESP's lists for
    /// their address, each through the cache (the profile's other sections ask for the same).
    public func reachability(id: String, idType: IDType, now: Int, refresh: Bool = false) async throws -> Reachability {
        async let profileAnswer = customerProfile(id: id, idType: idType, refresh: refresh)
        async let preferences = try? customerSubscriptionPreferences(id: id, idType: idType, refresh: refresh)
        async let deliveries = (try? customerMessages(id: id, idType: idType, refresh: refresh)) ?? []
        // Known by email, the ESP is asked at once rather than after the profile names the address.
        async let early = idType == .email ? try? suppressionEntries(email: id, refresh: refresh) : nil
        let profile = try await profileAnswer
        var facts = ReachabilityFacts(profile: profile, preferences: await preferences, suppressions: [], deliveries: await deliveries, now: now)
        if let email = facts.email {
            let asked = await early
            if let asked, email.lowercased() == id.lowercased() {
                facts.suppressions = asked
            } else {
                facts.suppressions = try await suppressionEntries(email: email, refresh: refresh)
            }
        }
        return Reachability(facts)
    }

    /// The lists an address is on, typed (the lookup names its list as `category`).
    func suppressionEntries(email: String, refresh: Bool) async throws -> [(type: SuppressionType?, entry: Suppression)] {
        let found = try await suppression(email: email, refresh: refresh)
        // A list cio does not know stays unnamed: nothing may act on it as another list.
        let type = found.category.flatMap(SuppressionType.init(parsing:))
        return found.suppressions.filter { $0.email.lowercased() == email.lowercased() }.map { (type, $0) }
    }
}
