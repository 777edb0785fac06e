import Foundation

/// `/v1/transactional…` template reads and the `/v1/send/{email,push,sms}` endpoints (errors in `{"meta":…}`).
enum TransactionalRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/transactional") { _, _ in
            .json(.obj(["messages": .array(app.data.templates.map(CampaignWire.template))]))
        }

        router.get("/v1/transactional/:id") { _, parameters in
            .json(.obj(["message": CampaignWire.template(try template(parameters, app))]))
        }

        router.get("/v1/transactional/:id/contents") { _, parameters in
            let template = try template(parameters, app)
            return .json(.obj(["contents": .array(template.contents.map { CampaignWire.content($0, ownerKey: nil) })]))
        }

        router.get("/v1/transactional/:id/metrics") { exchange, parameters in
            let template = try template(parameters, app)
            return try MetricsReply.series(.template(template.id), exchange, app: app, allowVersion2: false, webhookKeys: false, acceptsType: false)
        }

        router.get("/v1/transactional/:id/metrics/links") { exchange, parameters in
            let template = try template(parameters, app)
            return try MetricsReply.links(template.links, owner: .template(template.id), exchange, app: app)
        }

        router.get("/v1/transactional/:id/messages") { exchange, parameters in
            let template = try template(parameters, app)
            return try MessageQuery.list(exchange, base: DeliverySelector(transactionalID: template.id), shape: .transactional, app: app)
        }

        for channel in ["email", "push", "sms"] {
            router.post("/v1/send/\(channel)") { exchange, _ in
                try send(exchange, channel: channel, app: app)
            }
        }
    }

    static func template(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> TemplateRecord {
        let id = try parameters.int("id")
        guard let template = app.data.templates.first(where: { $0.id == id }) else {
            throw APIFailure.notFound("transactional message \(id) not found")
        }
        return template
    }

    /// Attachments may total at most 2 MB once decoded.
    static let attachmentLimit = 2 * 1_024 * 1_024

    private static func failure(_ status: Int, _ message: String) -> APIFailure {
        APIFailure(status: status, detail: message, envelope: .meta)
    }

    /// `to` as the spec has it per channel: required for email (at most 15 with bcc) and SMS (one E.164 number, or
    /// Liquid); a push defaults to all of the person's devices and goes to all, last_used or a device token.
    static func checkedRecipient(_ body: SandboxJSON, channel: String) throws -> String {
        let to = body["to"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
        if to.isEmpty {
            guard channel == "push" else { throw failure(400, "to is required") }
            return "all"
        }
        if channel == "sms", !to.contains("{{"), !(to.first == "+" && to.dropFirst().allSatisfy(\.isNumber) && (7...15).contains(to.count - 1)) {
            throw failure(400, "to must be a phone number in E.164 format for SMS")
        }
        if channel == "push", to.contains("@") { throw failure(400, "to must be all, last_used or a device token for push") }
        if channel == "email" {
            let recipients = to.split(separator: ",").count + (body["bcc"]?.stringValue?.split(separator: ",").count ?? 0)
            guard recipients <= 15 else { throw failure(400, "at most 15 recipients across to and bcc") }
        }
        return to
    }

    static func send(_ exchange: Exchange, channel: String, app: SandboxApp) throws -> Reply {
        let body: SandboxJSON
        do { body = try exchange.json() } catch { throw failure(400, "request body is not valid JSON") }
        guard body.members != nil else { throw failure(400, "request body must be a JSON object") }
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

        let language = body["language"]?.stringValue ?? ""
        let content = template.contents.first { $0.language == language } ?? template.contents[0]
        let recipient: String
        switch channel {
        case "push": recipient = to == "all" || to == "last_used" ? (people.devices(row).first?.token ?? to) : to
        default: recipient = to
        }
        let queuedAt = app.store.clock.unixNow()
        let sendAt = body["send_at"]?.intValue
        // The request's send_to_unsubscribed (default true) and the template's setting must both allow it.
        let allowsUnsubscribed = (body["send_to_unsubscribed"]?.boolValue ?? true) && template.sendToUnsubscribed
        let deliveryID = app.store.recordSend(
            template: template, content: content, row: row, recipient: recipient,
            subject: body["subject"]?.stringValue ?? body["title"]?.stringValue ?? content.subject,
            body: body["body"]?.stringValue ?? body["message"]?.stringValue ?? content.body,
            from: body["from"]?.stringValue ?? content.from, queuedAt: queuedAt, sendAt: sendAt,
            suppressed: people.isUnsubscribed(row) && !allowsUnsubscribed
        )
        return .json(.obj(["delivery_id": .string(deliveryID), "queued_at": .int(queuedAt)]))
    }

    /// `identifiers`: exactly one of id, email, cio_id, not empty.
    static func personRef(_ body: SandboxJSON) throws -> PersonRef {
        guard let identifiers = body["identifiers"], let pairs = identifiers.members else {
            throw failure(400, "identifiers is required: an object with one of id, email or cio_id")
        }
        let known = pairs.filter { ["id", "email", "cio_id"].contains($0.key) }
        guard known.count == 1, pairs.count == 1, let identifier = known.first else {
            throw failure(400, "identifiers must contain exactly one of id, email or cio_id")
        }
        guard let value = identifier.value.stringValue else { throw failure(400, "identifiers.\(identifier.key) must be a string") }
        // An empty cio_id is refused like any other the workspace did not set (see `person`).
        guard !value.isEmpty || identifier.key == "cio_id" else { throw failure(400, "identifiers.\(identifier.key) must not be empty") }
        switch identifier.key {
        case "email": return .email(value)
        case "cio_id": return .cioID(value)
        default: return .id(value)
        }
    }

    /// The person a send goes to. Someone the workspace does not have is created, as the vendor does (its SDK docs
    /// say so); an unknown cio_id was refused before this, and a suppressed identifier creates no one. A shared address names its first profile: the spec does not say which one the API picks.
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
    static func sentTemplate(_ body: SandboxJSON, channel: String, app: SandboxApp) throws -> TemplateRecord {
        let template: TemplateRecord
        if let reference = body["transactional_message_id"], !reference.isNull {
            let found: TemplateRecord?
            if let id = reference.intValue {
                found = app.data.templates.first { $0.id == id }
            } else if let name = reference.stringValue?.lowercased() {
                found = app.data.templates.first { $0.triggerName.lowercased() == name || $0.name.lowercased() == name }
            } else {
                found = nil
            }
            guard let found else { throw failure(400, "transactional message \(reference.text) not found: no template has that id or trigger name") }
            template = found
        } else if channel == "email", body["body"]?.stringValue != nil, body["subject"]?.stringValue != nil, body["from"]?.stringValue != nil {
            template = app.data.templates[0]  // the vendor counts template-less sends against ID 1
        } else {
            throw failure(400, channel == "email" ? "transactional_message_id is required (or body, subject and from)" : "transactional_message_id is required")
        }
        guard template.channel == channel else {
            throw failure(400, "transactional message \(template.id) is a \(template.channel) message; send it with /v1/send/\(template.channel)")
        }
        return template
    }

    /// `attachments`: file name → base64 content, at most 2 MB in all once decoded.
    static func checkAttachments(_ body: SandboxJSON) throws {
        guard let attachments = body["attachments"] else { return }
        guard let files = attachments.members else { throw failure(400, "attachments must be an object of file name → base64 content") }
        var total = 0
        for file in files {
            guard let text = file.value.stringValue, let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                throw failure(400, "attachment \(file.key) is not base64-encoded")
            }
            total += data.count
        }
        guard total <= attachmentLimit else { throw failure(413, "attachments total \(total) bytes; the limit is 2 MB") }
    }
}
