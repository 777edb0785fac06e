import CustomerIO
import Keys
import Styling
import TerminalUI
import Workspace

/// Something that happened: a key, a resize, a timer, or finished work. `update` turns it into new state and effects.
public enum Action: Sendable {
    case key(Key)
    case resize(Size)
    /// Time passed (spinner frames, flash expiry).
    case tick(now: Double)
    /// A termination signal (SIGINT, SIGTERM, SIGHUP): leave in order.
    case terminate
    /// A pane's list arrived, with the query it answers (nil for panes without one): applied only while the pane
    /// still shows that query, so a slow answer never fills a list under another filter's label.
    case listLoaded(PaneKind, [ListRow], query: ListQuery? = nil)
    case listFailed(PaneKind, String, query: ListQuery? = nil)
    /// A section of an opened item arrived (a person's segments, a campaign's actions).
    /// `metrics` is the window and metric it was loaded for: a metrics section for another window is dropped.
    /// A person's reachability, typed, beside its section's lines.
    case reachabilityLoaded(Route, Reachability)
    case sectionLoaded(Route, name: SectionID, lines: [DetailLine], metrics: MetricsView? = nil)
    case sectionFailed(Route, name: SectionID, message: String, metrics: MetricsView? = nil)
    /// An item opened from a reference arrived (its own fields).
    case itemLoaded(Route, ListRow)
    /// A person's profile as loaded for their detail: what writes start from, and their row's attribute cells.
    case profileLoaded(Route, CustomerProfile)
    case itemFailed(Route, message: String)
    /// A page of a paged list (a Customers search, Messages) arrived for `query` (`appended` adds it to the pages
    /// before); dropped when the pane has moved on to another query.
    /// `generation`: for a later page, the loading of the list it continues (``ListPaneState/generation``).
    case listPage(PaneKind, query: ListQuery?, rows: [ListRow], next: String?, appended: Bool, generation: Int = 0)
    /// A later page of `query` failed: paging stops there until the list reloads.
    case listPageFailed(PaneKind, query: ListQuery?, message: String)
    /// A page of a segment's members arrived; `appended` adds it to the pages before.
    case membersLoaded(segment: RowKey, rows: [ListRow], next: String?, appended: Bool, generation: Int = 0)
    case membersFailed(segment: RowKey, message: String)
    /// A lazily loaded cell of a list row arrived.
    /// A metric cell carries the window and metric it was loaded for, and is dropped once the view changed.
    case cellLoaded(PaneKind, key: RowKey, column: Int, state: CellState, metrics: MetricsView? = nil)
    case themeLoaded(Theme, warning: String?)
    /// The rate-limit budget as the client sees it.
    case rateBudget(used: Int, limit: Int)
    /// An effect the runtime started has reported everything it will.
    case effectFinished
    /// Figures for the `:cache` box.
    case cacheStats([DetailRow])
    /// A message for the status bar (start-up warnings, for instance).
    case notify(Flash.Level, String)
    /// Saved drafts, newest first, for the composer's menu.
    case draftsLoaded([ComposeDraft])
    /// Templates or broadcasts to pick from in the composer.
    case pickerOptions(ComposeField, [ComposerState.Option])
    /// Manual segments to choose from.
    case choiceOptions([ComposerState.Option])
    /// The write asked for under `ticket`, ready for review; or why a draft cannot make one.
    case writePlanned(PlannedWrite, ticket: Int)
    case writeRefused([String], ticket: Int)
    case writeFinished(WriteOutcome)
    /// A bulk write's line per person, after its outcome.
    case writeReport([String])
    /// A bulk write's request on its way: "Request 2 of 5: …".
    case writeProgress(String)
    /// A trigger's status and errors, as polled after it was accepted; `done` once it has been processed.
    case triggerStatus(lines: [String], done: Bool)
    /// A field edited in `$EDITOR` came back (or why it did not).
    case externalEditFinished(ComposeField, Result<String, ExternalEditor.Failure>)
}

/// Which metrics the campaign sparklines show: the window in days and the metric charted.
public struct MetricsView: Sendable, Hashable {
    public static let windows = [7, 30, 90]
    public static let metrics = ["sent", "opened", "clicked"]
    public var days = 30
    public var metric = "sent"

    public init(days: Int = 30, metric: String = "sent") {
        self.days = days
        self.metric = metric
    }

    /// The column title: `Sent, 30 days`.
    public var title: String { "\(metric.prefix(1).uppercased())\(metric.dropFirst()), \(days) days" }

    /// What a pane's metrics endpoint gives for this window: campaigns daily in the user's zone; broadcasts,
    /// newsletters and transactional through v1, which stops at 45 days and then counts in weeks.
    public func span(for pane: PaneKind) -> MetricsSpan {
        (pane.definition as? any ChartsMetrics.Type)?.span(days: days) ?? .daily(days)
    }

    /// The column title on a pane: `Sent, 30 days`, or `Sent, 12 weeks` where the endpoint cannot give 90 days.
    public func title(for pane: PaneKind) -> String {
        "\(metric.prefix(1).uppercased())\(metric.dropFirst()), \(span(for: pane).label)"
    }
}

/// Work `update` asks for; the runtime performs it outside the pure state change and reports back as actions.
public enum Effect: Sendable, Hashable {
    case loadList(PaneKind, refresh: Bool, query: ListQuery?)
    /// A section of a detail that loads on its own (a segment's customer count, a person's messages).
    case loadSection(Route, name: SectionID, refresh: Bool, metrics: MetricsView = MetricsView())
    /// Name, created and subscription of the people on screen, in one bulk request.
    case loadPeopleCells([PersonRef], refresh: Bool)
    /// The item behind a reference (opened from another item rather than from its list).
    case loadItem(Route, refresh: Bool)
    case copyToClipboard(String)
    /// Cells that load after their rows (segment customer counts), for the rows on screen.
    case loadCells(PaneKind, keys: [RowKey], refresh: Bool, metrics: MetricsView = MetricsView())
    /// The same cells for rows off screen, at background priority and a few at a time, so the list fills while
    /// what is on screen still goes first.
    case prefetchCells(PaneKind, keys: [RowKey], metrics: MetricsView = MetricsView())
    case loadTheme(String)
    /// Forgets cached results whose keys start with the prefix ("" for all).
    case invalidateCache(prefix: String)
    case loadCacheStats
    /// Saves a finished export's file to `path`, never over an existing file.
    case downloadExport(id: Int, path: String)
    /// The next page of a paged list's query (Customers, Messages).
    case loadMore(PaneKind, query: ListQuery?, start: String, generation: Int = 0)
    /// One page of a segment's members (`start` nil for the first).
    case loadMembers(segment: RowKey, start: String?, refresh: Bool, generation: Int = 0)
    case loadDrafts
    /// Saves a draft as typed (atomically), so a crash or a quit loses nothing.
    case saveDraft(ComposeDraft)
    case deleteDraft(id: String)
    /// The choices of a picker; templates only of the draft's channel.
    case loadPickerOptions(ComposeField, kind: ComposeDraft.Kind)
    case loadManualSegments
    /// Builds the write a draft makes (reading attachments, looking up warnings) for the review screen.
    case planWrite(ComposeDraft, ticket: Int)
    /// Adds what the journal and the workspace know (an earlier unknown outcome) to a write built in the reducer.
    case checkWrite(PlannedWrite, ticket: Int)
    /// Sends a reviewed write, once, and writes it to the journal. Only ever from the review screen's `y`.
    case performWrite(PlannedWrite)
    /// Polls a trigger's status and errors until it has been processed.
    case pollTrigger(broadcastID: Int, triggerID: Int)
    /// Opens the field's text in `$EDITOR`; the run loop hands the terminal over until the editor exits.
    case editExternally(ComposeField, text: String)
}

/// A person row whose attributes load in bulk: its key in the table and its customer id.
public struct PersonRef: Sendable, Hashable {
    public var key: RowKey
    public var id: String

    public init(key: RowKey, id: String) {
        self.key = key
        self.id = id
    }
}

/// What an export covers: the people matching a Customers query, or the deliveries of one campaign, newsletter or
/// transactional template.
public enum ExportSpec: Sendable, Hashable {
    case customers(query: String)
    case deliveries(DeliverySource)

    /// How the confirmation and the status bar name it.
    public var summary: String {
        switch self {
        case .customers(let query): "people matching “\(query)”"
        case .deliveries(let source): "deliveries of \(source.title)"
        }
    }
}
