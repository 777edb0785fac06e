import Foundation

/// What a message says and who it comes from: the fields a campaign or broadcast action, a newsletter variant and a
/// transactional variant share. It sits in the same JSON object as its holder's own fields, not under a key of its own.
public struct MessageContent: Codable, Sendable, Hashable {
    public var name: String?
    /// HTML for email, text for SMS, the payload for webhooks.
    public var body: String?
    public var bodyAmp: String?
    public var language: String?
    /// The channel: `email`, `in_app`, `push`, `twilio`, `slack` or `webhook` (and `delay` and the like for actions).
    public var type: String?
    public var from: String?
    public var fromID: Int?
    public var replyTo: String?
    public var replyToID: Int?
    public var preprocessor: String?
    public var recipient: String?
    public var subject: String?
    public var bcc: String?
    public var fakeBcc: Bool?
    public var preheaderText: String?
    public var headers: [String: String] = [:]

    enum CodingKeys: String, CodingKey {
        case name, body, language, type, from, preprocessor, recipient, subject, bcc, headers
        case bodyAmp = "body_amp"
        case fromID = "from_id"
        case replyTo = "reply_to"
        case replyToID = "reply_to_id"
        case fakeBcc = "fake_bcc"
        case preheaderText = "preheader_text"
    }
}

// Declared in an extension so the memberwise initializer (every field optional) stays available to the holders.
extension MessageContent {
    /// Reads leniently: a field of the wrong type or missing is nil (headers `[:]`), numbers and text interchange.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: c.lenientString(.name), body: c.lenientString(.body), bodyAmp: c.lenientString(.bodyAmp),
            language: c.lenientString(.language), type: c.lenientString(.type), from: c.lenientString(.from),
            fromID: c.lenientInt(.fromID), replyTo: c.lenientString(.replyTo), replyToID: c.lenientInt(.replyToID),
            preprocessor: c.lenientString(.preprocessor), recipient: c.lenientString(.recipient),
            subject: c.lenientString(.subject), bcc: c.lenientString(.bcc), fakeBcc: c.lenientBool(.fakeBcc),
            preheaderText: c.lenientString(.preheaderText), headers: c.lenientStringMap(.headers)
        )
    }
}

/// A resource that carries a message's content (an action, a newsletter or transactional variant): its content's
/// fields read and write as the resource's own, so `action.subject` is `action.message.subject`.
public protocol CarriesMessageContent {
    var message: MessageContent { get set }
}

extension CarriesMessageContent {
    public var name: String? { get { message.name } set { message.name = newValue } }
    public var body: String? { get { message.body } set { message.body = newValue } }
    public var bodyAmp: String? { get { message.bodyAmp } set { message.bodyAmp = newValue } }
    public var language: String? { get { message.language } set { message.language = newValue } }
    public var type: String? { get { message.type } set { message.type = newValue } }
    public var from: String? { get { message.from } set { message.from = newValue } }
    public var fromID: Int? { get { message.fromID } set { message.fromID = newValue } }
    public var replyTo: String? { get { message.replyTo } set { message.replyTo = newValue } }
    public var replyToID: Int? { get { message.replyToID } set { message.replyToID = newValue } }
    public var preprocessor: String? { get { message.preprocessor } set { message.preprocessor = newValue } }
    public var recipient: String? { get { message.recipient } set { message.recipient = newValue } }
    public var subject: String? { get { message.subject } set { message.subject = newValue } }
    public var bcc: String? { get { message.bcc } set { message.bcc = newValue } }
    public var fakeBcc: Bool? { get { message.fakeBcc } set { message.fakeBcc = newValue } }
    public var preheaderText: String? { get { message.preheaderText } set { message.preheaderText = newValue } }
    public var headers: [String: String] { get { message.headers } set { message.headers = newValue } }
}
