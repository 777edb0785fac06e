import Foundation

// Every App API response is wrapped in a key named after the resource (`segments`, `segment`…);
// the response types in this folder model those envelopes one by one. The exceptions are
// `BroadcastTrigger` and `SenderIdentityUsage` (bare objects) and collection content (raw JSON).

/// A response holding one page of a cursor-paged list: pass `next` back as `start` until it is nil.
public protocol CursorPage: Sendable {
    associatedtype Item: Sendable
    /// The rows on this page, whatever the envelope key is called.
    var items: [Item] { get }
    /// The cursor for the following page; nil (never `""`) when this is the last one.
    var next: String? { get }
}

extension CursorPage {
    /// True while there is another page to fetch.
    public var hasMore: Bool { next != nil }
}

extension CustomerSearchPage: CursorPage {
    public var items: [CustomerIdentifiers] { identifiers }
}

extension MessagesPage: CursorPage {
    public var items: [Delivery] { messages }
}

extension ActivitiesPage: CursorPage {
    public var items: [Activity] { activities }
}

extension RelationshipsPage: CursorPage {
    public var items: [Relationship] { cioRelationships }
}

extension ActionsPage: CursorPage {
    public var items: [CampaignAction] { actions }
}

extension NewslettersPage: CursorPage {
    public var items: [Newsletter] { newsletters }
}

extension TriggerErrorsPage: CursorPage {
    public var items: [String] { errors }
}

extension SenderIdentitiesPage: CursorPage {
    public var items: [SenderIdentity] { senderIdentities }
}
