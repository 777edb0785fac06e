import CustomerIO
import Foundation

/// The attribute cells of a person row (name, created, subscribed), from the bulk attributes answer.
enum PeopleCells {
    /// Name, created and subscribed, each as what the cell holds; a person the answer did not have holds nothing.
    static func values(_ profile: CustomerProfile?) -> [CellState] {
        guard let profile else { return [.empty, .empty, .empty] }
        let attributes = profile.attributes
        let first = attributes["first_name"]?.displayText
        let last = attributes["last_name"]?.displayText
        let name = attributes["name"]?.displayText ?? [first, last].compactMap { $0 }.joined(separator: " ")
        let created = (profile.timestamps["created_at"] ?? attributes["created_at"]?.lenientInt).flatMap { $0 > 0 ? $0 : nil }
        // The subscription column carries a 0 when unsubscribed (only then, so the rows of the subscribed, most of
        // a list, carry no number at all); created sorts by its text already.
        let subscription: CellState = isUnsubscribed(profile) ? .value("no", number: 0) : .value("yes")
        return [.value(or: name), created.map { .value(TimeText.short($0)) } ?? .empty, subscription]
    }

    /// Whether a profile is unsubscribed: its own flag, else its `unsubscribed` attribute; neither means subscribed.
    static func isUnsubscribed(_ profile: CustomerProfile) -> Bool {
        profile.saysUnsubscribed ?? false
    }

    /// What the cache keeps of a person for their row: the three cells (whether they are unsubscribed is the
    /// subscription cell's number, typed, for `-` and `c` on a member list, which never read the "no" drawn for it).
    struct Summary: Sendable, Hashable {
        let cells: [CellState]
    }

    static func summary(_ profile: CustomerProfile?) -> Summary { Summary(cells: values(profile)) }

    /// The column of a person row that says whether they are subscribed.
    static let subscribedColumn = 5
}
