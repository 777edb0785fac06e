import Foundation

/// `POST /v1/send/{email,push,sms}`: checks the body as the spec describes it, creates the person if need be, and
/// records the message as a delivery. Refusals use the send endpoints' `{"meta":{"error":…}}` envelope.
enum TransactionalSend {
    /// Attachments may total at most 2 MB once decoded.
    static let attachmentLimit = 2 * 1_024 * 1_024

    private static func failure(_ status: Int, _ message: String) -> APIFailure {
        APIFailure(status: status, detail: message, envelope: .meta)
    }

    static func send(_ request: RouteRequest, channel: SendBody.Channel) throws -> Reply {
        let app = request.app
        let body = try body(request.exchange)
        let ref = try personRef(body)
        // A cio_id is set by Customer.io, so one the workspace does not have names nobody and creates no one.
        if case .cioID = ref, app.store.directory().row(for: ref) == nil {
            throw failure(400, "identifiers.cio_id \"\(ref.value)\" names no person: a cio_id is set by Customer.io, so a send creates people by id or email only")
        }
        let to = try checkedRecipient(body, channel: channel)
        let template = try sentTemplate(body, channel: channel, app: app)
        try checkAttachments(body)
        // Only a request that passed every check creates its person.
        let row = try person(ref, app: app)
        let people = app.store.directory()
        let content = template.contents.first { $0.language == (body.language?.value ?? "") } ?? template.contents[0]
        let recipient = channel == .push && (to == "all" || to == "last_used") ? (people.devices(row).first?.token ?? to) : to
        let queuedAt = app.store.clock.unixNow()
        // The request's send_to_unsubscribed (default true) and the template's setting must both allow it.
        let allowsUnsubscribed = (body.sendToUnsubscribed?.value?.value ?? true) && template.sendToUnsubscribed
        let deliveryID = app.store.recordSend(
            template: template, content: content, row: row, recipient: recipient,
            subject: body.subject?.value ?? body.title?.value ?? content.subject,
            body: body.body?.value ?? body.message?.value ?? content.body,
            from: body.from?.value ?? content.from, queuedAt: queuedAt, sendAt: body.sendAt?.value?.value,
            suppressed: people.isUnsubscribed(row) && !allowsUnsubscribed
        )
        return .json(.obj(["delivery_id": .string(deliveryID), "queued_at": .int(queuedAt)]))
    }

    private static func body(_ exchange: Exchange) throws -> SendBody {
        let json: SandboxJSON
        do { json = try exchange.json() } catch { throw failure(400, "request body is not valid JSON") }
        guard json.members != nil else { throw failure(400, "request body must be a JSON object") }
        return try json.decodeMembers(SendBody.self)
    }

    /// `identifiers`: exactly one of id, email, cio_id, not empty.
    static func personRef(_ body: SendBody) throws -> PersonRef {
        guard let identifiers = body.identifiers?.value else {
            throw failure(400, "identifiers is required: an object with one of id, email or cio_id")
        }
        guard identifiers.count == 1, let (name, json) = identifiers.first, let key = SendBody.IdentifierKey(rawValue: name) else {
            throw failure(400, "identifiers must contain exactly one of id, email or cio_id")
        }
        guard let value = json.stringValue else { throw failure(400, "identifiers.\(name) must be a string") }
        // An empty cio_id is refused like any other the workspace did not set (see `person`).
        guard !value.isEmpty || key == .cioID else { throw failure(400, "identifiers.\(name) must not be empty") }
        switch key {
        case .email: return .email(value)
        case .cioID: return .cioID(value)
        case .id: return .id(value)
        }
    }

    /// `to` as the spec has it per channel: required for email (at most 15 with bcc) and SMS (one E.164 number, or
    /// Liquid); a push defaults to all of the person's devices and goes to all, last_used or a device token.
    static func checkedRecipient(_ body: SendBody, channel: SendBody.Channel) throws -> String {
        let to = body.to?.value?.trimmingCharacters(in: .whitespaces) ?? ""
        if to.isEmpty {
            guard channel == .push else { throw failure(400, "to is required") }
            return "all"
        }
        switch channel {
        case .sms where !to.contains("{{") && !isE164(to):
            throw failure(400, "to must be a phone number in E.164 format for SMS")
        case .push where to.contains("@"):
            throw failure(400, "to must be all, last_used or a device token for push")
        case .email:
            let recipients = to.split(separator: ",").count + (body.bcc?.value?.split(separator: ",").count ?? 0)
            guard recipients <= 15 else { throw failure(400, "at most 15 recipients across to and bcc") }
        default:
            break
        }
        return to
    }

    private static func isE164(_ number: String) -> Bool {
        number.first == "+" && number.dropFirst().allSatisfy(\.isNumber) && (7...15).contains(number.count - 1)
    }

    /// The person a send goes to. Someone the workspace does not have is created, as the vendor does (its SDK docs
    /// say so); an unknown cio_id was refused before this, and a suppressed identifier creates no one. A shared
    /// address names its first profile: the spec does not say which one the API picks.
    static func person(_ ref: PersonRef, app: SandboxApp) throws -> Int {
        if let row = app.store.directory().row(for: ref) { return row }
        do {
            try app.store.apply(.identify(ref, PersonUpdate()))
        } catch {
            throw failure(400, "identifiers.\(ref.idType): \(error.message)")
        }
        guard let row = app.store.directory().row(for: ref) else {
            throw failure(400, "identifiers \(ref.idType)=\(ref.value) is suppressed: it creates no one until it is unsuppressed")
        }
        return row
    }

    /// transactional_message_id: a number or a trigger name; email may instead carry body, subject and from.
    static func sentTemplate(_ body: SendBody, channel: SendBody.Channel, app: SandboxApp) throws -> TemplateRecord {
        let template: TemplateRecord
        if let reference = body.transactionalMessageID {
            guard let found = find(reference, in: app.data.templates) else {
                throw failure(400, "transactional message \(reference.json.text) not found: no template has that id or trigger name")
            }
            template = found
        } else if channel == .email, body.body?.value != nil, body.subject?.value != nil, body.from?.value != nil {
            template = app.data.templates[0]  // the vendor counts template-less sends against ID 1
        } else {
            throw failure(400, channel == .email ? "transactional_message_id is required (or body, subject and from)" : "transactional_message_id is required")
        }
        guard template.channel == channel.rawValue else {
            throw failure(400, "transactional message \(template.id) is a \(template.channel) message; send it with /v1/send/\(template.channel)")
        }
        return template
    }

    /// The template a reference names: by number, else by trigger name or name, either case.
    private static func find(_ reference: SendBody.TemplateReference, in templates: [TemplateRecord]) -> TemplateRecord? {
        if let id = reference.number { return templates.first { $0.id == id } }
        guard let name = reference.name?.lowercased() else { return nil }
        return templates.first { $0.triggerName.lowercased() == name || $0.name.lowercased() == name }
    }

    /// `attachments`: file name → base64 content, at most 2 MB in all once decoded.
    static func checkAttachments(_ body: SendBody) throws {
        guard let attachments = body.attachments else { return }
        guard let files = attachments.value else { throw failure(400, "attachments must be an object of file name → base64 content") }
        var total = 0
        // In name order, so the first bad file named is the same on every run.
        for name in files.keys.sorted() {
            guard let text = files[name]?.value, let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                throw failure(400, "attachment \(name) is not base64-encoded")
            }
            total += data.count
        }
        guard total <= attachmentLimit else { throw failure(413, "attachments total \(total) bytes; the limit is 2 MB") }
    }
}
