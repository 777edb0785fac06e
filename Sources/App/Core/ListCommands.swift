import TerminalUI

/// The reducer's part for moving through a list or an opened item, sorting, filtering, finding and copying.
enum ListCommands {
    static func run(_ command: Command, _ state: inout AppState) -> [Effect] {
        let page = max(1, Layout.tableRows(state.size))
        switch command {
        case .up: move(&state, by: -1)
        case .down: move(&state, by: 1)
        case .pageUp: move(&state, by: -page)
        case .pageDown: move(&state, by: page)
        case .halfPageUp: move(&state, by: -max(1, page / 2))
        case .halfPageDown: move(&state, by: max(1, page / 2))
        case .top: move(&state, by: -Int.max / 2)
        case .bottom: move(&state, by: Int.max / 2)
        case .filter:
            let current = state.isOnList ? state.currentList.filter : (state.details[state.route]?.filter ?? "")
            state.mode = .filtering(input(text: current, history: state.filterHistory))
        case .find:
            // On a person, `/` filters the profile like any detail.
            if case .detail = state.route { return run(.filter, &state) }
            state.mode = .finding(input(text: state.customerQuery, history: state.filterHistory))
        case .sortNext:
            let columns = state.currentColumns.count
            guard columns > 0 else { return [] }
            let next = ((state.currentList.table.sortColumn ?? -1) + 1) % columns
            state.currentList.sort(by: next, visibleRows: page)
        case .sortReverse:
            let column = state.currentList.table.sortColumn ?? 0
            if state.currentList.table.sortColumn == nil {
                state.currentList.sort(by: column, visibleRows: page)
            }
            state.currentList.sort(by: column, visibleRows: page)
        case .copy:
            guard let value = state.selectedValue else { return [] }
            state.flash = Flash.make(.info, "Copied \(Canvas.fit(value, width: 40))", now: state.now)
            return [.copyToClipboard(value)]
        default:
            break
        }
        return []
    }

    private static func input(text: String, history: [String]) -> TextInputState {
        var input = TextInputState()
        input.history = history
        input.insert(text)
        return input
    }

    private static func move(_ state: inout AppState, by delta: Int) {
        let page = Layout.tableRows(state.size)
        switch (state.mode, state.route) {
        case (.info, _):
            break
        case (.help(let scroll), _):
            let limit = HelpOverlayView.maxScrollOffset(sections: HelpContent.sections(for: state), in: Rect(state.size))
            state.mode = .help(scroll: min(limit, max(0, scroll + max(-1000, min(1000, delta)))))
        case (_, .list), (_, .members):
            let count = state.currentList.visible.count
            state.currentList.table.moveSelection(by: delta, rowCount: count, visibleRows: page)
        case (_, .detail):
            guard var detail = state.details[state.route] else { return }
            let count = detail.lines(spinner: "").count
            detail.detail.moveSelection(by: max(-count, min(count, delta)), rowCount: count, visibleRows: Layout.detailRows(state.size))
            state.details[state.route] = detail
        }
    }
}
