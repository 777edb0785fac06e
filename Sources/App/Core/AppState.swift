import Styling
import TerminalUI

/// Who and where the app is talking to, for the top and status bars. Never holds the key.
public struct SessionInfo: Sendable, Hashable {
    public var profile: String
    public var region: String
    public var isDemo: Bool
    public var isReadOnly: Bool
    /// Where App API and Track API writes go (`api.customer.io`), for the review screen.
    public var appHost: String
    public var trackHost: String
    /// Whether a Track API site id and key are set (manual segment membership needs them).
    public var hasTrackCredentials: Bool
    /// Where Pipelines calls go, and whether a source's write key is set (the `P` test tool).
    public var cdpHost = ""
    public var hasPipelinesKey = false

    public init(profile: String, region: String, isDemo: Bool = false, isReadOnly: Bool = false, appHost: String = "", trackHost: String = "", hasTrackCredentials: Bool = false) {
        self.profile = profile
        self.region = region
        self.isDemo = isDemo
        self.isReadOnly = isReadOnly
        self.appHost = appHost
        self.trackHost = trackHost
        self.hasTrackCredentials = hasTrackCredentials
    }
}

/// What has the keyboard: the panes, a prompt, or an overlay.
public enum Mode: Sendable, Hashable {
    case browsing
    /// `/` on a list: the filter applies as you type.
    case filtering(TextInputState)
    /// `/` on Customers: an email to look up when Enter is pressed.
    case finding(TextInputState)
    case palette(CommandPaletteState)
    /// `d` on a finished export: the file to save it to.
    case saving(exportID: Int, input: TextInputState)
    case help(scroll: Int)
    /// A read-only box of facts (`:cache`); closes like help.
    case info(title: String, rows: [DetailRow])
    /// A question before something that writes or costs: `effect` runs only if the last button is pressed.
    case confirming(DialogState, effect: Effect)
    /// The composer: its menu of drafts, or a draft's form.
    case composing(ComposerState)
    /// The review before a write, then its outcome.
    case reviewing(ReviewState)
    /// `N` on Segments: the new manual segment's name.
    case naming(TextInputState)
    /// A list to choose from (the manual segment to add a person to), narrowed as you type.
    case choosing(ChoiceState)
    /// A Track write's form over a person (`a`, then an action): typing goes into the focused field.
    case acting(TrackForm)

    var scope: BindingScope {
        switch self {
        case .browsing: .normal
        case .filtering, .finding, .palette, .saving, .naming, .choosing, .acting: .input
        case .help, .info: .help
        case .confirming: .dialog
        case .composing(let composer): composer.editing != nil || composer.picker != nil ? .input : .composer
        case .reviewing: .review
        }
    }
}

/// Everything the app shows, in one value: `update` changes it, views draw it.
public struct AppState: Sendable {
    public var session: SessionInfo
    public var size: Size
    public var theme: Theme
    public var themeNames: [String]
    public var keymap: Keymap
    public var navigation = Navigation()
    public var lists: [PaneKind: ListPaneState] = [:]
    public var details: [Route: DetailPaneState] = [:]
    /// Segment members by segment id, paged like any list.
    public var members: [RowKey: ListPaneState] = [:]
    /// Each pane's query, in the pane's own type (its `ListQuery` case); the panes read and set it through their own
    /// accessors (`customerQuery`, `messagesQuery` …, in their files).
    public var queries: [PaneKind: ListQuery] = [:]
    /// The people whose profiles were opened this session, newest first (person keys): what Customers lists before
    /// a search.
    public var recentPeople: [RowKey] = []
    /// Where the next page of a Customers query starts (nil: no more).
    public var customersNext: String? { lists[.customers]?.next }
    public var mode: Mode = .browsing
    public var flash: Flash?
    /// Requests the app is waiting for, and the rate-limit budget as last seen.
    public var inFlight = 0
    public var rateUsed = 0
    public var rateLimit = 10
    public var spinnerFrame = 0
    /// Seconds on the monotonic clock, as of the last event: flashes expire against it.
    public var now: Double = 0
    /// Rows whose lazily loaded cells were asked for already, so scrolling back does not ask again.
    public var requestedCells: Set<CellRequest> = []
    /// What the campaign sparklines show (`w` changes the window, `v` the metric).
    public var metricsView = MetricsView()
    /// Panes whose off-screen cells are being prefetched already (cleared when the cells load afresh).
    public var prefetched: Set<PaneKind> = []
    /// Panes whose lazy cells must bypass the cache next time (after `r` / `R`).
    public var cellsToRefresh: Set<PaneKind> = []
    public var filterHistory: [String] = []
    public var paletteHistory: [String] = []
    public var shouldQuit = false
    /// When the last broadcast trigger was answered (on `now`'s clock): the API takes 1 per 10 s, and the review
    /// counts down to the next.
    public var lastTriggerAt: Double?
    /// The review asked for and not yet answered; an answer with another ticket is stale and dropped.
    public var pendingReview: PendingReview?
    /// The ticket the next review request gets.
    public var nextReviewTicket = 1
    /// Track and Pipelines forms whose last send had an unknown outcome, as they were sent: opening the same action
    /// for the same people again brings the form back with what was typed and the ids it made, so a repeat is the
    /// same request (the journal then asks for the count) rather than a new one that nothing warns about.
    public var unsettledForms: [TrackForm.Key: TrackForm] = [:]
    /// When a list that follows progress (Exports, while an export is being built) next reloads on its own, on
    /// `now`'s clock.
    public var pollsAt: [PaneKind: Double] = [:]

    public init(session: SessionInfo, size: Size, theme: Theme = .fallback, themeNames: [String] = [], keymap: Keymap = Keymap()) {
        self.session = session
        self.size = size
        self.theme = theme
        self.themeNames = themeNames
        self.keymap = keymap
    }

    public var route: Route { navigation.current }
    public var pane: PaneKind { route.pane }
    /// Whether a table has the keyboard (a pane's list, or a segment's members).
    public var isOnList: Bool {
        switch route {
        case .list, .members: true
        case .detail: false
        }
    }

    /// The table on screen: the pane's list, or the members of the segment shown.
    public var currentList: ListPaneState {
        get {
            if case .members(let segment) = route { return members[segment] ?? ListPaneState() }
            return lists[pane] ?? ListPaneState()
        }
        set {
            if case .members(let segment) = route { members[segment] = newValue } else { lists[pane] = newValue }
        }
    }

    /// The columns of the table on screen.
    public var currentColumns: [TableColumn] {
        if case .members = route { return CustomersPane.columns }
        var columns = pane.definition.columns
        // The chart, the first of the metric columns, is titled for the window on screen.
        if PaneKind.withMetrics.contains(pane), let chart = pane.definition.lazyColumns.first { columns[chart].title = metricsView.title(for: pane) }
        return columns
    }

    /// What `y` would copy.
    public var selectedValue: String? {
        switch route {
        case .list, .members: return currentList.selectedRow?.copyValue
        case .detail:
            guard let line = selectedLine, !line.isHeading else { return nil }
            return line.value
        }
    }

    /// Filters what is on screen: the table's rows, or an opened item's lines.
    public mutating func setFilter(_ text: String) {
        if isOnList {
            currentList.setFilter(text, visibleRows: Layout.tableRows(size))
            return
        }
        guard var detail = details[route] else { return }
        detail.filter = text
        // The picked day belongs to a line by its place, and the places change.
        detail.chartStep = nil
        detail.detail.select(0, rowCount: detail.lines(spinner: "").count, visibleRows: Layout.detailRows(size))
        details[route] = detail
    }

    /// The line under the selection in an opened item.
    public var selectedLine: DetailLine? {
        guard case .detail = route, let detail = details[route] else { return nil }
        let lines = detail.lines(spinner: "")
        let index = detail.detail.selectedRow
        return lines.indices.contains(index) ? lines[index] : nil
    }

    /// The export under the selection or open in the detail.
    public var selectedExport: ListRow? {
        switch route {
        case .list(.exports): return currentList.selectedRow
        case .detail(.exports, _): return details[route]?.row
        default: return nil
        }
    }

    /// Whether anything is loading (the spinner turns only then).
    public var isBusy: Bool { inFlight > 0 }
}
