/// The default bindings: the one table that help, the palette, status-bar hints and docs/keybindings.md come from.
extension Keymap {
    static let defaults: [Binding] = general + panes + tables + PaneRegistry.bindings + writes + prompts + help + dialog + composer + review

    private static let general: [Binding] = [
        Binding("quit", ["ctrl-c"], "Quit (from anywhere, even a prompt)", name: "Quit", section: "General", command: .quit),
        Binding("help", ["?"], "Show this help", section: "General", hint: true, command: .help),
        Binding("palette", [":"], "Command palette", section: "General", hint: true, command: .palette),
        Binding("back", ["q", "esc"], "Back (q on a pane's list quits)", name: "Back", section: "General", hint: true, command: .back),
        Binding("history.back", ["["], "Back in history", section: "General", command: .historyBack) { state in
            state.navigation.canGoBack ? nil : "nothing behind"
        },
        Binding("history.forward", ["]"], "Forward in history", section: "General", command: .historyForward) { state in
            state.navigation.canGoForward ? nil : "nothing ahead"
        },
        Binding("refresh", ["r"], "Refresh what is on screen", section: "General", hint: true, command: .refresh),
        Binding("refresh.all", ["R"], "Refresh everything (forget every cached result)", name: "Refresh everything", section: "General", command: .refreshAll),
        Binding("cache", ["C"], "Cache statistics: hits, misses, bytes, requests in flight, rate budget", name: "Cache statistics", section: "General", command: .cacheStats),
        Binding("copy", ["y"], "Copy the selected value (to the clipboard, via the terminal)", name: "Copy the selected value", section: "General", command: .copy) { state in
            state.selectedValue == nil ? "nothing selected" : nil
        },
    ]

    private static let panes: [Binding] = [
        Binding("pane.next", ["tab"], "Next pane", section: "Panes", command: .nextPane),
        Binding("pane.previous", ["shift-tab"], "Previous pane", section: "Panes", command: .previousPane),
     ] + PaneKind.tabs.enumerated().map { index, pane in
        Binding("pane.\(pane.rawValue)", ["\(index + 1)"], pane.title, section: "Panes", command: .showPane(pane))
    }

    private static let tables: [Binding] = {
        let lists = Set(PaneKind.allCases).subtracting([.customers])
        return [
            Binding("table.up", ["up", "k"], "Up", section: "Lists", command: .up),
            Binding("table.down", ["down", "j"], "Down", section: "Lists", command: .down),
            Binding("table.page-up", ["pgup", "ctrl-b"], "Page up", section: "Lists", command: .pageUp),
            Binding("table.page-down", ["pgdn", "ctrl-f"], "Page down", section: "Lists", command: .pageDown),
            Binding("table.half-up", ["ctrl-u"], "Half a page up", section: "Lists", command: .halfPageUp),
            Binding("table.half-down", ["ctrl-d"], "Half a page down", section: "Lists", command: .halfPageDown),
            Binding("table.top", ["home", "g"], "First row", section: "Lists", command: .top),
            Binding("table.bottom", ["end", "G"], "Last row", section: "Lists", command: .bottom),
            Binding("table.open", ["enter", "l"], "Open the selected item, or the reference under the cursor (→)", name: "Open the selected item, or the reference under the cursor", section: "Lists", hint: true, command: .open) { state in
                if state.isOnList { return state.selectedValue == nil ? "nothing selected" : nil }
                return state.selectedLine?.link == nil ? "nothing to open on this line" : nil
            },
            Binding("list.mark", ["space"], "Mark the row: two or three segments for their overlap (o), or people for a write to all of them (a)", name: "Mark the row", section: "Lists", panes: PaneKind.showingPeople, command: .mark) { state in
                state.isOnList && state.currentList.selectedRow != nil ? nil : "only on the Segments list or a list of people"
            },
            Binding("list.mark-all", ["*"], "Mark every person shown (again: clear the marks)", name: "Mark every person shown", section: "Lists", panes: PaneKind.showingPeople, command: .markAll) { state in
                MarkedPeople.isPeopleList(state) ? nil : "only on a list of people (Customers, a segment's members)"
            },
            Binding("table.filter", ["/"], "Filter the list, or an opened item's lines, as you type (Esc clears)", name: "Filter the list, or an opened item's lines, as you type", section: "Lists", panes: lists, hint: true, command: .filter),
            Binding("members", ["m"], "Members of the segment (paged as you scroll; Enter opens a person)", name: "Members of the segment", section: "Lists", panes: Set(PaneRegistry.kinds { $0 is any HasMembers.Type }), hint: true, command: .members) { state in
                switch state.route {
                case .detail(.segments, _): nil
                case .list(.segments): state.currentList.selectedRow == nil ? "nothing selected" : nil
                default: "only on a segment"
                }
            },
            Binding("campaigns.window", ["w"], "Metrics window: 7, 30 or 90 days (12 weeks where only weeks reach)", name: "Metrics window", section: "Lists", panes: Set(PaneKind.withMetrics), command: .metricsWindow),
            Binding("chart.earlier", ["left"], "An earlier day on the line's sparkline (Enter opens that day's messages; Esc lets go)", name: "An earlier day on the line's sparkline", section: "Lists", panes: Set(PaneKind.withMetrics), command: .chartEarlier) { state in
                state.selectedLine?.chart == nil ? "only on a figure's line with a sparkline" : nil
            },
            Binding("chart.later", ["right"], "A later day on the line's sparkline", section: "Lists", panes: Set(PaneKind.withMetrics), command: .chartLater) { state in
                state.selectedLine?.chart == nil ? "only on a figure's line with a sparkline" : nil
            },
            Binding("campaigns.metric", ["v"], "Metric in the sparkline: sent, opened or clicked", name: "Metric in the sparkline", section: "Lists", panes: Set(PaneKind.withMetrics), command: .metricsKind),
            Binding("exports.start", ["x"], "Start an export: people matching the Customers query, or the deliveries of a campaign, newsletter or template", name: "Start an export", section: "Lists", panes: Set(PaneRegistry.kinds { $0 is any Exportable.Type }), writes: true, command: .startExport) { state in
                ExportPlanner.spec(for: state) == nil ? ExportPlanner.unavailableReason(state) : nil
            },
            Binding("customers.find", ["/"], "Find people: an email, a name, an id or cio_id, or a filter query", name: "Find people", section: "Lists", panes: [.customers], hint: true, command: .find),
            Binding("table.sort", ["s"], "Sort by the next column (again: next column)", name: "Sort by the next column", section: "Lists", command: .sortNext) { state in
                state.isOnList ? nil : "only on lists"
            },
            Binding("table.sort-reverse", ["S"], "Reverse the sort order", section: "Lists", command: .sortReverse) { state in
                state.isOnList ? nil : "only on lists"
            },
        ]
    }()

    private static let prompts: [Binding] = [
        Binding("input.cancel", ["esc"], "Close the prompt (a filter is cleared)", name: "Close the prompt", section: "Prompts", scope: .input, command: .inputCancel),
        Binding("input.submit", ["enter"], "Run / keep the filter", section: "Prompts", scope: .input, command: .inputSubmit),
        Binding("input.complete", ["tab"], "Complete the command or its argument", section: "Prompts", scope: .input, command: .inputComplete),
        Binding("input.history-previous", ["up"], "Earlier entry from history", section: "Prompts", scope: .input, command: .inputHistoryPrevious),
        Binding("input.history-next", ["down"], "Later entry from history", section: "Prompts", scope: .input, command: .inputHistoryNext),
        Binding("input.delete-word", ["ctrl-w"], "Delete the word before the cursor", section: "Prompts", scope: .input, command: .inputDeleteWord),
        Binding("input.delete-line", ["ctrl-u"], "Delete to the start of the line", section: "Prompts", scope: .input, command: .inputDeleteLine),
        Binding("input.left", ["left", "ctrl-b"], "Cursor left", section: "Prompts", scope: .input, command: .inputLeft),
        Binding("input.right", ["right", "ctrl-f"], "Cursor right", section: "Prompts", scope: .input, command: .inputRight),
        Binding("input.home", ["home", "ctrl-a"], "Cursor to the start", section: "Prompts", scope: .input, command: .inputHome),
        Binding("input.end", ["end", "ctrl-e"], "Cursor to the end", section: "Prompts", scope: .input, command: .inputEnd),
        Binding("input.backspace", ["backspace", "ctrl-h"], "Delete the character before the cursor", section: "Prompts", scope: .input, command: .inputBackspace),
        Binding("input.delete", ["delete", "ctrl-d"], "Delete the character under the cursor", section: "Prompts", scope: .input, command: .inputDelete),
    ]

    private static let dialog: [Binding] = [
        Binding("dialog.next", ["tab", "right", "l"], "Next button", section: "Dialogs", scope: .dialog, command: .dialogNext),
        Binding("dialog.previous", ["shift-tab", "left", "h"], "Previous button", section: "Dialogs", scope: .dialog, command: .dialogPrevious),
        Binding("dialog.press", ["enter", "space"], "Press the focused button (focus starts on Cancel)", name: "Press the focused button", section: "Dialogs", scope: .dialog, command: .dialogPress),
        Binding("dialog.cancel", ["esc", "q", "n"], "Cancel", section: "Dialogs", scope: .dialog, command: .dialogCancel),
    ]

    private static let help: [Binding] = [
        Binding("help.close", ["?", "esc", "q"], "Close help", section: "Help", scope: .help, command: .closeHelp),
        Binding("help.down", ["down", "j"], "Scroll down", section: "Help", scope: .help, command: .down),
        Binding("help.up", ["up", "k"], "Scroll up", section: "Help", scope: .help, command: .up),
        Binding("help.page-down", ["pgdn", "space"], "Page down", section: "Help", scope: .help, command: .pageDown),
        Binding("help.page-up", ["pgup"], "Page up", section: "Help", scope: .help, command: .pageUp),
    ]
}
