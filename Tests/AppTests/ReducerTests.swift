import CustomerIO
import Keys
import Testing
import TerminalUI
@testable import App

/// A segment row as `SegmentsPane.rows` would make it, from hand-picked values.
func segmentRow(_ id: Int, _ name: String, type: String = "dynamic", state: String = "finished", customers: String = "…", progress: String = "—", tags: String = "") -> ListRow {
    ListRow(
        key: .id(id),
        cells: [String(id), name, type, state, customers, progress, tags],
        detail: [DetailLine(key: "ID", value: String(id)), DetailLine(key: "Name", value: name)],
        item: .segment(Segment(id: id, name: name, state: state, type: type))
    )
}

/// Drives the pure reducer by hand: no runtime, no network; effects are returned for the test to inspect.
struct Reducer {
    var state: AppState

    init(session: SessionInfo = SessionInfo(profile: "demo", region: "sandbox", isDemo: true), size: Size = Size(width: 80, height: 24), themeNames: [String] = []) {
        state = AppState(session: session, size: size, themeNames: themeNames)
    }

    @discardableResult
    mutating func send(_ action: Action) -> [Effect] {
        AppUpdate.update(&state, action)
    }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for key in keys { effects += send(.key(key)) }
        return effects
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        for character in text { effects += send(.key(.character(character))) }
        return effects
    }

    var list: ListPaneState { state.currentList }
    var selected: Int { state.currentList.table.selectedRow }
    var selectedKey: String? { state.currentList.selectedRow?.key.description }
    var visibleKeys: [String] { state.currentList.visible.map { state.currentList.loadedRows[$0].key.description } }
}

@Suite struct ReducerTests {
    /// 50 rows: more than a page (20 rows at 80×24).
    static let manyRows = (1...50).map { segmentRow($0, "Segment \($0)") }
    static let named = [
        segmentRow(3, "VIP customers", type: "manual", tags: "sales"),
        segmentRow(1, "Pro plan", tags: "plan"),
        segmentRow(12, "Londoners", state: "build", tags: "geo"),
        segmentRow(2, "Enterprise accounts", tags: "plan, sales"),
        segmentRow(7, "Has phone number"),
        segmentRow(5, "Germany", tags: "geo"),
    ]

    func loaded(_ rows: [ListRow] = Self.manyRows, session: SessionInfo = SessionInfo(profile: "demo", region: "sandbox", isDemo: true), themeNames: [String] = []) -> Reducer {
        var reducer = Reducer(session: session, themeNames: themeNames)
        let effects = AppUpdate.start(&reducer.state)
        #expect(effects == [.loadList(.segments, refresh: false, query: nil)])
        reducer.send(.listLoaded(.segments, rows))
        return reducer
    }

    @Test func startAsksForTheFirstPaneAndSaysItIsADemo() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true), size: Size(width: 80, height: 24))
        #expect(AppUpdate.start(&state) == [.loadList(.segments, refresh: false, query: nil)])
        #expect(state.currentList.rows == .loading(previous: nil))
        #expect(state.flash?.level == .info)
        #expect(state.flash?.text.hasPrefix("Demo workspace") == true)
    }

    @Test func selectionMovesAndClamps() {
        var app = loaded()
        #expect(Layout.tableRows(app.state.size) == 20)
        #expect(app.selected == 0)
        #expect(app.press(.character("j")).isEmpty)
        #expect(app.selected == 1)
        app.press(.down, .down)
        #expect(app.selected == 3)
        app.press(.character("k"), .up)
        #expect(app.selected == 1)
        app.press(.up, .up, .character("k"))
        #expect(app.selected == 0)
        app.press(.control("d"))
        #expect(app.selected == 10)
        app.press(.control("u"))
        #expect(app.selected == 0)
        app.press(.pageDown)
        #expect(app.selected == 20)
        #expect(app.list.table.scrollOffset == 1)
        app.press(.pageUp)
        #expect(app.selected == 0)
        #expect(app.list.table.scrollOffset == 0)
        app.press(.pageDown, .pageDown, .pageDown, .pageDown)
        #expect(app.selected == 49)
        app.press(.character("j"))
        #expect(app.selected == 49)
        #expect(app.selectedKey == "50")
    }

    @Test func topAndBottom() {
        var app = loaded()
        app.press(.character("G"))
        #expect(app.selected == 49)
        #expect(app.list.table.scrollOffset == 30)
        app.press(.character("g"))
        #expect(app.selected == 0)
        #expect(app.list.table.scrollOffset == 0)
        app.press(.end)
        #expect(app.selected == 49)
        app.press(.home)
        #expect(app.selected == 0)
    }

    @Test func enterOpensTheDetailAndAsksForItsSections() {
        var app = loaded()
        app.press(.character("j"))
        let effects = app.press(.enter)
        let route = Route.detail(.segments, key: 2)
        #expect(app.state.route == route)
        #expect(app.state.navigation.stack == [.list(.segments), route])
        #expect(effects == [.loadSection(route, name: .membership, refresh: false), .loadSection(route, name: .usedBy, refresh: false)])
        #expect(app.state.details[route]?.sections[.membership] == .loading(previous: nil))
        #expect(app.state.details[route]?.row.key == 2)
        // Once loaded, opening again asks for nothing.
        let count = [DetailLine(key: "Customers", value: "1,125")]
        app.send(.sectionLoaded(route, name: .membership, lines: count))
        app.send(.sectionLoaded(route, name: .usedBy, lines: []))
        app.press(.escape)
        #expect(app.press(.enter).isEmpty)
        #expect(app.state.details[route]?.sections[.membership] == .loaded(count))
    }

    @Test func escAndQPopTheDetail() {
        var app = loaded()
        app.press(.enter)
        #expect(!app.state.isOnList)
        #expect(app.press(.escape).isEmpty)
        #expect(app.state.route == .list(.segments))
        #expect(!app.state.shouldQuit)
        app.press(.enter)
        app.press(.character("q"))
        #expect(app.state.route == .list(.segments))
        #expect(!app.state.shouldQuit)
    }

    @Test func qOnTheRootListQuitsButEscDoesNot() {
        var app = loaded()
        app.press(.escape)
        #expect(!app.state.shouldQuit)
        #expect(app.state.route == .list(.segments))
        app.press(.character("q"))
        #expect(app.state.shouldQuit)
    }

    @Test func historyGoesBackAndForward() {
        var app = loaded()
        app.press(.enter)
        let detail = Route.detail(.segments, key: 1)
        app.press(.escape)
        #expect(app.state.route == .list(.segments))
        app.press(.character("["))
        #expect(app.state.route == detail)
        app.press(.character("["))
        #expect(app.state.route == .list(.segments))
        #expect(!app.state.navigation.canGoBack)
        app.press(.character("]"))
        #expect(app.state.route == detail)
        app.press(.character("]"))
        #expect(app.state.route == .list(.segments))
        #expect(!app.state.navigation.canGoForward)
    }

    @Test func aDisabledBindingFlashesItsReasonAndChangesNothing() {
        var app = loaded()
        app.press(.character("j"))
        let before = app.state
        let effects = app.press(.character("]"))
        #expect(effects.isEmpty)
        #expect(app.state.flash?.level == .warn)
        #expect(app.state.flash?.text == "Forward in history: nothing ahead")
        #expect(app.state.navigation == before.navigation)
        #expect(app.state.lists == before.lists)
        #expect(app.state.mode == before.mode)
        #expect(!app.state.shouldQuit)
        app.press(.character("["))
        #expect(app.state.flash?.text == "Back in history: nothing behind")
        #expect(app.state.navigation == before.navigation)
    }

    @Test func typingAFilterNarrowsAsYouTypeAndEscClearsIt() {
        var app = loaded(Self.named)
        app.press(.character("/"))
        guard case .filtering = app.state.mode else {
            Issue.record("/ did not open the filter")
            return
        }
        app.type("e")
        #expect(app.list.visible.count == 6)
        app.type("r")
        // "er": Enterprise, Londoners, Has phone number, Germany (and VIP customers).
        #expect(app.visibleKeys == ["3", "12", "2", "7", "5"])
        app.type("p")
        #expect(app.visibleKeys == ["2"])
        #expect(app.list.filter == "erp")
        app.press(.backspace)
        #expect(app.list.visible.count == 5)
        app.press(.backspace, .backspace)
        #expect(app.list.visible.count == 6)
        app.type("GEO")
        // Tags are searched too, without regard to case.
        #expect(app.visibleKeys == ["12", "5"])
        app.press(.escape)
        #expect(app.state.mode == .browsing)
        #expect(app.list.filter == "")
        #expect(app.list.visible.count == 6)
    }

    @Test func enterKeepsTheFilterAndEscOnTheListClearsIt() {
        var app = loaded(Self.named)
        app.press(.character("/"))
        app.type("plan")
        #expect(app.press(.enter).isEmpty)
        #expect(app.state.mode == .browsing)
        #expect(app.list.filter == "plan")
        #expect(app.visibleKeys == ["1", "2"])
        #expect(app.state.filterHistory == ["plan"])
        // Moving works within the filtered rows.
        app.press(.character("G"))
        #expect(app.selectedKey == "2")
        // Esc on a filtered list clears the filter rather than doing nothing.
        app.press(.escape)
        #expect(app.list.filter == "")
        #expect(app.list.visible.count == 6)
        #expect(!app.state.shouldQuit)
    }

    @Test func slashOnCustomersFindsByEmail() {
        var app = loaded()
        #expect(app.press(.character("2")).isEmpty)
        #expect(app.state.route == .list(.customers))
        app.press(.character("/"))
        guard case .finding = app.state.mode else {
            Issue.record("/ on Customers did not open find")
            return
        }
        app.type("ada@example.com")
        let effects = app.press(.enter)
        #expect(effects.first == .loadList(.customers, refresh: false, query: .customers("ada@example.com")))
        // The profile of the email typed is asked for alongside the lookup (one round trip to open it).
        #expect(effects.dropFirst().allSatisfy { if case .loadSection(.detail(.customers, key: .person(PersonKey("ada@example.com", .email))), _, _, _) = $0 { true } else { false } })
        #expect(app.state.customerQuery == "ada@example.com")
        #expect(app.state.mode == .browsing)
    }

    @Test func sortCyclesColumnsReversesAndKeepsTheSelection() {
        var app = loaded(Self.named)
        app.press(.character("j"))
        #expect(app.selectedKey == "1")
        app.press(.character("s"))
        #expect(app.list.table.sortColumn == 0)
        #expect(app.list.table.sortAscending)
        // IDs compare as numbers: 12 after 7.
        #expect(app.visibleKeys == ["1", "2", "3", "5", "7", "12"])
        #expect(app.selectedKey == "1")
        #expect(app.selected == 0)
        app.press(.character("s"))
        #expect(app.list.table.sortColumn == 1)
        #expect(app.visibleKeys == ["2", "5", "7", "12", "1", "3"])
        #expect(app.selectedKey == "1")
        #expect(app.selected == 4)
        app.press(.character("S"))
        #expect(app.list.table.sortColumn == 1)
        #expect(!app.list.table.sortAscending)
        #expect(app.visibleKeys == ["3", "1", "12", "7", "5", "2"])
        #expect(app.selectedKey == "1")
        #expect(app.selected == 1)
    }

    @Test func sortReverseWithoutASortSortsTheFirstColumnDescending() {
        var app = loaded(Self.named)
        app.press(.character("S"))
        #expect(app.list.table.sortColumn == 0)
        #expect(!app.list.table.sortAscending)
        #expect(app.visibleKeys == ["12", "7", "5", "3", "2", "1"])
        // The selection followed its item (key 3, first before sorting).
        #expect(app.selectedKey == "3")
    }

    @Test func thePaletteRunsPanesThemesAndQuit() {
        var app = loaded(themeNames: ["default", "nord"])
        #expect(app.press(.character("3")) == [.loadList(.campaigns, refresh: false, query: nil)])
        app.press(.character(":"))
        guard case .palette = app.state.mode else {
            Issue.record(": did not open the palette")
            return
        }
        app.type("segments")
        #expect(app.press(.enter).isEmpty)
        #expect(app.state.route == .list(.segments))
        #expect(app.state.mode == .browsing)

        app.press(.character(":"))
        app.type("theme nord")
        #expect(app.press(.enter) == [.loadTheme("nord")])
        #expect(app.state.paletteHistory == ["segments", "theme nord"])

        app.press(.character(":"))
        app.type("q")
        #expect(!app.state.shouldQuit)
        app.press(.enter)
        #expect(app.state.shouldQuit)
    }

    @Test func thePaletteRunsABindingByItsId() {
        var app = loaded()
        app.press(.character(":"))
        app.type("table.bottom")
        app.press(.enter)
        #expect(app.selected == 49)
    }

    @Test func anUnknownPaletteCommandWarns() {
        var app = loaded()
        app.press(.character(":"))
        app.type("xyzzy")
        #expect(app.press(.enter).isEmpty)
        #expect(app.state.flash?.level == .warn)
        #expect(app.state.flash?.text.contains("No command \":xyzzy\"") == true)
        #expect(app.state.mode == .browsing)
        #expect(app.state.route == .list(.segments))
        #expect(!app.state.shouldQuit)
    }

    @Test func tabCompletesInThePalette() {
        var app = loaded(themeNames: ["default", "dracula", "nord"])
        app.press(.character(":"))
        app.type("seg")
        app.press(.tab)
        guard case .palette(let palette) = app.state.mode else {
            Issue.record("the palette closed")
            return
        }
        #expect(palette.input.text == "segments ")
        app.press(.control("u"))
        app.type("theme n")
        app.press(.tab)
        guard case .palette(let completed) = app.state.mode else {
            Issue.record("the palette closed")
            return
        }
        #expect(completed.input.text == "theme nord")
        #expect(app.press(.enter) == [.loadTheme("nord")])
    }

    @Test func copyReturnsTheSelectedId() {
        var app = loaded()
        app.press(.character("j"), .character("j"))
        #expect(app.press(.character("y")) == [.copyToClipboard("3")])
        #expect(app.state.flash?.text == "Copied 3")
    }

    @Test func copyWithNothingLoadedIsDisabled() {
        var app = Reducer()
        _ = AppUpdate.start(&app.state)
        #expect(app.press(.character("y")).isEmpty)
        #expect(app.state.flash?.text == "Copy the selected value: nothing selected")
    }

    @Test func aFailedReloadKeepsThePreviousRows() {
        var app = loaded()
        app.press(.character("j"))
        let effects = app.press(.character("r"))
        #expect(effects.first == .loadList(.segments, refresh: true, query: nil))
        // The counts on screen are asked for again too, past the cache.
        guard case .loadCells(.segments, _, refresh: true, _)? = effects.last else {
            Issue.record("no count refresh: \(effects)")
            return
        }
        #expect(app.list.rows == .loading(previous: Self.manyRows))
        app.send(.listFailed(.segments, "Customer.io had a server error (503)"))
        #expect(app.list.rows == .failed("Customer.io had a server error (503)", previous: Self.manyRows))
        #expect(app.list.loadedRows.count == 50)
        #expect(app.selectedKey == "2")
        #expect(app.state.flash?.level == .error)
        #expect(app.state.flash?.text == "Customer.io had a server error (503)")
    }

    @Test func ticksExpireFlashes() {
        var app = loaded()
        app.send(.tick(now: 100))
        app.send(.listFailed(.segments, "boom"))
        #expect(app.state.flash?.expiresAt == 100 + Flash.Level.error.duration)
        app.send(.tick(now: 107.9))
        #expect(app.state.flash?.text == "boom")
        app.send(.tick(now: 108))
        #expect(app.state.flash == nil)
    }

    @Test func theSpinnerTurnsOnlyWhileBusy() {
        var app = loaded()
        app.send(.tick(now: 1))
        #expect(app.state.spinnerFrame == 0)
        app.state.inFlight = 1
        app.send(.tick(now: 2))
        app.send(.tick(now: 3))
        #expect(app.state.spinnerFrame == 2)
        app.send(.effectFinished)
        #expect(app.state.inFlight == 0)
        app.send(.tick(now: 4))
        #expect(app.state.spinnerFrame == 2)
    }

    @Test func resizeKeepsTheSelectionVisible() {
        var app = loaded()
        app.press(.character("G"))
        #expect(app.list.table.scrollOffset == 30)
        app.send(.resize(Size(width: 80, height: 10)))
        let rows = Layout.tableRows(app.state.size)
        #expect(rows == 6)
        #expect(app.selected == 49)
        let offset = app.list.table.scrollOffset
        #expect(offset <= 49 && 49 < offset + rows)
        app.press(.character("k"), .character("k"), .character("k"), .character("k"), .character("k"), .character("k"))
        #expect(app.selected == 43)
        #expect(app.list.table.scrollOffset == 43)
        // Taller than the list: everything shows from the top.
        app.send(.resize(Size(width: 120, height: 60)))
        #expect(app.state.size == Size(width: 120, height: 60))
        #expect(app.list.table.scrollOffset == 0)
        #expect(app.selected == 43)
    }

    @Test func aWritingBindingIsRefusedInAReadOnlySession() {
        let write = Binding("test.write", ["x"], "Write something", section: "Test", writes: true, command: .refresh)
        let read = Binding("test.read", ["z"], "Read something", section: "Test", command: .refresh)
        let readOnly = AppState(session: SessionInfo(profile: "prod", region: "us", isReadOnly: true), size: Size(width: 80, height: 24))
        let writable = AppState(session: SessionInfo(profile: "prod", region: "us"), size: Size(width: 80, height: 24))
        #expect(write.unavailableReason(in: readOnly) == "read-only: writes are refused")
        #expect(write.unavailableReason(in: writable) == nil)
        #expect(read.unavailableReason(in: readOnly) == nil)
        // Read-only is checked before the binding's own rule.
        let both = Binding("test.both", ["x"], "Both", section: "Test", writes: true, command: .refresh) { _ in "its own reason" }
        #expect(both.unavailableReason(in: readOnly) == "read-only: writes are refused")
        #expect(both.unavailableReason(in: writable) == "its own reason")
    }

    @Test func helpOpensScrollsAndCloses() {
        var app = loaded()
        app.press(.character("?"))
        #expect(app.state.mode == .help(scroll: 0))
        app.press(.character("j"), .character("j"))
        #expect(app.state.mode == .help(scroll: 2))
        // The list underneath did not move.
        #expect(app.selected == 0)
        app.press(.character("q"))
        #expect(app.state.mode == .browsing)
        #expect(!app.state.shouldQuit)
    }

    @Test func ctrlCQuitsEvenFromAPrompt() {
        var app = loaded()
        app.press(.character("/"))
        app.type("abc")
        app.press(.control("c"))
        #expect(app.state.shouldQuit)
    }
}
