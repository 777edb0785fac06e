import Keys
import TerminalUI

/// Where a binding listens.
public enum BindingScope: String, Sendable, CaseIterable {
    /// Browsing panes (no prompt or overlay open).
    case normal
    /// A text prompt is open (filter, find, command palette).
    case input
    /// The help overlay is open.
    case help
    /// A confirmation dialog is open.
    case dialog
    /// The composer's menu or form is open (no field being typed into).
    case composer
    /// The review screen before a write, and its outcome.
    case review
}

/// What pressing a bound key does. Declared once in `Keymap.defaults`; help, palette, hints and docs come from there.
public enum Command: Sendable, Hashable {
    case quit, help, palette, back, historyBack, historyForward, refresh, refreshAll, copy, cacheStats
    case nextPane, previousPane, showPane(PaneKind)
    case up, down, pageUp, pageDown, halfPageUp, halfPageDown, top, bottom, open, filter, sortNext, sortReverse
    case find, members, metricsWindow, metricsKind, downloadExport
    /// ← / →: an earlier or later day (or week) on the selected line's sparkline.
    case chartEarlier, chartLater
    case inputCancel, inputSubmit, inputComplete, inputHistoryPrevious, inputHistoryNext, inputDeleteWord, inputDeleteLine
    case inputLeft, inputRight, inputHome, inputEnd, inputBackspace, inputDelete
    case closeHelp
    case dialogNext, dialogPrevious, dialogPress, dialogCancel
    /// `b` on a message: its archived body, after a warning about the daily quota.
    case archivedBody
    /// `x`: start an export (people matching the Customers query, or a campaign's deliveries), after a confirmation.
    case startExport
    /// `c`: the composer, to the person on screen when there is one.
    case compose
    case composerUp, composerDown, composerEdit, composerExternalEdit, composerReview, composerClose, composerDeleteDraft
    case reviewSend, reviewEdit, reviewPostpone, reviewAbort, reviewUp, reviewDown, reviewOpenOutcome, reviewErase
    /// Manual segments: create one, delete the one shown, add the person shown, remove the member selected.
    case createSegment, deleteSegment, addToSegment, removeFromSegment
    /// `a` on a profile: the menu of Track writes to that person.
    case actOnPerson
    /// ctrl-s on a Track form: plan the write and open its review.
    case formReview
    /// Space: mark the row selected (segments for their overlap, people for a bulk write); `*` marks all shown.
    case mark, markAll
    /// `P`: the Pipelines API test tool.
    case pipelines
    /// `a` on Objects: create, update or delete an object.
    case actOnObject
    /// A pane's own command (`t` on Activities), typed by that pane and run by its `PaneDefinition`.
    case pane(PaneCommand)
}

/// One action as data: its keys, what it is called, where it applies, whether it writes, and when it is unavailable.
public struct Binding: Sendable {
    /// Stable name used in config overrides and docs (`table.bottom`).
    public let id: String
    public var keys: [Key]
    public let title: String
    /// What a message calls it: the title without its explanation ("Compose" for "Compose: a transactional …").
    public let name: String
    /// The heading it is listed under in help and docs.
    public let section: String
    public let scope: BindingScope
    /// The panes it applies to; nil means all.
    public let panes: Set<PaneKind>?
    /// Writes are refused in read-only mode before anything is built.
    public let writes: Bool
    /// Shown in the status bar's hints.
    public let isHint: Bool
    public let command: Command
    /// Key specs given that name no key (a typo such as `ctlr-d`): kept, so a test can refuse them instead of the
    /// binding silently losing a key.
    public let unreadableKeys: [String]
    /// Why it cannot be used right now (nil when it can).
    public let disabledReason: @Sendable (AppState) -> String?

    public init(_ id: String, _ keys: [String], _ title: String, name: String? = nil, section: String, scope: BindingScope = .normal, panes: Set<PaneKind>? = nil, writes: Bool = false, hint: Bool = false, command: Command, disabled: @escaping @Sendable (AppState) -> String? = { _ in nil }) {
        self.id = id
        self.keys = keys.compactMap(Key.init(spec:))
        unreadableKeys = keys.filter { Key(spec: $0) == nil }
        self.title = title
        self.name = name ?? title
        self.section = section
        self.scope = scope
        self.panes = panes
        self.writes = writes
        isHint = hint
        self.command = command
        disabledReason = disabled
    }

    /// Whether it applies on `pane`.
    public func applies(to pane: PaneKind) -> Bool { panes?.contains(pane) ?? true }

    /// Why it is unavailable in `state`: read-only first, then its own rule.
    public func unavailableReason(in state: AppState) -> String? {
        if writes, state.session.isReadOnly { return "read-only: writes are refused" }
        return disabledReason(state)
    }

    /// Its keys as help shows them: `j, ↓`.
    public var keyLabel: String { keys.map(\.displayName).joined(separator: ", ") }
}
