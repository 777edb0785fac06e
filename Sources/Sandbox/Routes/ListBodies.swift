/// `{"ids":[…]}`: people named by id, for the bulk attribute read (`Item` String) and the Track API's segment
/// changes (`Item` LooseID, which takes numbers too). Items of another shape are kept as `.mismatch`.
struct IDListBody<Item: Decodable & Sendable>: Decodable, Sendable {
    var ids: Lenient<[Lenient<Item>]>?
}

/// `POST /v1/segments`: `{"segment":{"name","description"?}}`.
struct SegmentCreateBody: Decodable, Sendable {
    /// The new manual segment. A null description is refused like any other that is not a string.
    struct Segment: Decodable, Sendable {
        var name: Lenient<String>?
        var description: Lenient<String>?

        enum CodingKeys: String, CodingKey {
            case name, description
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try container.decodeIfPresent(Lenient<String>.self, forKey: .name)
            description = try container.decodeIncludingNull(Lenient<String>.self, forKey: .description)
        }
    }

    var segment: Lenient<Segment>?
}
