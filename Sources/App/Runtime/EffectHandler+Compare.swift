import CustomerIO
import Foundation
import Workspace

/// Profiles side by side on a review (the two people of a merge), read fresh so the review shows what is there now.
extension EffectHandler {
    /// The topics' names and the person's settings now, read fresh; as they were when they cannot be read.
    func named(_ topics: TopicSettings) async -> TopicSettings {
        guard let preferences = try? await environment.service.customerSubscriptionPreferences(id: topics.person.value, idType: topics.person.idType, refresh: true) else { return topics }
        var named = topics
        for topic in preferences.topics {
            guard topic.id.hasPrefix("topic_"), let number = Int(topic.id.dropFirst(6)), topics.settings[number] != nil else { continue }
            named.names[number] = topic.name
            named.current[number] = topic.subscribed
        }
        return named
    }

    func sideBySide(_ people: [CustomerIdentifier]) async -> [String] {
        var profiles: [CustomerProfile?] = []
        var problems: [String] = []
        for person in people {
            do {
                profiles.append(try await environment.service.client.customerProfile(id: person.value, idType: person.idType))
            } catch {
                profiles.append(nil)
                problems.append("\(person.label): \(Self.message(error))")
            }
        }
        return ProfileComparison.lines(people: people, profiles: profiles) + problems.map { "Not loaded — \($0)" }
    }
}

/// Two or more profiles as columns: each attribute on a line, with what each profile holds.
enum ProfileComparison {
    /// Attributes shown, at most; the rest are counted.
    static let shown = 24

    static func lines(people: [CustomerIdentifier], profiles: [CustomerProfile?]) -> [String] {
        let width = 24
        func cell(_ text: String) -> String {
            let clipped = text.count > width - 1 ? String(text.prefix(width - 2)) + "…" : text
            return clipped.padding(toLength: width, withPad: " ", startingAt: 0)
        }
        let names = Set(profiles.compactMap { $0?.attributes.keys }.flatMap { $0 }).sorted()
        var lines = ["", cell("") + people.enumerated().map { index, person in cell(index == 0 ? "PRIMARY (stays)" : "SECONDARY (goes)") }.joined()]
        lines.append(cell("") + people.map { cell($0.label) }.joined())
        lines.append(cell("devices") + profiles.map { cell($0.map { String($0.devices.count) } ?? "?") }.joined())
        for name in names.prefix(shown) {
            let values = profiles.map { profile in profile.map { $0.attributes[name]?.displayText ?? "—" } ?? "?" }
            lines.append(cell(name) + values.map(cell).joined())
        }
        if names.count > shown { lines.append("… and \(names.count - shown) more attributes") }
        return lines
    }
}
