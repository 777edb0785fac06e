import Keys

/// docs/keybindings.md, generated from the keymap so that the docs cannot drift from the code.
extension Keymap {
    /// The reference as Markdown: one table per section, with each action's id for config overrides.
    public func markdown() -> String {
        var lines = [
            "# Key bindings",
            "",
            "Generated from the app's keymap (`swift run cio keys > docs/keybindings.md`); a test fails when this file",
            "is out of date. The same table drives the help overlay (`?`), the command palette (`:`) and the status-bar",
            "hints. Remap any action in the config file's `[keys]` table by its id (see docs/configuration.md); keys that",
            "end up bound twice are reported when cio starts.",
            "",
            "While cio runs, ctrl-c, ctrl-s and ctrl-q reach it as keys: terminal flow control is off (ctrl-s does not",
            "freeze the screen) and no key sends an interrupt or quit signal (`ctrl-\\` does nothing). So `quit` is",
            "whatever the keymap says (ctrl-c by default; remapped, only the new keys quit), from anywhere, prompts",
            "included. ctrl-z still suspends. A SIGINT, SIGTERM or SIGHUP sent from outside quits in order.",
        ]
        var sections: [String] = []
        for binding in bindings where !sections.contains(binding.section) { sections.append(binding.section) }
        for section in sections {
            lines += ["", "## \(section)", "", "| Keys | Action | Id | Where |", "|---|---|---|---|"]
            for binding in bindings where binding.section == section {
                let keys = binding.keys.map { "`\($0.spec)`" }.joined(separator: ", ")
                let panes = binding.panes.map { $0.sorted { $0.rawValue < $1.rawValue }.map(\.title).joined(separator: ", ") } ?? "everywhere"
                let scope = switch binding.scope {
                case .normal: panes
                case .input: "prompts (filter, find, palette)"
                case .help: "help overlay"
                case .dialog: "dialog"
                case .composer: "composer"
                case .review: "review screen"
                }
                lines.append("| \(keys) | \(binding.title)\(binding.writes ? " (writes)" : "") | `\(binding.id)` | \(scope) |")
            }
        }
        lines += [
            "", "## Commands", "",
            "`:` opens the palette. Tab completes names and arguments; ↑ and ↓ walk its history; Enter runs the",
            "highlighted suggestion. Every action above can be run by its id (`:refresh`, `:table.bottom`), plus:",
            "",
            "| Command | Does |", "|---|---|",
        ]
        for pane in PaneKind.allCases { lines.append("| `:\(pane.rawValue)` | Show \(pane.title) |") }
        lines += ["| `:theme NAME` | Switch theme now (built-in names or a path to a .toml file) |", "| `:q` | Quit |", ""]
        return lines.joined(separator: "\n")
    }
}
