import Foundation

/// The body of `POST /v1/campaigns/{broadcast_id}/triggers`: data plus exactly one audience form.
public struct BroadcastTriggerRequest: Sendable, Equatable {
    /// Who receives the broadcast; the API takes exactly one form.
    public enum Audience: Sendable, Equatable {
        /// The recipients set up on the broadcast itself.
        case broadcastDefault
        case filter(AudienceFilter)
        case emails([String])
        case ids([String])
        case perUserData([PerUserData])
        /// A URL of a file with one JSON object per line.
        case dataFileURL(String)
    }

    /// Per-person data for the `per_user_data` form.
    public struct PerUserData: Sendable, Equatable, Encodable {
        public var person: CustomerIdentifier
        public var data: [String: JSONValue]

        public init(person: CustomerIdentifier, data: [String: JSONValue]) {
            self.person = person
            self.data = data
        }

        private enum Key: String, CodingKey { case id, email, data }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            switch person {
            case .id(let id), .cioID(let id): try container.encode(id, forKey: .id)
            case .email(let email): try container.encode(email, forKey: .email)
            }
            try container.encode(data, forKey: .data)
        }
    }

    public var audience: Audience
    public var data: [String: JSONValue]?
    /// Skip unknown ids instead of failing the trigger.
    public var idIgnoreMissing = false
    /// Skip unknown emails instead of failing the trigger.
    public var emailIgnoreMissing = false
    /// Send to every profile that shares an email.
    public var emailAddDuplicates = false

    public init(audience: Audience, data: [String: JSONValue]? = nil) {
        self.audience = audience
        self.data = data
    }

    /// `POST /v1/campaigns/{id}/triggers` exactly as it will be sent: a write held to 1 per 10 s.
    public func request(broadcastID: Int) throws -> APIRequest {
        APIRequest(.post, ["v1", "campaigns", String(broadcastID), "triggers"], body: try AppAPIClient.jsonBody(self), safety: .trigger)
    }

    /// How many people the audience names, where that can be counted without asking the API.
    public var listedAudienceSize: Int? {
        switch audience {
        case .emails(let list), .ids(let list): list.count
        case .perUserData(let list): list.count
        case .broadcastDefault, .filter, .dataFileURL: nil
        }
    }
}

extension BroadcastTriggerRequest: Encodable {
    private enum Key: String, CodingKey {
        case data, recipients, emails, ids, per_user_data, data_file_url
        case id_ignore_missing, email_ignore_missing, email_add_duplicates
    }

    /// Flags go only with the forms they mean something for, as the official SDKs send them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encodeIfPresent(data, forKey: .data)
        switch audience {
        case .broadcastDefault:
            break
        case .filter(let filter):
            try container.encode(filter, forKey: .recipients)
        case .emails(let emails):
            try container.encode(emails, forKey: .emails)
            try container.encode(emailIgnoreMissing, forKey: .email_ignore_missing)
            try container.encode(emailAddDuplicates, forKey: .email_add_duplicates)
        case .ids(let ids):
            try container.encode(ids, forKey: .ids)
            try container.encode(idIgnoreMissing, forKey: .id_ignore_missing)
        case .perUserData(let list):
            try container.encode(list, forKey: .per_user_data)
            try container.encode(idIgnoreMissing, forKey: .id_ignore_missing)
            try container.encode(emailIgnoreMissing, forKey: .email_ignore_missing)
            try container.encode(emailAddDuplicates, forKey: .email_add_duplicates)
        case .dataFileURL(let url):
            try container.encode(url, forKey: .data_file_url)
            try container.encode(idIgnoreMissing, forKey: .id_ignore_missing)
            try container.encode(emailIgnoreMissing, forKey: .email_ignore_missing)
            try container.encode(emailAddDuplicates, forKey: .email_add_duplicates)
        }
    }
}
