import CustomerIO
import Foundation

/// The attribute cells of a person row (name, created, subscribed), from the bulk attributes answer.
enum PeopleCells {
    static func values(_ profile: CustomerProfile?) -> [String] {
        guard let profile else { return ["—", "—", "—"] }
        let attributes = profile.attributes
        let first = attributes["first_name"]?.displayText
        let last = attributes["last_name"]?.displayText
        let name = attributes["name"]?.displayText ?? [first, last].compactMap { $0 }.joined(separator: " ")
        let created = profile.timestamps["created_at"] ?? attributes["created_at"]?.lenientInt
        return [name.isEmpty ? "—" : name, TimeText.short(created), isUnsubscribed(profile) ? "no" : "yes"]
    }

    /// Whether a profile is unsubscribed: its own flag, else its `unsubscribed` attribute; neither means subscribed.
    static func isUnsubscribed(_ profile: CustomerProfile) -> Bool {
        profile.saysUnsubscribed ?? false
    }

    /// What the cache keeps of a person for their row: the three cells, and whether they are unsubscribed (typed,
    /// for `-` and `c` on a member list, which never read the "no" drawn for it).
    struct Summary: Sendable, Hashable {
        let cells: [String]
        let unsubscribed: Bool
    }

    static func summary(_ profile: CustomerProfile?) -> Summary {
        Summary(cells: values(profile), unsubscribed: profile.map(isUnsubscribed) ?? false)
    }

    /// The row's cells as they arrive: text, and for the subscription column a 0 when unsubscribed (only then, so
    /// the rows of the subscribed, most of a list, carry no number at all). Created sorts by its text already.
    static func typedValues(_ summary: Summary) -> [LazyValue] {
        summary.cells.enumerated().map { index, text in
            LazyValue(text: text, number: index == 2 && summary.unsubscribed ? 0 : nil)
        }
    }

    static func typedValues(_ profile: CustomerProfile?) -> [LazyValue] { typedValues(summary(profile)) }

    /// The column of a person row that says whether they are subscribed.
    static let subscribedColumn = 5
}
