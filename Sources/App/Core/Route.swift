/// A place in the app: a pane's list, or one item of it opened from the list.
public enum Route: Sendable, Hashable {
    case list(PaneKind)
    case detail(PaneKind, key: RowKey)
    /// The people in a segment, paged as the user scrolls.
    case members(segment: RowKey)

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
