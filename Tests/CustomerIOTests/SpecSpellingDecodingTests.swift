import Foundation
import Testing
import CustomerIO

/// The vendor's spec and its own examples spell some fields two ways, and the API sends values its enums leave out.
/// The client reads every spelling and keeps an unknown value as text, so neither source fails a page.
@Suite struct SpecSpellingDecodingTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(json.utf8))
    }

    /// The schema's spelling (what the sandbox sends): `message_template_id` and `customer_identifiers`.
    @Test func aMessageInTheSchemasSpellingDecodes() throws {
        let json = #"""
        {"id":"m1","message_template_id":1114,"customer_id":"42",
         "customer_identifiers":{"email":"ada@example.com","id":"42","cio_id":"a3000001"},"type":"email","metrics":{"sent":1}}
        """#
        let delivery = try decode(Delivery.self, json)
        #expect(delivery.messageTemplateID == 1114)
        #expect(delivery.customerIdentifiers?.id == "42")
        #expect(delivery.customerIdentifiers?.email == "ada@example.com")
    }

    /// The examples' spelling (what the real API sends): `msg_template_id` and, on transactional lists, `identifiers`.
    @Test func aMessageInTheExamplesSpellingDecodes() throws {
        let json = #"""
        {"id":"m2","msg_template_id":589,"identifiers":{"email":"bo@example.com","id":"7","cio_id":"a3000007"},"type":"email"}
        """#
        let delivery = try decode(Delivery.self, json)
        #expect(delivery.messageTemplateID == 589)
        #expect(delivery.customerIdentifiers?.cioID == "a3000007")
    }

    /// A person's message list types the template id as a string in the spec.
    @Test func aTemplateIDSentAsTextIsRead() throws {
        let page = try decode(MessagesPage.self, #"{"messages":[{"id":"m3","msg_template_id":"1002","customer_id":"9","content_id":null}]}"#)
        let delivery = try #require(page.messages.first)
        #expect(delivery.messageTemplateID == 1002)
        #expect(delivery.contentID == nil)
    }

    /// When both spellings come, the first-listed (`customer_identifiers`) wins over the alternate one.
    @Test func theSchemasIdentifiersWinOverTheAlternateSpelling() throws {
        let json = #"""
        {"id":"m4","customer_identifiers":{"id":"1","cio_id":"a1"},"identifiers":{"id":"2","cio_id":"a2"}}
        """#
        #expect(try decode(Delivery.self, json).customerIdentifiers?.id == "1")
    }

    /// Channel and delivery types outside the spec's enums (`in_app`, a name it has never listed) are kept as sent.
    @Test func unknownEnumValuesAreKept() throws {
        #expect(try decode(Delivery.self, #"{"id":"m5","type":"in_app"}"#).type == "in_app")
        #expect(try decode(Delivery.self, #"{"id":"m6","type":"carrier_pigeon"}"#).type == "carrier_pigeon")
        let activity = try decode(Activity.self, #"{"id":"a1","type":"sent_in_app","delivery_type":"in_app"}"#)
        #expect(activity.deliveryType == "in_app")
        #expect(activity.type == "sent_in_app")
        let action = try decode(CampaignAction.self, #"{"id":1022,"type":"twilio"}"#)
        #expect(action.type == "twilio")
    }

    /// An archived message that was not an HTTP request has no `request_method` (the spec's enum has no empty value).
    @Test func anArchivedMessageWithoutARequestMethodDecodes() throws {
        let json = #"{"archived_message":{"id":"m7","body":"<p>Hi</p>","url":"","headers":{},"forgotten":false}}"#
        let archived = try decode(ArchivedMessageResponse.self, json).archivedMessage
        #expect(archived.requestMethod == nil)
        #expect(archived.body == "<p>Hi</p>")
        let webhook = #"{"archived_message":{"id":"m8","url":"https://example.com/hook","request_method":"POST"}}"#
        #expect(try decode(ArchivedMessageResponse.self, webhook).archivedMessage.requestMethod == "POST")
    }
}
