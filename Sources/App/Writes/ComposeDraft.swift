import CustomerIO
import Foundation

/// Everything typed into the composer, as text, so that it can be saved on every keystroke and reopened exactly as
/// it was, valid or not. `plan` turns it into the request the review screen shows.
/// Whether a transactional message goes to a person who unsubscribed: as its template says, or yes or no for this one.
public enum SendToUnsubscribed: String, Sendable, Hashable, Codable, CaseIterable {
    case templateDefault = "default", yes, no

    /// A saved word this version does not know leaves it to the template, the safe reading.
    public init(from decoder: any Decoder) throws {
        self = Self(rawValue: try decoder.singleValueContainer().decode(String.self)) ?? .templateDefault
    }

    /// The API's `send_to_unsubscribed`: nil leaves it to the template.
    var flag: Bool? {
        switch self {
        case .templateDefault: nil
        case .yes: true
        case .no: false
        }
    }
}

public struct ComposeDraft: Sendable, Hashable, Codable {
    /// What the draft sends.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case email, push, sms, broadcast

        public var title: String {
            switch self {
            case .email: "Transactional email"
            case .push: "Transactional push"
            case .sms: "Transactional SMS"
            case .broadcast: "Broadcast trigger"
            }
        }
    }

    /// Who a broadcast goes to: the API takes exactly one of these.
    public enum AudienceForm: String, Sendable, Hashable, Codable, CaseIterable {
        case broadcast, emails, ids, perUserData = "per_user_data", filter, dataFileURL = "data_file_url"

        public var title: String {
            switch self {
            case .broadcast: "the broadcast's own audience"
            case .emails: "emails"
            case .ids: "ids"
            case .perUserData: "per-user data (JSON array)"
            case .filter: "a filter query"
            case .dataFileURL: "a data file URL"
            }
        }
    }

    public var id: String
    public var kind: Kind
    /// Seconds since 1970 of the last change.
    public var updatedAt: Double = 0

    // Transactional.
    /// A template id, or empty for an inline email.
    public var template = ""
    public var templateName = ""
    public var identifierType = "id"
    public var identifier = ""
    public var to = ""
    public var messageData = ""
    /// Empty, a Unix time, or `YYYY-MM-DD HH:MM` in local time.
    public var sendAt = ""
    /// As the template says, or yes or no for this message.
    public var sendToUnsubscribed = SendToUnsubscribed.templateDefault
    public var disableMessageRetention = false
    public var language = ""
    public var from = ""
    public var subject = ""
    public var body = ""
    public var bcc = ""
    public var replyTo = ""
    /// File paths, comma separated; read and encoded when the review is built.
    public var attachments = ""
    /// The person's state as the profile showed it, for the review's warnings.
    public var personUnsubscribed = false
    /// How many devices the profile showed (nil when it was not known): a push to a person with none is refused.
    public var personDevices: Int?

    // Broadcast trigger.
    public var broadcastID = ""
    public var broadcastName = ""
    public var data = ""
    public var audience = AudienceForm.broadcast
    public var audienceValue = ""
    public var idIgnoreMissing = false
    public var emailIgnoreMissing = false
    public var emailAddDuplicates = false

    /// Set when a send left but its answer never came: sending again needs the user to check first.
    public var unknownOutcome: String?

    public init(id: String = UUID().uuidString.lowercased(), kind: Kind) {
        self.id = id
        self.kind = kind
    }

    /// Whether anything was ever changed (then it is saved, and listed on the menu). The save stamps the time.
    public var isEdited: Bool { updatedAt > 0 }

    /// Marks a change before the first save has stamped one.
    public mutating func markEdited() {
        updatedAt = max(updatedAt, 1)
    }

    /// A new draft to a person, filled from their profile: identifier, address or phone.
    public static func to(person: PersonPrefill, kind: Kind) -> ComposeDraft {
        var draft = ComposeDraft(kind: kind)
        if let id = person.id {
            draft.identifierType = "id"
            draft.identifier = id
        } else if let cio = person.cioID {
            draft.identifierType = "cio_id"
            draft.identifier = cio
        } else if let email = person.email {
            draft.identifierType = "email"
            draft.identifier = email
        }
        draft.to = recipient(of: person, kind: kind)
        draft.personUnsubscribed = person.unsubscribed
        draft.personDevices = person.devices
        return draft
    }

    /// Where a message of `kind` goes for this person: their email, their phone, or their last used device (empty
    /// when the profile has no such address, so the review asks for one rather than send elsewhere).
    public static func recipient(of person: PersonPrefill, kind: Kind) -> String {
        switch kind {
        case .email: person.email ?? ""
        case .sms: person.phone ?? ""
        case .push: person.devices == 0 ? "" : "last_used"
        case .broadcast: ""
        }
    }

    /// One line for the drafts list: what, to whom, when.
    public var summary: String {
        switch kind {
        case .broadcast:
            let name = broadcastName.isEmpty ? (broadcastID.isEmpty ? "no broadcast yet" : "#\(broadcastID)") : broadcastName
            return "\(kind.title) · \(name) · \(audience.title)"
        default:
            let what = kind == .email && template.isEmpty ? (subject.isEmpty ? "inline, no subject" : "“\(subject)”") : (templateName.isEmpty ? (template.isEmpty ? "no template yet" : "template \(template)") : templateName)
            let whom = identifier.isEmpty ? "nobody yet" : "\(identifierType) \(identifier)"
            return "\(kind.title) · \(what) · \(whom)"
        }
    }
}

/// What a profile knows of a person that a new draft can start from.
public struct PersonPrefill: Sendable, Hashable {
    public var id: String?
    public var email: String?
    public var cioID: String?
    public var phone: String?
    public var unsubscribed = false
    /// How many devices the profile lists; nil when not known.
    public var devices: Int?

    public init(id: String? = nil, email: String? = nil, cioID: String? = nil, phone: String? = nil, unsubscribed: Bool = false, devices: Int? = nil) {
        self.id = id
        self.email = email
        self.cioID = cioID
        self.phone = phone
        self.unsubscribed = unsubscribed
        self.devices = devices
    }

    /// What a loaded profile says of the person: identifiers, phone, subscription and devices, typed.
    public init(profile: CustomerProfile) {
        let ids = profile.identifiers
        func attribute(_ key: String) -> String? {
            profile.attributes[key].map(\.displayText).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        // The top-level `id` is whatever identifier the request named (an email, a cio_id): only the identifiers
        // say what the person's id is, and without them it is taken only when it is not an address or a cio_id.
        let looseID = profile.id.flatMap { $0.contains("@") || $0.hasPrefix("cio_") ? nil : $0 }
        self.init(id: ids != nil ? ids?.id : looseID, email: ids?.email ?? attribute("email"), cioID: ids?.cioID,
                  phone: attribute("phone"),
                  unsubscribed: PeopleCells.isUnsubscribed(profile), devices: profile.listsDevices ? profile.devices.count : nil)
    }
}
