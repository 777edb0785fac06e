/// A broadcast trigger's body: who it goes to (at most one way of saying it), the data for its Liquid, and how
/// people it cannot find, or addresses several profiles share, are treated. Members that are there with the wrong
/// shape are kept as `.mismatch`, so the trigger refuses them with its own 422 in the spec's order.
struct TriggerBody: Decodable, Sendable {
    /// The ways of naming an audience, in the order a refusal lists them.
    enum AudienceKey: String, CaseIterable, Sendable {
        case recipients, emails, ids
        case perUserData = "per_user_data"
        case dataFileURL = "data_file_url"
    }

    /// One `per_user_data` item: the person, by id or email (its `data` is the Liquid's, not read here).
    struct PerUserData: Decodable, Sendable {
        var id: Lenient<LooseID>?
        var email: Lenient<String>?
    }

    /// An audience filter, decoded only once the other checks pass so its complaint comes in turn.
    var recipients: SandboxJSON?
    var emails: Lenient<[String]>?
    var ids: Lenient<[Lenient<LooseID>]>?
    var perUserData: Lenient<[Lenient<PerUserData>]>?
    var dataFileURL: Lenient<String>?
    /// Free-form Liquid data; it must be an object when given.
    var data: Lenient<[String: SandboxJSON]>?
    var idIgnoreMissing: Lenient<LooseBool>?
    var emailIgnoreMissing: Lenient<LooseBool>?
    var emailAddDuplicates: Lenient<LooseBool>?

    enum CodingKeys: String, CodingKey {
        case recipients, emails, ids, data
        case perUserData = "per_user_data"
        case dataFileURL = "data_file_url"
        case idIgnoreMissing = "id_ignore_missing"
        case emailIgnoreMissing = "email_ignore_missing"
        case emailAddDuplicates = "email_add_duplicates"
    }

    /// The audience members that are there (not null), in `AudienceKey` order.
    var namedAudiences: [AudienceKey] {
        AudienceKey.allCases.filter { key in
            switch key {
            case .recipients: recipients != nil
            case .emails: emails != nil
            case .ids: ids != nil
            case .perUserData: perUserData != nil
            case .dataFileURL: dataFileURL != nil
            }
        }
    }

    /// Whether a flag is set; one of another shape reads as unset, as the sandbox always has.
    static func isSet(_ flag: Lenient<LooseBool>?) -> Bool { flag?.value?.value ?? false }
}
