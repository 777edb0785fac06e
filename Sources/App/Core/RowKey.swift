import CustomerIO

/// Which item a row stands for, by the item's own identifier. Routes, rows, cell requests and actions carry it as
/// itself, so nothing builds a key as text and parses it back.
public enum RowKey: Sendable, Hashable, CustomStringConvertible {
    /// A numeric id: a segment, campaign, broadcast, newsletter, template, export, sender identity, collection, or a
    /// journal entry's place in the journal.
    case id(Int)
    /// An identifier that is text: a message (delivery), an activity, a snippet's name, a timeline entry, a region of
    /// an overlap.
    case name(String)
    /// A person, by the one identifier the row knows them by.
    case person(PersonKey)
    /// A row of people that has no identifier at all, by its place in its list (it opens nothing by reference).
    case position(Int)
    /// An object: its type id and object id. (Boxed so a list of 100,000 people keeps small keys.)
    indirect case object(typeID: String, id: String)
    /// An address on one ESP list: the same address on two lists is two rows.
    indirect case suppression(list: String, email: String)

    /// How a status line names the item: the id itself, "cio_id abc", "company/acct_1", "bounces/ann@x.io".
    public var description: String {
        switch self {
        case .id(let id): String(id)
        case .name(let name): name
        case .person(let person): "\(person.type.rawValue) \(person.value)"
        case .position(let index): "row \(index + 1)"
        case .object(let typeID, let id): "\(typeID)/\(id)"
        case .suppression(let list, let email): "\(list)/\(email)"
        }
    }

    /// The numeric id, for the panes whose items have one.
    public var id: Int? { if case .id(let id) = self { id } else { nil } }

    /// The person, for the rows that are people.
    public var person: PersonKey? { if case .person(let person) = self { person } else { nil } }
}

extension RowKey: ExpressibleByIntegerLiteral {
    /// A literal number is an id (`.detail(.campaigns, key: 2)`). (No string literal: which kind of key a text is
    /// must be said, never guessed.)
    public init(integerLiteral value: Int) { self = .id(value) }
}

/// A person as a route or row knows them: one identifier and its type, so a reference loads the person by the
/// identifier it has.
public struct PersonKey: Sendable, Hashable, Comparable {
    public var value: String
    public var type: IDType

    public init(_ value: String, _ type: IDType) {
        self.value = value
        self.type = type
    }

    /// The person's strongest identifier: cio_id, else id, else email; nil when they have none.
    public init?(_ person: CustomerIdentifiers) {
        if let cio = person.cioID, !cio.isEmpty { self.init(cio, .cioID) }
        else if let id = person.id, !id.isEmpty { self.init(id, .id) }
        else if let email = person.email, !email.isEmpty { self.init(email, .email) }
        else { return nil }
    }

    /// By type, then value: a stable order for lists built from sets of people.
    public static func < (left: PersonKey, right: PersonKey) -> Bool {
        (left.type.rawValue, left.value) < (right.type.rawValue, right.value)
    }

    /// A value typed by a person, its type given or guessed as `IDType.guess` would.
    public init(typed value: String, as type: IDType? = nil) {
        self.init(value, type ?? IDType.guess(for: value))
    }
}

extension RowKey {
    /// The key of a person's row, or nil when they have no identifier.
    static func person(of person: CustomerIdentifiers) -> RowKey? { PersonKey(person).map(RowKey.person) }
}
