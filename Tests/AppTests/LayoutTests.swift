import Testing
import TerminalUI
@testable import App

/// Layout at common sizes: tabs stay readable words, never four-letter stubs or bare numbers.
@Suite struct LayoutTests {
    @Test(arguments: [40, 60, 80, 98, 120, 200])
    func everyTabShownIsWholeAndTheCurrentOneIsAmongThem(room: Int) {
        for current in PaneKind.tabs {
            let strip = TabStrip(current: current, room: room)
            #expect(strip.tabs.contains { $0.0 == current })
            for (pane, title) in strip.tabs {
                let number = PaneKind.tabs.firstIndex(of: pane)! + 1
                #expect(title == " \(number) \(pane.title) ")
            }
            let width = strip.tabs.reduce(0) { $0 + 1 + DisplayWidth.of($1.1) }
                + (strip.hiddenBefore ? 2 : 0) + (strip.hiddenAfter ? 2 : 0)
            #expect(width <= room || strip.tabs.count == 1)
        }
    }

    @Test func hiddenTabsAreMarkedOnTheirSide() {
        let first = TabStrip(current: .segments, room: 60)
        #expect(!first.hiddenBefore && first.hiddenAfter)
        let last = TabStrip(current: .transactional, room: 60)
        #expect(last.hiddenBefore && !last.hiddenAfter)
        let wide = TabStrip(current: .messages, room: 200)
        #expect(!wide.hiddenBefore && !wide.hiddenAfter && wide.tabs.count == PaneKind.tabs.count)
    }
}
