import CustomerIO
import Foundation

/// Whether a person can be reached on each channel, and why not: "why didn't they get it?" answered from the
/// profile, the subscription preferences, the ESP's suppression lists and the latest deliveries.
public struct Reachability: Sendable, Hashable {
    /// A channel a message reaches a person on.
    public enum Channel: String, Sendable, CaseIterable, Codable {
        case email, sms, push

        /// As a person says it.
        public var title: String { self == .sms ? "SMS" : rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    /// How sure the answer is.
    public enum Verdict: String, Sendable, Codable {
        case reachable
        /// Reachable as far as the workspace says, with a reason to doubt it (only stale devices).
        case doubtful
        case unreachable = "not reachable"
    }

    /// A fact behind a verdict; `delivery` names the message it comes from, when it does.
    public struct Evidence: Sendable, Hashable, Codable {
        public var label: String
        public var text: String
        public var delivery: String?

        public init(_ label: String, _ text: String, delivery: String? = nil) {
            self.label = label
            self.text = text
            self.delivery = delivery
        }
    }

    /// One channel's answer: the verdict, the reason in a sentence, and the facts behind it.
    public struct Answer: Sendable, Hashable, Codable {
        public var channel: Channel
        public var verdict: Verdict
        /// "c.mendoza@libero.it", or why not: "suppressed at the ESP since 2026-11-02: bounce, 550".
        public var reason: String
        public var evidence: [Evidence]
        /// The ESP list the address is on, when that is why (unsuppressing takes it off).
        public var suppressedOn: SuppressionType?
        /// The ESP's entry for the address, when it is suppressed.
        public var suppression: Suppression?
        /// The address or number the channel goes to, when the profile has one.
        public var address: String?
        /// Why it is not reachable (or in doubt), typed; nil when it is reachable.
        public var cause: Cause?
    }

    /// Why a channel cannot reach a person, or is in doubt.
    public enum Cause: String, Sendable, Hashable, Codable {
        case noAddress, unsubscribed, suppressed, notE164, noDevices, staleDevices, devicesUnknown
    }

    public var answers: [Answer]

    public func answer(_ channel: Channel) -> Answer? { answers.first { $0.channel == channel } }
}

/// What the verdicts are made from.
public struct ReachabilityFacts: Sendable {
    public var profile: CustomerProfile
    public var preferences: SubscriptionPreferences?
    /// The lists the person's address is on (empty when none, or when the person has no address); a list the API
    /// names but the client does not know has no type.
    public var suppressions: [(type: SuppressionType?, entry: Suppression)]
    /// The person's latest deliveries, newest first.
    public var deliveries: [Delivery]
    public var now: Int

    public init(profile: CustomerProfile, preferences: SubscriptionPreferences?, suppressions: [(type: SuppressionType?, entry: Suppression)],
                deliveries: [Delivery], now: Int) {
        self.profile = profile
        self.preferences = preferences
        self.suppressions = suppressions
        self.deliveries = deliveries
        self.now = now
    }

    /// The address email goes to.
    public var email: String? { nonEmpty(profile.identifiers?.email) ?? nonEmpty(profile.attributes["email"]?.displayText) }
    /// The number SMS goes to.
    public var phone: String? { nonEmpty(profile.attributes["phone"]?.displayText) }
    /// Unsubscribed from everything: the profile's own flag, its attribute, or the preferences.
    public var unsubscribed: Bool {
        profile.saysUnsubscribed ?? preferences?.unsubscribed ?? false
    }

    private func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }
}
