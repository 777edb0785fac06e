/// A deliveries export's body: exactly one owner id, and the optional window, metric, drafts flag and attribute
/// names. Unlike an owner id, a null window, metric, flag or attribute list is refused, as a member of the wrong
/// type; members of the wrong shape are kept as `.mismatch` so the export refuses them in its own words.
struct DeliveriesExportBody: Decodable, Sendable {
    enum CodingKeys: String, CodingKey {
        case newsletterID = "newsletter_id"
        case campaignID = "campaign_id"
        case transactionalMessageID = "transactional_message_id"
        case actionID = "action_id"
        case start, end, drafts, metric, attributes
    }

    /// The members that name whose deliveries to export, in the order a refusal lists them.
    static let ownerKeys: [CodingKeys] = [.newsletterID, .campaignID, .transactionalMessageID, .actionID]

    /// The owner members that are there (not null).
    var owners: [(key: CodingKeys, id: Lenient<LooseInt>)] = []
    var start: Lenient<LooseInt>?
    var end: Lenient<LooseInt>?
    var drafts: Lenient<LooseBool>?
    var metric: Lenient<String>?
    var attributes: Lenient<[String]>?

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        for key in Self.ownerKeys {
            if let id = try container.decodeIfPresent(Lenient<LooseInt>.self, forKey: key) { owners.append((key, id)) }
        }
        start = try container.decodeIncludingNull(Lenient<LooseInt>.self, forKey: .start)
        end = try container.decodeIncludingNull(Lenient<LooseInt>.self, forKey: .end)
        drafts = try container.decodeIncludingNull(Lenient<LooseBool>.self, forKey: .drafts)
        metric = try container.decodeIncludingNull(Lenient<String>.self, forKey: .metric)
        attributes = try container.decodeIncludingNull(Lenient<[String]>.self, forKey: .attributes)
    }
}
