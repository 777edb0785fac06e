import CustomerIO

/// A segment: dynamic ones have a rule in the filter grammar; manual ones have explicit members (kept in the
/// mutable workspace state, since the Track API can change them).
struct SegmentRecord: Sendable {
    enum Kind: String, Sendable { case dynamic, manual }
    let id: Int
    var name: String
    var description: String
    let kind: Kind
    let rule: AudienceFilter?
    var state: String
    var progress: Int?
    var tags: [String]?
    let createdAt: Int
    var updatedAt: Int
}

/// A message step of a campaign or broadcast (email, push, SMS via Twilio, webhook…).
struct ActionRecord: Sendable {
    let id: Int
    let parentID: Int  // campaign or broadcast id
    let parentActionID: Int?
    let name: String
    let type: String  // email | push | twilio | webhook | slack | in_app
    let sendingState: String  // automatic | draft | off
    let subject: String
    let body: String
    let fromID: Int
    let from: String
    let replyToID: Int?
    let replyTo: String?
    let recipient: String
    let language: String
    let created: Int
    let updated: Int
    let url: String?
    let method: String?
    /// Share of the parent's volume that goes through this action.
    let weight: Double
}

/// A tracked link in a message with its share of clicks.
struct LinkRecord: Sendable {
    let id: Int
    let href: String
    let share: Double
}

/// A campaign ("automation") with its actions and daily metrics.
struct CampaignRecord: Sendable {
    let id: Int
    let name: String
    let type: String  // segment | event | date | form | relationship | object | webhook
    let state: String  // running | draft | stopped
    let created: Int
    let updated: Int
    let firstStarted: Int?
    let tags: [String]
    let actions: [ActionRecord]
    let triggerSegmentIDs: [Int]
    let filterSegmentIDs: [Int]
    let eventName: String?
    let dateAttribute: String?
    /// The daily volume the generator sends from; figures are counted from the deliveries, never read from here.
    let plan: DailySeries
    let links: [LinkRecord]
    let createdBy: String
}

/// An API-triggered broadcast with its actions, metrics and default audience.
struct BroadcastRecord: Sendable {
    let id: Int
    let name: String
    let state: String  // running | draft
    let created: Int
    let updated: Int
    let firstStarted: Int?
    let tags: [String]
    let actions: [ActionRecord]
    /// The audience used when a trigger names no recipients ("the recipients set in the UI").
    let audienceSegmentID: Int
    /// The daily volume the generator sends from; figures are counted from the deliveries.
    let plan: DailySeries
    let links: [LinkRecord]
    let createdBy: String
}

/// A message body variant of a newsletter or transactional template.
struct ContentRecord: Sendable {
    let id: Int
    let ownerID: Int
    let name: String
    let type: String  // email | push | twilio
    let subject: String
    let body: String
    let fromID: Int
    let from: String
    let replyTo: String?
    let recipient: String
    let language: String
    let created: Int
    let updated: Int
}

/// A newsletter ("one-time send"), sent or draft.
struct NewsletterRecord: Sendable {
    let id: Int
    let name: String
    let type: String
    let contents: [ContentRecord]
    let sentAt: Int?
    let created: Int
    let updated: Int
    let tags: [String]
    let recipientSegmentIDs: [Int]
    let subscriptionTopicID: Int?
    /// The daily volume the generator sends from; figures are counted from the deliveries.
    let plan: DailySeries
    let links: [LinkRecord]
}

/// A transactional message template, addressable by id or trigger name.
struct TemplateRecord: Sendable {
    let id: Int
    let name: String
    let triggerName: String
    let description: String
    /// Which send endpoint it belongs to: email | push | sms.
    let channel: String
    let sendToUnsubscribed: Bool
    let linkTracking: Bool
    let openTracking: Bool
    let hideMessageBody: Bool
    let queueDrafts: Bool
    let created: Int
    let updated: Int
    let contents: [ContentRecord]
    /// The daily volume the generator sends from; figures are counted from the deliveries.
    let plan: DailySeries
    let links: [LinkRecord]
}

/// One message sent to one person: the App API's "delivery". `seq` orders deliveries oldest → newest.
struct DeliveryRecord: Sendable {
    /// Its place in the history and its id, given once the generated history is sorted.
    var seq: Int
    var id: String
    /// Whose it is; a merge moves it to the person the secondary was merged into.
    var customer: Int32
    let type: String  // email | push | twilio | webhook | slack | in_app
    let campaignID: Int?
    let actionID: Int?
    let parentActionID: Int?
    let newsletterID: Int?
    let contentID: Int?
    let broadcastID: Int?
    let transactionalID: Int?
    let triggerID: Int?
    let templateID: Int
    let subject: String
    let recipient: String
    let created: Int
    var metrics: [(metric: DeliveryMetric, at: Int)]
    var failureMessage: String?
    let body: String
    let from: String
    /// The tracked link a click went to (0: none), one of its campaign's, broadcast's, newsletter's or template's.
    var link: Int32 = 0
    /// The HTTP status a webhook or Slack endpoint answered (0: not a webhook, or no answer).
    var httpStatus: Int16 = 0

    func reached(_ metric: DeliveryMetric) -> Int? {
        metrics.first { $0.metric == metric }?.at
    }
}

/// What an export was asked to contain; the file is rendered from this when downloaded.
enum ExportSelection: Sendable {
    case customers(AudienceFilter)
    case deliveries(DeliverySelector)
}

/// The deliveries an export (or a message list) selects.
struct DeliverySelector: Sendable, Hashable {
    var newsletterID: Int?
    var campaignID: Int?
    var transactionalID: Int?
    var actionID: Int?
    var broadcastID: Int?
    var start: Int?
    var end: Int?
    var metric: DeliveryMetric?
    var type: String?
    var drafts: Bool?

    func matches(_ delivery: DeliveryRecord) -> Bool {
        if let newsletterID, delivery.newsletterID != newsletterID { return false }
        if let campaignID, delivery.campaignID != campaignID { return false }
        if let transactionalID, delivery.transactionalID != transactionalID { return false }
        if let actionID, delivery.actionID != actionID { return false }
        if let broadcastID, delivery.broadcastID != broadcastID { return false }
        if let start, delivery.created < start { return false }
        if let end, delivery.created > end { return false }
        if let metric, delivery.reached(metric) == nil { return false }
        if let type, delivery.type != type { return false }
        if let drafts {
            let drafted = delivery.reached(.drafted) != nil
            if drafted != drafts { return false }
        }
        return true
    }
}

/// An export job. It is pending until `readyAt` (monotonic seconds) and done after.
struct ExportRecord: Sendable {
    let id: Int
    let type: String  // customers | deliveries
    let description: String
    let createdAt: Int
    let readyAt: Double
    let failed: Bool
    let selection: ExportSelection
    var total: Int
    var downloads: Int
    /// How many times the export list has shown it (for `SandboxOptions.exportListings`).
    var listings = 0
    /// The people a customers export holds, fixed when its total was counted: the file has exactly those rows,
    /// whoever joins or leaves the selection afterwards (deliveries only ever grow, so a deliveries export keeps
    /// the first `total` matches).
    var members: [Int32] = []
}

/// One API trigger of a broadcast; its deliveries are created once it is processed.
struct TriggerRecord: Sendable {
    let id: Int
    let broadcastID: Int
    let createdAt: Int
    var processedAt: Int?
    /// Monotonic time at which the sandbox processes it (a moment after it was accepted).
    let processAfter: Double
    let audience: [Int32]
    var errors: [String]
}

struct SenderIdentityRecord: Sendable {
    let id: Int
    let name: String
    let email: String
    let templateType: String  // email | phone
    let autoGenerated: Bool
    let created: Int
    var address: String { templateType == "email" ? "\(name) <\(email)>" : email }
}

struct CollectionRecord: Sendable {
    let id: Int
    let name: String
    let rows: [[(String, SandboxJSON)]]
    let created: Int
    let updated: Int
}

struct SnippetRecord: Sendable {
    let name: String
    let value: String
    let updatedAt: Int
}

struct TopicRecord: Sendable {
    let id: Int
    let name: String
    let description: String
    let subscribedByDefault: Bool
}

/// Something a person did, other than receiving a message (those activities are derived from deliveries).
struct ActivityRecord: Sendable {
    enum Kind: UInt8, Sendable { case event, page, screen, attributeChange }
    let customer: Int32
    let kind: Kind
    let nameIndex: UInt8
    let timestamp: Int
}
