/// How urgent a request is. Set it for a piece of work with `RequestPriority.$current.withValue(.visible) { … }`;
/// every request made inside (child tasks included) waits for a rate-limit slot in that order.
public enum RequestPriority: Int, Sendable, Comparable, CaseIterable {
    /// Prefetching and anything off screen.
    case background = 0
    case normal = 1
    /// What the user is looking at right now.
    case visible = 2

    @TaskLocal public static var current: RequestPriority = .normal

    public static func < (lhs: RequestPriority, rhs: RequestPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
