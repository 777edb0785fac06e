import Testing
import Foundation
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

    /// At 80 columns Messages gives Type and From way so that recipient and subject stay readable.
    @Test func messagesAtEightyKeepRecipientAndSubjectReadable() {
        let columns = PaneKind.messages.definition.columns
        let widths = TableView.widths(of: columns, available: 80)
        func width(_ title: String) -> Int { widths[columns.firstIndex { $0.title == title }!] }
        #expect(width("Recipient") >= 20 && width("Subject") >= 20)
        #expect(width("Type") == 0)
        #expect(width("State") == 12)
        #expect(widths.reduce(0, +) + widths.filter { $0 > 0 }.count - 1 <= 80)
        // At 200 everything is back.
        #expect(TableView.widths(of: columns, available: 200).allSatisfy { $0 > 0 })
    }

    /// Identifiers and names stay at every common width; dates, tags and types go first.
    @Test(arguments: [PaneKind.segments, .customers, .campaigns, .broadcasts, .newsletters, .messages, .exports, .transactional, .journal])
    func namesAndIdentifiersOutlastTheRest(pane: PaneKind) {
        let columns = pane.definition.columns
        for available in [60, 80, 100, 120] {
            let widths = TableView.widths(of: columns, available: available)
            for (column, width) in zip(columns, widths) where ["ID", "Name", "Email", "Recipient"].contains(column.title) {
                #expect(width >= column.minimum, "\(pane) \(column.title) at \(available)")
            }
        }
    }

    /// A wide screen does not hand a name column 115 characters: it stops, and the others get the room.
    @Test func namesStopGrowingOnWideScreens() {
        let columns = PaneKind.segments.definition.columns
        let widths = TableView.widths(of: columns, available: 220)
        #expect(widths[1] == 48)
        #expect(widths.reduce(0, +) + columns.count - 1 == 220)
    }

    /// A newsletter's sent date outlasts its type and tags: it explains a window with nothing sent.
    @Test func aNewslettersSentDateStaysAtEighty() {
        let columns = PaneKind.newsletters.definition.columns
        let widths = TableView.widths(of: columns, available: 79)
        #expect(widths[columns.firstIndex { $0.title == "Sent at" }!] == 16)
    }
}

/// Prose is never cut mid-word: status flashes, help lines and composer lines end at a word with an ellipsis.
@Suite struct WordCutTests {
    @Test func prosIsCutAtAWord() {
        #expect(Canvas.fitWords("Enter never sends: y sends, Esc aborts", width: 20) == "Enter never sends…")
        #expect(Canvas.fitWords("short", width: 20) == "short")
        #expect(Canvas.fitWords("Supercalifragilistic", width: 10) == "Supercali…")
    }

    @Test func aLongFlashAtEightyColumnsEndsAtAWord() throws {
        var reducer = Reducer(size: Size(width: 80, height: 24))
        reducer.state.flash = Flash.make(.info, "Export 12 started: people matching “plan = pro and has phone”. Enter opens Exports, which follows it", now: 0)
        let screen = HeadlessScreen(size: reducer.state.size)
        try screen.present(AppView.render(reducer.state))
        let status = try #require(screen.text.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init))
        let flash = try #require(status.components(separatedBy: "Export 12").last)
        let shown = flash.trimmingCharacters(in: .whitespaces)
        #expect(shown.contains("…"))
        let beforeEllipsis = try #require(shown.components(separatedBy: "…").first)
        // The word before the ellipsis is whole: it is one of the message's words.
        let words = Set("started: people matching “plan = pro and has phone”. Enter opens Exports, which follows it".split(separator: " ").map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: ",.:")) })
        let last = String(beforeEllipsis.split(separator: " ").last ?? "").trimmingCharacters(in: CharacterSet(charactersIn: ",.:"))
        #expect(words.contains(last), "cut mid-word: \(shown)")
    }

    @Test func composerLabelsAreWhole() throws {
        var reducer = Reducer(size: Size(width: 80, height: 40))
        var draft = ComposeDraft(kind: .broadcast)
        draft.audience = .emails
        var composer = ComposerState()
        composer.draft = draft
        reducer.state.mode = .composing(composer)
        let screen = HeadlessScreen(size: reducer.state.size)
        try screen.present(AppView.render(reducer.state))
        for field in ComposeField.fields(for: draft) {
            #expect(screen.text.contains(field.label), "\(field.label) is cut")
        }
    }
}
