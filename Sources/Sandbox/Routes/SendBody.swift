/// A `/v1/send/{email,push,sms}` body. Members there with the wrong shape are kept as `.mismatch` (or read as
/// absent where the sandbox has always let them fall back), so the send refuses them in its own words and order.
struct SendBody: Decodable, Sendable {
    /// The send endpoints, one a channel, as their paths and the templates name them.
    enum Channel: String, Sendable {
        case email, push, sms
    }

    /// The identifier names `identifiers` may use.
    enum IdentifierKey: String, Sendable {
        case id, email
        case cioID = "cio_id"
    }

    /// `transactional_message_id`: a template's number (a numeric string too) or its trigger name; the JSON is kept
    /// for the refusal, which quotes it as sent.
    struct TemplateReference: Decodable, Sendable {
        let json: SandboxJSON

        init(from decoder: any Decoder) throws { json = try SandboxJSON(from: decoder) }

        var number: Int? { json.intValue }
        var name: String? { json.stringValue }
    }

    var identifiers: Lenient<[String: SandboxJSON]>?
    var to: Lenient<String>?
    var bcc: Lenient<String>?
    var transactionalMessageID: TemplateReference?
    var language: Lenient<String>?
    var sendAt: Lenient<LooseInt>?
    var sendToUnsubscribed: Lenient<LooseBool>?
    var subject: Lenient<String>?
    var title: Lenient<String>?
    var body: Lenient<String>?
    var message: Lenient<String>?
    var from: Lenient<String>?
    /// File name → base64 content. Unlike the other members, a null here is refused (it is not an object), so it
    /// is read even when null.
    var attachments: Lenient<[String: Lenient<String>]>?

    enum CodingKeys: String, CodingKey {
        case identifiers, to, bcc, language, subject, title, body, message, from, attachments
        case transactionalMessageID = "transactional_message_id"
        case sendAt = "send_at"
        case sendToUnsubscribed = "send_to_unsubscribed"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func member<T: Decodable>(_ key: CodingKeys) throws -> T? { try container.decodeIfPresent(T.self, forKey: key) }
        identifiers = try member(.identifiers)
        to = try member(.to)
        bcc = try member(.bcc)
        transactionalMessageID = try member(.transactionalMessageID)
        language = try member(.language)
        sendAt = try member(.sendAt)
        sendToUnsubscribed = try member(.sendToUnsubscribed)
        subject = try member(.subject)
        title = try member(.title)
        body = try member(.body)
        message = try member(.message)
        from = try member(.from)
        attachments = try container.decodeIncludingNull(Lenient<[String: Lenient<String>]>.self, forKey: .attachments)
    }
}
