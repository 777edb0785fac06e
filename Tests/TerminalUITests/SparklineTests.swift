import Testing
@testable import TerminalUI

@Suite struct SparklineTests {
    @Test func blocksScalePerRowAndKeepTheNewestValues() {
        #expect(Sparkline.blocks([0, 1, 2, 3, 4, 5, 6, 7], width: 8) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.blocks([100, 0, 7], width: 2) == "▁█")
        #expect(Sparkline.blocks([0, 0, 0], width: 5) == "▁▁▁")
        #expect(Sparkline.blocks([5], width: 0) == "")
        #expect(Sparkline.blocks([-3, 3], width: 2) == "▁█")
    }

    @Test func brailleCarriesTwoValuesPerCell() {
        // Full left column (dots 1,2,3,7) and an empty right column.
        #expect(Sparkline.braille([4, 0], width: 1) == "\u{2847}")
        // Both columns full.
        #expect(Sparkline.braille([4, 4], width: 1) == "\u{28FF}")
        // A small value still shows one dot at the bottom.
        #expect(Sparkline.braille([100, 1], width: 1) == "\u{28C7}")
        #expect(Sparkline.braille([1, 2, 3, 4, 5], width: 2).count == 2)
        #expect(Sparkline.braille([0, 0], width: 1) == "\u{2800}")
        #expect(Sparkline.braille([], width: 3) == "")
    }
}
