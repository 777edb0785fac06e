import Foundation

/// A transactional send (`POST /v1/send/email|push|sms`), built field by field and validated before it leaves.
public struct TransactionalMessage: Sendable, Equatable {
    /// The channel, which is also the path.
    public enum Channel: String, Sendable, CaseIterable, Codable {
        case email, push, sms
    }

    /// A template by numeric id or by its trigger name (the API accepts either).
    public enum Template: Sendable, Hashable {
        case id(Int)
        case triggerName(String)
    }

    /// Which of a person's devices a push goes to.
    public enum PushTarget: Sendable, Hashable {
        case all
        case lastUsed
        case token(String)

        /// The `to` value the API expects.
        public var wireValue: String {
            switch self {
            case .all: "all"
            case .lastUsed: "last_used"
            case .token(let token): token
            }
        }
    }

    public var channel: Channel
    public var template: Template?
    public var identifiers: CustomerIdentifier
    /// Email address(es) for email, a push target for push, a phone number for SMS.
    public var to: String
    public var messageData: [String: JSONValue]?
    public var sendAt: Int?
    public var sendToUnsubscribed: Bool?
    public var disableMessageRetention: Bool?
    public var queueDraft: Bool?
    public var language: String?
    // Email only.
    public var from: String?
    public var subject: String?
    public var body: String?
    public var bodyPlain: String?
    public var preheader: String?
    public var bcc: String?
    public var replyTo: String?
    public var tracked: Bool?
    /// File name → base64 contents.
    public var attachments: [String: String]?
    // Push only.
    public var title: String?
    public var message: String?

    public init(channel: Channel, template: Template? = nil, identifiers: CustomerIdentifier, to: String) {
        self.channel = channel
        self.template = template
        self.identifiers = identifiers
        self.to = to
    }

    /// Why `to` cannot be a recipient on `channel`, or nil when it fits: an email goes to addresses, an SMS to one
    /// phone number in E.164 (`+4930…`), a push to `all`, `last_used` or a device token. Liquid (`{{ … }}`) is
    /// left to the API, which renders it.
    public static func recipientMisfit(_ to: String, channel: Channel) -> String? {
        guard !to.contains("{{") else { return nil }
        switch channel {
        case .email:
            let addresses = to.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let bad = addresses.filter { !$0.contains("@") }
            return bad.isEmpty ? nil : "An email goes to email addresses; \(bad.joined(separator: ", ")) is not one."
        case .sms:
            if to.contains("@") { return "An SMS goes to a phone number, not to \(to): the person's phone in E.164 (+4930…)." }
            return isE164(to) ? nil : "An SMS goes to one phone number in E.164 form (+ and 7 to 15 digits, e.g. +493012345678); \(to) is not."
        case .push:
            if to.contains("@") || isE164(to) { return "A push goes to the person's devices (all, last_used or a device token), not to \(to)." }
            return to.contains(where: \.isWhitespace) || to.contains(",") ? "A push goes to all, last_used or one device token." : nil
        }
    }

    /// `+` then 7 to 15 digits, the first not 0.
    public static func isE164(_ text: String) -> Bool {
        let digits = text.dropFirst()
        return text.first == "+" && (7...15).contains(digits.count) && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber) && digits.first != "0"
    }

    /// The limit on attachments, decoded, that the API enforces with a 413.
    public static let attachmentLimitBytes = 2 * 1024 * 1024

    /// What is wrong, in sentences; empty when the message can be sent.
    public func problems(now: Date = WallClock.now()) -> [String] {
        var problems: [String] = []
        let recipient = to.trimmingCharacters(in: .whitespaces)
        if recipient.isEmpty {
            problems.append(channel == .email ? "Add a recipient address (to)." : channel == .sms ? "Add a phone number (to)." : "Choose the devices (all, last_used or a token).")
        }
        switch channel {
        case .email:
            if template == nil {
                if (subject ?? "").isEmpty { problems.append("Without a template, an email needs a subject.") }
                if (body ?? "").isEmpty { problems.append("Without a template, an email needs a body.") }
                if (from ?? "").isEmpty { problems.append("Without a template, an email needs a verified from address.") }
            }
            let addresses = [to, bcc ?? ""].flatMap { $0.split(separator: ",") }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            if addresses.count > 15 { problems.append("An email goes to at most 15 recipients across to and bcc (this has \(addresses.count)).") }
            if let attachments {
                var total = 0
                for (name, content) in attachments.sorted(by: { $0.key < $1.key }) {
                    guard let data = Data(base64Encoded: content) else {
                        problems.append("Attachment \(name) is not valid base64.")
                        continue
                    }
                    total += data.count
                }
                if total > Self.attachmentLimitBytes {
                    problems.append("Attachments total \(ByteCountFormatter.string(fromByteCount: Int64(total), countStyle: .file)); the limit is 2 MB.")
                }
            }
        case .push, .sms:
            if template == nil { problems.append("Choose a transactional template.") }
        }
        if !recipient.isEmpty, let misfit = Self.recipientMisfit(recipient, channel: channel) { problems.append(misfit) }
        if let sendAt, Double(sendAt) > now.timeIntervalSince1970 + 90 * 86_400 {
            problems.append("send_at can be at most 90 days ahead.")
        }
        return problems
    }

    /// The request exactly as it will be sent.
    public func request() throws -> APIRequest {
        APIRequest(.post, ["v1", "send", channel.rawValue], body: try AppAPIClient.jsonBody(self), safety: .write)
    }
}

extension TransactionalMessage: Encodable {
    private enum Key: String, CodingKey {
        case transactional_message_id, identifiers, to, message_data, send_at, send_to_unsubscribed
        case disable_message_retention, queue_draft, language, from, subject, body, body_plain, preheader
        case bcc, reply_to, tracked, attachments, title, message
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        switch template {
        case .id(let id): try container.encode(id, forKey: .transactional_message_id)
        case .triggerName(let name): try container.encode(name, forKey: .transactional_message_id)
        case nil: break
        }
        try container.encode(identifiers, forKey: .identifiers)
        try container.encode(to, forKey: .to)
        try container.encodeIfPresent(messageData, forKey: .message_data)
        try container.encodeIfPresent(sendAt, forKey: .send_at)
        try container.encodeIfPresent(sendToUnsubscribed, forKey: .send_to_unsubscribed)
        try container.encodeIfPresent(disableMessageRetention, forKey: .disable_message_retention)
        try container.encodeIfPresent(queueDraft, forKey: .queue_draft)
        try container.encodeIfPresent(language, forKey: .language)
        if channel == .email {
            try container.encodeIfPresent(from, forKey: .from)
            try container.encodeIfPresent(subject, forKey: .subject)
            try container.encodeIfPresent(body, forKey: .body)
            try container.encodeIfPresent(bodyPlain, forKey: .body_plain)
            try container.encodeIfPresent(preheader, forKey: .preheader)
            try container.encodeIfPresent(bcc, forKey: .bcc)
            try container.encodeIfPresent(replyTo, forKey: .reply_to)
            try container.encodeIfPresent(tracked, forKey: .tracked)
            try container.encodeIfPresent(attachments, forKey: .attachments)
        }
        if channel == .push {
            try container.encodeIfPresent(title, forKey: .title)
            try container.encodeIfPresent(message, forKey: .message)
        }
        if channel == .sms {
            try container.encodeIfPresent(from, forKey: .from)
        }
    }
}
