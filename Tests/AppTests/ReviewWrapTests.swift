import CustomerIO
import Testing
import TerminalUI
@testable import App

/// The review shows exactly what will be sent at any width: a long URL or summary wraps, never clips.
@Suite struct ReviewWrapTests {
    @Test func aLongURLWrapsWholeAt80Columns() {
        let email = "brittany.burns.with.a.long.address@northwindsystems.example.com"
        var write = PlannedWrite(kind: .unsuppress(.bounces, email: email), request: AppAPIClient.unsuppressRequest(.bounces, email: email),
                                 title: "Unsuppress an address at the ESP")
        write.summary = ["\(email): off bounces (on it since 2026-09-04 16:45 (85d ago): Hard bounce: 550 5.1.1 mailbox unavailable)"]
        var reducer = Reducer(size: Size(width: 80, height: 24))
        reducer.state.mode = .reviewing(ReviewState(write: write))
        let screen = AppView.render(reducer.state).text
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        #expect(!lines.contains { $0.contains("DELETE") && $0.hasSuffix("…") }, "the URL is cut:\n\(screen)")
        // Every character of the path is on screen, in order, across the wrapped lines.
        let joined = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined()
        #expect(joined.contains("/v1/esp/suppression/bounces/\(email)"))
    }
}
