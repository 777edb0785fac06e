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

    /// The same cells with the numbers they sort by: created as its time, subscribed as 1 and unsubscribed as 0,
    /// which is also what a member list's `-` and `c` read (never the "no" drawn for it).
    static func typedValues(_ profile: CustomerProfile?) -> [EffectHandler.LazyValue] {
        let texts = values(profile)
        guard let profile else { return texts.map { EffectHandler.LazyValue(text: $0) } }
        let created = profile.timestamps["created_at"] ?? profile.attributes["created_at"]?.lenientInt
        let unsubscribed = profile.unsubscribed ?? (profile.attributes["unsubscribed"].map { $0.displayText == "true" }) ?? false
        return [EffectHandler.LazyValue(text: texts[0]), EffectHandler.LazyValue(text: texts[1], number: created.map(Double.init)),
                EffectHandler.LazyValue(text: texts[2], number: unsubscribed ? 0 : 1)]
    }

    /// The column of a person row that says whether they are subscribed.
    static let subscribedColumn = 5
}
