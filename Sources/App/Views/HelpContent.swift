import TerminalUI

/// The help overlay's sections, made from the keymap: every binding that applies here, with why it is unavailable.
enum HelpContent {
    static func sections(for state: AppState) -> [HelpSection] {
        var order: [String] = []
        var entries: [String: [HelpEntry]] = [:]
        for binding in state.keymap.bindings where binding.applies(to: state.pane) && !binding.keys.isEmpty {
            if entries[binding.section] == nil { order.append(binding.section) }
            entries[binding.section, default: []].append(
                HelpEntry(keys: binding.keyLabel, title: binding.title, disabledReason: binding.unavailableReason(in: state))
            )
        }
        var sections = order.map { HelpSection(title: $0, entries: entries[$0] ?? []) }
        sections.append(HelpSection(title: "Commands (:)", entries: [
            HelpEntry(keys: ":segments …", title: "Show a pane by name", disabledReason: nil),
            HelpEntry(keys: ":theme NAME", title: "Switch theme (\(state.themeNames.joined(separator: ", ")))", disabledReason: nil),
            HelpEntry(keys: ":q", title: "Quit", disabledReason: nil),
        ]))
        return sections
    }

    /// The status bar's short form of a binding's title (`Filter the list as you type` → `filter`).
    static func shortTitle(_ binding: Binding) -> String {
        switch binding.id {
        case "help": "help"
        case "palette": "commands"
        case "back": "back"
        case "refresh": "refresh"
        case "table.open": "open"
        case "table.filter": "filter"
        case "customers.find": "find"
        case "members": "members"
        default: binding.title.lowercased()
        }
    }
}
