import Foundation
import TerminalUI

/// The reducer's part for open prompts: the incremental filter, the Customers find line and the command palette.
enum PromptUpdate {
    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .composing: return ComposerUpdate.prompt(command, &state)
        case .choosing: return SegmentWrites.prompt(command, &state)
        case .acting: return TrackFormUpdate.prompt(command, &state)
        default: break
        }
        switch command {
        case .inputCancel:
            if case .filtering = state.mode { state.setFilter("") }
            state.mode = .browsing
            return []
        case .inputSubmit:
            return submit(&state)
        case .inputComplete:
            guard case .palette(var palette) = state.mode else { return [] }
            palette.complete(commands: PaletteCatalog.commands(for: state))
            state.mode = .palette(palette)
            return []
        case .inputHistoryPrevious: return edit(&state) { $0.historyPrevious() }
        case .inputHistoryNext: return edit(&state) { $0.historyNext() }
        case .inputDeleteWord: return edit(&state) { $0.deleteWordBackward() }
        case .inputDeleteLine: return edit(&state) { $0.deleteToStart() }
        case .inputLeft: return edit(&state) { $0.moveLeft() }
        case .inputRight: return edit(&state) { $0.moveRight() }
        case .inputHome: return edit(&state) { $0.moveToStart() }
        case .inputEnd: return edit(&state) { $0.moveToEnd() }
        case .inputBackspace: return edit(&state) { $0.backspace() }
        case .inputDelete: return edit(&state) { $0.deleteForward() }
        default: return []
        }
    }

    /// The change to a line of text that a prompt command makes, for commands that edit.
    static func change(for command: Command) -> ((inout TextInputState) -> Void)? {
        switch command {
        case .inputDeleteWord: { $0.deleteWordBackward() }
        case .inputDeleteLine: { $0.deleteToStart() }
        case .inputLeft: { $0.moveLeft() }
        case .inputRight: { $0.moveRight() }
        case .inputHome: { $0.moveToStart() }
        case .inputEnd: { $0.moveToEnd() }
        case .inputBackspace: { $0.backspace() }
        case .inputDelete: { $0.deleteForward() }
        default: nil
        }
    }

    /// Applies an edit to whichever prompt is open; the filter follows the text at once.
    static func edit(_ state: inout AppState, _ change: (inout TextInputState) -> Void) -> [Effect] {
        switch state.mode {
        case .composing:
            return ComposerUpdate.edit(&state, change)
        case .choosing(var choice):
            change(&choice.input)
            choice.selected = 0
            state.mode = .choosing(choice)
        case .naming(var input):
            change(&input)
            state.mode = .naming(input)
        case .acting(var form):
            form.edit(change)
            state.mode = .acting(form)
        case .filtering(var input):
            change(&input)
            state.mode = .filtering(input)
            state.setFilter(input.text)
        case .finding(var input):
            change(&input)
            state.mode = .finding(input)
        case .saving(let id, var input):
            change(&input)
            state.mode = .saving(exportID: id, input: input)
        case .palette(var palette):
            change(&palette.input)
            palette.selected = 0
            state.mode = .palette(palette)
        case .browsing, .help, .info, .confirming, .reviewing:
            break
        }
        return []
    }

    private static func submit(_ state: inout AppState) -> [Effect] {
        switch state.mode {
        case .filtering(var input):
            let text = input.commit()
            state.filterHistory = input.history
            state.mode = .browsing
            state.setFilter(text)
            return []
        case .finding(var input):
            let text = input.commit().trimmingCharacters(in: .whitespaces)
            state.filterHistory = input.history
            state.mode = .browsing
            // A pane that asks for text of its own (Activities' name) takes it into its query.
            if state.pane.definition.findPrompt != nil { return state.pane.definition.find(text, &state) }
            guard !text.isEmpty else { return [] }
            return CustomersPane.search(text, &state)
        case .saving(let id, var input):
            let path = input.commit().trimmingCharacters(in: .whitespaces)
            state.mode = .browsing
            guard !path.isEmpty else { return [] }
            state.flash = Flash.make(.info, "Downloading export \(id)…", now: state.now)
            return [.downloadExport(id: id, path: path)]
        case .palette(var palette):
            let commands = PaletteCatalog.commands(for: state)
            var line = palette.input.text.trimmingCharacters(in: .whitespaces)
            // Enter on a partial name runs the highlighted suggestion, as the list shows it.
            if !commands.contains(where: { $0.name == line.split(separator: " ").first.map(String.init) }),
               let suggestion = palette.selectedCompletion(commands: commands) {
                line = suggestion.text.trimmingCharacters(in: .whitespaces)
            }
            palette.input.setText(line)
            _ = palette.input.commit()
            state.paletteHistory = palette.input.history
            state.mode = .browsing
            return PaletteCatalog.execute(line, &state)
        case .naming(var input):
            let name = input.commit().trimmingCharacters(in: .whitespaces)
            state.mode = .browsing
            return SegmentWrites.planCreate(name: name, &state)
        case .browsing, .help, .info, .confirming, .composing, .reviewing, .choosing, .acting:
            return []
        }
    }
}
