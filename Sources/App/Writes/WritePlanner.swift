import CustomerIO
import Foundation

/// Turns a draft into the write the review shows, or says what stops it, in sentences.
public enum WritePlanner {
    /// Above this many people a trigger asks the user to type the number.
    public static let audienceThreshold = 1_000

    /// Why a draft cannot be reviewed yet.
    public struct Problems: Error, Sendable, Hashable {
        public var messages: [String]
    }

    /// What planning needs from outside: files for attachments, the clock.
    public struct Context: Sendable {
        public var readFile: @Sendable (String) throws -> Data
        public var now: Date

        public init(readFile: @escaping @Sendable (String) throws -> Data = { try Data(contentsOf: URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath)) }, now: Date = WallClock.now()) {
            self.readFile = readFile
            self.now = now
        }
    }

    public static func plan(_ draft: ComposeDraft, context: Context = Context()) throws(Problems) -> PlannedWrite {
        var write = switch draft.kind {
        case .email, .push, .sms: try transactional(draft, context: context)
        case .broadcast: try trigger(draft)
        }
        write.draftID = draft.id
        write.draftUnknownOutcome = draft.unknownOutcome
        return write
    }

    static func transactional(_ draft: ComposeDraft, context: Context) throws(Problems) -> PlannedWrite {
        var problems: [String] = []
        let channel = TransactionalMessage.Channel(rawValue: draft.kind.rawValue) ?? .email
        let person = draft.identifier.trimmingCharacters(in: .whitespaces)
        let identifier: CustomerIdentifier = switch draft.identifierType {
        case "email": .email(person)
        case "cio_id": .cioID(person)
        default: .id(person)
        }
        if person.isEmpty { problems.append("Say who gets it (Person).") }
        let template = draft.template.trimmingCharacters(in: .whitespaces)
        var message = TransactionalMessage(
            channel: channel,
            template: template.isEmpty ? nil : (Int(template).map { .id($0) } ?? .triggerName(template)),
            identifiers: identifier,
            to: draft.to.trimmingCharacters(in: .whitespaces)
        )
        switch JSONChecker.object(draft.messageData) {
        case .success(let object): message.messageData = object
        case .failure(let problem): problems.append("message_data is not a JSON object: \(problem).")
        }
        applyOptions(draft, to: &message, context: context, problems: &problems)
        if channel == .email {
            if template.isEmpty {
                message.from = nonEmpty(draft.from)
                message.subject = nonEmpty(draft.subject)
                message.body = nonEmpty(draft.body)
            }
            message.bcc = nonEmpty(draft.bcc)
            message.replyTo = nonEmpty(draft.replyTo)
            message.attachments = attachments(draft.attachments, context: context, problems: &problems)
        }
        if channel == .push, draft.personDevices == 0 {
            problems.append("This person has no devices: a push has nowhere to go. Add a device to the profile first.")
        }
        problems += message.problems(now: context.now).filter { !problems.contains($0) }
        guard problems.isEmpty else { throw Problems(messages: problems) }
        let request: APIRequest
        do {
            request = try message.request()
        } catch {
            throw Problems(messages: ["The message could not be encoded: \(error)."])
        }
        var write = PlannedWrite(kind: .send(channel), request: request, title: "Send a \(draft.kind.title.lowercased())")
        write.reach = 1
        let what = template.isEmpty ? "inline email “\(draft.subject)”" : (draft.templateName.isEmpty ? "template \(template)" : "template \(draft.templateName) (#\(template))")
        write.summary = ["To \(identifier.summary), at \(message.to)", "Using \(what)"]
        if let sendAt = message.sendAt { write.summary.append("Scheduled for \(TimeText.short(sendAt))") }
        if let attachments = message.attachments { write.summary.append("\(attachments.count) attachment(s): \(attachments.keys.sorted().joined(separator: ", "))") }
        if draft.personUnsubscribed {
            write.cautions.append(message.sendToUnsubscribed == false
                ? "The person is unsubscribed and send_to_unsubscribed is off: the API will not deliver it."
                : "The person is unsubscribed; this sends anyway.")
        }
        if channel == .email, !template.isEmpty, draft.subject.isEmpty == false, message.subject == nil {
            write.cautions.append("The typed subject is ignored: the template's own subject is used.")
        }
        return write
    }

    /// The options every channel takes: when to send, whether to unsubscribed people, retention, language.
    private static func applyOptions(_ draft: ComposeDraft, to message: inout TransactionalMessage, context: Context, problems: inout [String]) {
        if !draft.sendAt.trimmingCharacters(in: .whitespaces).isEmpty {
            if let time = parseTime(draft.sendAt) {
                if Double(time) < context.now.timeIntervalSince1970 - 60 { problems.append("Send at is in the past.") }
                message.sendAt = time
            } else {
                problems.append("Send at reads as neither YYYY-MM-DD HH:MM nor a Unix time.")
            }
        }
        message.sendToUnsubscribed = draft.sendToUnsubscribed.flag
        message.disableMessageRetention = draft.disableMessageRetention ? true : nil
        message.language = nonEmpty(draft.language)
    }

    /// The files a comma-separated list names, base64 by name; nil when it names none or they are too large.
    private static func attachments(_ list: String, context: Context, problems: inout [String]) -> [String: String]? {
        let paths = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var files: [String: String] = [:]
        var total = 0
        for path in paths {
            do {
                let data = try context.readFile(path)
                total += data.count
                files[(path as NSString).lastPathComponent] = data.base64EncodedString()
            } catch {
                problems.append("Cannot read the attachment \(path).")
            }
        }
        // Checked here, on the files' real size, before anything is encoded into a request.
        if total > TransactionalMessage.attachmentLimitBytes {
            problems.append("Attachments total \(ByteCountFormatter.string(fromByteCount: Int64(total), countStyle: .file)); the limit is 2 MB.")
            return nil
        }
        return files.isEmpty ? nil : files
    }

    static func trigger(_ draft: ComposeDraft) throws(Problems) -> PlannedWrite {
        var problems: [String] = []
        guard let id = Int(draft.broadcastID.trimmingCharacters(in: .whitespaces)) else {
            throw Problems(messages: ["Pick a broadcast."])
        }
        let audience = triggerAudience(draft, problems: &problems)
        var body = BroadcastTriggerRequest(audience: audience)
        switch JSONChecker.object(draft.data) {
        case .success(let object): body.data = object
        case .failure(let problem): problems.append("data is not a JSON object: \(problem).")
        }
        body.idIgnoreMissing = draft.idIgnoreMissing
        body.emailIgnoreMissing = draft.emailIgnoreMissing
        body.emailAddDuplicates = draft.emailAddDuplicates
        guard problems.isEmpty else { throw Problems(messages: problems) }
        let request: APIRequest
        do {
            request = try body.request(broadcastID: id)
        } catch {
            throw Problems(messages: ["The trigger could not be encoded: \(error)."])
        }
        var write = PlannedWrite(kind: .trigger(broadcastID: id), request: request, title: "Trigger a broadcast")
        let name = draft.broadcastName.isEmpty ? "#\(id)" : "\(draft.broadcastName) (#\(id))"
        write.summary = ["Broadcast \(name)", "Audience: \(draft.audience.title)"]
        if let size = body.listedAudienceSize {
            write.reach = size
            write.summary.append("\(Format.grouped(size)) \(size == 1 ? "person" : "people") listed")
            if size >= audienceThreshold {
                write.cautions.append("A large audience: \(Format.grouped(size)) people.")
                write.confirmCount = size
            }
        }
        return write
    }

    /// Who a trigger goes to, in the form the draft chose; what is wrong with it goes to `problems`.
    static func triggerAudience(_ draft: ComposeDraft, problems: inout [String]) -> BroadcastTriggerRequest.Audience {
        let list = draft.audienceValue.split(whereSeparator: { $0 == "," || $0 == "\n" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var audience = BroadcastTriggerRequest.Audience.broadcastDefault
        switch draft.audience {
        case .broadcast: break
        case .emails:
            if list.isEmpty { problems.append("List the email addresses.") }
            if let bad = list.first(where: { !$0.contains("@") }) { problems.append("“\(bad)” is not an email address.") }
            audience = .emails(list)
        case .ids:
            if list.isEmpty { problems.append("List the ids.") }
            audience = .ids(list)
        case .perUserData:
            switch JSONChecker.value(draft.audienceValue) {
            case .failure(let problem): problems.append("Per-user data is not JSON: \(problem).")
            case .success(let value):
                do {
                    audience = .perUserData(try perUserData(value))
                } catch {
                    problems.append(error.messages.joined(separator: " "))
                }
            }
        case .filter:
            do {
                audience = .filter(try FilterQuery.parse(draft.audienceValue))
            } catch {
                problems.append("The filter does not read: \(error).")
            }
        case .dataFileURL:
            let url = draft.audienceValue.trimmingCharacters(in: .whitespaces)
            if URL(string: url)?.scheme?.hasPrefix("http") != true {
                problems.append("The data file URL must start with http:// or https://.")
            }
            audience = .dataFileURL(url)
        }
        return audience
    }

    /// A filter audience, counted against the workspace: the summary says how many, and a large one asks for the
    /// number to be typed (the count itself when it was reached; the cap when the count stopped there).
    public static func apply(audienceCount: (count: Int, capped: Bool)?, to write: inout PlannedWrite) {
        guard let (count, capped) = audienceCount else {
            write.summary.append("The filter's audience could not be counted; the API counts it when the broadcast runs")
            return
        }
        let size = capped ? "more than \(Format.grouped(count))" : Format.grouped(count)
        write.summary.append("\(size) \(count == 1 && !capped ? "person matches" : "people match") the filter now")
        write.reach = count
        if count >= audienceThreshold {
            write.cautions.append("A large audience: \(size) people.")
            write.confirmCount = count
        }
    }

    /// `[{"id": "42", "data": {…}}, {"email": "…", "data": {…}}]`.
    static func perUserData(_ value: JSONValue) throws(Problems) -> [BroadcastTriggerRequest.PerUserData] {
        guard case .array(let items) = value else { throw Problems(messages: ["Per-user data must be an array of objects."]) }
        var result: [BroadcastTriggerRequest.PerUserData] = []
        for (index, item) in items.enumerated() {
            guard case .object(let fields) = item else { throw Problems(messages: ["Per-user data item \(index + 1) is not an object."]) }
            let person: CustomerIdentifier
            if let id = fields["id"]?.displayText, !id.isEmpty {
                person = .id(id)
            } else if let email = fields["email"]?.displayText, !email.isEmpty {
                person = .email(email)
            } else {
                throw Problems(messages: ["Per-user data item \(index + 1) needs an id or an email."])
            }
            var data: [String: JSONValue] = [:]
            if case .object(let object)? = fields["data"] { data = object }
            result.append(.init(person: person, data: data))
        }
        if result.isEmpty { throw Problems(messages: ["Per-user data lists nobody."]) }
        return result
    }

    /// `2026-11-23 09:30` in local time, or a Unix time in seconds.
    static func parseTime(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed), seconds > 1_000_000_000 { return seconds }
        let parts = trimmed.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard date.count == 3, time.count >= 2 else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (date[0], date[1], date[2])
        (components.hour, components.minute) = (time[0], time[1])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        guard let result = calendar.date(from: components), calendar.component(.day, from: result) == date[2] else { return nil }
        return Int(result.timeIntervalSince1970)
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
