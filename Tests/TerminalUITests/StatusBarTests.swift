import Styling
import Testing
@testable import TerminalUI

@Suite struct StatusBarTests {
    static let hints = [StatusHint(key: "?", title: "help"), StatusHint(key: ":", title: "commands"), StatusHint(key: "/", title: "filter")]
    static let model = StatusBarModel(
        profile: "prod", region: "us", badge: .readOnly, rateBudget: RateBudget(used: 7, limit: 10),
        inFlight: 2, spinnerFrame: 0, hints: hints
    )
    static let theme = Theme.fallback

    func bar(_ model: StatusBarModel, width: Int, styles: StatusBarStyles = StatusBarStyles()) -> Canvas {
        var canvas = Canvas(size: Size(width: width, height: 1))
        StatusBarView(styles: styles).render(into: &canvas, in: Rect(canvas.size), model: model)
        return canvas
    }

    @Test func partsDropInOrderAsTheBarNarrows() {
        func shown(_ width: Int) -> String {
            let layout = StatusBarView.layout(of: Self.model, width: width)
            let flags = [("budget", layout.budget), ("region", layout.region), ("inFlight", layout.inFlight),
                         ("spinner", layout.spinner), ("profile", layout.profile), ("badge", layout.badge)]
            return (["hints=\(layout.hints)"] + flags.filter(\.1).map(\.0)).joined(separator: " ")
        }
        #expect(shown(71) == "hints=3 budget region inFlight spinner profile badge")
        #expect(shown(70) == "hints=2 budget region inFlight spinner profile badge")
        #expect(shown(60) == "hints=1 budget region inFlight spinner profile badge")
        #expect(shown(48) == "hints=0 budget region inFlight spinner profile badge")
        #expect(shown(40) == "hints=0 region inFlight spinner profile badge")
        #expect(shown(28) == "hints=0 inFlight spinner profile badge")
        #expect(shown(23) == "hints=0 spinner profile badge")
        #expect(shown(19) == "hints=0 profile badge")
        #expect(shown(16) == "hints=0 badge")
        #expect(shown(0) == "hints=0 badge")
        var noBadge = Self.model
        noBadge.badge = nil
        // Without a badge the profile is the last to stay.
        #expect(StatusBarView.layout(of: noBadge, width: 3).profile)
    }

    @Test func rendersEachStepOfTheDropOrder() {
        #expect(bar(Self.model, width: 80).text == " prod · us  READ-ONLY   ? help  : commands  / filter          ⇅ 2  7/10 req/s ⠋")
        #expect(bar(Self.model, width: 60).text == " prod · us  READ-ONLY   ? help            ⇅ 2  7/10 req/s ⠋")
        #expect(bar(Self.model, width: 40).text == " prod · us  READ-ONLY             ⇅ 2 ⠋")
        #expect(bar(Self.model, width: 26).text == " prod  READ-ONLY    ⇅ 2 ⠋")
        #expect(bar(Self.model, width: 20).text == " prod  READ-ONLY  ⠋")
        #expect(bar(Self.model, width: 12).text == " READ-ONLY")
        #expect(bar(Self.model, width: 5).text == "READ…")
        var demo = Self.model
        demo.badge = .demo
        #expect(bar(demo, width: 3).text == "DE…")
        var idle = Self.model
        idle.spinnerFrame = nil
        idle.inFlight = 0
        idle.badge = nil
        #expect(bar(idle, width: 50).text == " prod · us   ? help  : commands        7/10 req/s")
        #expect(bar(idle, width: 2).text == "p…")
    }

    @Test func stylesComeFromTheTheme() {
        let styles = StatusBarStyles(theme: Self.theme)
        let canvas = bar(Self.model, width: 80, styles: styles)
        #expect(canvas[1, 0].style == Self.theme[.badgeProfile])
        #expect(canvas[12, 0].style == Self.theme[.badgeReadOnly])
        #expect(canvas[22, 0].style == Self.theme[.statusBar])
        #expect(canvas[24, 0].style.attributes.contains(.bold))
        #expect(canvas[26, 0].style == Self.theme[.statusHint])
        #expect(canvas[78, 0].style == Self.theme[.spinner])
        #expect(canvas[79, 0].style == Self.theme[.statusBar])
        #expect(canvas[70, 0].style == Self.theme[.statusBar])
    }

    @Test func aFlashReplacesTheHintsInItsLevelsStyle() {
        let styles = StatusBarStyles(theme: Self.theme)
        var model = Self.model
        model.flash = .make(.error, "Rate limited — retrying in 2 s 👍", now: 100)
        let canvas = bar(model, width: 80, styles: styles)
        #expect(canvas.text == " prod · us  READ-ONLY    Rate limited — retrying in 2 s 👍    ⇅ 2  7/10 req/s ⠋")
        #expect(canvas[25, 0].style == Self.theme[.flashError])
        #expect(canvas[24, 0].style == Self.theme[.flashError])
        #expect(canvas[23, 0].style == Self.theme[.statusBar])
        // Narrow: the flash is cut to what is left, and the emoji is never split.
        #expect(bar(model, width: 50).text == " prod · us  READ-ONLY    Rate…  ⇅ 2  7/10 req/s ⠋")
        model.flash = .make(.warn, "李雷韩梅梅", now: 0)
        #expect(bar(model, width: 52).text == " prod · us  READ-ONLY    李雷韩…  ⇅ 2  7/10 req/s ⠋")
        #expect(bar(model, width: 52, styles: styles)[25, 0].style == Self.theme[.flashWarn])
    }

    @Test func spinnerFramesWrapAndAreBraille() {
        #expect(Spinner.frames.count == 10)
        #expect(Spinner.frames.allSatisfy { $0.unicodeScalars.first.map { (0x2800...0x28FF).contains($0.value) } == true })
        #expect(Spinner.frame(0) == "⠋")
        #expect(Spinner.frame(11) == "⠙")
        #expect(Spinner.frame(-1) == "⠏")
        var model = Self.model
        model.spinnerFrame = 3
        #expect(bar(model, width: 80).text.hasSuffix("7/10 req/s ⠸"))
    }

    @Test func snapshotsAtTheStandardSizes() throws {
        let one = try present(Size(width: 1, height: 1)) { StatusBarView().render(into: &$0, in: $1, model: Self.model) }
        #expect(one.text == "…")
        #expect(one.style(x: 0, y: 0)?.attributes == .bold)

        let small = try present(Size(width: 20, height: 5)) { canvas, area in
            StatusBarView().render(into: &canvas, in: Rect(x: 0, y: area.maxY - 1, width: area.width, height: 1), model: Self.model)
        }
        #expect(small.text == "\n\n\n\n prod  READ-ONLY  ⠋")
        #expect(small.style(x: 19, y: 4)?.attributes == .reverse)
        #expect(small.style(x: 19, y: 3) == .plain)

        var wide = Self.model
        wide.profile = "本番"
        wide.region = "eu"
        let standard = try present(Size(width: 80, height: 24)) { canvas, area in
            StatusBarView().render(into: &canvas, in: Rect(x: 0, y: 23, width: 80, height: 1), model: wide)
        }
        let lines = standard.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)
        #expect(lines[..<23].allSatisfy { $0.isEmpty })
        #expect(lines[23] == " 本番 · eu  READ-ONLY   ? help  : commands  / filter          ⇅ 2  7/10 req/s ⠋")
        #expect(DisplayWidth.of(lines[23]) == 79)

        let huge = try present(Size(width: 250, height: 70)) { canvas, area in
            StatusBarView().render(into: &canvas, in: Rect(x: 0, y: 69, width: 250, height: 1), model: Self.model)
        }
        let last = String(huge.text.split(separator: "\n", omittingEmptySubsequences: false)[69])
        #expect(last.hasPrefix(" prod · us  READ-ONLY   ? help  : commands  / filter   "))
        #expect(last.hasSuffix("   ⇅ 2  7/10 req/s ⠋"))
        #expect(DisplayWidth.of(last) == 249)
        #expect(huge.style(x: 249, y: 69)?.attributes == .reverse)
    }
}

@Suite struct FlashTests {
    @Test func durationsGrowWithTheLevel() {
        #expect(Flash.make(.info, "Copied", now: 10).expiresAt == 13)
        #expect(Flash.make(.warn, "Slow", now: 10).expiresAt == 15)
        #expect(Flash.make(.error, "Failed", now: 10).expiresAt == 18)
    }

    @Test func expiresAtItsDeadline() {
        let flash = Flash.make(.info, "Copied", now: 1.5)
        #expect(!flash.isExpired(at: 1.5))
        #expect(!flash.isExpired(at: 4.49))
        #expect(flash.isExpired(at: 4.5))
        #expect(flash.isExpired(at: 100))
        #expect(flash.level == .info)
        #expect(flash.text == "Copied")
    }
}
