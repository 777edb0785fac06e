import Testing
import TerminalUI
@testable import App

/// Bugs found once, kept found.
@Suite struct RegressionTests {
    /// A second Customers search used to leave the table pointing at the first search's rows while the new one
    /// loaded, and the next frame read past the end of the (now empty) rows.
    @Test func aSecondCustomersSearchWhileLoadingDrawsWithoutCrashing() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true), size: Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .key(.character("2")))
        _ = AppUpdate.update(&state, .key(.character("/")))
        for character in "jane@example.com" { _ = AppUpdate.update(&state, .key(.character(character))) }
        var effects = AppUpdate.update(&state, .key(.enter))
        #expect(effects == [.loadList(.customers, refresh: false, query: "jane@example.com")])
        let people = (0..<3).map { ListRow(key: "c\($0)", cells: ["\($0)", "jane@example.com", "c\($0)"]) }
        _ = AppUpdate.update(&state, .listLoaded(.customers, people))
        _ = AppUpdate.update(&state, .key(.character("G")))
        #expect(state.currentList.selectedRow?.key == "c2")

        _ = AppUpdate.update(&state, .key(.character("/")))
        _ = AppUpdate.update(&state, .key(.control("u")))
        for character in "sam@example.com" { _ = AppUpdate.update(&state, .key(.character(character))) }
        effects = AppUpdate.update(&state, .key(.enter))
        #expect(effects == [.loadList(.customers, refresh: false, query: "sam@example.com")])
        #expect(state.currentList.visible.isEmpty)
        #expect(state.currentList.selectedRow == nil)
        let frame = AppView.render(state)
        #expect(frame.text.contains("Loading customers"))

        _ = AppUpdate.update(&state, .listFailed(.customers, "the network is down"))
        #expect(AppView.render(state).text.contains("the network is down"))
    }
}
