/// Generates what people did in the last 30 days (events, page and screen views, attribute changes).
/// Message activities (sent_email, …) are not stored here; they are derived from deliveries when listed.
enum ActivityGenerator {
    static let cap = 40_000

    static let eventNames = ["purchase", "added_to_cart", "viewed_product", "signed_in", "started_trial", "invited_teammate", "exported_report", "updated_billing"]
    static let pageURLs = ["https://lumenapp.io/pricing", "https://lumenapp.io/docs/getting-started", "https://lumenapp.io/blog/automations-101", "https://lumenapp.io/account/billing", "https://lumenapp.io/"]
    static let screenNames = ["Home", "Settings", "Checkout", "Reports", "Inbox"]
    static let changedAttributes = ["plan", "city", "language", "last_seen"]

    static func generate(customers: CustomerTable, seed: UInt64) -> [ActivityRecord] {
        guard customers.count > 0 else { return [] }
        var rng = SplitMix64(seed: SplitMix64.hash(seed, 0xAC71_7171))
        let wanted = min(cap, customers.count * 2)
        var result: [ActivityRecord] = []
        result.reserveCapacity(wanted)
        for _ in 0 ..< wanted {
            let row = rng.below(customers.count)
            let roll = rng.unit()
            let kind: ActivityRecord.Kind
            let name: Int
            switch roll {
            case ..<0.5: kind = .event; name = rng.skewed(eventNames.count)
            case ..<0.75: kind = .page; name = rng.below(pageURLs.count)
            case ..<0.85: kind = .screen; name = rng.below(screenNames.count)
            default: kind = .attributeChange; name = rng.below(changedAttributes.count)
            }
            let at = customers.anchor - 1 - rng.below(30 * 86_400)
            result.append(ActivityRecord(customer: Int32(row), kind: kind, nameIndex: UInt8(name), timestamp: at))
        }
        result.sort { $0.timestamp < $1.timestamp }
        return result
    }
}
