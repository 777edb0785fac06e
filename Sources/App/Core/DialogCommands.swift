import TerminalUI

/// The reducer's part for questions asked before something that costs (the confirmation dialog and its keys), the
/// export start (a write, through the review), and the file name prompt of a download.
enum DialogCommands {
    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        switch command {
        case .downloadExport:
            guard let id = state.selectedExport?.key.id else { return [] }
            var input = TextInputState()
            input.insert("cio-export-\(id).csv")
            state.mode = .saving(exportID: id, input: input)
        case .closeHelp, .dialogCancel:
            if case .confirming = state.mode { state.flash = Flash.make(.info, "Cancelled; nothing was done", now: state.now) }
            state.mode = .browsing
        case .dialogNext, .dialogPrevious:
            guard case .confirming(var dialog, let effect) = state.mode else { return [] }
            if command == .dialogNext { dialog.focusNext() } else { dialog.focusPrevious() }
            state.mode = .confirming(dialog, effect: effect)
        case .dialogPress:
            guard case .confirming(let dialog, let effect) = state.mode else { return [] }
            state.mode = .browsing
            guard dialog.isConfirmed(dialog.focused) else {
                state.flash = Flash.make(.info, "Cancelled; nothing was done", now: state.now)
                return []
            }
            return confirmed(effect, &state)
        case .archivedBody:
            guard case .detail(.messages, let id) = state.route else { return [] }
            let dialog = DialogState.confirm(
                title: "Archived message",
                message: "Load the archived body of message \(id)?\nThe API allows 100 archived messages a day for the whole workspace; this uses one. Seen once, it stays cached for an hour.",
                confirmTitle: "Load body")
            state.mode = .confirming(dialog, effect: .loadSection(state.route, name: SectionID.archivedBody, refresh: false))
        case .startExport:
            guard let spec = ExportPlanner.spec(for: state) else { return [] }
            switch ExportPlanner.write(spec, state: state) {
            case .success(let write): return ReviewUpdate.request(write, &state)
            case .failure(let refusal): state.flash = Flash.make(.warn, refusal.reason, now: state.now)
            }
        default:
            break
        }
        return []
    }

    private static func confirmed(_ effect: Effect, _ state: inout AppState) -> [Effect] {
        if case .loadSection(let route, let name, _, _) = effect, var detail = state.details[route] {
            // The body shows as a section of the message, under a spinner until it arrives.
            if !detail.sectionOrder.contains(name) { detail.sectionOrder.append(name) }
            detail.sections[name] = .loading(previous: nil)
            state.details[route] = detail
        }
        return [effect]
    }
}
