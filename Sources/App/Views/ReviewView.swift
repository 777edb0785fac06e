import Foundation
import Styling
import TerminalUI

/// The review before a write: method, URL and body exactly as they will be sent (the key never shown), who or what
/// it reaches, warnings, and the keys; then its progress and outcome.
enum ReviewView {
    static func lines(_ review: ReviewState, state: AppState) -> [(String, ThemeRole)] {
        let write = review.write
        var lines = writeLines(write, session: state.session)
        lines += stageLines(review, state: state)
        return lines
    }

    /// What will be sent, exactly: the heading, warnings, who it reaches, the method and full URL, the redacted
    /// authorization, and the body. `cio track` prints the same lines.
    static func writeLines(_ write: PlannedWrite, session: SessionInfo) -> [(String, ThemeRole)] {
        var lines: [(String, ThemeRole)] = [(" \(write.title) — review", .title), ("", .text)]
        for warning in write.warnings { lines.append((" ⚠ \(warning)", .stateWarn)) }
        if !write.warnings.isEmpty { lines.append(("", .text)) }
        for line in write.summary { lines.append(("   \(line)", .text)) }
        for line in write.topics?.lines ?? [] { lines.append(("   \(line)", .text)) }
        lines.append(("", .text))
        let host = switch write.api {
        case .track: session.trackHost
        case .cdp: session.cdpHost
        case .app: session.appHost
        }
        lines.append(("   \(write.method.rawValue) \(host)\(write.endpoint.dropFirst(write.method.rawValue.count + 1))", .accent))
        let auth = switch write.api {
        case .track: "Basic ••••••••  (site id and Track API key, redacted)"
        case .cdp: "Basic ••••••••  (the source's write key, redacted)"
        case .app: "Bearer ••••••••  (App API key, redacted)"
        }
        lines.append(("   Authorization: \(auth)", .muted))
        if write.api == .cdp { lines.append(("   X-Strict-Mode: 1", .muted)) }
        if write.body != nil { lines.append(("   Content-Type: application/json", .muted)) }
        if let body = write.body {
            lines.append(("   Body, \(body.count) bytes of compact JSON, shown indented (same keys and values):", .muted))
        }
        for line in write.prettyBody.split(separator: "\n", omittingEmptySubsequences: false) { lines.append(("   \(line)", .jsonString)) }
        if write.parts.count > 1 {
            lines.append(("   Then requests 2–\(write.parts.count), as listed above.", .muted))
        }
        lines.append(("", .text))
        return lines
    }

    private static func stageLines(_ review: ReviewState, state: AppState) -> [(String, ThemeRole)] {
        let write = review.write
        var lines: [(String, ThemeRole)] = []
        switch review.stage {
        case .reviewing:
            if let count = write.confirmCount {
                let what = write.repeatsUnknownOutcome ? "to send it again anyway" : "to send to that many people"
                lines.append((" Type \(count) and press y \(what): \(review.typedCount.text)▏", .formError))
            }
            if review.isSettling(at: state.now) {
                // Keys wait a moment after the review appears; the line says so rather than offering y.
                lines.append((" Read it first: keys work in a moment", .muted))
            } else {
                // Short enough for 80 columns.
                lines.append((review.form != nil
                    ? " y send · e back to the form · n / Esc abort (default) · Enter never sends"
                    : review.composer == nil
                    ? " y send · n / Esc abort (the default) · Enter never sends"
                    : " y send · e edit · p postpone · n / Esc abort (default) · Enter never sends", .title))
            }
        case .sending:
            if let seconds = ReviewUpdate.triggerCountdown(state) {
                lines.append((" Waiting \(seconds) s: the API takes 1 broadcast trigger per 10 s, so this one is spaced, not refused", .stateWarn))
            }
            lines.append((" Sending… (once; a request that leaves is never sent again on its own)", .accent))
            if let progress = review.progress { lines.append(("   \(progress)", .text)) }
        case .finished(.done(let id, let link)):
            lines.append((" ✓ Done: \(id)" + (link == nil ? "" : "  — Enter opens it"), .stateGood))
            for line in review.followUp { lines.append(("   \(line)", .text)) }
            lines.append((" Esc closes", .muted))
        case .finished(.failed(let message)):
            lines.append((" ✗ Not sent: \(message)", .stateBad))
            for line in review.followUp { lines.append(("   \(line)", .text)) }
            lines.append((" Esc closes; the draft is kept", .muted))
        case .finished(.unknown(let message)):
            lines.append((" ? Outcome unknown — check \(ReviewUpdate.whereToLook(write.kind))", .stateBad))
            lines.append(("   \(message)", .text))
            for line in review.followUp { lines.append(("   \(line)", .text)) }
            lines.append((review.form != nil
                ? " It is not retried. Esc closes; the form is kept as sent, so a repeat is the same request"
                : review.composer != nil ? " It is not retried. Esc closes; the draft is kept and remembers this"
                : " It is not retried. Esc closes", .muted))
        case .finished(.partial(let message)):
            lines.append((" ◐ Partly done — some of it was accepted; nothing more is sent on its own", .stateWarn))
            lines.append(("   \(message)", .text))
            for line in review.followUp { lines.append(("   \(line)", .text)) }
            lines.append((" Esc closes", .muted))
        }
        return lines
    }

    /// The review split for a screen it does not fit: a body that scrolls, and lines that stay at the bottom —
    /// what to type and the keys while it waits, the progress while it sends, and after it the outcome's headline
    /// and how to close (its report scrolls in the body).
    static func parts(_ review: ReviewState, state: AppState) -> (body: [(String, ThemeRole)], footer: [(String, ThemeRole)]) {
        split(review, write: writeLines(review.write, session: state.session), stage: stageLines(review, state: state))
    }

    /// `parts` from lines already made (a frame makes them once).
    private static func split(_ review: ReviewState, write: [(String, ThemeRole)], stage: [(String, ThemeRole)]) -> (body: [(String, ThemeRole)], footer: [(String, ThemeRole)]) {
        guard case .finished = review.stage, stage.count > 1 else { return (write, stage) }
        return (write + stage.dropFirst().dropLast(), [stage[0], stage[stage.count - 1]])
    }

    /// How far the review scrolls to show its last line at `size`: where an outcome and its report are.
    static func endScroll(_ review: ReviewState, state: AppState) -> Int {
        let rect = Layout.main(state.size)
        let width = max(1, rect.width)
        let count = { (lines: [(String, ThemeRole)]) in lines.reduce(0) { $0 + Canvas.wrap($1.0, width: width).count } }
        guard count(lines(review, state: state)) > rect.height else { return 0 }
        let (body, footer) = parts(review, state: state)
        return max(0, count(body) - max(1, rect.height - count(footer)))
    }

    static func render(_ review: ReviewState, state: AppState, into canvas: inout Canvas, in rect: Rect) {
        guard rect.width > 0, rect.height > 0 else { return }
        let theme = state.theme
        canvas.fill(rect, with: Cell(" ", style: theme[.text]))
        // Long lines wrap rather than clip: a URL or a summary cut short would not show exactly what is sent.
        let wrap = { (lines: [(String, ThemeRole)]) in lines.flatMap { line in Canvas.wrap(line.0, width: rect.width).map { ($0, line.1) } } }
        let write = writeLines(review.write, session: state.session), stage = stageLines(review, state: state)
        let all = wrap(write + stage)
        // Longer than the screen: the body scrolls above, and what to type, the keys or the outcome stay below.
        let (body, footer) = all.count > rect.height ? split(review, write: write, stage: stage) : (all, [])
        let shownBody = all.count > rect.height ? wrap(body) : all
        let pinned = Array(wrap(footer).suffix(max(0, rect.height - 1)))
        let bodyHeight = rect.height - pinned.count
        let top = min(review.scroll, max(0, shownBody.count - bodyHeight))
        for (offset, line) in shownBody.dropFirst(top).prefix(bodyHeight).enumerated() {
            canvas.put(clipping: line.0, x: rect.x, y: rect.y + offset, width: rect.width, style: theme[line.1])
        }
        if !pinned.isEmpty, top + bodyHeight < shownBody.count {
            let row = rect.y + bodyHeight - 1
            canvas.fill(Rect(x: rect.x, y: row, width: rect.width, height: 1), with: Cell(" ", style: theme[.text]))
            canvas.put(clipping: "   … (↓ more)", x: rect.x, y: row, width: rect.width, style: theme[.muted])
        }
        for (offset, line) in pinned.enumerated() {
            canvas.put(clipping: line.0, x: rect.x, y: rect.y + bodyHeight + offset, width: rect.width, style: theme[line.1])
        }
    }
}

/// A planned write as plain text, line for line as the review shows it (for `cio track`).
public enum ReviewText {
    public static func render(_ write: PlannedWrite, session: SessionInfo) -> String {
        ReviewView.writeLines(write, session: session).map(\.0).joined(separator: "\n")
    }
}
