import Keys
import Spelling
import TerminalUI

/// Every key binding of the app, with the user's overrides applied; resolves keys to commands by scope and pane.
public struct Keymap: Sendable {
    public private(set) var bindings: [Binding]
    /// Problems found while applying overrides (unknown action ids, one key bound twice), reported at start-up.
    public private(set) var problems: [String] = []

    /// The defaults with `overrides` (action id → keys) applied.
    public init(overrides: [String: [Key]] = [:]) {
        bindings = Self.defaults
        for (id, keys) in overrides.sorted(by: { $0.key < $1.key }) {
            guard let index = bindings.firstIndex(where: { $0.id == id }) else {
                problems.append("keys: no action called \"\(id)\"\(Suggestion.hint(for: id, in: bindings.map(\.id))); docs/keybindings.md lists them")
                continue
            }
            if Self.neverEnter.contains(id), keys.contains(.enter) {
                // Enter is pressed out of habit; a write takes a deliberate key.
                problems.append("keys: \(id) cannot be enter (Enter never sends); it keeps \(bindings[index].keyLabel)")
                continue
            }
            bindings[index].keys = keys
        }
        problems += conflicts()
    }

    /// Actions that Enter may never trigger, whatever the config says.
    static let neverEnter: Set<String> = ["review.send"]

    /// The command for `key` in `scope` on `pane`.
    public func binding(for key: Key, scope: BindingScope, pane: PaneKind) -> Binding? {
        bindings.first { $0.scope == scope && $0.applies(to: pane) && $0.keys.contains(key) }
    }

    /// The binding with this id.
    public func binding(id: String) -> Binding? { bindings.first { $0.id == id } }

    /// Keys bound to more than one action that can be live at the same time (same scope, overlapping panes).
    func conflicts() -> [String] {
        var found: [String] = []
        for (i, first) in bindings.enumerated() {
            for second in bindings[(i + 1)...] where first.scope == second.scope {
                let overlap = first.panes.map { a in second.panes.map { !a.isDisjoint(with: $0) } ?? true } ?? true
                guard overlap else { continue }
                for key in first.keys where second.keys.contains(key) {
                    found.append("keys: \(key.spec) is bound to both \(first.id) and \(second.id); \(first.id) wins")
                }
            }
        }
        return found
    }
}
