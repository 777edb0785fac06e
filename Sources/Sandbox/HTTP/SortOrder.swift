/// A list endpoint's `sort` query: `asc` or `desc`, an empty value reading as the endpoint's default.
enum SortOrder: String {
    case ascending = "asc"
    case descending = "desc"

    /// The request's order; anything but `asc`, `desc` or empty is a 400.
    static func query(_ exchange: Exchange, default defaultOrder: SortOrder) throws -> SortOrder {
        guard let text = exchange.query["sort"], !text.isEmpty else { return defaultOrder }
        guard let order = SortOrder(rawValue: text) else { throw APIFailure.badRequest("sort must be asc or desc") }
        return order
    }

    /// The list, kept in its stored (ascending) order or reversed.
    func arrange<T>(_ list: [T]) -> [T] {
        self == .ascending ? list : list.reversed()
    }
}
