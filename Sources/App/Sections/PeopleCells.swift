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
        let unsubscribed = profile.unsubscribed ?? (attributes["unsubscribed"].map { $0.displayText == "true" })
        return [name.isEmpty ? "—" : name, TimeText.short(created), unsubscribed.map { $0 ? "no" : "yes" } ?? "yes"]
    }
}
