import CustomerIO

/// Evaluates an `AudienceFilter` against the people table, set-wise: every node becomes a `BitSet` of matching
/// rows. Categorical attributes (plan, country, city, language, company, names) compare small integers; the
/// rest compare the derived string, which is slower but still a single pass.
struct FilterEvaluator {
    let customers: CustomerTable
    /// Membership of a segment by id (nil when there is no such segment: matches no one).
    let segment: (Int) -> BitSet?

    func evaluate(_ filter: AudienceFilter) -> BitSet {
        switch filter {
        case .and(let parts):
            guard let first = parts.first else { return BitSet(count: customers.count, filled: true) }
            return parts.dropFirst().reduce(evaluate(first)) { $0.intersection(evaluate($1)) }
        case .or(let parts):
            return parts.reduce(BitSet(count: customers.count)) { $0.union(evaluate($1)) }
        case .not(let inner):
            return evaluate(inner).complement()
        case .segment(let id):
            return segment(id) ?? BitSet(count: customers.count)
        case .attribute(let field, .exists):
            return exists(field)
        case .attribute(let field, .equals(let value)):
            return equals(field, value)
        }
    }

    private func scan(_ predicate: (Int) -> Bool) -> BitSet {
        var result = BitSet(count: customers.count)
        for row in 0 ..< customers.count where predicate(row) { result.insert(row) }
        return result
    }

    private func single(_ row: Int?) -> BitSet {
        var result = BitSet(count: customers.count)
        if let row { result.insert(row) }
        return result
    }

    /// The people sharing an address: `email = x` matches every one of them.
    private func many(_ rows: [Int]) -> BitSet {
        var result = BitSet(count: customers.count)
        for row in rows { result.insert(row) }
        return result
    }

    private func exists(_ field: String) -> BitSet {
        switch field {
        case "phone": return scan { customers.flags[$0] & CustomerTable.Flag.phone != 0 }
        case "unsubscribed": return scan { customers.flags[$0] & CustomerTable.Flag.unsubscribed != 0 }
        case let name where Self.alwaysPresent.contains(name): return BitSet(count: customers.count, filled: true)
        default: return BitSet(count: customers.count)
        }
    }

    static let alwaysPresent: Set<String> = [
        "id", "email", "cio_id", "first_name", "last_name", "plan", "country", "city", "company",
        "created_at", "last_seen", "lifetime_value", "language", "timezone",
    ]

    private func equals(_ field: String, _ value: String) -> BitSet {
        switch field {
        case "id": return single(customers.row(forID: value))
        case "cio_id": return single(customers.row(forCioID: value))
        case "email": return many(customers.rows(forEmail: value))
        case "plan":
            guard let index = CustomerTable.plans.firstIndex(of: value) else { return single(nil) }
            let code = UInt8(index)
            return scan { customers.plan[$0] == code }
        case "country", "city", "timezone":
            let matching = NameBanks.cities.map { city in
                field == "country" ? city.country == value : field == "city" ? city.name == value : city.timeZone == value
            }
            return scan { matching[Int(customers.city[$0])] }
        case "language":
            guard let index = CustomerTable.languages.firstIndex(of: value) else { return single(nil) }
            let code = UInt8(index)
            return scan { customers.language[$0] == code }
        case "first_name":
            let codes = Set(NameBanks.firstNames.indices.filter { NameBanks.firstNames[$0].display == value }.map(UInt16.init))
            return scan { codes.contains(customers.firstName[$0]) }
        case "last_name":
            let codes = Set(NameBanks.lastNames.indices.filter { NameBanks.lastNames[$0].display == value }.map(UInt16.init))
            return scan { codes.contains(customers.lastName[$0]) }
        case "company":
            let codes = Set((0 ..< NameBanks.companyCount).filter { NameBanks.company($0) == value }.map(UInt16.init))
            return scan { codes.contains(customers.company[$0]) }
        case "created_at":
            guard let time = UInt32(value) else { return single(nil) }
            return scan { customers.createdAt[$0] == time }
        case "last_seen":
            guard let time = UInt32(value) else { return single(nil) }
            return scan { customers.lastSeen[$0] == time }
        case "unsubscribed":
            let wanted = value == "true"
            return wanted ? scan { customers.flags[$0] & CustomerTable.Flag.unsubscribed != 0 } : single(nil)
        default:
            guard Self.alwaysPresent.contains(field) || field == "phone" else { return single(nil) }
            return scan { customers.attribute(field, $0) == value }
        }
    }
}
