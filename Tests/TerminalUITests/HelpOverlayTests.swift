import Styling
import Testing
@testable import TerminalUI

@Suite struct HelpOverlayTests {
    static let sections = [
        HelpSection(title: "Navigation", entries: [HelpEntry(keys: "j / ↓", title: "Down"), HelpEntry(keys: "k / ↑", title: "Up"), HelpEntry(keys: "g", title: "Top")]),
        HelpSection(title: "Customers", entries: [HelpEntry(keys: "d", title: "Delete", disabledReason: "read-only"), HelpEntry(keys: "y", title: "Copy id")]),
        HelpSection(title: "検索", entries: [HelpEntry(keys: "/", title: "フィルター")]),
    ]
    static let theme = Theme.fallback

    func render(_ size: Size, offset: Int = 0, styles: HelpOverlayStyles = HelpOverlayStyles()) throws -> HeadlessScreen {
        try present(size) { HelpOverlayView(styles: styles).render(into: &$0, in: $1, sections: Self.sections, scrollOffset: offset) }
    }

    @Test func oneByOneShowsTheStartOfTheTitle() throws {
        let screen = try render(Size(width: 1, height: 1))
        #expect(screen.text == "…")
        #expect(screen.style(x: 0, y: 0)?.attributes == .bold)
        #expect(try render(Size(width: 12, height: 2)).text == "Help — ? or…\n")
    }

    @Test func twentyByFiveIsOneScrollableColumn() throws {
        #expect(try render(Size(width: 20, height: 5)).text == """
        ┌─ Help — ? or E… ─┐
        │ Navigation       │
        │ j / ↓  Down      │
        │ k / ↑  Up        │
        └────────────── ↓ ─┘
        """)
    }

    @Test func eightyByTwentyFourUsesTwoColumnsWithWholeSections() throws {
        let styles = HelpOverlayStyles(theme: Self.theme)
        let screen = try render(Size(width: 80, height: 24), styles: styles)
        let drawn = block(screen.text)
        #expect(drawn.top == 8)
        #expect(drawn.left == 11)
        #expect(drawn.text == """
        ┌─ Help — ? or Esc to close ────────────────────────────┐
        │ Navigation                  Customers                 │
        │ j / ↓  Down                 d      Delete (read-only) │
        │ k / ↑  Up                   y      Copy id            │
        │ g      Top                                            │
        │                             検索                      │
        │                             /      フィルター         │
        └───────────────────────────────────────────────────────┘
        """)
        let body = Self.theme[.dialog]
        #expect(screen.style(x: 13, y: 10) == Self.theme[.helpKey].over(body))
        #expect(screen.style(x: 13, y: 10)?.background == body.background)
        #expect(screen.style(x: 20, y: 10) == body)
        #expect(screen.style(x: 13, y: 9) == Self.theme[.helpSection].over(body))
        // The disabled entry is muted from its keys to its reason.
        #expect(screen.style(x: 41, y: 10) == Self.theme[.muted].over(body))
        #expect(screen.style(x: 64, y: 10) == Self.theme[.muted].over(body))
        #expect(screen.style(x: 41, y: 11) == Self.theme[.helpKey].over(body))
        #expect(screen.style(x: 11, y: 8) == body)
    }

    @Test func twoFiftyBySeventyCentresTheSameLayout() throws {
        let big = block(try render(Size(width: 250, height: 70)).text)
        let standard = block(try render(Size(width: 80, height: 24)).text)
        #expect(big.text == standard.text)
        #expect(big.top == 31)
        #expect(big.left == 96)
    }

    @Test func scrollOffsetClampsAndArrowsShowWhatIsHidden() throws {
        let area = Rect(x: 0, y: 0, width: 40, height: 10)
        #expect(HelpOverlayView.maxScrollOffset(sections: Self.sections, in: area) == 3)
        #expect(HelpOverlayView.maxScrollOffset(sections: Self.sections, in: Rect(x: 0, y: 0, width: 80, height: 24)) == 0)
        let bottom = try render(Size(width: 40, height: 10), offset: 99)
        #expect(bottom.text == """
             ┌─ Help — ? or Esc to close ─┐
             │ g      Top                 │
             │                            │
             │ Customers                  │
             │ d      Delete (read-only)  │
             │ y      Copy id             │
             │                            │
             │ 検索                       │
             │ /      フィルター          │
             └──────────────────────── ↑ ─┘
        """)
        #expect(try render(Size(width: 40, height: 10), offset: 1).text.contains("─ ↕ ─┘"))
        #expect(try render(Size(width: 40, height: 10), offset: -5).text == render(Size(width: 40, height: 10), offset: 0).text)
        #expect(try render(Size(width: 40, height: 10)).text.contains("─ ↓ ─┘"))
    }

    /// Keys get at most 40% of the column (10 of 26 cells here), titles the rest, cut at a word.
    @Test func longEntriesAreCutInsideTheirColumn() throws {
        let sections = [HelpSection(title: "A", entries: [HelpEntry(keys: "ctrl-x ctrl-s", title: "Save the whole workspace to disk", disabledReason: "demo")])]
        var canvas = Canvas(size: Size(width: 30, height: 5))
        HelpOverlayView().render(into: &canvas, in: Rect(canvas.size), sections: sections, scrollOffset: 0)
        #expect(canvas.text == """
        ┌─ Help — ? or Esc to close ─┐
        │ A                          │
        │ ctrl-x ct…  Save the…      │
        └────────────────────────────┘

        """)
    }
}
