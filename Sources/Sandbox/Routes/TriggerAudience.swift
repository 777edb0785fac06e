/// A trigger's people named by id or email, by the request's flags: unknown people are errors unless
/// `*_ignore_missing` skips them (and reports them), and an email several profiles share is an error unless
/// `email_add_duplicates` sends to all of them, as the spec describes both flags.
struct TriggerAudience {
    /// How a trigger names one person.
    enum Identifier: String {
        case id, email
    }

    /// Triggers reach generated people still in the workspace (deliveries are made from the generated table).
    let people: PeopleDirectory
    let idIgnoreMissing: Bool
    let emailIgnoreMissing: Bool
    let emailAddDuplicates: Bool
    /// What was skipped, for the trigger's error list.
    var errors: [String] = []

    init(people: PeopleDirectory, body: TriggerBody) {
        self.people = people
        idIgnoreMissing = TriggerBody.isSet(body.idIgnoreMissing)
        emailIgnoreMissing = TriggerBody.isSet(body.emailIgnoreMissing)
        emailAddDuplicates = TriggerBody.isSet(body.emailAddDuplicates)
    }

    mutating func resolve(_ values: [(kind: Identifier, value: String)], pointer: String) throws -> [Int32] {
        var rows: [Int32] = []
        var missing: [String] = []
        var shared: [String] = []
        for (kind, value) in values {
            let matches = self.matches(kind, value)
            if matches.isEmpty { missing.append("\(kind.rawValue)=\(value)") }
            if matches.count > 1, !emailAddDuplicates { shared.append("\(value) (\(matches.count) profiles)") }
            rows += matches.map(Int32.init)
        }
        let field = pointer.split(separator: "/").last ?? "audience"
        if !shared.isEmpty {
            let sample = shared.prefix(5).joined(separator: ", ")
            throw BroadcastTrigger.invalid("Errors were found while processing \(field): \(shared.count) emails belong to more than one profile (\(sample)); set email_add_duplicates to send to every profile with the address", pointer: pointer)
        }
        if !missing.isEmpty {
            let ignore = values.allSatisfy { $0.kind == .email ? emailIgnoreMissing : idIgnoreMissing }
            guard ignore else {
                let sample = missing.prefix(5).joined(separator: ", ")
                throw BroadcastTrigger.invalid("Errors were found while processing \(field): \(missing.count) people not found (\(sample)); set \(values.first?.kind == .email ? "email" : "id")_ignore_missing to skip them", pointer: pointer)
            }
            errors += missing.map { "customer not found: \($0)" }
        }
        var seen = Set<Int32>()
        return rows.filter { seen.insert($0).inserted }
    }

    /// Every live profile with the id (one at most) or the email (several can share one).
    private func matches(_ kind: Identifier, _ value: String) -> [Int] {
        let customers = people.customers
        let rows = switch kind {
        case .email: customers.rows(forEmail: value)
        case .id: customers.row(forID: value).map { [$0] } ?? []
        }
        return rows.filter(people.isLive)
    }
}
