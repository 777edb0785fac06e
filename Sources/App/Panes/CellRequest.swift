/// A row whose lazily loaded cells have been asked for, typed: the list it is on and its key. Scrolling back does
/// not ask again, and a list that reloads forgets its own requests and nobody else's.
public struct CellRequest: Sendable, Hashable {
    /// The list a row is on: a pane's, or a segment's members (people, also shown elsewhere).
    public enum List: Sendable, Hashable {
        case pane(PaneKind)
        case members(segment: RowKey)
    }

    public var list: List
    public var key: RowKey
}

extension Set<CellRequest> {
    /// Forgets every request made for `list`.
    mutating func forget(_ list: CellRequest.List) {
        self = filter { $0.list != list }
    }
}
