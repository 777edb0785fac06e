/// The workspace's panes, in tab order.
public enum PaneKind: String, CaseIterable, Sendable, Hashable {
    case segments, customers, campaigns, broadcasts, newsletters, messages, exports, transactional
    /// Every write this machine made (`:journal`); not a tab.
    case journal
    /// Panes written as a `PaneDefinition` (one file each, listed in `PaneRegistry`); opened from the palette.
    case activities, senders, collections, snippets

    /// The panes with a tab and a number key, in order.
    public static let tabs: [PaneKind] = [.segments, .customers, .campaigns, .broadcasts, .newsletters, .messages, .exports, .transactional]

    /// Panes whose lists chart metrics (`w` and `v` change them).
    public static let withMetrics: [PaneKind] = [.campaigns, .broadcasts, .newsletters, .transactional]

    /// The tab and breadcrumb title.
    public var title: String {
        switch self {
        case .segments: "Segments"
        case .customers: "Customers"
        case .campaigns: "Campaigns"
        case .broadcasts: "Broadcasts"
        case .newsletters: "Newsletters"
        case .messages: "Messages"
        case .exports: "Exports"
        case .transactional: "Transactional"
        case .journal: "Journal"
        case .activities, .senders, .collections, .snippets: PaneRegistry.definition(self)?.title ?? rawValue.capitalized
        }
    }
}

/// A place in the app: a pane's list, or one item of it opened from the list.
public enum Route: Sendable, Hashable {
    case list(PaneKind)
    case detail(PaneKind, key: String)
    /// The people in a segment, paged as the user scrolls.
    case members(segment: String)

    public var pane: PaneKind {
        switch self {
        case .list(let pane), .detail(let pane, _): pane
        case .members: .segments
        }
    }
}

/// Where the user is and has been: the route stack for Esc / q, and browser-style back / forward for `[` / `]`.
public struct Navigation: Sendable, Hashable {
    /// The current route is the last element; the first is always a pane's list.
    public private(set) var stack: [Route]
    private var backHistory: [[Route]] = []
    private var forwardHistory: [[Route]] = []

    public init(start: Route = .list(.segments)) {
        stack = [start]
    }

    public var current: Route { stack[stack.count - 1] }
    public var canGoBack: Bool { !backHistory.isEmpty }
    public var canGoForward: Bool { !forwardHistory.isEmpty }
    public var isAtRoot: Bool { stack.count == 1 }

    /// Opens `route` on top of the current one.
    public mutating func push(_ route: Route) {
        guard route != current else { return }
        record()
        stack.append(route)
    }

    /// Switches to a pane's list, starting a new stack.
    public mutating func switchTo(_ pane: PaneKind) {
        guard stack != [.list(pane)] else { return }
        record()
        stack = [.list(pane)]
    }

    /// Closes the current route; false when already at a pane's list.
    @discardableResult
    public mutating func pop() -> Bool {
        guard stack.count > 1 else { return false }
        record()
        stack.removeLast()
        return true
    }

    public mutating func back() {
        guard let previous = backHistory.popLast() else { return }
        forwardHistory.append(stack)
        stack = previous
    }

    public mutating func forward() {
        guard let next = forwardHistory.popLast() else { return }
        backHistory.append(stack)
        stack = next
    }

    private mutating func record() {
        backHistory.append(stack)
        if backHistory.count > 100 { backHistory.removeFirst() }
        forwardHistory.removeAll()
    }
}
