import Foundation
import Testing
@testable import CustomerIO

/// `MessageContent` holds the fields campaign actions, newsletter variants and transactional variants share: it reads
/// them leniently from its holder's own JSON object and writes them back there, not under a key of its own.
@Suite struct MessageContentTests {
    private func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    private func encoded(_ value: some Encodable) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    @Test func valuesOfTheWrongTypeAreReadLenientlyOrLeftOut() throws {
        let content = try decode(MessageContent.self, """
            {"name": 7, "from_id": "12", "reply_to_id": 3.9, "fake_bcc": "TRUE", "subject": ["x"],
             "headers": {"X-Tag": 5, "X-None": null}, "body": null}
            """)
        #expect(content.name == "7")
        #expect(content.fromID == 12)
        #expect(content.replyToID == 3)
        #expect(content.fakeBcc == true)
        #expect(content.subject == nil)
        #expect(content.body == nil)
        #expect(content.headers == ["X-Tag": "5"])
    }

    @Test func missingKeysLeaveEveryFieldEmpty() throws {
        #expect(try decode(MessageContent.self, "{}") == MessageContent())
    }

    @Test func eachHolderReadsTheContentFromItsOwnObject() throws {
        let fields = #""name":"Hi","type":"email","subject":"S","from_id":"4","headers":{"A":"b"}"#
        let action = try decode(CampaignAction.self, "{\"id\":\"1\",\"campaign_id\":2,\(fields)}")
        let variant = try decode(NewsletterContent.self, "{\"id\":3,\"newsletter_id\":9,\(fields)}")
        let transactional = try decode(TransactionalContent.self, "{\"id\":5,\(fields)}")
        let expected = MessageContent(name: "Hi", type: "email", fromID: 4, subject: "S", headers: ["A": "b"])
        #expect(action.message == expected && variant.message == expected && transactional.message == expected)
        #expect(action.id == 1 && action.campaignID == 2 && variant.newsletterID == 9 && transactional.id == 5)
        #expect(action.subject == "S" && variant.fromID == 4 && transactional.headers == ["A": "b"])
    }

    @Test func theContentIsWrittenBesideTheHoldersOwnFields() throws {
        var action = CampaignAction(id: 1, type: "email", sendingState: "draft", subject: "Welcome")
        action.body = "<p>hi</p>"
        #expect(action.message.body == "<p>hi</p>")
        #expect(try encoded(action) == .object([
            "id": .number(1), "type": .string("email"), "sending_state": .string("draft"),
            "subject": .string("Welcome"), "body": .string("<p>hi</p>"), "headers": .object([:]),
        ]))
        #expect(try encoded(TransactionalContent(id: 7, name: "x")) == .object([
            "id": .number(7), "name": .string("x"), "headers": .object([:]),
        ]))
    }
}
