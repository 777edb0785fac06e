import TerminalUI

/// Draws the whole app for a state: top bar, breadcrumb, the current pane, status bar, and any prompt or overlay.
/// A pure function, so every screen can be tested as text.
public enum AppView {
    public static func render(_ state: AppState) -> Canvas {
        let theme = state.theme
        var canvas = Canvas(size: state.size, fill: Cell(" ", style: theme[.text]))
        if let rect = Layout.topBar(state.size) { TopBarView.render(state, into: &canvas, in: rect) }
        if let rect = Layout.breadcrumb(state.size) { BreadcrumbView.render(state, into: &canvas, in: rect) }
        let main = Layout.main(state.size)
        switch state.route {
        case .list(let pane): ListView.render(state, pane: pane, into: &canvas, in: main)
        case .members: ListView.render(state, pane: .customers, into: &canvas, in: main)
        case .detail: DetailPaneView.render(state, into: &canvas, in: main)
        }
        if let rect = Layout.statusBar(state.size) { renderStatus(state, into: &canvas, in: rect) }
        renderMode(state, into: &canvas, main: main)
        return canvas
    }

    private static func renderMode(_ state: AppState, into canvas: inout Canvas, main: Rect) {
        let theme = state.theme
        switch state.mode {
        case .browsing:
            break
        case .filtering(let input), .finding(let input):
            // The prompt takes the bottom row of the main area (the status bar stays visible).
            guard main.height > 0 else { return }
            let row = Rect(x: main.x, y: main.maxY - 1, width: main.width, height: 1)
            let own = state.mode.isFinding ? state.pane.definition.findPrompt : nil
            let prompt = own?.prompt ?? (state.mode.isFinding ? "find: " : "/")
            let placeholder = own?.placeholder ?? (state.mode.isFinding ? "an email, a name, an id or cio_id, or a query: plan = pro" : "type to filter")
            TextInputView(prompt: prompt, placeholder: placeholder, styles: TextInputStyles(theme: theme))
                .render(into: &canvas, in: row, state: input)
        case .saving(let id, let input):
            guard main.height > 0 else { return }
            let row = Rect(x: main.x, y: main.maxY - 1, width: main.width, height: 1)
            TextInputView(prompt: "save export \(id) to: ", placeholder: "a file that does not exist yet", styles: TextInputStyles(theme: theme))
                .render(into: &canvas, in: row, state: input)
        case .palette(let palette):
            CommandPaletteView(styles: CommandPaletteStyles(theme: theme))
                .render(into: &canvas, in: main, state: palette, commands: PaletteCatalog.commands(for: state))
        case .confirming(let dialog, _):
            DialogView(styles: DialogStyles(theme: theme)).render(into: &canvas, in: Rect(state.size), state: dialog)
        case .info(let title, let rows):
            InfoBoxView.render(title: title, rows: rows, theme: theme, into: &canvas, in: Rect(state.size))
        case .help(let scroll):
            HelpOverlayView(styles: HelpOverlayStyles(theme: theme))
                .render(into: &canvas, in: Rect(state.size), sections: HelpContent.sections(for: state), scrollOffset: scroll)
        case .composing(let composer):
            ComposerView.render(composer, state: state, into: &canvas, in: main)
        case .reviewing(let review):
            ReviewView.render(review, state: state, into: &canvas, in: main)
        case .naming(let input):
            guard main.height > 0 else { return }
            let row = Rect(x: main.x, y: main.maxY - 1, width: main.width, height: 1)
            TextInputView(prompt: "new manual segment: ", placeholder: "its name", styles: TextInputStyles(theme: theme))
                .render(into: &canvas, in: row, state: input)
        case .acting(let form):
            TrackFormView.render(form, theme: theme, into: &canvas, in: main)
        case .choosing(let choice):
            let rows: [String] = choice.options == nil ? ["loading…"] : (choice.shown.isEmpty ? ["no manual segment matches"] : choice.shown.map(\.label))
            ChoiceListView.render(title: choice.title, filter: choice.input, rows: rows, selected: choice.options == nil ? nil : choice.selected, theme: theme, into: &canvas, in: main)
        }
    }

    private static func renderStatus(_ state: AppState, into canvas: inout Canvas, in rect: Rect) {
        var hints = state.keymap.bindings
            .filter { $0.isHint && $0.scope == state.mode.scope && $0.applies(to: state.pane) && $0.unavailableReason(in: state) == nil }
            .compactMap { binding in binding.keys.first.map { StatusHint(key: $0.displayName, title: HelpContent.shortTitle(binding)) } }
        // Marks stay said while they last: what `a` would act on.
        if state.mode == .browsing, state.isOnList, case let count = state.currentList.marked.count, count > 0 {
            hints.insert(StatusHint(key: "● \(count) marked", title: MarkedPeople.isPeopleList(state) ? "a acts on them" : "o overlap"), at: 0)
        }
        let model = StatusBarModel(
            profile: state.session.profile,
            region: state.session.region,
            badge: state.session.isDemo ? .demo : (state.session.isReadOnly ? .readOnly : nil),
            rateBudget: RateBudget(used: state.rateUsed, limit: state.rateLimit),
            inFlight: state.inFlight,
            spinnerFrame: state.isBusy ? state.spinnerFrame : nil,
            hints: hints,
            flash: state.flash
        )
        StatusBarView(styles: StatusBarStyles(theme: state.theme)).render(into: &canvas, in: rect, model: model)
    }
}

extension Mode {
    var isFinding: Bool { if case .finding = self { true } else { false } }
}
