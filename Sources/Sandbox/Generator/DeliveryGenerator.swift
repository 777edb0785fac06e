/// Generates every message the workspace's figures count: a person, a message, a channel, and each state it reached
/// with its time. Deliveries come first and every metric is counted from them, so figures and message lists agree.
/// The catalogs' plans give each source its daily volume; a workspace sends at most `perPerson` messages a person
/// over the 90 days and `cap` in all (every plan scaled down alike), so a million-person workspace stays fast.
enum DeliveryGenerator {
    static let cap = 60_000
    static let perPerson = 6

    /// The history, oldest first, numbered and with ids. Each source draws from a generator of its own, so one
    /// source's messages do not change when another's do.
    static func generate(
        customers: CustomerTable, campaigns: [CampaignRecord], broadcasts: [BroadcastRecord], newsletters: [NewsletterRecord],
        templates: [TemplateRecord], triggers: [TriggerRecord], seed: UInt64, horizon: Int
    ) -> [DeliveryRecord] {
        guard customers.count > 0 else { return [] }
        let firstDay = customers.anchor - (campaigns.first?.plan.days ?? 90) * 86_400
        let catalog = DeliverySources(firstDay: firstDay, triggers: triggers)
        let sources = catalog.campaigns(campaigns) + catalog.broadcasts(broadcasts) + catalog.newsletters(newsletters)
            + catalog.templates(templates)
        let planned = sources.reduce(0) { $0 + $1.daily.reduce(0, +) }
        let budget = Double(min(cap, customers.count * perPerson))
        let scale = planned > budget ? budget / planned : 1
        var made: [DeliveryRecord] = []
        made.reserveCapacity(Int(min(planned, budget) * 1.05) + 16)
        for (index, source) in sources.enumerated() {
            var rng = SplitMix64(seed: SplitMix64.hash(seed, 0xDE11_7E41, UInt64(index)))
            let context = source.context(rates: .init(seed: seed, source: index), horizon: horizon)
            for day in source.daily.indices {
                for _ in 0 ..< stochasticRound(source.daily[day] * scale, &rng) {
                    let (created, trigger) = source.moment(day: day, firstDay: firstDay, rng: &rng)
                    guard created < horizon, let row = pickPerson(for: source, at: created, customers: customers, rng: &rng) else { continue }
                    let outcome = DeliveryOutcome.make(type: source.prototype.type, draft: source.draft, created: created, context: context, rng: &rng)
                    made.append(source.prototype.sent(
                        to: Int32(row), recipient: recipient(source, row: row, customers: customers), created: created,
                        trigger: trigger, outcome: outcome
                    ))
                }
            }
        }
        made.sort { ($0.created, $0.customer) < ($1.created, $1.customer) }
        dropAfterHardBounces(&made, rng: SplitMix64(seed: SplitMix64.hash(seed, 0xB0B0)))
        for index in made.indices {
            made[index].seq = index
            made[index].id = messageID(seed: seed, seq: index)
        }
        return made
    }

    /// The ESP refuses to send to an address that hard bounced: every later email to it is dropped (suppressed)
    /// instead of sent, as the real service reports it. `deliveries` are in the order they were created.
    static func dropAfterHardBounces(_ deliveries: inout [DeliveryRecord], rng: SplitMix64) {
        var rng = rng
        var listedAt: [String: Int] = [:]
        for index in deliveries.indices where deliveries[index].type == "email" {
            let delivery = deliveries[index]
            let address = delivery.recipient.lowercased()
            if let listed = listedAt[address], delivery.created > listed, delivery.reached(.drafted) == nil {
                deliveries[index].metrics = [(.created, delivery.created), (.dropped, delivery.created + 1 + rng.below(30))]
                deliveries[index].failureMessage = "Message suppressed: address is on the bounce list"
                deliveries[index].link = 0
            } else if let bounced = delivery.reached(.bounced), delivery.failureMessage?.hasPrefix("Soft bounce") != true {
                listedAt[address] = min(listedAt[address] ?? .max, bounced)
            }
        }
    }

    /// A whole number whose expected value is `value` (0.3 a day still adds up over a month).
    static func stochasticRound(_ value: Double, _ rng: inout SplitMix64) -> Int {
        let floor = value.rounded(.down)
        return Int(floor) + (rng.unit() < value - floor ? 1 : 0)
    }

    private static func recipient(_ source: DeliverySource, row: Int, customers: CustomerTable) -> String {
        switch source.prototype.type {
        case "push": customers.devices(row).first?.id ?? customers.id(row)
        case "twilio": customers.phone(row) ?? ""
        case "webhook", "slack": source.url ?? "https://hooks.lumenapp.io/cio"
        default: customers.email(row)
        }
    }

    /// Someone who may receive this message at that moment: signed up by then, with an address on its channel
    /// (a phone for SMS, a device for push), and subscribed unless the message is transactional and says it may
    /// reach the unsubscribed.
    private static func pickPerson(for source: DeliverySource, at time: Int, customers: CustomerTable, rng: inout SplitMix64) -> Int? {
        for _ in 0 ..< 12 {
            let row = rng.below(customers.count)
            if Int(customers.createdAt[row]) > time { continue }
            if !source.reachesUnsubscribed && customers.isUnsubscribed(row) { continue }
            switch source.prototype.type {
            case "push" where customers.flags[row] & (CustomerTable.Flag.ios | CustomerTable.Flag.android) == 0: continue
            case "twilio" where !customers.has(CustomerTable.Flag.phone, row): continue
            default: return row
            }
        }
        return nil
    }

/// Delivery ids look like the vendor's: 36 URL-safe base64 characters ending in "=".
    static func messageID(seed: UInt64, seq: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(26)
        for part in 0 ..< 4 {
            let value = SplitMix64.hash(seed, 0x3E55_A6E1, UInt64(seq), UInt64(part))
            for shift in stride(from: 0, to: 64, by: 8) where bytes.count < 26 { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
        }
        return Base64URL.encode(bytes)
    }
}

extension WeightedPicker {
    /// Picks an hour of the day with the sandbox's daily rhythm.
    static let hours = WeightedPicker(weights: DailySeries.hourWeights)
}

/// URL-safe base64 with padding, the alphabet of the vendor's delivery ids (they contain `-`, `_` and `=`).
enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = UInt32(bytes[index])
            let b1 = index + 1 < bytes.count ? UInt32(bytes[index + 1]) : 0
            let b2 = index + 2 < bytes.count ? UInt32(bytes[index + 2]) : 0
            let triple = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(triple >> 18 & 63)])
            out.append(alphabet[Int(triple >> 12 & 63)])
            out.append(index + 1 < bytes.count ? alphabet[Int(triple >> 6 & 63)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(triple & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
