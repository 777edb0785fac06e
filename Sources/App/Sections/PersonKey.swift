import CustomerIO
import Workspace

/// A person's key in routes and lists: `cio_id:…`, `id:…` or `email:…`, so a reference can load the person by the
/// identifier it has.
enum PersonKey {
    static func make(_ person: CustomerIdentifiers) -> String? {
        if let cio = person.cioID, !cio.isEmpty { return "cio_id:\(cio)" }
        if let id = person.id, !id.isEmpty { return "id:\(id)" }
        if let email = person.email, !email.isEmpty { return "email:\(email)" }
        return nil
    }

    /// The key of a person known by `value` of `type`.
    static func key(_ person: (value: String, type: IDType)) -> String {
        "\(person.type.rawValue):\(person.value)"
    }

    /// The identifier and its type; a bare value is read as `IDType.guess` would.
    static func parse(_ key: String) -> (value: String, type: IDType) {
        if let colon = key.firstIndex(of: ":"), let type = IDType(parsing: String(key[..<colon])) {
            return (String(key[key.index(after: colon)...]), type)
        }
        return (key, IDType.guess(for: key))
    }
}

