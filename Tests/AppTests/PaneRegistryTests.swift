import CustomerIO
import Testing
import TerminalUI
@testable import App

/// Every pane is one definition, found by kind; what a pane can do comes from the capabilities it conforms to, and
/// the keymap's pane sets are derived from them.
@Suite struct PaneRegistryTests {
    @Test func everyKindHasItsOwnDefinition() {
        for kind in PaneKind.allCases {
            let pane = kind.definition
            #expect(pane.kind == kind, "\(kind) is served by \(pane)")
            #expect(!pane.title.isEmpty && !pane.singular.isEmpty)
            #expect(pane.columns.indices.contains(pane.titleColumn), "\(kind): title column \(pane.titleColumn)")
            #expect(pane.lazyColumns.allSatisfy(pane.columns.indices.contains), "\(kind): lazy columns \(pane.lazyColumns)")
            #expect(Set(pane.sections).count == pane.sections.count, "\(kind) lists a section twice")
        }
        #expect(Set(PaneKind.allCases.map(\.title)).count == PaneKind.allCases.count, "two panes share a title")
    }

    /// A pane's own keys carry commands of that pane's own type, so each reaches the pane that declared it and its
    /// `run`, whose switch the compiler holds exhaustive.
    @Test func aPanesOwnCommandsGoToThatPane() {
        for kind in PaneKind.allCases {
            for binding in kind.definition.bindings {
                guard case .pane(let command) = binding.command else { continue }
                #expect(command.kind == kind, "\(binding.id) is declared by \(kind) but runs on \(command.kind)")
            }
        }
        #expect(MessagesPane.command(.type) != MessagesPane.command(.metric))
        #expect(MessagesPane.command(.type) == MessagesPane.command(.type))
        #expect(ActivitiesPane.command(.type) != MessagesPane.command(.type), "the same case of two panes differs")
    }

    @Test func capabilitiesSayWhatEachPaneCanDo() {
        #expect(PaneKind.withMetrics == [.campaigns, .broadcasts, .newsletters, .transactional])
        #expect(PaneRegistry.kinds { $0 is any HasDeliveries.Type } == [.campaigns, .broadcasts, .newsletters, .transactional])
        // Broadcast deliveries cannot be exported by the API: Broadcasts has deliveries but is not exportable.
        #expect(PaneRegistry.kinds { $0 is any Exportable.Type } == [.customers, .campaigns, .newsletters, .transactional])
        #expect(PaneRegistry.kinds { $0 is any HasMembers.Type } == [.segments])
        #expect(PaneRegistry.kinds { $0 is any FollowsProgress.Type } == [.exports])
        #expect(PaneRegistry.kinds { $0 is any ManualSegmentMembership.Type } == [.segments, .customers])
        #expect(PaneKind.listingPeople == [.customers, .objectPeople])
        // A pane charting metrics has the four metric cells after ID and Name, and a Metrics section.
        for kind in PaneKind.withMetrics {
            #expect(kind.definition.lazyColumns == [2, 3, 4, 5], "\(kind)")
            #expect(kind.sections.first == .metrics, "\(kind)")
        }
    }

    @Test func bindingsArePlacedByCapabilityNotByList() {
        func panes(_ id: String) -> Set<PaneKind>? { Keymap.defaults.first { $0.id == id }?.panes }
        #expect(panes("campaigns.window") == Set(PaneKind.withMetrics))
        #expect(panes("campaigns.metric") == Set(PaneKind.withMetrics))
        #expect(panes("exports.start") == Set(PaneRegistry.kinds { $0 is any Exportable.Type }))
        #expect(panes("members") == Set(PaneRegistry.kinds { $0 is any HasMembers.Type }))
        #expect(panes("manual.create") == Set(PaneRegistry.kinds { $0 is any ManagesManualSegments.Type }))
        #expect(panes("manual.add") == Set(PaneRegistry.kinds { $0 is any ManualSegmentMembership.Type }))
        #expect(panes("manual.remove") == Set(PaneRegistry.kinds { $0 is any ManualSegmentMembership.Type }))
        // Marks and `a` go wherever people are listed: the panes that list them and the panes whose items have members.
        for id in ["list.mark", "list.mark-all", "person.act"] { #expect(panes(id) == PaneKind.showingPeople, "\(id)") }
        // A pane's own keys live in its file and apply only there.
        #expect(panes("messages.type") == [.messages])
        #expect(panes("exports.download") == [.exports])
    }

    @Test func aListOfPeopleIsOneBeforeItsRowsArrive() {
        // Whether a list is of people is what its pane is, not what its first row happens to be.
        var state = AppState(session: SessionInfo(profile: "demo", region: "sandbox"), size: Size(width: 80, height: 24))
        for kind in PaneKind.listingPeople {
            state.navigation.switchTo(kind)
            #expect(MarkedPeople.isPeopleList(state), "\(kind)")
        }
        state.navigation.switchTo(.segments)
        #expect(!MarkedPeople.isPeopleList(state))
    }

    @Test func metricSpansComeFromThePane() {
        let view = MetricsView(days: 90)
        #expect(view.span(for: .campaigns).label == "90 days")
        for kind in [PaneKind.broadcasts, .newsletters, .transactional] { #expect(view.span(for: kind).label == "12 weeks", "\(kind)") }
    }

    @Test func sectionHeadingsAreDerivedAndDistinct() {
        #expect(Set(SectionID.allCases.map(\.title)).count == SectionID.allCases.count)
        #expect(SectionID.allCases.filter(\.followsMetrics) == [.metrics, .actions, .links])
    }

    /// Customers, Timeline and Overlap list nothing until asked something (a search, a person, segments); the rest list at once.
    @Test func onlyCustomersTimelineAndOverlapWaitForAQuery() {
        #expect(PaneRegistry.kinds { $0.needsQuery } == [.customers, .timeline, .overlap, .objectPeople])
        var app = Reducer(session: SessionInfo(profile: "t", region: "us", isDemo: true), size: Size(width: 100, height: 30))
        #expect(app.press(.character("2")).isEmpty)
        #expect(app.press(.character("r")).isEmpty)
        #expect(app.press(.character("3")) == [.loadList(.campaigns, refresh: false, query: nil)])
    }
}

/// A column is described once, beside the value it draws: a row's cells come from its item, in the columns' order.
@Suite struct TypedColumnTests {
    @Test func cellsComeFromTheItemInColumnOrder() {
        let campaign = Campaign(id: 7, name: "Welcome", type: "segment", updated: 0, state: "running", tags: ["onboarding"])
        let row = CampaignsPane.rows([campaign])[0]
        #expect(row.cells.count == CampaignsPane.columns.count)
        #expect(row.cells[0] == "7" && row.cells[1] == "Welcome")
        // The metric cells wait for their load; the rest are drawn from the campaign.
        #expect(CampaignsPane.lazyColumns.map { row.cells[$0] } == ["…", "…", "…", "…"])
        #expect(row.cells[6] == "running" && row.cells[7] == "segment" && row.cells[8] == "onboarding")
        #expect(row.item?.campaign == campaign)
    }

    @Test func aPersonWhoCannotBeAskedForSaysSoAtOnce() {
        let rows = CustomersPane.rows([CustomerIdentifiers(id: "1", email: "a@example.com"), CustomerIdentifiers(email: "b@example.com")])
        #expect(CustomersPane.lazyColumns == [3, 4, 5])
        #expect(CustomersPane.lazyColumns.map { rows[0].cells[$0] } == ["…", "…", "…"])
        #expect(CustomersPane.lazyColumns.map { rows[1].cells[$0] } == ["—", "—", "—"])
    }

    @Test func everyPanesColumnsAreTyped() {
        // Every pane describes its columns with their values, so no pane keeps a column list apart from its cells.
        #expect(PaneRegistry.panes.allSatisfy { $0 is any TypedColumns.Type })
    }

    /// Every row keeps the item it was drawn from, so logic reads the item, never the text.
    @Test func everyRowKeepsItsItem() {
        let rows = CampaignsPane.rows(PaneSnapshotTests.campaigns) + CustomersPane.rows(PaneSnapshotTests.people)
            + MessagesPane.rows(PaneSnapshotTests.deliveries) + ActivitiesPane.rows(CatalogSnapshotTests.activities)
            + SenderIdentitiesPane.rows(CatalogSnapshotTests.senders) + CollectionsPane.rows(CatalogSnapshotTests.collections)
            + SnippetsPane.rows(CatalogSnapshotTests.snippets)
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.item != nil })
        #expect(MessagesPane.rows(PaneSnapshotTests.deliveries).map { $0.item?.delivery?.id } == PaneSnapshotTests.deliveries.map(\.id))
    }
}

/// The breadcrumb's count reads as English.
@Suite struct RowCountTests {
    @Test func oneRowIsNotRows() {
        var app = Reducer(size: Size(width: 100, height: 20))
        app.send(.listLoaded(.segments, SegmentsPane.rows([Segment(id: 1, name: "VIP")])))
        #expect(AppView.render(app.state).text.contains(" 1 row\n"))
        #expect(!AppView.render(app.state).text.contains("1 rows"))
        app.send(.listLoaded(.segments, SegmentsPane.rows([Segment(id: 1, name: "VIP"), Segment(id: 2, name: "Trial")])))
        #expect(AppView.render(app.state).text.contains("2 rows"))
    }
}

/// `x` says why it cannot start an export where it cannot, in the words of where the user is.
@Suite struct ExportReasonTests {
    static func reason(_ state: AppState) -> String? {
        Keymap.defaults.first { $0.id == "exports.start" }?.unavailableReason(in: state)
    }

    @Test func anOpenedPersonPointsBackToTheList() {
        var app = Reducer(size: Size(width: 100, height: 30))
        app.press(.character("2"))
        #expect(Self.reason(app.state) == "find people first (/), then export them")
        app.press(.character("/"))
        app.type("plan = pro")
        app.press(.enter)
        app.send(.listPage(.customers, query: .customers("plan = pro"), rows: CustomersPane.rows([CustomerIdentifiers(id: "1", email: "a@example.com")]), next: nil, appended: false))
        #expect(Self.reason(app.state) == nil)
        app.press(.enter)
        #expect(Self.reason(app.state) == "on the Customers list")
    }

    @Test func aCampaignListAsksForASelection() {
        var app = Reducer(size: Size(width: 100, height: 30))
        app.press(.character("3"))
        #expect(Self.reason(app.state) == "select a campaign first")
        app.send(.listLoaded(.campaigns, CampaignsPane.rows([Campaign(id: 1, name: "Welcome")])))
        #expect(Self.reason(app.state) == nil)
    }
}
