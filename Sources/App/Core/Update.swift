import Keys
import TerminalUI
import Workspace

/// The reducer: every change to the app's state happens here, as a pure function of the state and an action.
public enum AppUpdate {
    /// The work to do when the app opens: load the first pane.
    public static func start(_ state: inout AppState) -> [Effect] {
        let effects = ensureLoaded(&state)
        if state.flash == nil, let problem = state.keymap.problems.first {
            state.flash = Flash.make(.warn, problem, now: state.now)
        }
        if state.session.isDemo, state.flash == nil {
            state.flash = Flash.make(.info, "Demo workspace: made-up data on this machine; nothing leaves it.", now: state.now)
        }
        return effects
    }

    public static func update(_ state: inout AppState, _ action: Action) -> [Effect] {
        var effects = apply(&state, action)
        if case .key = action { ReviewUpdate.forgetIfMovedOn(&state) }
        switch action {
        case .key, .resize, .listLoaded, .listPage, .membersLoaded:
            effects += lazyCells(&state)
            effects += nextPage(&state)
        default:
            break
        }
        return effects
    }

    private static func apply(_ state: inout AppState, _ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key, &state)
        case .resize(let size):
            state.size = size
            keepSelectionVisible(&state)
            return []
        case .tick(let now):
            state.now = now
            if state.isBusy { state.spinnerFrame += 1 }
            if let flash = state.flash, flash.isExpired(at: now) { state.flash = nil }
            return ((state.pane.definition as? any FollowsProgress.Type)?.poll(&state) ?? []) + ReviewUpdate.poll(&state)
        case .terminate:
            state.shouldQuit = true
            return []
        case .listLoaded, .listFailed, .listPage, .listPageFailed, .membersLoaded, .membersFailed, .cellLoaded,
             .sectionLoaded, .sectionFailed, .itemLoaded, .profileLoaded, .reachabilityLoaded, .itemFailed:
            return LoadUpdate.apply(action, &state)
        case .themeLoaded(let theme, let warning):
            state.theme = theme
            state.flash = warning.map { Flash.make(.warn, $0, now: state.now) } ?? Flash.make(.info, "Theme: \(theme.name)", now: state.now)
            return []
        case .effectFinished:
            state.inFlight = max(0, state.inFlight - 1)
            return []
        case .rateBudget(let used, let limit):
            state.rateUsed = used
            state.rateLimit = limit
            return []
        case .cacheStats(let rows):
            state.mode = .info(title: "Cache — Esc to close", rows: rows)
            return []
        case .notify(let level, let text):
            state.flash = Flash.make(level, text, now: state.now)
            return []
        case .draftsLoaded, .pickerOptions, .choiceOptions, .writePlanned, .writeRefused, .writeFinished, .writeReport, .writeProgress, .triggerStatus, .externalEditFinished:
            return ComposerUpdate.apply(action, &state)
        }
    }

    // MARK: Keys

    private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
        if state.keymap.binding(id: "quit")?.keys.contains(key) == true {
            state.shouldQuit = true
            return []
        }
        let scope = state.mode.scope
        guard let binding = state.keymap.binding(for: key, scope: scope, pane: state.pane) else {
            if scope == .input, case .character(let character) = key {
                return editInput(&state) { $0.insert(String(character)) }
            }
            if scope == .review, case .character(let character) = key { ReviewUpdate.typeDigit(character, &state) }
            return []
        }
        if let reason = binding.unavailableReason(in: state) {
            // The binding's short name, so the reason fits on the status bar.
            state.flash = Flash.make(.warn, "\(binding.name): \(reason)", now: state.now)
            return []
        }
        return run(binding.command, key: key, &state)
    }

    /// Runs a command, whether it came from a key or the palette.
    static func run(_ command: Command, key: Key?, _ state: inout AppState) -> [Effect] {
        switch command {
        case .quit:
            state.shouldQuit = true
        case .compose:
            return ComposerUpdate.open(&state)
        case .composerUp, .composerDown, .composerEdit, .composerExternalEdit, .composerReview, .composerClose, .composerDeleteDraft,
             .reviewSend, .reviewEdit, .reviewPostpone, .reviewAbort, .reviewUp, .reviewDown, .reviewOpenOutcome, .reviewErase:
            return ComposerUpdate.run(command, &state)
        case .createSegment, .deleteSegment, .addToSegment, .removeFromSegment:
            return SegmentWrites.run(command, &state)
        case .actOnPerson:
            return TrackFormUpdate.openMenu(&state)
        case .pipelines:
            return TrackFormUpdate.openPipelines(&state)
        case .actOnObject:
            return ObjectWrites.openMenu(&state)
        case .mark:
            return MarkedPeople.toggle(&state)
        case .markAll:
            return MarkedPeople.markAll(&state)
        case .help, .palette, .back, .historyBack, .historyForward, .refresh, .refreshAll, .cacheStats:
            return runGeneral(command, key: key, &state)
        case .metricsWindow, .metricsKind:
            return FilterCommands.metrics(command, &state)
        case .chartEarlier, .chartLater:
            return ChartSteps.run(command, &state)
        case .pane(let command):
            return command.kind.definition.perform(command, &state)
        case .downloadExport, .closeHelp, .dialogCancel, .dialogNext, .dialogPrevious, .dialogPress, .archivedBody, .startExport:
            return DialogCommands.run(command, &state)
        case .members, .nextPane, .previousPane, .showPane:
            return switchView(command, &state)
        case .open:
            return open(&state)
        case .up, .down, .pageUp, .pageDown, .halfPageUp, .halfPageDown, .top, .bottom, .filter, .find, .sortNext, .sortReverse, .copy:
            return ListCommands.run(command, &state)
        case .formReview, .inputCancel, .inputSubmit, .inputComplete, .inputHistoryPrevious, .inputHistoryNext, .inputDeleteWord,
             .inputDeleteLine, .inputLeft, .inputRight, .inputHome, .inputEnd, .inputBackspace, .inputDelete:
            return PromptUpdate.run(command, &state)
        }
        return []
    }

    /// Help, the palette, back and history, refresh and the cache figures.
    private static func runGeneral(_ command: Command, key: Key?, _ state: inout AppState) -> [Effect] {
        switch command {
        case .help:
            state.mode = .help(scroll: 0)
        case .palette:
            var palette = CommandPaletteState()
            palette.input.history = state.paletteHistory
            state.mode = .palette(palette)
        case .back:
            return back(key: key, &state)
        case .historyBack:
            state.navigation.back()
            return ensureLoaded(&state)
        case .historyForward:
            state.navigation.forward()
            return ensureLoaded(&state)
        case .refresh:
            return refresh(&state)
        case .refreshAll:
            return refreshAll(&state)
        case .cacheStats:
            return [.loadCacheStats]
        default:
            break
        }
        return []
    }

    static func editInput(_ state: inout AppState, _ edit: (inout TextInputState) -> Void) -> [Effect] {
        PromptUpdate.edit(&state, edit)
    }

}
