import Foundation
import Testing
@testable import CustomerIO

// Decodes the example bodies the vendor's reference renders (Fixtures/vendor/*.json, built from the
// spec's property examples, quirks included) and checks that encoding gives back the vendor's shape.

// MARK: - Fixture plumbing

/// The `body` of a vendor example file, as JSON data.
private func vendorBody(_ name: String) throws -> Data {
    let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
    let data = try Data(contentsOf: fixtures.appendingPathComponent("vendor/\(name).json"))
    let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let body = try #require(file["body"])
    return try JSONSerialization.data(withJSONObject: body, options: [.fragmentsAllowed])
}

private func decodeVendor<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
    try JSONDecoder().decode(T.self, from: vendorBody(name))
}

private func decodeJSON<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(json.utf8))
}

/// Encodes, decodes again, and expects the same value back.
private func expectRoundTrip<T: Codable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let again = try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    #expect(again == value, sourceLocation: sourceLocation)
}

private func encodedJSON<T: Encodable>(_ value: T) throws -> JSONValue {
    try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
}

/// Every key path in a JSON value, array positions collapsed to `[]`.
private func keyPaths(_ value: JSONValue, prefix: String = "") -> Set<String> {
    switch value {
    case .object(let object):
        return object.reduce(into: Set<String>()) { paths, entry in
            let path = prefix.isEmpty ? entry.key : "\(prefix).\(entry.key)"
            paths.insert(path)
            paths.formUnion(keyPaths(entry.value, prefix: path))
        }
    case .array(let items):
        return items.reduce(into: Set<String>()) { $0.formUnion(keyPaths($1, prefix: prefix + "[]")) }
    default:
        return []
    }
}

/// Drops members that carry nothing: nulls (encoding leaves absent optionals out) and empty
/// arrays or objects (encoding always writes list and map fields, even when the vendor left them out).
private func pruned(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
        return .object(object.mapValues(pruned).filter { !$0.value.isNull && $0.value != [] && $0.value != .object([:]) })
    case .array(let items): return .array(items.map(pruned))
    default: return value
    }
}

/// One vendor example and the model that reads it.
struct VendorCase: Sendable, CustomTestStringConvertible {
    let fixture: String
    /// True when the example has no quirks, so `encode(decode(x))` must equal `x` minus its nulls.
    let exact: Bool
    /// Decodes, checks the round trip, and returns the re-encoded JSON.
    let reencode: @Sendable (Data) throws -> JSONValue

    var testDescription: String { fixture }

    init<T: Codable & Hashable & Sendable>(_ fixture: String, _ type: T.Type, exact: Bool = true) {
        self.fixture = fixture
        self.exact = exact
        reencode = { data in
            let value = try JSONDecoder().decode(T.self, from: data)
            let encoded = try JSONEncoder().encode(value)
            #expect(try JSONDecoder().decode(T.self, from: encoded) == value, "round trip of \(fixture)")
            return try JSONDecoder().decode(JSONValue.self, from: encoded)
        }
    }

    static let all: [VendorCase] = [
        // Customers
        .init("getPeopleEmail", CustomerLookupResponse.self, exact: false),
        .init("getPeopleFilter", CustomerSearchPage.self, exact: false),
        .init("getSegmentMembership", SegmentMembershipPage.self, exact: false),
        .init("getPersonAttributes", CustomerAttributesResponse.self),
        .init("getPeopleById", BulkCustomerAttributesResponse.self),
        .init("getPersonSegments", CustomerSegmentsResponse.self, exact: false),
        .init("getPersonActivities", ActivitiesPage.self, exact: false),
        .init("listActivities", ActivitiesPage.self, exact: false),
        .init("getPersonRelationships", RelationshipsPage.self),
        .init("getPersonSubscriptionPreferences", SubscriptionPreferencesResponse.self, exact: false),
        // Segments
        .init("listSegments", SegmentsResponse.self, exact: false),
        .init("getSegment", SegmentResponse.self, exact: false),
        .init("createManSegment", SegmentResponse.self, exact: false),
        .init("getSegmentCount", SegmentCountResponse.self),
        .init("getSegmentDependencies", SegmentUsageResponse.self),
        // Messages
        .init("listMessages", MessagesPage.self),
        .init("getMessage", MessageResponse.self),
        .init("getPersonMessages", MessagesPage.self, exact: false),
        .init("getCampaignMessages", MessagesPage.self, exact: false),
        .init("broadcastMessages", MessagesPage.self, exact: false),
        .init("getNewsletterMsgMeta", MessagesPage.self),
        .init("transactionalMessages", MessagesPage.self, exact: false),
        .init("getArchivedMessage", ArchivedMessageResponse.self),
        // Campaigns and actions
        .init("listCampaigns", CampaignsResponse.self),
        .init("getCampaigns", CampaignResponse.self),
        .init("listCampaignActions", ActionsPage.self),
        .init("getCampaignAction", ActionResponse.self),
        .init("getCampaignActionTranslation", ActionResponse.self),
        .init("updateCampaignAction", ActionResponse.self),
        .init("updateCampaignActionTranslation", ActionResponse.self),
        .init("broadcastActions", ActionsPage.self),
        .init("getBroadcastAction", ActionResponse.self),
        .init("getBroadcastActionLanguage", ActionResponse.self),
        .init("updateBroadcastAction", ActionResponse.self),
        .init("updateBroadcastActionLanguage", ActionResponse.self),
        // Metrics
        .init("campaignMetrics", MetricsResponse.self),
        .init("campaignActionMetrics", MetricsResponse.self),
        .init("broadcastMetrics", MetricsResponse.self),
        .init("broadcastActionMetrics", MetricsResponse.self),
        .init("getNewsletterMetrics", MetricsResponse.self),
        .init("getVariantMetrics", MetricsResponse.self),
        .init("transactionalMetrics", MetricsResponse.self),
        .init("campaignLinkMetrics", LinkMetricsResponse.self),
        .init("campaignActionLinks", LinkMetricsResponse.self),
        .init("broadcastLinks", LinkMetricsResponse.self),
        .init("broadcastActionLinks", LinkMetricsResponse.self),
        .init("getNewsletterLinks", LinkMetricsResponse.self),
        .init("getVariantLinks", LinkMetricsResponse.self),
        .init("transactionalLinks", LinkMetricsResponse.self),
        .init("campaignJourneyMetrics", JourneyMetricsResponse.self),
        // Broadcasts
        .init("listBroadcasts", BroadcastsResponse.self, exact: false),
        .init("getBroadcast", BroadcastResponse.self, exact: false),
        .init("broadcastStatus", BroadcastTrigger.self),
        .init("listBroadcastTriggers", BroadcastTriggersResponse.self),
        .init("broadcastErrors", TriggerErrorsPage.self),
        .init("triggerBroadcast", TriggerBroadcastResponse.self),
        // Newsletters
        .init("listNewsletters", NewslettersPage.self),
        .init("getNewsletters", NewsletterResponse.self),
        .init("listNewsletterVariants", NewsletterContentsResponse.self),
        .init("getNewsletterVariant", NewsletterContentResponse.self),
        .init("getNewsletterVariantTranslation", NewsletterContentResponse.self),
        .init("getNewsletterVariantTranslationTest", NewsletterContentResponse.self),
        .init("updateNewsletterVariant", NewsletterContentResponse.self),
        .init("updateNewsletterVariantTranslation", NewsletterContentResponse.self),
        .init("updateNewsletterTestTranslation", NewsletterContentResponse.self),
        // Exports
        .init("listExports", ExportsResponse.self),
        .init("getExport", ExportResponse.self),
        .init("exportPeopleData", ExportResponse.self),
        .init("exportDeliveriesData", ExportResponse.self, exact: false),
        .init("downloadExport", ExportDownloadResponse.self),
        // Transactional
        .init("listTransactional", TransactionalTemplatesResponse.self),
        .init("getTransactional", TransactionalTemplateResponse.self),
        .init("listTransactionalVariants", TransactionalContentsResponse.self),
        .init("getTransactionalVariant", TransactionalContentResponse.self),
        .init("updateTransactional", TransactionalContentResponse.self),
        .init("updateTransactionalVariant", TransactionalContentResponse.self),
        .init("sendEmail", SendResponse.self),
        .init("sendPush", SendResponse.self),
        .init("sendSMS", SendResponse.self),
        // Collections, snippets, senders, workspaces
        .init("getCollections", CollectionsResponse.self),
        .init("getCollection", CollectionResponse.self),
        .init("addCollection", CollectionResponse.self),
        .init("updateCollection", CollectionResponse.self),
        .init("updateCollectionContents", CollectionResponse.self),
        .init("getCollectionContents", JSONValue.self),
        .init("listSnippets", SnippetsResponse.self),
        .init("updateSnippets", SnippetResponse.self),
        .init("listSenders", SenderIdentitiesPage.self),
        .init("getSender", SenderIdentityResponse.self),
        .init("getSenderUsage", SenderIdentityUsage.self),
        .init("listWorkspaces", WorkspacesResponse.self, exact: false),
    ]
}

// MARK: - Every example decodes and keeps its shape

@Suite("Vendor examples")
struct VendorExampleDecodingTests {
    @Test(arguments: VendorCase.all)
    func decodesAndKeepsVendorShape(_ example: VendorCase) throws {
        let body = try vendorBody(example.fixture)
        let original = try JSONDecoder().decode(JSONValue.self, from: body)
        let encoded = pruned(try example.reencode(body))
        // Encoding must only ever write the API's own key names…
        var allowed = keyPaths(original)
        if example.fixture == "transactionalMessages" {
            // …except that this list's `identifiers` is written back under the usual `customer_identifiers`.
            allowed.formUnion(keyPaths(original).map { $0.replacingOccurrences(of: ".identifiers", with: ".customer_identifiers") })
        }
        #expect(keyPaths(encoded).subtracting(allowed).isEmpty, "invented keys: \(keyPaths(encoded).subtracting(allowed))")
        // …and, for examples without quirks, give back exactly the vendor body (nulls and empties aside).
        if example.exact {
            #expect(encoded == pruned(original))
        }
    }

    // MARK: Customers

    @Test func customerLookupByEmail() throws {
        let response = try decodeVendor(CustomerLookupResponse.self, "getPeopleEmail")
        #expect(response.results == [CustomerIdentifiers(id: "2", email: "hugh.mann@example.com", cioID: "a3000001")])
    }

    @Test func customerSearchPage() throws {
        let page = try decodeVendor(CustomerSearchPage.self, "getPeopleFilter")
        #expect(page.identifiers.count == 2)
        #expect(page.identifiers[0] == CustomerIdentifiers(id: "1", email: "person@example.com", cioID: "3000001"))
        #expect(page.ids == ["1", "2"])
        #expect(page.next == "MDox")
        #expect(page.hasMore)
        #expect(page.items == page.identifiers)
    }

    @Test func segmentMembershipPage() throws {
        let page = try decodeVendor(SegmentMembershipPage.self, "getSegmentMembership")
        #expect(page.identifiers.first?.id == "2")
        #expect(page.identifiers.first?.email == "test@example.com")
        #expect(page.ids == ["string"])
        #expect(page.next == "string")
    }

    @Test func customerAttributes() throws {
        let customer = try decodeVendor(CustomerAttributesResponse.self, "getPersonAttributes").customer
        #expect(customer.id == "1")
        #expect(customer.identifiers == nil)
        #expect(customer.attributes["title"] == "tester")
        #expect(customer.attributes["created_at"]?.displayText == "1489014595")
        #expect(customer.attributes["cio_subscription_preferences"]?.displayText == #"{"topics":{"topic_7":false,"topic_8":false}}"#)
        #expect(customer.timestamps["_last_emailed"] == 1_528_932_553)
        #expect(customer.timestamps["_cio_subscription_preferences_computed"] == 0)
        #expect(customer.unsubscribed == false)
        #expect(customer.devices == [
            Device(id: "my_android_device_id", platform: "android", lastUsed: 1_514_764_800),
            Device(id: "my_ios_device_id", platform: "ios", lastUsed: 1_514_764_800),
        ])
        try expectRoundTrip(customer)
    }

    @Test func bulkAttributesKeepTheCustomerWrapper() throws {
        let response = try decodeVendor(BulkCustomerAttributesResponse.self, "getPeopleById")
        #expect(response.customers.count == 1)
        #expect(response.customers[0].attributes["department"] == "qa")
        #expect(response.customers[0].devices.count == 2)
        guard case .object(let root) = try encodedJSON(response), case .array(let items)? = root["customers"],
              case .object(let first)? = items.first
        else { Issue.record("unexpected encoded shape"); return }
        #expect(Array(first.keys) == ["customer"])
        // A bare profile (no wrapper) is read too.
        let bare = try decodeJSON(BulkCustomerAttributesResponse.self, #"{"customers":[{"id":"9","attributes":{"a":"b"}}]}"#)
        #expect(bare.customers == [CustomerProfile(id: "9", attributes: ["a": "b"], listsDevices: false)])
    }

    @Test func customerSegments() throws {
        let response = try decodeVendor(CustomerSegmentsResponse.self, "getPersonSegments")
        #expect(response.segments == [Segment(id: 0, name: "string", description: "string")])
    }

    @Test func activities() throws {
        let page = try decodeVendor(ActivitiesPage.self, "getPersonActivities")
        let activity = try #require(page.activities.first)
        #expect(activity.id == "01AK4N8V8G8KVA4HN8Y50CCZ59")
        #expect(activity.type == "sent_email")
        #expect(activity.timestamp == 1_397_566_226)
        #expect(activity.customerID == "42")
        #expect(activity.customerIdentifiers == CustomerIdentifiers(id: "2", email: "test@example.com", cioID: "a3000001"))
        #expect(activity.deliveryID == "ZAIAAVTJVG0QcCok0-0ZKj6yiQ==")
        #expect(activity.deliveryType == "email")
        #expect(activity.data["delivered"] == .null)
        #expect(activity.data["delivery_id"] == "ZAIAAVTJVG0QcCok0-0ZKj6yiQ==")
        #expect(page.next == nil)
        #expect(try decodeVendor(ActivitiesPage.self, "listActivities").next == "string")
    }

    @Test func relationships() throws {
        let page = try decodeVendor(RelationshipsPage.self, "getPersonRelationships")
        #expect(page.cioRelationships == [
            Relationship(objectTypeID: 0, identifiers: ObjectIdentifiers(objectID: "string", cioObjectID: "string")),
        ])
        #expect(page.next == "string")
    }

    @Test func subscriptionPreferences() throws {
        let prefs = try decodeVendor(SubscriptionPreferencesResponse.self, "getPersonSubscriptionPreferences").customer
        #expect(prefs.id == "42")
        #expect(prefs.identifiers?.id == "2")
        #expect(prefs.topics == [SubscriptionTopicPreference(id: "string", subscribed: false, name: "string", description: "string")])
        #expect(prefs.unsubscribed == false)
        #expect(prefs.header == SubscriptionPreferencesHeader(title: "string", subtitle: "string"))
    }

    // MARK: Segments

    @Test func segments() throws {
        let expected = Segment(
            id: 7, deduplicateID: "15:1492548073", name: "Manual Segment 1", description: "My first manual segment",
            state: "events", progress: nil, type: "manual", tags: []
        )
        #expect(try decodeVendor(SegmentsResponse.self, "listSegments").segments == [expected])
        #expect(try decodeVendor(SegmentResponse.self, "getSegment").segment == expected)
        #expect(try decodeVendor(SegmentResponse.self, "createManSegment").segment == expected)
        #expect(try decodeVendor(SegmentCountResponse.self, "getSegmentCount").count == 0)
        #expect(try decodeVendor(SegmentUsageResponse.self, "getSegmentDependencies").usedBy
            == SegmentUsage(campaigns: [0], sentNewsletters: [0], draftNewsletters: [0]))
    }

    // MARK: Messages

    @Test func messagesList() throws {
        let page = try decodeVendor(MessagesPage.self, "listMessages")
        let message = try #require(page.messages.first)
        #expect(message.id == "ag1q6QWq6QUBAAF4_CGoeVX7mFkDbRFu7ek=")
        #expect(message.deduplicateID == "ag1q6QWq6QUBAAF4_CGoeVX7mFkDbRFu7ek=:1619137768")
        #expect(message.messageTemplateID == 43)
        #expect(message.metrics == ["delivered": 1_619_137_768, "sent": 1_619_137_768])
        #expect(message.created == 1_619_137_767)
        #expect(message.campaignID == 23)
        #expect(message.actionID == 215)
        #expect(message.parentActionID == nil)
        #expect(message.customerID == nil)
        #expect(message.broadcastID == nil)
        #expect(message.triggerEventID == nil)
        #expect(message.forgotten == false)
        #expect(message.recipient == "person@example.com")
        #expect(page.next == nil)
        #expect(try decodeVendor(MessageResponse.self, "getMessage").message == message)
    }

    @Test func messageListsOfEveryParent() throws {
        let campaign = try #require(try decodeVendor(MessagesPage.self, "getCampaignMessages").messages.first)
        #expect(campaign.campaignID == 89)
        #expect(campaign.customerIdentifiers?.cioID == "786433")
        #expect(campaign.messageTemplateID == 0)

        let broadcast = try #require(try decodeVendor(MessagesPage.self, "broadcastMessages").messages.first)
        #expect(broadcast.broadcastID == 94)
        #expect(broadcast.actionID == 196)

        let newsletter = try #require(try decodeVendor(MessagesPage.self, "getNewsletterMsgMeta").messages.first)
        #expect(newsletter.newsletterID == 72)
        #expect(newsletter.contentID == 178)

        // The customer list types msg_template_id as a string; "string" is no template id.
        let customer = try #require(try decodeVendor(MessagesPage.self, "getPersonMessages").messages.first)
        #expect(customer.messageTemplateID == nil)
        #expect(customer.failureMessage == "string")
        #expect(customer.metrics == ["delivered": 0, "sent": 0])

        // The transactional list sends `identifiers` instead of `customer_identifiers`.
        let transactional = try #require(try decodeVendor(MessagesPage.self, "transactionalMessages").messages.first)
        #expect(transactional.messageTemplateID == 589)
        #expect(transactional.customerIdentifiers == CustomerIdentifiers(
            id: "1a55d8d1-b13d-4f1f-858f-a93ef21e3a7d", email: "person@example.com", cioID: "786433"))
        #expect(transactional.type == "email|push")
    }

    @Test func archivedMessage() throws {
        let message = try decodeVendor(ArchivedMessageResponse.self, "getArchivedMessage").archivedMessage
        #expect(message.id == "dgOq6QWq6QUBAAF4_CGoeVX7mFkDbRFu7ek=")
        #expect(message.headers == ["X-Mailgun-Tag": "my-cool-tag"])
        #expect(message.requestMethod == "POST")
        #expect(message.fakeBcc == false)
        #expect(message.body?.hasPrefix("<!DOCTYPE html>") == true)
    }

    // MARK: Campaigns and actions

    @Test func campaigns() throws {
        let campaign = try #require(try decodeVendor(CampaignsResponse.self, "listCampaigns").campaigns.first)
        #expect(campaign.id == 5)
        #expect(campaign.type == "segment")
        #expect(campaign.active == false)
        #expect(campaign.state == "running")
        #expect(campaign.actions == [ActionRef(id: 259, type: "email")])
        #expect(campaign.msgTemplates == [ActionRef(id: 0, type: "email")])
        #expect(campaign.filterSegmentIDs == [21, 42])
        #expect(campaign.triggerSegmentIDs == [90])
        #expect(campaign.tags == ["new", "welcome"])
        #expect(campaign.firstStarted == 1_552_341_937)
        #expect(try decodeVendor(CampaignResponse.self, "getCampaigns").campaign == campaign)
    }

    @Test func campaignActions() throws {
        let page = try decodeVendor(ActionsPage.self, "listCampaignActions")
        let action = try #require(page.actions.first)
        #expect(action.id == 96)
        #expect(action.campaignID == 5)
        #expect(action.parentActionID == 1)
        #expect(action.sendingState == "automatic")
        #expect(action.fromID == 1)
        #expect(action.replyToID == 38)
        #expect(action.headers == ["X-Mailgun-Tag": "my-cool-tag"])
        #expect(action.language == "fr")
        #expect(page.next == "string")
        #expect(try decodeVendor(ActionResponse.self, "getCampaignAction").action == action)

        let broadcastAction = try decodeVendor(ActionResponse.self, "getBroadcastAction").action
        #expect(broadcastAction.broadcastID == 2)
        #expect(broadcastAction.campaignID == nil)
        #expect(try decodeVendor(ActionsPage.self, "broadcastActions").next == nil)
    }

    // MARK: Metrics

    @Test func metricSeries() throws {
        let metric = try decodeVendor(MetricsResponse.self, "campaignMetrics").metric
        #expect(metric.series.count == 24)
        #expect(metric["2xx"] == [0])
        #expect(metric["human_opened"] == [0])
        #expect(metric["missing"] == [])
        #expect(try decodeVendor(MetricsResponse.self, "transactionalMetrics").metric.series["2xx"] == nil)
        // The "2xx" keys are written back verbatim.
        guard case .object(let root) = try encodedJSON(metric), case .object(let series)? = root["series"] else {
            Issue.record("unexpected encoded shape"); return
        }
        #expect(series["5xx"] == [0])
    }

    @Test func linkMetrics() throws {
        let links = try decodeVendor(LinkMetricsResponse.self, "campaignLinkMetrics").links
        #expect(links.count == 1)
        #expect(links[0].link == LinkMetric.Link(id: 1234, href: "https://docs.customer.io"))
        #expect(links[0].metric["clicked"] == [1, 3, 5, 7])
        #expect(links[0].metric.total("clicked") == 16)
    }

    @Test func journeyMetrics() throws {
        let journey = try decodeVendor(JourneyMetricsResponse.self, "campaignJourneyMetrics").journeyMetric
        #expect(journey == JourneyMetrics(
            started: [0], activated: [0], exitedEarly: [0], finished: [0], converted: [0], neverActivated: [0], messaged: [0]))
    }

    // MARK: Broadcasts

    @Test func broadcasts() throws {
        let broadcast = try #require(try decodeVendor(BroadcastsResponse.self, "listBroadcasts").broadcasts.first)
        #expect(broadcast.id == 2)
        #expect(broadcast.type == "triggered_broadcast")
        #expect(broadcast.createdBy == "ExamplePerson")
        #expect(broadcast.actions == [ActionRef(id: 3, type: "email"), ActionRef(id: 4), ActionRef(type: "webhook")])
        #expect(broadcast.tags == [])  // the example sends the string "nil"
        #expect(broadcast.active == true)
        #expect(try decodeVendor(BroadcastResponse.self, "getBroadcast").broadcast == broadcast)
    }

    @Test func broadcastTriggers() throws {
        let expected = BroadcastTrigger(id: 0, broadcastID: 2, createdAt: 1_552_341_937, processedAt: 0)
        #expect(try decodeVendor(BroadcastTrigger.self, "broadcastStatus") == expected)
        #expect(try decodeVendor(BroadcastTriggersResponse.self, "listBroadcastTriggers").triggers == [expected])
        #expect(try decodeVendor(TriggerErrorsPage.self, "broadcastErrors") == TriggerErrorsPage(errors: ["string"], next: "string"))
        #expect(try decodeVendor(TriggerBroadcastResponse.self, "triggerBroadcast").id == 3)
    }

    // MARK: Newsletters

    @Test func newsletters() throws {
        let page = try decodeVendor(NewslettersPage.self, "listNewsletters")
        let newsletter = try #require(page.newsletters.first)
        #expect(newsletter.id == 128_275)
        #expect(newsletter.contentIDs == [45, 90])
        #expect(newsletter.sentAt == nil)
        #expect(newsletter.recipientSegmentIDs == [10])
        #expect(newsletter.subscriptionTopicID == 1)
        #expect(newsletter.tags == ["Example Tag"])
        #expect(page.next == "string")
        #expect(try decodeVendor(NewsletterResponse.self, "getNewsletters").newsletter == newsletter)
    }

    @Test func newsletterContents() throws {
        let content = try #require(try decodeVendor(NewsletterContentsResponse.self, "listNewsletterVariants").contents.first)
        #expect(content.id == 0)
        #expect(content.newsletterID == 10)
        #expect(content.layout == "<html><body>{{ content }}</body></html>")
        #expect(try decodeVendor(NewsletterContentResponse.self, "getNewsletterVariant").content == content)
    }

    // MARK: Exports

    @Test func exports() throws {
        let export = try #require(try decodeVendor(ExportsResponse.self, "listExports").exports.first)
        #expect(export.id == 110)
        #expect(export.userID == 0)
        #expect(export.userEmail == "person@email.com")
        #expect(export.total == 1234)
        #expect(export.downloads == 2)
        #expect(export.status == "done")
        #expect(export.failed == false)
        #expect(export.description == "Customers with segment filters\u{2014}in \\Purchased Flowers\\")
        #expect(try decodeVendor(ExportResponse.self, "getExport").export == export)
        // The deliveries example's id is the text "111," (sic).
        let deliveries = try decodeVendor(ExportResponse.self, "exportDeliveriesData").export
        #expect(deliveries.id == 111)
        #expect(deliveries.type == "deliveries")
        #expect(deliveries.status == nil)
        #expect(try decodeVendor(ExportDownloadResponse.self, "downloadExport").url == "string")
    }

    // MARK: Transactional

    @Test func transactionalTemplates() throws {
        let template = try #require(try decodeVendor(TransactionalTemplatesResponse.self, "listTransactional").messages.first)
        #expect(template.id == 2)
        #expect(template.name == "password reset")
        #expect(template.sendToUnsubscribed == false)
        #expect(template.createdAt == 1_552_341_937)
        #expect(try decodeVendor(TransactionalTemplateResponse.self, "getTransactional").message == template)
    }

    @Test func transactionalContents() throws {
        let content = try #require(try decodeVendor(TransactionalContentsResponse.self, "listTransactionalVariants").contents.first)
        #expect(content.id == 96)
        #expect(content.name == "Receipt")
        #expect(content.type == "email")
        #expect(try decodeVendor(TransactionalContentResponse.self, "getTransactionalVariant").content == [content])
        // A single object under `content` is read as a one-element list.
        let single = try decodeJSON(TransactionalContentResponse.self, #"{"content":{"id":"7","name":"x"}}"#)
        #expect(single.content == [TransactionalContent(id: 7, name: "x")])
    }

    @Test func sendResponse() throws {
        #expect(try decodeVendor(SendResponse.self, "sendEmail") == SendResponse(deliveryID: "string", queuedAt: 0))
        #expect(try decodeVendor(SendResponse.self, "sendSMS") == SendResponse(deliveryID: "string", queuedAt: 0))
    }

    // MARK: Collections, snippets, senders, workspaces

    @Test func collections() throws {
        let expected = DataCollection(
            id: 1, name: "upcoming events", bytes: 296, rows: 2, schema: ["eventDate", "eventName", "presents"],
            createdAt: 1_552_341_937, updatedAt: 1_552_341_937)
        #expect(try decodeVendor(CollectionsResponse.self, "getCollections").collections == [expected])
        #expect(try decodeVendor(CollectionResponse.self, "addCollection").collection == expected)
        #expect(try decodeVendor(JSONValue.self, "getCollectionContents") == .object([:]))
    }

    @Test func snippets() throws {
        let snippet = try #require(try decodeVendor(SnippetsResponse.self, "listSnippets").snippets.first)
        #expect(snippet.name == "address")
        #expect(snippet.updatedAt == 1_582_500_000)
        #expect(snippet.value?.hasPrefix("<strong>My Company</strong>") == true)
        #expect(try decodeVendor(SnippetResponse.self, "updateSnippets").snippet == snippet)
    }

    @Test func senderIdentities() throws {
        let page = try decodeVendor(SenderIdentitiesPage.self, "listSenders")
        let expected = SenderIdentity(
            id: 4534, deduplicateID: "4534:1478035647", name: "Cher Ami", email: "test@example.com",
            address: "Cher Ami <test@example.com>", templateType: "email", autoGenerated: false)
        #expect(page.senderIdentities == [expected])
        #expect(page.next == nil)
        #expect(try decodeVendor(SenderIdentityResponse.self, "getSender").senderIdentity == expected)
        #expect(try decodeVendor(SenderIdentityUsage.self, "getSenderUsage")
            == SenderIdentityUsage(campaigns: [0], sentNewsletters: [0], draftNewsletters: [0]))
    }

    @Test func workspaces() throws {
        let workspace = try #require(try decodeVendor(WorkspacesResponse.self, "listWorkspaces").workspaces.first)
        #expect(workspace.id == nil)  // the example's "13XXXX" is redacted, not a number
        #expect(workspace.name == "Workspace 1")
        #expect(workspace.messagesSent == 100_202)
        #expect(workspace.billableMessagesSent == 75_124)
        #expect(workspace.people == 25_666)
        #expect(workspace.objectTypes == 4)
        #expect(workspace.objects == 10)
        #expect(try decodeJSON(Workspace.self, #"{"id":"131234"}"#).id == 131_234)
    }
}

// MARK: - Leniency

@Suite("Lenient decoding")
struct LenientDecodingTests {
    @Test func integerIDsFromNumbersOrNumericText() throws {
        #expect(try decodeJSON(Segment.self, #"{"id":"7"}"#).id == 7)
        #expect(try decodeJSON(Segment.self, #"{"id":7.0}"#).id == 7)
        #expect(try decodeJSON(Campaign.self, #"{"id":" 5 ","filter_segment_ids":["21",42,null,"x"]}"#)
            == Campaign(id: 5, filterSegmentIDs: [21, 42]))
        let delivery = try decodeJSON(Delivery.self, #"{"id":"d","campaign_id":"23","action_id":215.0,"newsletter_id":"n/a"}"#)
        #expect(delivery.campaignID == 23)
        #expect(delivery.actionID == 215)
        #expect(delivery.newsletterID == nil)
    }

    @Test func stringIDsFromNumbers() throws {
        #expect(try decodeJSON(CustomerIdentifiers.self, #"{"id":42,"cio_id":3000001,"email":null}"#)
            == CustomerIdentifiers(id: "42", cioID: "3000001"))
        #expect(try decodeJSON(Delivery.self, #"{"id":12345,"customer_id":7}"#) == Delivery(id: "12345", customerID: "7"))
        #expect(try decodeJSON(CustomerSearchPage.self, #"{"ids":[1,"",2]}"#).ids == ["1", "", "2"])
    }

    @Test func nullOrMissingArraysReadAsEmpty() throws {
        #expect(try decodeJSON(Segment.self, #"{"id":1,"tags":null}"#).tags == [])
        let campaign = try decodeJSON(Campaign.self, #"{"id":1,"actions":null,"tags":null}"#)
        #expect(campaign.actions == [] && campaign.tags == [] && campaign.filterSegmentIDs == [])
        // Empty, and known not to have said which devices there are.
        #expect(try decodeJSON(CustomerProfile.self, #"{"devices":null,"attributes":null}"#) == CustomerProfile(listsDevices: false))
        #expect(try decodeJSON(MessagesPage.self, #"{"messages":null}"#) == MessagesPage())
        #expect(try decodeJSON(SegmentsResponse.self, "{}").segments == [])
    }

    @Test func missingOrEmptyNextMeansLastPage() throws {
        #expect(try decodeJSON(MessagesPage.self, #"{"messages":[]}"#).next == nil)
        #expect(try decodeJSON(MessagesPage.self, #"{"messages":[],"next":""}"#).next == nil)
        #expect(try decodeJSON(ActivitiesPage.self, #"{"activities":[],"next":null}"#).hasMore == false)
        #expect(try decodeJSON(NewslettersPage.self, #"{"newsletters":[],"next":"Mg=="}"#).next == "Mg==")
    }

    @Test func bothTemplateIDSpellings() throws {
        #expect(try decodeJSON(Delivery.self, #"{"id":"a","msg_template_id":43}"#).messageTemplateID == 43)
        #expect(try decodeJSON(Delivery.self, #"{"id":"a","message_template_id":"44"}"#).messageTemplateID == 44)
        // Encoding uses the spelling every real response uses.
        guard case .object(let object) = try encodedJSON(Delivery(id: "a", messageTemplateID: 44)) else {
            Issue.record("not an object"); return
        }
        #expect(object["msg_template_id"] == 44)
        #expect(object["message_template_id"] == nil)
    }

    @Test func unknownKeysAreIgnored() throws {
        let segment = try decodeJSON(Segment.self, #"{"id":3,"name":"VIP","brand_new_field":{"x":[1,2]},"another":null}"#)
        #expect(segment == Segment(id: 3, name: "VIP"))
    }

    @Test func timestampsFromTextOrFloats() throws {
        let delivery = try decodeJSON(Delivery.self,
            #"{"id":"a","created":"1619137767","metrics":{"sent":1619137768.75,"opened":"1619137800","bogus":"soon"}}"#)
        #expect(delivery.created == 1_619_137_767)
        #expect(delivery.metrics == ["sent": 1_619_137_768, "opened": 1_619_137_800])
        #expect(try decodeJSON(CustomerProfile.self, #"{"timestamps":{"email":"1508932553","x":null}}"#).timestamps
            == ["email": 1_508_932_553])
    }

    @Test func nullInsideMetricSeriesCountsAsZero() throws {
        let metric = try decodeJSON(MetricsResponse.self, #"{"metric":{"series":{"sent":[1,null,3],"2xx":["4"],"odd":7}}}"#).metric
        #expect(metric["sent"] == [1, 0, 3])
        #expect(metric["2xx"] == [4])
        #expect(metric.series["odd"] == nil)
        let journey = try decodeJSON(JourneyMetricsResponse.self, #"{"journey_metric":{"started":[null,2],"finished":null}}"#)
        #expect(journey.journeyMetric.started == [0, 2])
        #expect(journey.journeyMetric.finished == [])
    }

    @Test func booleansFromText() throws {
        #expect(try decodeJSON(Delivery.self, #"{"id":"a","forgotten":"true"}"#).forgotten == true)
        #expect(try decodeJSON(CustomerProfile.self, #"{"unsubscribed":"false"}"#).unsubscribed == false)
        #expect(try decodeJSON(TransactionalTemplate.self, #"{"id":1,"link_tracking":1,"open_tracking":"maybe"}"#)
            == TransactionalTemplate(id: 1, linkTracking: true))
    }

    @Test func wrongTypeInMinorFieldBecomesNil() throws {
        let page = try decodeJSON(MessagesPage.self, #"""
            {"messages":[{"id":"a","subject":{"oops":1},"metrics":[1,2],"customer_identifiers":"nope","created":true}],
             "next":"c"}
            """#)
        #expect(page.messages == [Delivery(id: "a")])
        #expect(page.next == "c")
        // Malformed elements of a nested list are dropped; the rest survive.
        let profile = try decodeJSON(CustomerProfile.self, #"{"devices":[{"id":"t1"},{"platform":"ios"},"junk"]}"#)
        #expect(profile.devices == [Device(id: "t1")])
    }

    @Test func strictWhereDataWouldBeLost() {
        #expect(throws: DecodingError.self) { try decodeJSON(MessagesPage.self, #"{"messages":{"id":"a"}}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(SegmentsResponse.self, #"{"segments":[{"name":"no id"}]}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(Segment.self, #"{"id":"seven"}"#) }
        #expect(throws: DecodingError.self) { try decodeJSON(Delivery.self, #"{"id":null}"#) }
    }

    @Test func jsonValueDisplayText() throws {
        #expect(JSONValue.string("a \"b\"").displayText == "a \"b\"")
        #expect(JSONValue.number(2).displayText == "2")
        #expect(JSONValue.number(-2.5).displayText == "-2.5")
        #expect(JSONValue.bool(true).displayText == "true")
        #expect(JSONValue.null.displayText == "null")
        #expect(JSONValue.array([1, "x", nil]).displayText == #"[1,"x",null]"#)
        #expect(JSONValue.object(["b": 1, "a": ["c": "/"]]).displayText == #"{"a":{"c":"/"},"b":1}"#)
    }

    @Test func jsonValueRoundTripsAndWritesWholeNumbersAsIntegers() throws {
        let value = try decodeJSON(JSONValue.self, #"{"n":1489014595,"f":1.5,"s":"x","b":false,"z":null,"a":[1,[2]]}"#)
        #expect(value == ["n": 1_489_014_595, "f": 1.5, "s": "x", "b": false, "z": nil, "a": [1, [2]]])
        try expectRoundTrip(value)
        let text = String(decoding: try JSONEncoder().encode(JSONValue.number(1_489_014_595)), as: UTF8.self)
        #expect(text == "1489014595")
    }

    @Test func exportIDWithStraySeparator() throws {
        #expect(try decodeJSON(Export.self, #"{"id":"111,"}"#).id == 111)
    }
}
