import Styling
import Testing
import TerminalUI
@testable import App

/// Whole frames of the app as text, at the sizes it must survive, plus the styles that carry meaning.
@Suite struct ViewSnapshotTests {
    static let rows = [
        segmentRow(1, "VIP customers", customers: "1,125", progress: "100%", tags: "sales"),
        segmentRow(22, "李雷的客户", type: "manual"),
        segmentRow(333, "Zoë's 👍 picks", state: "build", tags: "beta"),
        segmentRow(4444, "A very long segment name that goes on and on well past any column width", tags: "one, two, three"),
    ]
    static let demo = SessionInfo(profile: "demo", region: "sandbox", isDemo: true)
    static let readOnly = SessionInfo(profile: "prod", region: "eu", isReadOnly: true)
    static let theme = Theme.fallback

    static func state(_ size: Size, session: SessionInfo = demo) -> AppState {
        var state = AppState(session: session, size: size)
        _ = AppUpdate.update(&state, .listLoaded(.segments, rows))
        return state
    }

    static func screen(_ state: AppState) throws -> HeadlessScreen {
        let screen = HeadlessScreen(size: state.size)
        try screen.present(AppView.render(state))
        return screen
    }

    static func lines(_ screen: HeadlessScreen) -> [String] {
        screen.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// `text` padded with spaces to `width` display cells (wide characters count two).
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    @Test func oneByOne() throws {
        let screen = try Self.screen(Self.state(Size(width: 1, height: 1)))
        // No room for bars: the table's header, cut to one cell.
        #expect(screen.text == "…")
        #expect(screen.style(x: 0, y: 0) == Self.theme[.tableHeader])
    }

    @Test func twentyByFive() throws {
        let screen = try Self.screen(Self.state(Size(width: 20, height: 5)))
        // Five rows drop the breadcrumb; the table keeps ID and Name; the status bar keeps the badge.
        #expect(screen.text == """
         cio · demo · sandbo
            ID Name
             1 VIP customers
            22 李雷的客户
         demo  DEMO
        """)
        #expect(screen.style(x: 10, y: 2) == Self.theme[.tableSelected])
        #expect(screen.style(x: 10, y: 3) == Self.theme[.tableRow])
        #expect(screen.style(x: 7, y: 4) == Self.theme[.badgeDemo])
    }

    @Test func eightyByTwentyFour() throws {
        let screen = try Self.screen(Self.state(Size(width: 80, height: 24)))
        #expect(screen.text == """
         cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts  ›
         Segments                                                                4 rows
            ID Name                   Type     State      Customers Progress Tags
             1 VIP customers          dynamic  finished       1,125     100% sales
            22 李雷的客户             manual   finished           …        —
           333 Zoë's 👍 picks         dynamic  build              …        — beta
          4444 A very long segment n… dynamic  finished           …        — one, two, …
















         demo · sandbox  DEMO   ? help  : commands  q back  r refresh        0/10 req/s
        """)
    }

    @Test func twoHundredFiftyBySeventy() throws {
        let screen = try Self.screen(Self.state(Size(width: 250, height: 70)))
        let lines = Self.lines(screen)
        #expect(lines.count == 70)
        // Columns at 250 cells: Name stops at 48, and what it leaves goes to Tags.
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: width - DisplayWidth.of(text)) + text }
        func row(_ id: String, _ name: String, _ type: String, _ state: String, _ customers: String, _ progress: String, _ tags: String) -> String {
            // Fixed columns 6, 8, 9, 10 and 8; Name would get 135 of the rest, but stops at 48.
            let line = [right(id, 6), Self.pad(name, 48), Self.pad(type, 8), Self.pad(state, 9), right(customers, 10), right(progress, 8), tags]
                .joined(separator: " ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
        let expected = [
            " cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters   6 Messages   7 Exports   8 Transactional",
            Self.pad(" Segments", 243) + "4 rows",
            row("ID", "Name", "Type", "State", "Customers", "Progress", "Tags"),
            row("1", "VIP customers", "dynamic", "finished", "1,125", "100%", "sales"),
            row("22", "李雷的客户", "manual", "finished", "…", "—", ""),
            row("333", "Zoë's 👍 picks", "dynamic", "build", "…", "—", "beta"),
            row("4444", "A very long segment name that goes on and on we…", "dynamic", "finished", "…", "—", "one, two, three"),
        ] + Array(repeating: "", count: 62) + [
            Self.pad(" demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter  m members", 239) + "0/10 req/s",
        ]
        #expect(lines == expected)
        #expect(lines.map { DisplayWidth.of($0) }.max() == 249)
    }

    @Test func stylesCarryTheSelectionTabsAndBadge() throws {
        let screen = try Self.screen(Self.state(Size(width: 80, height: 24)))
        let theme = Self.theme
        // The selected row is one solid bar in the theme's table_selected style, edge to edge.
        for x in [0, 5, 10, 45, 79] {
            #expect(screen.style(x: x, y: 3) == theme[.tableSelected])
        }
        #expect(theme[.tableSelected] != theme[.tableRow])
        #expect(screen.style(x: 10, y: 4) == theme[.tableRow])
        #expect(screen.style(x: 4, y: 2) == theme[.tableHeader])
        // The current pane's tab stands out; the others do not.
        #expect(screen.style(x: 0, y: 0) == theme[.topBar])
        #expect(screen.style(x: 24, y: 0) == theme[.tabActive])
        #expect(screen.style(x: 38, y: 0) == theme[.tab])
        // Status bar: profile, then the DEMO badge.
        #expect(screen.style(x: 1, y: 23) == theme[.badgeProfile])
        #expect(screen.style(x: 17, y: 23) == theme[.badgeDemo])
        #expect(screen.style(x: 79, y: 23) == theme[.statusBar])
    }

    @Test func movingTheSelectionMovesTheHighlight() throws {
        var state = Self.state(Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .key(.character("j")))
        let screen = try Self.screen(state)
        #expect(screen.style(x: 0, y: 3) == Self.theme[.tableRow])
        #expect(screen.style(x: 0, y: 4) == Self.theme[.tableSelected])
    }

    @Test func theHelpOverlayListsBindingsWithDisabledReasons() throws {
        var state = Self.state(Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .key(.character("?")))
        let screen = try Self.screen(state)
        let lines = Self.lines(screen)
        #expect(lines[0].hasPrefix("┌─ Help — ? or Esc to close ─"))
        #expect(lines[1] == "│ General" + String(repeating: " ", count: 70) + "│")
        #expect(lines[2] == "│ ctrl-c             Quit (from anywhere, even a prompt)                       │")
        #expect(lines[5] == "│ q, Esc             Back (q on a pane's list quits)                           │")
        #expect(lines[6] == "│ [                  Back in history (nothing behind)                          │")
        #expect(lines[7] == "│ ]                  Forward in history (nothing ahead)                        │")
        #expect(lines[13].hasPrefix("│ Panes"))
        #expect(lines[16] == "│ 1                  Segments                                                  │")
        // More below: the arrow in the bottom edge says so.
        #expect(lines[23].hasSuffix(" ↓ ─┘"))
        let styles = HelpOverlayStyles(theme: Self.theme)
        #expect(styles.disabled != styles.key)
        #expect(screen.style(x: 2, y: 6) == styles.disabled)
        #expect(screen.style(x: 21, y: 6) == styles.disabled)
        #expect(screen.style(x: 2, y: 5) == styles.key)
        #expect(screen.style(x: 21, y: 5) == styles.body)
    }

    @Test func thePaletteShowsSuggestions() throws {
        var state = Self.state(Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .key(.character(":")))
        for character in "se" { _ = AppUpdate.update(&state, .key(.character(character))) }
        let screen = try Self.screen(state)
        let lines = Self.lines(screen)
        // Prefix matches first, then names containing the text, then names with its letters in order.
        #expect(Array(lines[14...23]) == [
            " segments            Show Segments",
            " senders             Show Sender identities",
            " table.sort-reverse  Reverse the sort order",
            " compose             Compose: a transactional email, push or SMS, or a broadca…",
            " customers           Show Customers",
            " newsletters         Show Newsletters",
            " messages            Show Messages",
            " snippets            Show Snippets",
            ":se",
            " demo · sandbox  DEMO" + String(repeating: " ", count: 48) + "0/10 req/s",
        ])
        // The rows behind the palette still show.
        #expect(lines[3].hasPrefix("     1 VIP customers"))
        #expect(screen.style(x: 25, y: 14) == Self.theme[.paletteSelected])
        #expect(screen.style(x: 25, y: 15) == Self.theme[.muted])
    }

    @Test func theFilterPromptAndItsCount() throws {
        var state = Self.state(Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .key(.character("/")))
        for character in "vip" { _ = AppUpdate.update(&state, .key(.character(character))) }
        let lines = Self.lines(try Self.screen(state))
        #expect(lines[1] == " Segments" + String(repeating: " ", count: 58) + "/vip  1 of 4")
        #expect(lines[3] == "     1 VIP customers          dynamic  finished       1,125     100% sales")
        #expect(lines[4] == "")
        #expect(lines[22] == "/vip")
    }

    @Test func aReadOnlySessionSaysSo() throws {
        let screen = try Self.screen(Self.state(Size(width: 80, height: 24), session: Self.readOnly))
        let lines = Self.lines(screen)
        #expect(lines[0].hasPrefix(" cio · prod · eu   1 Segments"))
        #expect(lines[23] == " prod · eu  READ-ONLY   ? help  : commands  q back  r refresh        0/10 req/s")
        #expect(!lines[23].contains("DEMO"))
        #expect(screen.style(x: 12, y: 23) == Self.theme[.badgeReadOnly])
    }

    @Test func loadingShowsASpinnerLine() throws {
        var state = AppState(session: Self.demo, size: Size(width: 80, height: 24))
        _ = AppUpdate.start(&state)
        state.flash = nil
        let lines = Self.lines(try Self.screen(state))
        #expect(lines[1] == " Segments" + String(repeating: " ", count: 55) + "loading… 0 rows")
        #expect(lines[2] == "")
        #expect(lines[3] == " ⠋ Loading segments…")
    }

    @Test func aFailedLoadShowsTheError() throws {
        var state = AppState(session: Self.demo, size: Size(width: 80, height: 24))
        _ = AppUpdate.start(&state)
        _ = AppUpdate.update(&state, .listFailed(.segments, "connection refused"))
        let screen = try Self.screen(state)
        let lines = Self.lines(screen)
        #expect(lines[3] == " Could not load segments: connection refused  (r retries)")
        #expect(screen.style(x: 1, y: 3) == Self.theme[.stateBad])
        // The status bar carries the same message as an error flash instead of the hints.
        #expect(lines[23] == " demo · sandbox  DEMO    connection refused" + String(repeating: " ", count: 26) + "0/10 req/s")
        #expect(screen.style(x: 25, y: 23) == Self.theme[.flashError])
    }
}
