import CustomerIO
import Foundation

/// One line of the composer's form: what it is called, how it is edited, and where its value lives in the draft.
public enum ComposeField: String, Sendable, Hashable, CaseIterable {
    case kind, template, identifierType, identifier, to, from, subject, body, messageData, bcc, replyTo, attachments
    case sendAt, sendToUnsubscribed, disableMessageRetention, language
    case broadcast, data, audience, audienceValue, idIgnoreMissing, emailIgnoreMissing, emailAddDuplicates

    /// How Enter changes the field.
    public enum Editor: Sendable, Hashable {
        /// A line of text, typed in place.
        case text
        /// JSON, typed in place or in `$EDITOR`, checked on every keystroke.
        case json
        /// Enter steps through these values.
        case cycle([String])
        case toggle
        /// A list to choose from: the workspace's transactional templates.
        case templatePicker
        /// A list to choose from: the workspace's broadcasts.
        case broadcastPicker
    }

    public var label: String {
        switch self {
        case .kind: "Send"
        case .template: "Template"
        case .identifierType: "Identify by"
        case .identifier: "Person"
        case .to: "To"
        case .from: "From"
        case .subject: "Subject"
        case .body: "Body"
        case .messageData: "message_data"
        case .bcc: "Bcc"
        case .replyTo: "Reply to"
        case .attachments: "Attachments"
        case .sendAt: "Send at"
        case .sendToUnsubscribed: "To unsubscribed"
        case .disableMessageRetention: "No retention"
        case .language: "Language"
        case .broadcast: "Broadcast"
        case .data: "data"
        case .audience: "Audience"
        case .audienceValue: "Recipients"
        case .idIgnoreMissing: "id_ignore_missing"
        case .emailIgnoreMissing: "email_ignore_missing"
        case .emailAddDuplicates: "email_add_duplicates"
        }
    }

    /// Shown beside an empty field: what it takes.
    public var hint: String {
        switch self {
        case .template: "Enter picks a template (none: an inline email)"
        case .identifier: "the person's id, email or cio_id"
        case .to: "email address, phone, or all / last_used / a device token"
        case .from: "a verified sender, e.g. Lumen <hello@lumenapp.io>"
        case .messageData: "JSON object, e.g. {\"order\": 1042}  (ctrl-e: $EDITOR)"
        case .data: "JSON object for the broadcast's liquid  (ctrl-e: $EDITOR)"
        case .bcc: "addresses, comma separated"
        case .attachments: "file paths, comma separated (2 MB in all)"
        case .sendAt: "YYYY-MM-DD HH:MM (local) or a Unix time; empty: now"
        case .language: "a language code, e.g. fr"
        case .broadcast: "Enter picks an API-triggered broadcast"
        case .audienceValue: "see Audience"
        default: ""
        }
    }

    public var editor: Editor {
        switch self {
        case .kind: .cycle(ComposeDraft.Kind.allCases.map(\.rawValue))
        case .template: .templatePicker
        case .identifierType: .cycle(["id", "email", "cio_id"])
        case .messageData, .data: .json
        case .sendToUnsubscribed: .cycle(SendToUnsubscribed.allCases.map(\.rawValue))
        case .disableMessageRetention, .idIgnoreMissing, .emailIgnoreMissing, .emailAddDuplicates: .toggle
        case .broadcast: .broadcastPicker
        case .audience: .cycle(ComposeDraft.AudienceForm.allCases.map(\.rawValue))
        default: .text
        }
    }

    /// The extension of the file `$EDITOR` gets, so that it highlights what the field holds.
    public var editorFileExtension: String {
        switch self {
        case .body: "html"
        case .messageData, .data, .audienceValue: "json"
        default: "txt"
        }
    }

    /// Whether the field holds text the user may want to write at length (`ctrl-e` opens `$EDITOR`).
    public var isLong: Bool { self == .messageData || self == .data || self == .body || self == .audienceValue }

    /// The fields a draft of this kind shows, in order.
    public static func fields(for draft: ComposeDraft) -> [ComposeField] {
        let options: [ComposeField] = [.sendAt, .sendToUnsubscribed, .disableMessageRetention, .language]
        switch draft.kind {
        case .email:
            let inline: [ComposeField] = draft.template.isEmpty ? [.from, .subject, .body] : []
            return [.kind, .template, .identifierType, .identifier, .to] + inline + [.messageData, .bcc, .replyTo, .attachments] + options
        case .push, .sms:
            return [.kind, .template, .identifierType, .identifier, .to, .messageData] + options
        case .broadcast:
            var fields: [ComposeField] = [.kind, .broadcast, .data, .audience]
            if draft.audience != .broadcast { fields.append(.audienceValue) }
            switch draft.audience {
            case .broadcast, .filter: break
            case .ids: fields.append(.idIgnoreMissing)
            case .emails: fields += [.emailIgnoreMissing, .emailAddDuplicates]
            case .perUserData, .dataFileURL: fields += [.idIgnoreMissing, .emailIgnoreMissing, .emailAddDuplicates]
            }
            return fields
        }
    }

    /// The audience field's hint depends on the form chosen.
    public static func audienceHint(_ form: ComposeDraft.AudienceForm) -> String {
        switch form {
        case .broadcast: ""
        case .emails: "addresses, comma separated"
        case .ids: "ids, comma separated"
        case .perUserData: "[{\"id\": \"42\", \"data\": {…}}, …]  (ctrl-e: $EDITOR)"
        case .filter: "e.g. plan = pro and has phone"
        case .dataFileURL: "https://… a file of one JSON object per line"
        }
    }
}

extension ComposeDraft {
    /// The field's value as text (toggles as yes / no).
    public func text(of field: ComposeField) -> String {
        switch field {
        case .kind: kind.rawValue
        case .template: template.isEmpty ? (kind == .email ? "none (inline email)" : "") : (templateName.isEmpty ? "#\(template)" : "\(templateName) (#\(template))")
        case .identifierType: identifierType
        case .identifier: identifier
        case .to: to
        case .from: from
        case .subject: subject
        case .body: body
        case .messageData: messageData
        case .bcc: bcc
        case .replyTo: replyTo
        case .attachments: attachments
        case .sendAt: sendAt
        case .sendToUnsubscribed: sendToUnsubscribed.rawValue
        case .disableMessageRetention: disableMessageRetention ? "yes" : "no"
        case .language: language
        case .broadcast: broadcastID.isEmpty ? "" : (broadcastName.isEmpty ? "#\(broadcastID)" : "\(broadcastName) (#\(broadcastID))")
        case .data: data
        case .audience: audience.rawValue
        case .audienceValue: audienceValue
        case .idIgnoreMissing: idIgnoreMissing ? "yes" : "no"
        case .emailIgnoreMissing: emailIgnoreMissing ? "yes" : "no"
        case .emailAddDuplicates: emailAddDuplicates ? "yes" : "no"
        }
    }

    /// The raw text an inline editor starts from (pickers and toggles have none).
    public func editableText(of field: ComposeField) -> String {
        field == .template ? template : (field == .broadcast ? broadcastID : text(of: field))
    }

    /// Sets a text field, or a cycled one from one of its values.
    public mutating func set(_ field: ComposeField, to value: String) {
        switch field {
        case .kind: if let kind = Kind(rawValue: value) { self.kind = kind }
        case .template: template = value
        case .identifierType: identifierType = value
        case .identifier: identifier = value
        case .to: to = value
        case .from: from = value
        case .subject: subject = value
        case .body: body = value
        case .messageData: messageData = value
        case .bcc: bcc = value
        case .replyTo: replyTo = value
        case .attachments: attachments = value
        case .sendAt: sendAt = value
        case .sendToUnsubscribed: sendToUnsubscribed = SendToUnsubscribed(rawValue: value) ?? .templateDefault
        case .disableMessageRetention: disableMessageRetention = value == "yes"
        case .language: language = value
        case .broadcast: broadcastID = value
        case .data: data = value
        case .audience: if let form = AudienceForm(rawValue: value) { audience = form }
        case .audienceValue: audienceValue = value
        case .idIgnoreMissing: idIgnoreMissing = value == "yes"
        case .emailIgnoreMissing: emailIgnoreMissing = value == "yes"
        case .emailAddDuplicates: emailAddDuplicates = value == "yes"
        }
    }

    /// The draft's own flag behind a yes/no field, so a toggle flips the flag rather than the word drawn for it.
    static func flag(_ field: ComposeField) -> WritableKeyPath<ComposeDraft, Bool>? {
        switch field {
        case .disableMessageRetention: \.disableMessageRetention
        case .idIgnoreMissing: \.idIgnoreMissing
        case .emailIgnoreMissing: \.emailIgnoreMissing
        case .emailAddDuplicates: \.emailAddDuplicates
        default: nil
        }
    }

    /// Enter on a cycled field or a toggle: the next value.
    public mutating func advance(_ field: ComposeField) {
        switch field.editor {
        case .cycle(let values):
            let current = text(of: field)
            let index = values.firstIndex(of: current) ?? -1
            set(field, to: values[(index + 1) % values.count])
            // A channel change keeps the person but not a template of another channel.
            if field == .kind {
                template = ""
                templateName = ""
            }
        case .toggle:
            if let flag = Self.flag(field) { self[keyPath: flag].toggle() }
        default:
            break
        }
    }

    /// A problem with a JSON field as it stands (line and column), shown under it while typing.
    public func jsonProblem(_ field: ComposeField) -> JSONChecker.Problem? {
        switch field {
        case .messageData: JSONChecker.objectProblem(messageData)
        case .data: JSONChecker.objectProblem(data)
        case .audienceValue where audience == .perUserData:
            audienceValue.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : JSONChecker.check(audienceValue)
        default: nil
        }
    }
}
