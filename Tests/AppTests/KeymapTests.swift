import Foundation
import Keys
import Testing
import TerminalUI
@testable import App

@Suite struct KeymapTests {
    let keymap = Keymap()

    func command(_ spec: String, _ scope: BindingScope = .normal, on pane: PaneKind = .segments) -> Command? {
        guard let key = Key(spec: spec) else {
            Issue.record("\(spec) is not a key spec")
            return nil
        }
        return keymap.binding(for: key, scope: scope, pane: pane)?.command
    }

    @Test func movementKeysOnLists() {
        for pane in PaneKind.allCases {
            #expect(command("j", on: pane) == .down)
            #expect(command("down", on: pane) == .down)
            #expect(command("k", on: pane) == .up)
            #expect(command("up", on: pane) == .up)
            #expect(command("g", on: pane) == .top)
            #expect(command("home", on: pane) == .top)
            #expect(command("G", on: pane) == .bottom)
            #expect(command("end", on: pane) == .bottom)
            #expect(command("ctrl-d", on: pane) == .halfPageDown)
            #expect(command("ctrl-u", on: pane) == .halfPageUp)
            #expect(command("pgdn", on: pane) == .pageDown)
            #expect(command("pgup", on: pane) == .pageUp)
            #expect(command("enter", on: pane) == .open)
        }
        // Keys are case-sensitive: G is the bottom, g the top.
        #expect(Key(spec: "G") != Key(spec: "g"))
    }

    @Test func generalKeys() {
        #expect(command(":") == .palette)
        #expect(command("?") == .help)
        #expect(command("q") == .back)
        #expect(command("esc") == .back)
        #expect(command("[") == .historyBack)
        #expect(command("]") == .historyForward)
        #expect(command("r") == .refresh)
        #expect(command("y") == .copy)
        #expect(command("s") == .sortNext)
        #expect(command("S") == .sortReverse)
        #expect(command("tab") == .nextPane)
        #expect(command("shift-tab") == .previousPane)
        #expect(command("ctrl-c") == .quit)
    }

    @Test func slashFiltersListsButFindsCustomers() {
        #expect(command("/", on: .customers) == .find)
        for pane in PaneKind.allCases where pane != .customers {
            #expect(command("/", on: pane) == .filter)
        }
        #expect(keymap.binding(for: .character("/"), scope: .normal, pane: .customers)?.id == "customers.find")
        #expect(keymap.binding(for: .character("/"), scope: .normal, pane: .segments)?.id == "table.filter")
    }

    @Test func digitsShowPanesInTabOrder() {
        for (index, pane) in PaneKind.tabs.enumerated() {
            #expect(command("\(index + 1)") == .showPane(pane))
        }
        #expect(command("9") == nil)
        #expect(PaneKind.tabs.count == 8)
        // The journal and the catalog panes have no tab: `:journal`, `:activities` … open them.
        #expect(Set(PaneKind.allCases).subtracting(PaneKind.tabs) == [.journal, .activities, .senders, .collections, .snippets, .suppressions, .timeline, .objects, .overlap, .objectPeople])
    }

    @Test func inputScopeEditsTheLine() {
        #expect(command("ctrl-w", .input) == .inputDeleteWord)
        #expect(command("ctrl-u", .input) == .inputDeleteLine)
        #expect(command("esc", .input) == .inputCancel)
        #expect(command("enter", .input) == .inputSubmit)
        #expect(command("tab", .input) == .inputComplete)
        #expect(command("backspace", .input) == .inputBackspace)
        #expect(command("up", .input) == .inputHistoryPrevious)
        // Printable keys are text in a prompt, not commands.
        #expect(command("q", .input) == nil)
        #expect(command("j", .input) == nil)
        #expect(command("/", .input) == nil)
    }

    @Test func helpScopeClosesAndScrolls() {
        #expect(command("?", .help) == .closeHelp)
        #expect(command("esc", .help) == .closeHelp)
        #expect(command("q", .help) == .closeHelp)
        #expect(command("j", .help) == .down)
        #expect(command("space", .help) == .pageDown)
        #expect(command(":", .help) == nil)
    }

    @Test func theDefaultsHaveNoConflicts() {
        #expect(keymap.problems.isEmpty)
        #expect(keymap.conflicts().isEmpty)
    }

    @Test func everyBindingHasAUniqueIdAndAtLeastOneKey() {
        let ids = keymap.bindings.map(\.id)
        #expect(Set(ids).count == ids.count)
        for binding in keymap.bindings {
            #expect(!binding.keys.isEmpty, "\(binding.id) has no keys")
        }
    }

    /// A key spec with a typo (`ctlr-d`) is kept as unreadable, not dropped, so this catches it in any binding.
    @Test func everyKeyNamedInABindingIsAKey() {
        for binding in keymap.bindings {
            #expect(binding.unreadableKeys.isEmpty, "\(binding.id) names keys that are no keys: \(binding.unreadableKeys)")
        }
        let typo = Binding("test.typo", ["ctlr-d", "j"], "A typo", section: "Test", command: .down)
        #expect(typo.unreadableKeys == ["ctlr-d"] && typo.keys == [.character("j")])
    }

    /// A message names a binding by its short name, declared with it, never cut out of its title.
    @Test func everyBindingHasAShortNameThatStartsItsTitle() {
        for binding in keymap.bindings {
            #expect(!binding.name.contains(":") && !binding.name.contains(" ("), "\(binding.id): \(binding.name)")
            #expect(binding.title.hasPrefix(binding.name), "\(binding.id): \(binding.name)")
        }
    }

    @Test func everyDefaultKeyRoundTripsThroughItsSpec() {
        for binding in keymap.bindings {
            for key in binding.keys {
                #expect(Key(spec: key.spec) == key, "\(binding.id): \(key.spec)")
            }
        }
    }

    @Test func anOverrideReplacesTheKeys() {
        let custom = Keymap(overrides: ["table.down": [.character("n")], "refresh": [.control("r"), .function(5)]])
        #expect(custom.problems.isEmpty)
        #expect(custom.binding(for: .character("n"), scope: .normal, pane: .segments)?.command == .down)
        #expect(custom.binding(for: .character("j"), scope: .normal, pane: .segments) == nil)
        // The other key of the binding went too: an override replaces, it does not add.
        #expect(custom.binding(for: .down, scope: .normal, pane: .segments) == nil)
        #expect(custom.binding(for: .control("r"), scope: .normal, pane: .segments)?.command == .refresh)
        #expect(custom.binding(for: .function(5), scope: .normal, pane: .segments)?.command == .refresh)
        #expect(custom.binding(for: .character("r"), scope: .normal, pane: .segments) == nil)
        #expect(custom.binding(id: "table.down")?.keys == [.character("n")])
    }

    @Test func anUnknownActionIdIsReportedWithASuggestion() {
        let custom = Keymap(overrides: ["table.dwn": [.character("n")]])
        #expect(custom.problems.count == 1)
        let problem = custom.problems.first ?? ""
        #expect(problem.contains("\"table.dwn\""))
        #expect(problem.contains("did you mean \"table.down\""))
        // Nothing changed.
        #expect(custom.binding(for: .character("n"), scope: .normal, pane: .segments) == nil)
        #expect(custom.binding(for: .character("j"), scope: .normal, pane: .segments)?.command == .down)
    }

    @Test func aConflictingOverrideIsReportedNamingTheKeyAndBothActions() {
        let custom = Keymap(overrides: ["refresh": [.character("j")]])
        #expect(custom.problems.count == 1)
        let problem = custom.problems.first ?? ""
        #expect(problem.contains("keys: j "))
        #expect(problem.contains("refresh"))
        #expect(problem.contains("table.down"))
        // The first binding in the table wins, as the message says.
        #expect(problem.contains("refresh wins"))
        #expect(custom.binding(for: .character("j"), scope: .normal, pane: .segments)?.command == .refresh)
    }

    @Test func keysInDifferentScopesOrDisjointPanesDoNotConflict() {
        // `/` is bound twice (lists and Customers), esc in six scopes: none of it is a conflict.
        #expect(keymap.bindings.filter { $0.keys.contains(.character("/")) }.count == 2)
        #expect(Set(keymap.bindings.filter { $0.keys.contains(.escape) }.map(\.scope)) == [.normal, .input, .help, .dialog, .composer, .review])
        #expect(keymap.bindings.filter { $0.keys.contains(.escape) }.count == 6)
        // A key for every pane overlaps both: each pair is reported.
        let custom = Keymap(overrides: ["help": [.character("/")]])
        #expect(custom.problems.contains { $0.contains("help") && $0.contains("table.filter") })
        #expect(custom.problems.contains { $0.contains("help") && $0.contains("customers.find") })
    }

    @Test func theDocsMatchTheKeymap() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("docs/keybindings.md"), encoding: .utf8)
        let generated = keymap.markdown()
        #expect(docs == generated, "docs/keybindings.md is stale: run `swift run cio keys > docs/keybindings.md`")
        // Every binding id is documented.
        for binding in keymap.bindings {
            #expect(docs.contains("`\(binding.id)`"))
        }
    }
}
