/// How the vendor's filter schema lets `and`, `or` and `not` nest (the `Audience Filter` of `POST /v1/customers`,
/// `/v1/exports/customers` `filters` and a broadcast trigger's `recipients`; the three are the same schema).
///
/// The schema spells each level out instead of recursing, so a filter the API takes is one of:
/// - a condition (`segment` or `attribute`);
/// - a top `and` whose members are conditions, an `or` of conditions, or a `not` of a condition or of an `and`/`or`
///   of conditions; never an `and` directly in the `and`. A top `or` is the same with `and` and `or` swapped;
/// - a top `not` of a condition, or of an `and`/`or` whose members are conditions, `and`/`or`s of conditions, or a
///   `not` as above.
///
/// A `not` never holds another `not`. One allowance beyond the schema's letter: a member of a second-level group may
/// be a negated condition (`x != y`), as the vendor's own example for all three endpoints is
/// `{"and":[{"segment":…},{"or":[…,{"not":{"attribute":…}}]}]}`.
enum FilterSchema {
    /// Where a filter sits, which decides what it may be.
    private enum Place {
        case top
        /// A member of the top-level `and` (`isAnd`) or `or`.
        case topMember(isAnd: Bool)
        /// What the top-level `not` holds.
        case topNot
        /// A member of the group the top-level `not` holds.
        case topNotMember
        /// What a `not` below the top holds.
        case innerNot
        /// A member of the innermost group: conditions only, negated ones too when `negatable`.
        case conditions(negatable: Bool)
    }

    /// Why the schema refuses `filter`, as a sentence saying which part and how to rewrite it; nil when it fits.
    static func problem(in filter: AudienceFilter) -> String? {
        problem(filter, at: .top, parent: nil, grandparent: nil)
    }

    private static func problem(_ filter: AudienceFilter, at place: Place, parent: AudienceFilter?, grandparent: AudienceFilter?) -> String? {
        if filter.isCondition { return nil }
        if case .not(let inner) = filter, case .not(let innermost) = inner {
            return "\(quote(filter)) has a not directly inside a not, which Customer.io's filters do not allow; the two cancel, so write \(quote(innermost))."
        }
        let members: [AudienceFilter]
        let next: Place
        switch (place, filter) {
        case (.top, .and(let parts)), (.top, .or(let parts)):
            (members, next) = (parts, .topMember(isAnd: filter.isAnd))
        case (.top, .not(let inner)):
            return problem(inner, at: .topNot, parent: filter, grandparent: parent)
        case (.topMember(let isAnd), .and(let parts)), (.topMember(let isAnd), .or(let parts)):
            if filter.isAnd == isAnd { return sameConnective(filter, in: parent) }
            (members, next) = (parts, .conditions(negatable: true))
        case (.topNot, .and(let parts)), (.topNot, .or(let parts)):
            (members, next) = (parts, .topNotMember)
        case (.topNotMember, .and(let parts)), (.topNotMember, .or(let parts)), (.innerNot, .and(let parts)), (.innerNot, .or(let parts)):
            (members, next) = (parts, .conditions(negatable: false))
        case (.topMember, .not(let inner)), (.topNotMember, .not(let inner)):
            return problem(inner, at: .innerNot, parent: filter, grandparent: parent)
        case (.conditions(negatable: true), .not(let inner)) where inner.isCondition:
            return nil
        case (.conditions(let negatable), _):
            return tooDeep(filter, in: parent, under: grandparent, negatable: negatable)
        default:
            // Every other pairing is a condition (returned above) or a double not (refused above).
            return nil
        }
        for member in members {
            if let problem = problem(member, at: next, parent: filter, grandparent: parent) { return problem }
        }
        return nil
    }

    /// `{"and":[{"and":…}]}`: only JSON can say this (the query parser merges such groups).
    private static func sameConnective(_ filter: AudienceFilter, in parent: AudienceFilter?) -> String {
        let word = filter.isAnd ? "and" : "or"
        let merged = parent.map { group in
            let flat = group.parts.flatMap { $0.isConnective && $0.isAnd == group.isAnd ? $0.parts : [$0] }
            return " (\(quote(group.isAnd ? .and(flat) : .or(flat))))"
        } ?? ""
        return "\(quote(filter)) is an \(word) directly inside an \(word), which Customer.io's filters do not allow; merge the two into one\(merged)."
    }

    private static func tooDeep(_ filter: AudienceFilter, in parent: AudienceFilter?, under grandparent: AudienceFilter?, negatable: Bool) -> String {
        let kind = filter.isConnective ? "the group" : "the condition"
        let within = parent.map { " inside \(quote($0))" } ?? ""
        let allowed = switch (filter, negatable) {
        case (.not, true): "a not may hold only a single condition there"
        case (.not, false): "only plain conditions may stand there, not negated ones"
        default: "only single conditions may stand there"
        }
        let message = "\(kind) \(quote(filter))\(within) is nested one level deeper than Customer.io's filters allow: \(allowed)."
        if let parent, let grandparent, let spread = spread(parent, into: grandparent) {
            return message + " Write \(quote(parent)) as \(quote(spread)), which merges into the \(grandparent.isAnd ? "and" : "or") around it."
        }
        if case .not(let inner) = filter, inner.isConnective {
            return message + " Move the not inside its group: not (x and y) is not x or not y, and not (x or y) is not x and not y."
        }
        return message + " Rewrite it with one level less, e.g. spread a group over the one inside it: x or (y and z) is (x or y) and (x or z)."
    }

    /// `b or (c and d)` as `(b or c) and (b or d)`, when that merges into a grandparent `and` (and the mirror image):
    /// one group holding another of the opposite kind, every other member a condition. Nil when that does not apply.
    private static func spread(_ group: AudienceFilter, into grandparent: AudienceFilter) -> AudienceFilter? {
        guard group.isConnective, grandparent.isConnective, group.isAnd != grandparent.isAnd else { return nil }
        let parts = group.parts
        let inner = parts.filter(\.isConnective)
        guard inner.count == 1, let nested = inner.first, nested.isAnd == grandparent.isAnd,
              nested.parts.allSatisfy(\.isCondition), parts.allSatisfy({ $0.isConnective || $0.isCondition }) else { return nil }
        let others = parts.filter { !$0.isConnective }
        let spread = nested.parts.map { part in group.isAnd ? AudienceFilter.and(others + [part]) : .or(others + [part]) }
        return grandparent.isAnd ? .and(spread) : .or(spread)
    }

    /// A filter in query text, shortened past 80 characters so a message stays readable.
    private static func quote(_ filter: AudienceFilter) -> String {
        let text = text(filter)
        return "`\(text.count > 80 ? String(text.prefix(79)) + "…" : text)`"
    }

    /// Query text with every nested group in parentheses, even where precedence would do without: a message about
    /// nesting should show it.
    private static func text(_ filter: AudienceFilter) -> String {
        switch filter {
        case .and(let parts) where !parts.isEmpty, .or(let parts) where !parts.isEmpty:
            parts.map { $0.isConnective ? "(\(text($0)))" : text($0) }.joined(separator: filter.isAnd ? " and " : " or ")
        case .not(let inner) where !inner.isCondition:
            "not (\(text(inner)))"
        default:
            FilterQuery.render(filter)
        }
    }
}

extension AudienceFilter {
    /// Why the App API's filter schema would refuse this filter, as a sentence naming the group that nests too
    /// deep and how to rewrite it; nil when the filter fits. See ``FilterSchema`` for the rules.
    public var schemaProblem: String? { FilterSchema.problem(in: self) }

    /// A segment or an attribute condition: what the schema calls a leaf.
    var isCondition: Bool {
        switch self {
        case .segment, .attribute: true
        case .and, .or, .not: false
        }
    }

    var isConnective: Bool {
        switch self {
        case .and, .or: true
        default: false
        }
    }

    var isAnd: Bool {
        if case .and = self { true } else { false }
    }

    /// The members of an `and` or `or`; none for anything else.
    var parts: [AudienceFilter] {
        switch self {
        case .and(let parts), .or(let parts): parts
        default: []
        }
    }
}
