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
        #expect(effects.first == .loadList(.customers, refresh: false, query: .customers("jane@example.com")))
        // The profile of the email typed is asked for alongside the lookup (one round trip to open it).
        #expect(effects.dropFirst().allSatisfy { if case .loadSection(.detail(.customers, key: .person(PersonKey("jane@example.com", .email))), _, _, _) = $0 { true } else { false } })
        let people = (0..<3).map { ListRow(key: .name("c\($0)"), cells: ["\($0)", "jane@example.com", "c\($0)"]) }
        _ = AppUpdate.update(&state, .listPage(.customers, query: .customers("jane@example.com"), rows: people, next: nil, appended: false))
        _ = AppUpdate.update(&state, .key(.character("G")))
        #expect(state.currentList.selectedRow?.key == .name("c2"))

        _ = AppUpdate.update(&state, .key(.character("/")))
        _ = AppUpdate.update(&state, .key(.control("u")))
        for character in "sam@example.com" { _ = AppUpdate.update(&state, .key(.character(character))) }
        effects = AppUpdate.update(&state, .key(.enter))
        #expect(effects.first == .loadList(.customers, refresh: false, query: .customers("sam@example.com")))
        // The profile of the email typed is asked for alongside the lookup (one round trip to open it).
        #expect(effects.dropFirst().allSatisfy { if case .loadSection(.detail(.customers, key: .person(PersonKey("sam@example.com", .email))), _, _, _) = $0 { true } else { false } })
        #expect(state.currentList.visible.isEmpty)
        #expect(state.currentList.selectedRow == nil)
        let frame = AppView.render(state)
        #expect(frame.text.contains("Loading customers"))

        _ = AppUpdate.update(&state, .listFailed(.customers, "the network is down", query: .customers("sam@example.com")))
        #expect(AppView.render(state).text.contains("the network is down"))
    }
}

/// `R` and `:cache`: forgetting the cache and looking into it.
@Suite struct CacheCommandTests {
    @Test func refreshAllForgetsTheCacheAndReloadsWhatIsShown() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .listLoaded(.segments, [ListRow(key: 1, cells: ["1", "VIP"])]))
        _ = AppUpdate.update(&state, .listLoaded(.campaigns, [ListRow(key: 7, cells: ["7", "Welcome"])]))
        let effects = AppUpdate.update(&state, .key(.character("R")))
        #expect(effects == [.invalidateCache(prefix: ""), .loadList(.segments, refresh: true, query: nil), .loadCells(.segments, keys: [1], refresh: true)])
        #expect(state.lists[.campaigns]?.rows == .idle)
        // Campaigns reload when shown again.
        #expect(AppUpdate.update(&state, .key(.character("3"))) == [.loadList(.campaigns, refresh: false, query: nil)])
    }

    @Test func cacheStatsOpenABoxThatEscCloses() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        #expect(AppUpdate.update(&state, .key(.character("C"))) == [.loadCacheStats])
        _ = AppUpdate.update(&state, .cacheStats([DetailRow(key: "Hits", value: "12 (80% of 15 lookups)")]))
        let text = AppView.render(state).text
        #expect(text.contains("Cache — Esc to close"))
        #expect(text.contains("Hits 12 (80% of 15 lookups)"))
        _ = AppUpdate.update(&state, .key(.escape))
        #expect(state.mode == .browsing)
    }
}

/// Segment customer counts load for the rows on screen only, once each, and survive a reload of the list.
@Suite struct LazyCellTests {
    static let rows = (1...100).map { segmentRow($0, "Segment \($0)") }

    @Test func onlyRowsOnScreenAreAskedForAndNeverTwice() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        let page = Layout.tableRows(state.size)
        var effects = AppUpdate.update(&state, .listLoaded(.segments, Self.rows))
        // The rows on screen first; the rest are prefetched behind them, once.
        let onScreen: [RowKey] = (1...page).map(RowKey.id)
        let rest: [RowKey] = ((page + 1)...100).map(RowKey.id)
        let expected: [Effect] = [.loadCells(.segments, keys: onScreen, refresh: false), .prefetchCells(.segments, keys: rest)]
        #expect(effects == expected)
        // Moving inside the page asks for nothing new; the next page asks for its rows only.
        #expect(AppUpdate.update(&state, .key(.character("j"))).isEmpty)
        effects = AppUpdate.update(&state, .key(.pageDown))
        guard case .loadCells(.segments, let keys, refresh: false, _)? = effects.first else {
            Issue.record("no cells asked for: \(effects)")
            return
        }
        #expect(keys.allSatisfy { ($0.id ?? 0) > page })
        #expect(AppUpdate.update(&state, .key(.character("g"))).isEmpty)
    }

    @Test func aLoadedCountShowsAndSurvivesAReload() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .listLoaded(.segments, Self.rows))
        _ = AppUpdate.update(&state, .cellLoaded(.segments, key: 1, column: 4, state: .value("1,234")))
        #expect(state.currentList.loadedRows[0].cells[4] == "1,234")
        #expect(AppView.render(state).text.contains("1,234"))
        _ = AppUpdate.update(&state, .listLoaded(.segments, Self.rows))
        #expect(state.currentList.loadedRows[0].cells[4] == "1,234")
        // The count is searchable like any cell.
        _ = AppUpdate.update(&state, .key(.character("/")))
        for character in "1,234" { _ = AppUpdate.update(&state, .key(.character(character))) }
        #expect(state.currentList.visible.count == 1)
    }
}

/// A segment's members: opened with `m`, paged as the selection nears the end, a member opens as a person.
@Suite struct MembersTests {
    static func people(_ range: ClosedRange<Int>) -> [ListRow] {
        // No id: these rows ask for no attributes, so the paging effects stand alone.
        range.map { ListRow(key: .name("c\($0)"), cells: ["—", "person\($0)@example.com", "c\($0)", "—", "—", "—"]) }
    }

    @Test func membersPageInAsTheSelectionNearsTheEnd() throws {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .listLoaded(.segments, [segmentRow(3, "Free users")]))
        var effects = AppUpdate.update(&state, .key(.character("m")))
        #expect(state.route == .members(segment: 3))
        #expect(effects == [.loadMembers(segment: 3, start: nil, refresh: false)])
        #expect(AppView.render(state).text.contains("Loading members"))

        // A first page of 50 with more to come: the selection is far from the end, so nothing more is asked.
        effects = AppUpdate.update(&state, .membersLoaded(segment: 3, rows: Self.people(1...50), next: "page2", appended: false))
        #expect(effects.isEmpty)
        #expect(AppView.render(state).text.contains("50 rows (more as you scroll)"))
        // Near the end, the next page is asked for once, however many keys arrive before it does.
        effects = AppUpdate.update(&state, .key(.character("G")))
        let generation = try #require(state.members[3]?.generation)
        #expect(effects == [.loadMembers(segment: 3, start: "page2", refresh: false, generation: generation)])
        #expect(AppUpdate.update(&state, .key(.character("k"))).isEmpty)
        // A page asked for by a loading the list has since started over from is dropped; this one continues it.
        let stale = AppUpdate.update(&state, .membersLoaded(segment: 3, rows: Self.people(900...901), next: nil, appended: true, generation: generation - 1))
        #expect(stale.isEmpty)
        #expect(state.currentList.loadedRows.count == 50)
        effects = AppUpdate.update(&state, .membersLoaded(segment: 3, rows: Self.people(51...100), next: nil, appended: true, generation: generation))
        #expect(effects.isEmpty)
        #expect(state.currentList.loadedRows.count == 100)
        #expect(state.currentList.selectedRow?.key == .name("c49"))

        // Enter opens the person; Esc comes back to the members where they were.
        _ = AppUpdate.update(&state, .key(.enter))
        #expect(state.route == .detail(.customers, key: .name("c49")))
        #expect(AppView.render(state).text.contains("person49@example.com"))
        _ = AppUpdate.update(&state, .key(.escape))
        #expect(state.route == .members(segment: 3))
        #expect(state.currentList.selectedRow?.key == .name("c49"))
    }

    @Test func mNeedsASegment() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        _ = AppUpdate.update(&state, .listLoaded(.segments, []))
        #expect(AppUpdate.update(&state, .key(.character("m"))).isEmpty)
        #expect(state.flash?.text.contains("nothing selected") == true)
    }
}

/// `w` and `v` on Campaigns: the window and the charted metric change, and the metric cells load again.
@Suite struct CampaignMetricsViewTests {
    @Test func windowAndMetricCycleAndReload() {
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 120, height: 24))
        _ = AppUpdate.update(&state, .key(.character("3")))
        let rows = (1...3).map { ListRow(key: .id($0), cells: ["\($0)", "Campaign \($0)", "…", "…", "…", "…", "running", "event", "", "—"]) }
        var effects = AppUpdate.update(&state, .listLoaded(.campaigns, rows))
        #expect(effects == [.loadCells(.campaigns, keys: [1, 2, 3], refresh: false, metrics: MetricsView(days: 30, metric: "sent"))])
        _ = AppUpdate.update(&state, .cellLoaded(.campaigns, key: 1, column: 2, state: .value("⣿⣿")))
        #expect(AppView.render(state).text.contains("Sent, 30 days"))

        effects = AppUpdate.update(&state, .key(.character("w")))
        #expect(state.metricsView.days == 90)
        #expect(effects == [.loadCells(.campaigns, keys: [1, 2, 3], refresh: false, metrics: MetricsView(days: 90, metric: "sent"))])
        #expect(state.currentList.loadedRows[0].cells[2] == "…")
        #expect(AppView.render(state).text.contains("Sent, 90 days"))

        effects = AppUpdate.update(&state, .key(.character("v")))
        #expect(effects == [.loadCells(.campaigns, keys: [1, 2, 3], refresh: false, metrics: MetricsView(days: 90, metric: "opened"))])
        #expect(AppView.render(state).text.contains("Opened, 90 days"))
        _ = AppUpdate.update(&state, .key(.character("w")))
        #expect(state.metricsView.days == 7)
    }

    @Test func longSeriesAreSummedIntoBuckets() {
        #expect(Format.buckets(Array(repeating: 1, count: 90), count: 30) == Array(repeating: 3, count: 30))
        #expect(Format.buckets([1, 2, 3], count: 30) == [1, 2, 3])
        #expect(Format.buckets(Array(1...31), count: 30).count == 16)
        #expect(Format.buckets(Array(1...31), count: 30).reduce(0, +) == (1...31).reduce(0, +))
    }
}
