import TerminalUI

/// The command palette's commands, made from the keymap (so every bound action can be run by name too) plus the
/// ones that take an argument (`:theme NAME`) or have no key (`:q`).
enum PaletteCatalog {
    static func commands(for state: AppState) -> [PaletteCommand] {
        var commands = PaneKind.allCases.map { PaletteCommand(name: $0.rawValue, title: "Show \($0.title)", argumentChoices: []) }
        commands.append(PaletteCommand(name: "theme", title: "Switch theme: :theme NAME", argumentChoices: state.themeNames))
        commands.append(PaletteCommand(name: "q", title: "Quit", argumentChoices: []))
        for binding in state.keymap.bindings where binding.scope == .normal && binding.applies(to: state.pane) {
            guard !binding.id.hasPrefix("pane."), binding.id != "palette" else { continue }
            commands.append(PaletteCommand(name: binding.id, title: binding.title, argumentChoices: []))
        }
        return commands
    }

    /// Runs a palette line such as `segments`, `theme nord` or `table.bottom`.
    static func execute(_ line: String, _ state: inout AppState) -> [Effect] {
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first else { return [] }
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        if let pane = PaneKind(rawValue: name) {
            return AppUpdate.run(.showPane(pane), key: nil, &state)
        }
        switch name {
        case "q", "quit", "q!":
            state.shouldQuit = true
            return []
        case "theme":
            guard !argument.isEmpty else {
                state.flash = Flash.make(.warn, "Usage: :theme NAME (\(state.themeNames.joined(separator: ", ")))", now: state.now)
                return []
            }
            return [.loadTheme(argument)]
        default:
            guard let binding = state.keymap.binding(id: name), binding.scope == .normal, binding.applies(to: state.pane) else {
                state.flash = Flash.make(.warn, "No command \":\(name)\"; Tab completes, ? lists keys", now: state.now)
                return []
            }
            if let reason = binding.unavailableReason(in: state) {
                state.flash = Flash.make(.warn, "\(binding.title): \(reason)", now: state.now)
                return []
            }
            return AppUpdate.run(binding.command, key: nil, &state)
        }
    }
}
