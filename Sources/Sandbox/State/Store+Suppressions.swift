/// The ESP's suppression lists (`/v1/esp/…`): an address whose email hard bounced is on `bounces`, one that was
/// dropped on `blocks`, one that reported spam on `spam_reports` (when nothing reached it afterwards); suppress and
/// unsuppress change them.
enum EspList: String, Sendable, CaseIterable {
    case bounces, blocks
    case spamReports = "spam_reports"
    case invalidEmails = "invalid_emails"

    /// The category the API names in its answer (`spam` for spam reports).
    var category: String {
        switch self {
        case .spamReports: "spam"
        case .invalidEmails: "invalid"
        default: rawValue
        }
    }

    /// What the ESP records for it: a reason and a status as Mailgun would.
    var reason: String {
        switch self {
        case .bounces: "550 5.1.1 The email account that you tried to reach does not exist"
        case .blocks: "Not delivering to previously bounced address"
        case .spamReports: "Recipient marked the message as spam"
        case .invalidEmails: "Address is not valid"
        }
    }

    /// The SMTP status a reason gives ("Hard bounce: 554 5.7.1 …" → "554"), so the two never disagree; 550 where
    /// the reason names none.
    static func status(of reason: String) -> String {
        let words = reason.split(whereSeparator: { !$0.isNumber && $0 != "." })
        return words.first { $0.count == 3 && $0.allSatisfy(\.isNumber) && ($0.first == "4" || $0.first == "5") }.map(String.init) ?? "550"
    }

    /// The lists as the deliveries make them, consistently with them: an address is on a list when its email hard
    /// bounced (a soft bounce, a full mailbox, suppresses nothing), was dropped or reported spam, and nothing was
    /// delivered to it afterwards (the ESP would have dropped it); listed from the first such time.
    static func fromDeliveries(_ deliveries: [DeliveryRecord]) -> [EspList: [String: EspSuppression]] {
        let emails = deliveries.filter { $0.type == "email" }
        var lastDelivered: [String: Int] = [:]
        for delivery in emails {
            guard let at = delivery.reached(.delivered) else { continue }
            lastDelivered[delivery.recipient.lowercased(), default: 0] = max(lastDelivered[delivery.recipient.lowercased()] ?? 0, at)
        }
        var lists: [EspList: [String: EspSuppression]] = [:]
        for delivery in emails {
            let address = delivery.recipient.lowercased()
            for (metric, list) in [(DeliveryMetric.bounced, EspList.bounces), (.dropped, .blocks), (.spammed, .spamReports)] {
                guard let at = delivery.reached(metric), at > lastDelivered[address] ?? 0 else { continue }
                if list == .bounces, delivery.failureMessage?.hasPrefix("Soft bounce") == true { continue }
                // A send the ESP dropped because the address was already on its bounce list adds it to no other.
                if list == .blocks, delivery.failureMessage?.contains("bounce list") == true { continue }
                if let known = lists[list]?[address], known.created <= at { continue }
                let reason = list == .bounces ? (delivery.failureMessage ?? list.reason) : list.reason
                lists[list, default: [:]][address] = EspSuppression(email: delivery.recipient, created: at, reason: reason, status: Self.status(of: reason))
            }
        }
        return lists
    }
}

/// One suppressed address.
struct EspSuppression: Sendable {
    let email: String
    let created: Int
    let reason: String
    let status: String
}

extension SandboxWorkspace {
    /// Every list an address is on, in the lists' order.
    func suppressions(of email: String) -> [(list: EspList, entry: EspSuppression)] {
        let address = email.lowercased()
        return state.withLock { state in EspList.allCases.compactMap { list in state.suppressions[list]?[address].map { (list, $0) } } }
    }

    /// One list, oldest first (then by address), from `offset`.
    func suppressions(_ list: EspList, offset: Int, limit: Int) -> [EspSuppression] {
        let all = state.withLock { $0.suppressions[list].map { Array($0.values) } ?? [] }
        let sorted = all.sorted { ($0.created, $0.email) < ($1.created, $1.email) }
        guard offset < sorted.count else { return [] }
        return Array(sorted[offset..<min(sorted.count, offset + limit)])
    }

    /// Puts an address on a list (again: its time moves to now); false for an address that is not one.
    func suppress(_ email: String, on list: EspList) -> Bool {
        guard email.contains("@"), !email.hasPrefix("@"), !email.hasSuffix("@") else { return false }
        let entry = EspSuppression(email: email, created: clock.unixNow(), reason: "Uploaded manually via api.customer.io", status: "550")
        state.withLock { $0.suppressions[list, default: [:]][email.lowercased()] = entry }
        return true
    }

    /// Takes an address off a list; false when it was not on it.
    func unsuppress(_ email: String, from list: EspList) -> Bool {
        state.withLock { $0.suppressions[list]?.removeValue(forKey: email.lowercased()) != nil }
    }
}
