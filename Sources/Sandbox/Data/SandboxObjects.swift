/// The workspace's objects, derived from the people as their relationships are: an account per company (type 1,
/// `acct_N`) and 500 projects (type 2, `proj_N`). A person is related to their company's account four times in ten,
/// and to a project a third of those times.
enum SandboxObjects {
    struct Object: Hashable {
        let type: Int
        /// 0-based: the company's index, or the project's.
        let index: Int
    }

    static let projects = 500

    static func hash(_ customers: CustomerTable, _ row: Int) -> UInt64 { SplitMix64.hash(customers.seed, UInt64(row), 0x4E1A7) }

    /// The objects a person is related to.
    static func related(_ customers: CustomerTable, _ row: Int) -> [Object] {
        let h = hash(customers, row)
        guard SplitMix64.unit(h) < 0.4 else { return [] }
        var found = [Object(type: 1, index: Int(customers.company[row]))]
        if h % 3 == 0 { found.append(Object(type: 2, index: Int((h >> 20) % UInt64(projects)))) }
        return found
    }

    /// Every object of a type, in order.
    static func all(type: Int) -> [Object] {
        switch type {
        case 1: (0..<NameBanks.companyCount).map { Object(type: 1, index: $0) }
        case 2: (0..<projects).map { Object(type: 2, index: $0) }
        default: []
        }
    }

    static func objectID(_ object: Object) -> String { object.type == 1 ? "acct_\(object.index + 1)" : "proj_\(object.index + 1)" }
    static func cioObjectID(_ object: Object) -> String { String((object.type == 1 ? 0xB100_0000 : 0xB200_0000) + object.index, radix: 16) }
    static func name(_ object: Object) -> String { object.type == 1 ? NameBanks.company(object.index) : "Project \(object.index + 1)" }

    static func identifiers(_ object: Object) -> SandboxJSON {
        .obj(["object_id": .string(objectID(object)), "cio_object_id": .string(cioObjectID(object))])
    }

    /// Its attributes, as filters see them.
    static func attributes(_ object: Object) -> [String: String] {
        var attributes = ["name": name(object)]
        if object.type == 1 { attributes["plan"] = CustomerTable.plans[object.index % CustomerTable.plans.count] }
        return attributes
    }

    /// Every object's people, in id order: one pass over the people (made once per store, on first use).
    static func index(_ customers: CustomerTable) -> [Object: [Int32]] {
        var index: [Object: [Int32]] = [:]
        for row in 0..<customers.count {
            for object in related(customers, row) { index[object, default: []].append(Int32(row)) }
        }
        return index
    }
}

extension SandboxObjects {
    /// The generated object an object id names (`acct_N` of type 1, `proj_N` of type 2), without a search.
    static func generated(type: Int, id: String) -> Object? {
        let prefix = type == 1 ? "acct_" : type == 2 ? "proj_" : nil
        guard let prefix, id.hasPrefix(prefix), let number = Int(id.dropFirst(prefix.count)), String(number) == id.dropFirst(prefix.count) else {
            return nil
        }
        let limit = type == 1 ? NameBanks.companyCount : projects
        return number >= 1 && number <= limit ? Object(type: type, index: number - 1) : nil
    }

    /// The generated object a `cio_object_id` names.
    static func generated(cioObjectID: String) -> Object? {
        guard let value = Int(cioObjectID, radix: 16) else { return nil }
        for type in [1, 2] {
            let base = type == 1 ? 0xB100_0000 : 0xB200_0000
            let limit = type == 1 ? NameBanks.companyCount : projects
            if value >= base && value < base + limit { return Object(type: type, index: value - base) }
        }
        return nil
    }
}
