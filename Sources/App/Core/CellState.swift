/// What a cell that loads after its row holds: still loading, a value (with the number it sorts by when it is a
/// figure), nothing to show, or a failure and its reason. Logic reads the state; the text is derived for drawing and
/// the filter, and never read back.
public enum CellState: Sendable, Hashable {
    case loading
    case value(String, number: Double? = nil)
    /// Loaded, and there is nothing to show (a person with no name, an object without one).
    case empty
    case failed(String)

    /// The text drawn in the cell.
    public var text: String {
        switch self {
        case .loading: "…"
        case .value(let text, _): text
        case .empty: "—"
        case .failed: "!"
        }
    }

    /// The number the cell sorts by, when it is a figure.
    public var number: Double? { if case .value(_, let number) = self { number } else { nil } }

    /// A value, or `empty` when there is none.
    static func value(or text: String?) -> CellState {
        guard let text, !text.isEmpty else { return .empty }
        return .value(text)
    }
}
