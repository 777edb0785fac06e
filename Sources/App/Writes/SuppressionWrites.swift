import CustomerIO
import Foundation
import TerminalUI
import Workspace

/// ESP suppressions: take an address off a list (`U`, from the suppressions pane or a person whose email is
/// suppressed) or put one on (`A`, the address looked up) — each a planned write through the review.
enum SuppressionWrites {
    /// An address on a list, with what the ESP recorded of it.
    struct Listed {
        /// nil for a list cio does not know (its `category` says what the API called it).
        var type: SuppressionType?
        var entry: Suppression
        var category: String?
    }

    /// What `U` would take off: the selected or opened address on the suppressions pane, or the suppressed email of
    /// the person shown (from their loaded reachability, never from its text).
    static func unsuppression(_ state: AppState) -> Listed? {
        switch state.route {
        case .list(.suppressions):
            if case .suppression(let type?, let entry)? = state.currentList.selectedRow?.item { return Listed(type: type, entry: entry) }
        case .detail(.suppressions, _):
            if case .suppression(let type?, let entry)? = state.details[state.route]?.row.item { return Listed(type: type, entry: entry) }
        case .detail(.customers, _):
            guard let email = state.details[state.route]?.reachability?.answer(.email), let type = email.suppressedOn,
                  let entry = email.suppression ?? email.address.map({ Suppression(email: $0) }) else { return nil }
            return Listed(type: type, entry: entry)
        default:
            break
        }
        return nil
    }

    static func unsuppressUnavailableReason(_ state: AppState) -> String {
        switch state.route {
        case .detail(.customers, _): "their email is on none of the ESP's lists (Reachability says so)"
        case .list(.suppressions), .detail(.suppressions, _): "nothing selected, or on a list cio does not know"
        default: "only on ESP suppressions (:suppressions) or a person's profile"
        }
    }

    /// What `A` would put on: the address looked up, on the list shown, when it is not on it already.
    static func suppression(_ state: AppState) -> Listed? {
        guard case .list(.suppressions) = state.route, let email = state.suppressionsQuery.email, looksLikeAnAddress(email) else { return nil }
        let type = state.suppressionsQuery.type
        let listed = state.currentList.loadedRows.contains { row in
            if case .suppression(let on?, let entry)? = row.item { return on == type && entry.email.lowercased() == email.lowercased() }
            return false
        }
        guard !listed, state.currentList.rows.value != nil else { return nil }
        return Listed(type: type, entry: Suppression(email: email))
    }

    /// `someone@example.com`: one @ with something before it and a dotted domain after it.
    static func looksLikeAnAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".") && !text.contains(" ")
    }

    static func unsuppress(_ state: inout AppState) -> [Effect] {
        guard let listed = unsuppression(state), let type = listed.type else { return [] }
        let email = listed.entry.email
        var write = PlannedWrite(kind: .unsuppress(type, email: email), request: AppAPIClient.unsuppressRequest(type, email: email),
                                 title: "Unsuppress an address at the ESP")
        let since = listed.entry.created.map { " since \(TimeText.full($0))" } ?? ""
        write.summary = ["\(email): off \(type.rawValue) (on it\(since)\(listed.entry.reason.map { ": \($0)" } ?? ""))",
                         "The ESP sends to it again; a new \(type.noun) puts it back on the list."]
        write.reach = 1
        return ReviewUpdate.request(write, &state)
    }

    static func suppress(_ state: inout AppState) -> [Effect] {
        guard let listed = suppression(state), let type = listed.type else { return [] }
        let email = listed.entry.email
        var write = PlannedWrite(kind: .suppress(type, email: email), request: AppAPIClient.suppressRequest(type, email: email),
                                 title: "Suppress an address at the ESP")
        write.summary = ["\(email): onto \(type.rawValue)", "The ESP sends nothing more to it, from any campaign or message, until it is taken off."]
        write.reach = 1
        return ReviewUpdate.request(write, &state)
    }
}
