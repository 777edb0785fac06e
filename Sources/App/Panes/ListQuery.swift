/// What a pane's list is asked, one typed value per kind of query. It travels as itself through effects, answers
/// and the panes' state; only the store's cache key is text (`key`), and nothing reads that text back.
public enum ListQuery: Sendable, Hashable {
    /// The Customers search line as typed: an email, an id, a cio_id or a filter query (`CustomerSearch` reads it).
    case customers(String)
    case messages(MessagesQuery)
    case activities(ActivitiesQuery)

    /// The store's cache key for the list's pages.
    var key: String {
        switch self {
        case .customers(let text): text
        case .messages(let query): query.key
        case .activities(let query): query.key
        }
    }
}
