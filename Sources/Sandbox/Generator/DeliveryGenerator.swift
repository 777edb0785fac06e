/// Generates the sample of past deliveries (messages) linking people to campaigns, broadcasts, newsletters and
/// transactional templates. Their number is capped so a million-person workspace stays fast; the metric series
/// are the aggregate truth, these are the browsable examples.
enum DeliveryGenerator {
    static let cap = 60_000

    /// One place messages come from, with its daily volume.
    private struct Source {
        let type: String
        let campaignID: Int?
        let actionID: Int?
        let parentActionID: Int?
        let newsletterID: Int?
        let contentID: Int?
        let broadcastID: Int?
        let transactionalID: Int?
        let templateID: Int
        let subject: String
        let body: String
        let from: String
        let url: String?
        let draft: Bool
        let marketing: Bool
        let days: WeightedPicker
        let total: Double
    }

    static func generate(
        customers: CustomerTable, campaigns: [CampaignRecord], broadcasts: [BroadcastRecord], newsletters: [NewsletterRecord],
        templates: [TemplateRecord], triggers: [TriggerRecord], seed: UInt64
    ) -> [DeliveryRecord] {
        guard customers.count > 0 else { return [] }
        var sources: [Source] = []
        func add(_ series: DailySeries, share: Double, draft: Bool, make: (WeightedPicker, Double) -> Source) {
            let weights = (0 ..< series.days).map { Double(series[.sent, $0]) * share + 1e-9 }
            let total = weights.reduce(0, +) * (draft ? 0.15 : 1)
            if total >= 0.5 { sources.append(make(WeightedPicker(weights: weights), total)) }
        }
        for campaign in campaigns {
            for action in campaign.actions {
                add(campaign.series, share: action.weight, draft: action.sendingState == "draft") { days, total in
                    Source(type: action.type, campaignID: campaign.id, actionID: action.id, parentActionID: action.parentActionID,
                           newsletterID: nil, contentID: nil, broadcastID: nil, transactionalID: nil, templateID: action.id,
                           subject: action.subject, body: action.body, from: action.from, url: action.url,
                           draft: action.sendingState == "draft", marketing: true, days: days, total: total)
                }
            }
        }
        for broadcast in broadcasts {
            for action in broadcast.actions {
                add(broadcast.series, share: action.weight, draft: false) { days, total in
                    Source(type: action.type, campaignID: nil, actionID: action.id, parentActionID: nil, newsletterID: nil,
                           contentID: nil, broadcastID: broadcast.id, transactionalID: nil, templateID: action.id,
                           subject: action.subject, body: action.body, from: action.from, url: nil, draft: false,
                           marketing: true, days: days, total: total)
                }
            }
        }
        for newsletter in newsletters {
            for content in newsletter.contents {
                add(newsletter.series, share: 1 / Double(newsletter.contents.count), draft: false) { days, total in
                    Source(type: "email", campaignID: nil, actionID: nil, parentActionID: nil, newsletterID: newsletter.id,
                           contentID: content.id, broadcastID: nil, transactionalID: nil, templateID: content.id,
                           subject: content.subject, body: content.body, from: content.from, url: nil, draft: false,
                           marketing: true, days: days, total: total)
                }
            }
        }
        for template in templates {
            let content = template.contents[0]
            add(template.series, share: 1, draft: false) { days, total in
                Source(type: content.type, campaignID: nil, actionID: nil, parentActionID: nil, newsletterID: nil,
                       contentID: nil, broadcastID: nil, transactionalID: template.id, templateID: content.id,
                       subject: content.subject, body: content.body, from: content.from, url: nil, draft: false,
                       marketing: false, days: days, total: total)
            }
        }
        guard !sources.isEmpty else { return [] }

        let totalVolume = sources.reduce(0) { $0 + $1.total }
        let wanted = min(cap, customers.count * 3, Int(totalVolume))
        let sourcePicker = WeightedPicker(weights: sources.map(\.total))
        var rng = SplitMix64(seed: SplitMix64.hash(seed, 0xDE11_7E41))
        let firstDay = customers.anchor - (campaigns.first?.series.days ?? 90) * 86_400
        let triggersByBroadcastDay = Dictionary(grouping: triggers) { "\($0.broadcastID):\(($0.createdAt - firstDay) / 86_400)" }

        var drafts: [DeliveryRecord] = []
        drafts.reserveCapacity(wanted)
        for _ in 0 ..< wanted {
            let source = sources[sourcePicker.pick(&rng)]
            guard let row = pickPerson(for: source, customers: customers, rng: &rng) else { continue }
            let day = source.days.pick(&rng)
            let hour = WeightedPicker.hours.pick(&rng)
            let created = firstDay + day * 86_400 + hour * 3_600 + rng.below(3_600)
            let recipient: String
            switch source.type {
            case "push": recipient = customers.devices(row).first?.id ?? customers.id(row)
            case "twilio": recipient = customers.phone(row) ?? ""
            case "webhook", "slack": recipient = source.url ?? "https://hooks.lumenapp.io/cio"
            default: recipient = customers.email(row)
            }
            let (metrics, failure) = outcome(type: source.type, draft: source.draft, created: created, limit: customers.anchor - 1, rng: &rng)
            let trigger = source.broadcastID.flatMap { triggersByBroadcastDay["\($0):\(day)"]?.first?.id }
            drafts.append(DeliveryRecord(
                seq: 0, id: "", customer: Int32(row), type: source.type, campaignID: source.campaignID, actionID: source.actionID,
                parentActionID: source.parentActionID, newsletterID: source.newsletterID, contentID: source.contentID,
                broadcastID: source.broadcastID, transactionalID: source.transactionalID, triggerID: trigger,
                templateID: source.templateID, subject: source.subject, recipient: recipient, created: created,
                metrics: metrics, failureMessage: failure, body: source.body, from: source.from
            ))
        }
        drafts.sort { $0.created < $1.created }
        return drafts.enumerated().map { index, draft in
            DeliveryRecord(
                seq: index, id: messageID(seed: seed, seq: index), customer: draft.customer, type: draft.type,
                campaignID: draft.campaignID, actionID: draft.actionID, parentActionID: draft.parentActionID,
                newsletterID: draft.newsletterID, contentID: draft.contentID, broadcastID: draft.broadcastID,
                transactionalID: draft.transactionalID, triggerID: draft.triggerID, templateID: draft.templateID,
                subject: draft.subject, recipient: draft.recipient, created: draft.created, metrics: draft.metrics,
                failureMessage: draft.failureMessage, body: draft.body, from: draft.from
            )
        }
    }

    /// Someone who can receive this kind of message (a phone for SMS, a device for push, subscribed for marketing).
    private static func pickPerson(for source: Source, customers: CustomerTable, rng: inout SplitMix64) -> Int? {
        for _ in 0 ..< 12 {
            let row = rng.below(customers.count)
            if source.marketing && customers.isUnsubscribed(row) { continue }
            switch source.type {
            case "push" where customers.flags[row] & (CustomerTable.Flag.ios | CustomerTable.Flag.android) == 0: continue
            case "twilio" where !customers.has(CustomerTable.Flag.phone, row): continue
            default: return row
            }
        }
        return nil
    }

    /// What happened to one message: the metric → time map and a failure message for failures and bounces.
    static func outcome(type: String, draft: Bool, created: Int, limit: Int, rng: inout SplitMix64) -> ([(metric: DeliveryMetric, at: Int)], String?) {
        var metrics: [(metric: DeliveryMetric, at: Int)] = [(.created, created)]
        func add(_ metric: DeliveryMetric, after base: Int, within seconds: Int) -> Int {
            let at = min(limit, base + 1 + rng.below(max(1, seconds)))
            metrics.append((metric, at))
            return at
        }
        if draft {
            _ = add(.drafted, after: created, within: 5)
            return (metrics, nil)
        }
        let attempted = add(.attempted, after: created, within: 30)
        let roll = rng.unit()
        switch type {
        case "email":
            if roll < 0.01 {
                _ = add(.failed, after: attempted, within: 60)
                return (metrics, rng.pick(emailFailures))
            }
            let sent = add(.sent, after: attempted, within: 60)
            if roll < 0.022 {
                _ = add(.bounced, after: sent, within: 300)
                return (metrics, rng.pick(bounces))
            }
            let delivered = add(.delivered, after: sent, within: 30)
            if rng.chance(0.38) {
                let opened = add(.opened, after: delivered, within: rng.chance(0.6) ? 3_600 : 2 * 86_400)
                metrics.append(rng.chance(0.8) ? (.humanOpened, opened) : (.prefetchOpened, opened))
                if rng.chance(0.22) {
                    let clicked = add(.clicked, after: opened, within: 1_800)
                    metrics.append(rng.chance(0.92) ? (.humanClicked, clicked) : (.prefetchClicked, clicked))
                    if rng.chance(0.15) { _ = add(.converted, after: clicked, within: 86_400) }
                }
                if rng.chance(0.01) { _ = add(.unsubscribed, after: opened, within: 600) }
            }
            if rng.chance(0.001) { _ = add(.spammed, after: delivered, within: 86_400) }
        case "push":
            if roll < 0.03 {
                _ = add(.failed, after: attempted, within: 10)
                return (metrics, "Device token is no longer registered (410 Unregistered)")
            }
            let sent = add(.sent, after: attempted, within: 10)
            if rng.chance(0.93) {
                let delivered = add(.delivered, after: sent, within: 20)
                if rng.chance(0.13) { _ = add(.opened, after: delivered, within: 7_200) }
            }
        case "twilio":
            if roll < 0.02 {
                _ = add(.failed, after: attempted, within: 10)
                return (metrics, rng.pick(smsFailures))
            }
            let sent = add(.sent, after: attempted, within: 10)
            if rng.chance(0.97) {
                let delivered = add(.delivered, after: sent, within: 60)
                if rng.chance(0.05) { _ = add(.clicked, after: delivered, within: 3_600) }
            } else {
                _ = add(.undeliverable, after: sent, within: 600)
                return (metrics, "Unreachable destination handset (30003)")
            }
        default:
            if roll < 0.025 {
                _ = add(.failed, after: attempted, within: 10)
                return (metrics, "HTTP 502 Bad Gateway from endpoint")
            }
            _ = add(.sent, after: attempted, within: 5)
        }
        return (metrics, nil)
    }

    static let emailFailures = [
        "550 5.1.1 The email account that you tried to reach does not exist",
        "Invalid recipient address",
        "Liquid rendering error: undefined method 'first_name' for nil",
        "Message suppressed: address is on the bounce list",
    ]
    static let bounces = [
        "Hard bounce: 550 5.1.1 mailbox unavailable",
        "Soft bounce: 452 4.2.2 mailbox full",
        "Hard bounce: 554 5.7.1 message rejected as spam",
    ]
    static let smsFailures = ["Invalid 'To' phone number (21211)", "Carrier violation (30007)", "Landline or unreachable carrier (30006)"]

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
