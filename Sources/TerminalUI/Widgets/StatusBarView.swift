/// Which parts of the status bar are shown at some width.
struct StatusBarLayout: Sendable, Hashable {
    var hints: Int
    var budget: Bool
    var region: Bool
    var inFlight: Bool
    var spinner: Bool
    var profile: Bool
    var badge: Bool
}

/// The one-row status bar: `profile · region` and a badge on the left, the flash or key hints in the middle,
/// requests in flight, rate budget and spinner on the right.
public struct StatusBarView: Sendable {
    public var styles: StatusBarStyles

    public init(styles: StatusBarStyles = StatusBarStyles()) {
        self.styles = styles
    }

    /// What fits in `width` cells. As the bar narrows, hints go first (the last one first), then the rate
    /// budget, the region, the in-flight count, the spinner and the profile. The badge never goes: a demo or
    /// read-only session must say so at any size, cut short if need be. A flash does not push anything out; it
    /// gets what is left in the middle.
    static func layout(of model: StatusBarModel, width: Int) -> StatusBarLayout {
        var layout = StatusBarLayout(
            hints: model.flash == nil ? model.hints.count : 0, budget: model.rateBudget != nil, region: !model.region.isEmpty,
            inFlight: model.inFlight > 0, spinner: model.spinnerFrame != nil,
            profile: !model.profile.isEmpty || !model.region.isEmpty, badge: model.badge != nil
        )
        while required(model, layout) > width {
            if layout.hints > 0 { layout.hints -= 1 }
            else if layout.budget { layout.budget = false }
            else if layout.region { layout.region = false }
            else if layout.inFlight { layout.inFlight = false }
            else if layout.spinner { layout.spinner = false }
            else if layout.profile, layout.badge { layout.profile = false }
            else { break }
        }
        return layout
    }

    private static func required(_ model: StatusBarModel, _ layout: StatusBarLayout) -> Int {
        let left = DisplayWidth.of(profileText(model, layout)) + DisplayWidth.of(badgeText(model, layout))
        let middle = DisplayWidth.of(hintsText(model, layout))
        let right = DisplayWidth.of(rightText(model, layout))
        return left + (middle > 0 ? 2 + middle : 0) + (right > 0 ? 1 + right : 0)
    }

    private static func profileText(_ model: StatusBarModel, _ layout: StatusBarLayout) -> String {
        guard layout.profile else { return "" }
        let parts = [model.profile, layout.region ? model.region : ""].filter { !$0.isEmpty }
        return parts.isEmpty ? "" : " " + parts.map(RowText.singleLine).joined(separator: " · ") + " "
    }

    private static func badgeText(_ model: StatusBarModel, _ layout: StatusBarLayout) -> String {
        layout.badge ? model.badge?.label ?? "" : ""
    }

    private static func hintsText(_ model: StatusBarModel, _ layout: StatusBarLayout) -> String {
        model.hints.prefix(layout.hints).map { RowText.singleLine($0.key) + " " + RowText.singleLine($0.title) }.joined(separator: "  ")
    }

    /// `⇅ 2  7/10 req/s`: the counts at the right end.
    private static func countsText(_ model: StatusBarModel, _ layout: StatusBarLayout) -> String {
        var parts: [String] = []
        if layout.inFlight { parts.append("⇅ \(model.inFlight)") }
        if layout.budget, let budget = model.rateBudget { parts.append("\(budget.used)/\(budget.limit) req/s") }
        return parts.joined(separator: "  ")
    }

    /// The counts, then the spinner, then a space to mirror the one the profile starts with.
    private static func rightText(_ model: StatusBarModel, _ layout: StatusBarLayout) -> String {
        var text = countsText(model, layout)
        if layout.spinner, let frame = model.spinnerFrame { text += (text.isEmpty ? "" : " ") + Spinner.frame(frame) }
        return text.isEmpty ? "" : text + " "
    }

    /// Draws on the first row of `rect`.
    public func render(into canvas: inout Canvas, in rect: Rect, model: StatusBarModel) {
        let area = rect.intersection(Rect(canvas.size))
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let y = row.y
        canvas.fill(row, style: styles.bar, clip: row)
        let layout = Self.layout(of: model, width: row.width)
        let profile = Self.profileText(model, layout)
        let badge = Self.badgeText(model, layout)
        let badgeStyle = model.badge == .readOnly ? styles.readOnly : styles.demo
        let leftWidth = DisplayWidth.of(profile) + DisplayWidth.of(badge)
        if leftWidth > row.width {
            // Only one part is left and even it does not fit: show what it says, without its padding.
            let (text, style) = badge.isEmpty ? (profile, styles.profile) : (badge, badgeStyle)
            let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            canvas.put(Canvas.fit(trimmed, width: row.width), x: row.x, y: y, style: style, clip: row)
            return
        }
        canvas.put(profile, x: row.x, y: y, style: styles.profile, clip: row)
        canvas.put(badge, x: row.x + DisplayWidth.of(profile), y: y, style: badgeStyle, clip: row)

        let right = Self.rightText(model, layout)
        let rightX = row.maxX - DisplayWidth.of(right)
        if !right.isEmpty {
            let counts = Self.countsText(model, layout)
            canvas.put(counts, x: rightX, y: y, style: styles.bar, clip: row)
            if layout.spinner, let frame = model.spinnerFrame {
                let x = rightX + DisplayWidth.of(counts) + (counts.isEmpty ? 0 : 1)
                canvas.put(Spinner.frame(frame), x: x, y: y, style: styles.spinner, clip: row)
            }
        }

        let middleX = row.x + leftWidth + (leftWidth > 0 ? 2 : 1)
        let middle = Rect(x: middleX, y: y, width: (right.isEmpty ? row.maxX : rightX - 1) - middleX, height: 1)
        if let flash = model.flash {
            let room = middle.width
            let text = RowText.singleLine(flash.text)
            let shown = room >= 3 ? " " + Canvas.fitWords(text, width: room - 2) + " " : Canvas.fit(text, width: room)
            canvas.put(shown, x: middle.x, y: y, style: styles.flash(flash.level), clip: middle)
        } else {
            var x = middle.x
            for hint in model.hints.prefix(layout.hints) {
                x += canvas.put(RowText.singleLine(hint.key), x: x, y: y, style: styles.hintKey, clip: middle)
                x += canvas.put(" " + RowText.singleLine(hint.title) + "  ", x: x, y: y, style: styles.hint, clip: middle)
            }
        }
    }
}
