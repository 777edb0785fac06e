import CustomerIO
import Foundation
import Testing
@testable import App

/// Words that carry meaning are read once into types that keep a word they do not know, and logic asks the type:
/// the journal's outcome, a segment's kind, an export's state, whether a profile says unsubscribed.
@Suite struct TypedWordsTests {
    @Test func aJournalOutcomeReadsItsWordAndKeepsAnUnknownOne() throws {
        #expect(["pending", "sent", "failed", "unknown"].map(JournalOutcome.init(word:)) == [.pending, .sent, .failed, .unknown])
        #expect(JournalOutcome(word: "retracted") == .other("retracted") && JournalOutcome.other("retracted").word == "retracted")
        // Written and read back as the plain word, so journals of other versions read alike.
        let entry = WriteJournal.Entry(time: Date(timeIntervalSince1970: 0), profile: "p", endpoint: "POST /x", payloadDigest: "d", resultID: nil, outcome: .other("retracted"))
        let json = String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)
        #expect(json.contains(#""outcome":"retracted""#))
        #expect(try JSONDecoder().decode(WriteJournal.Entry.self, from: Data(json.utf8)).outcome == .other("retracted"))
    }

    @Test func aSegmentsKindIsReadOnce() {
        #expect(Segment(id: 1, type: "manual").kind == .manual)
        #expect(Segment(id: 2, type: "dynamic").kind == .dynamic)
        #expect(Segment(id: 3, type: "imported").kind == .other("imported"))
        #expect(Segment(id: 4).kind == nil)
    }

    @Test func anExportsStateLetsFailedWin() {
        #expect(Export(id: 1, status: "done").state == .done)
        #expect(Export(id: 2, status: "processing").state == .building("processing") && Export(id: 2, status: "processing").isRunning)
        #expect(Export(id: 3, failed: true, status: "done").state == .failed && !Export(id: 3, failed: true, status: "done").isDone)
        #expect(Export(id: 4, status: "archived").state == .other("archived") && Export(id: 4, status: "archived").statusText == "archived")
        #expect(Export(id: 5).statusText == "—")
    }

    @Test func aProfileSaysUnsubscribedByItsFieldOrItsAttribute() {
        #expect(CustomerProfile(unsubscribed: true).saysUnsubscribed == true)
        #expect(CustomerProfile(attributes: ["unsubscribed": .string("true")]).saysUnsubscribed == true)
        #expect(CustomerProfile(attributes: ["unsubscribed": .bool(true)]).saysUnsubscribed == true)
        #expect(CustomerProfile(attributes: ["unsubscribed": .string("true")], unsubscribed: false).saysUnsubscribed == false, "the field wins")
        #expect(CustomerProfile().saysUnsubscribed == nil)
    }
}
