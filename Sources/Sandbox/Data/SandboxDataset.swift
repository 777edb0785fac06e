import CustomerIO
import Foundation

/// The generated workspace: people, segments, campaigns, broadcasts, newsletters, templates, deliveries and the
/// rest. Immutable and deterministic (same seed and anchor → identical data); the server layers its changes on top.
public struct SandboxDataset: Sendable {
    let seed: UInt64
    /// Start of the UTC day the data is anchored to: series cover the `days` days before it.
    let anchor: Int
    /// The moment the generated history ends (the anchor date itself): nothing generated happens at or after it.
    let horizon: Int
    let days: Int
    let customers: CustomerTable
    let segments: [SegmentRecord]
    let manualMembers: [Int: Set<Int32>]
    let campaigns: [CampaignRecord]
    let broadcasts: [BroadcastRecord]
    let newsletters: [NewsletterRecord]
    let templates: [TemplateRecord]
    let senders: [SenderIdentityRecord]
    let collections: [CollectionRecord]
    let snippets: [SnippetRecord]
    let topics: [TopicRecord]
    let deliveries: [DeliveryRecord]
    let triggers: [TriggerRecord]
    let exports: [ExportRecord]
    let activities: [ActivityRecord]

    /// The largest workspace the generator agrees to build.
    public static let maximumCustomers = 1_000_000

    /// Generates a workspace anchored at the start of today (UTC) on the process's clock.
    public static func generate(customers: Int, seed: UInt64) -> SandboxDataset {
        generate(customers: customers, seed: seed, anchor: WallClock.now())
    }

    /// Generates a workspace whose plans end at the start of the UTC day containing `anchor` and whose deliveries
    /// run on, on the plan of a week before, up to `anchor` itself.
    /// `campaigns` above the catalog's own number makes more, from the same blueprints (for benchmarks).
    public static func generate(customers: Int, seed: UInt64, anchor: Date, campaigns: Int = 0) -> SandboxDataset {
        let count = max(0, min(customers, maximumCustomers))
        let seconds = Int(anchor.timeIntervalSince1970)
        let dayStart = seconds - ((seconds % 86_400) + 86_400) % 86_400
        return SandboxDataset(count: count, seed: seed, anchor: dayStart, horizon: seconds, campaignCount: min(max(0, campaigns), 2_000))
    }

    private init(count: Int, seed: UInt64, anchor: Int, horizon: Int, campaignCount: Int) {
        self.seed = seed
        self.anchor = anchor
        self.horizon = horizon
        days = 90
        customers = CustomerGenerator.generate(count: count, seed: seed, anchor: anchor)
        segments = SegmentCatalog.segments(anchor: anchor)
        var membersRNG = SplitMix64(seed: SplitMix64.hash(seed, 0x5E6))
        manualMembers = SegmentCatalog.manualMembers(customers: customers, rng: &membersRNG)
        senders = WorkspaceCatalog.senders(anchor: anchor)
        var context = CatalogContext(seed: seed, anchor: anchor, days: days, customerCount: count, senders: senders)
        campaigns = CampaignCatalog.campaigns(context: &context, count: campaignCount)
        broadcasts = MessagingCatalog.broadcasts(context: &context)
        newsletters = MessagingCatalog.newsletters(context: &context)
        templates = MessagingCatalog.templates(context: &context)
        collections = WorkspaceCatalog.collections(anchor: anchor)
        snippets = WorkspaceCatalog.snippets(anchor: anchor)
        topics = WorkspaceCatalog.topics
        triggers = MessagingCatalog.pastTriggers(broadcasts: broadcasts, firstDay: context.firstDay)
        deliveries = DeliveryGenerator.generate(
            customers: customers, campaigns: campaigns, broadcasts: broadcasts, newsletters: newsletters,
            templates: templates, triggers: triggers, seed: seed, horizon: horizon
        )
        activities = ActivityGenerator.generate(customers: customers, seed: seed)
        exports = ExportCatalog.exports(anchor: anchor, customers: customers, campaigns: campaigns)
    }

    /// How many people the workspace holds.
    public var customerCount: Int { customers.count }
    public var segmentCount: Int { segments.count }
    public var campaignCount: Int { campaigns.count }
    public var broadcastCount: Int { broadcasts.count }
    public var newsletterCount: Int { newsletters.count }
    public var transactionalTemplateCount: Int { templates.count }
    public var deliveryCount: Int { deliveries.count }
    /// The unix time the generated history ends at (start of the anchor day, UTC).
    public var anchorTime: Int { anchor }

    /// A 64-bit digest of the generated data, for checking that one seed always builds the same workspace.
    public var fingerprint: UInt64 {
        var hasher = Fingerprinter()
        hasher.add(customers.count)
        hasher.add(customers.firstName.map(Int.init))
        hasher.add(customers.lastName.map(Int.init))
        hasher.add(customers.emailStyle.map(Int.init))
        hasher.add(customers.emailDomain.map(Int.init))
        hasher.add(customers.city.map(Int.init))
        hasher.add(customers.plan.map(Int.init))
        hasher.add(customers.company.map(Int.init))
        hasher.add(customers.language.map(Int.init))
        hasher.add(customers.createdAt.map(Int.init))
        hasher.add(customers.lastSeen.map(Int.init))
        hasher.add(customers.lifetimeCents.map(Int.init))
        hasher.add(customers.flags.map(Int.init))
        for members in manualMembers.sorted(by: { $0.key < $1.key }) { hasher.add(members.value.map(Int.init).sorted()) }
        for campaign in campaigns {
            hasher.add(campaign.name)
            hasher.add(campaign.state)
            hasher.add(campaign.actions.map(\.id))
            hasher.add(campaign.plan.values.map(Int.init))
        }
        for broadcast in broadcasts { hasher.add(broadcast.plan.values.map(Int.init)) }
        for newsletter in newsletters { hasher.add(newsletter.plan.values.map(Int.init)); hasher.add(newsletter.sentAt ?? 0) }
        for template in templates { hasher.add(template.plan.values.map(Int.init)) }
        for delivery in deliveries {
            hasher.add(delivery.id)
            hasher.add(Int(delivery.customer))
            hasher.add(delivery.created)
            hasher.add(delivery.metrics.map { Int($0.metric.rawValue) << 40 | $0.at })
        }
        for activity in activities { hasher.add(Int(activity.customer) << 40 | activity.timestamp) }
        return hasher.value
    }
}

/// FNV-1a over integers and strings; stable across runs (unlike `Hasher`, which is seeded per process).
struct Fingerprinter {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ number: Int) {
        var bits = UInt64(bitPattern: Int64(number))
        for _ in 0 ..< 8 {
            value ^= bits & 0xFF
            value &*= 0x0100_0000_01B3
            bits >>= 8
        }
    }

    mutating func add(_ numbers: [Int]) {
        add(numbers.count)
        for number in numbers { add(number) }
    }

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0100_0000_01B3
        }
        add(0)
    }
}
