import Foundation
import Testing

/// Acting on people on the real binary in tmux, as a person would: an attribute edited from a profile and seen
/// changed when the profile reloads, and a marked set of a segment's members suppressed, gone from the list after.
@Suite(.serialized) struct TmuxTrackTests {
    private func startDemo(width: Int, height: Int) async throws -> TmuxSession {
        try await TmuxSession.demo(width: width, height: height)
    }

    private func quit(_ session: TmuxSession) async throws {
        try await session.quitDemo()
    }

    private static func field(_ screen: String, _ key: String) -> String? {
        TmuxSession.lines(screen).first { $0.hasPrefix(key + " ") }.map { String($0.dropFirst(key.count)).trimmingCharacters(in: .whitespaces) }
    }

    @Test func anAttributeEditedFromAProfileShowsChanged() async throws {
        let session = try await startDemo(width: 80, height: 24)
        defer { session.stop() }
        try await session.press("2", "/")
        try await session.type("id:1", enter: true)
        try await session.waitFor("the one person found") { $0.contains("Customers › id:1") && $0.contains("c.mendoza@libero.it") }
        try await session.press("Enter")
        try await session.waitFor("the profile") { $0.contains("Customers › ") && $0.contains("Reachability") }
        try await session.press("a")
        try await session.waitFor("the menu") { $0.contains("Edit attributes: set, change or remove") }
        try await session.press("Enter")
        try await session.waitFor("the form") { $0.contains("› Changes") }
        try await session.type("nickname=\"Tmux Test\"")
        try await session.waitFor("ready") { $0.contains("Ready: ctrl-s") }
        try await session.press("Enter")
        let review = try await session.waitFor("the review's keys") { $0.contains("Edit a person's attributes — review") && $0.contains("y send") }
        #expect(review.contains("nickname: (not set) → “Tmux Test”"))
        #expect(review.contains("Basic ••••••••"))
        try await session.press("y")
        try await session.waitFor("the outcome") { $0.contains("✓ Done") }
        try await session.press("Escape")
        // The profile reloads with the new value, found by scrolling to it with the detail filter.
        try await session.press("/")
        try await session.type("nickname", enter: true)
        try await session.waitFor("the new value on the profile") { Self.field($0, "nickname") == "Tmux Test" }
        try await quit(session)
    }

    @Test func aMarkedSetOfMembersIsSuppressed() async throws {
        let session = try await startDemo(width: 120, height: 40)
        defer { session.stop() }
        try await session.press("m")
        let members = try await session.waitFor("Pro plan's members") { $0.contains("Segments › Pro plan members") && $0.contains("@") }
        let emails = TmuxSession.lines(members).dropFirst(3).prefix(2).compactMap { line in line.split(separator: " ").first { $0.contains("@") }.map(String.init) }
        #expect(emails.count == 2)
        try await session.press("Space", "Space")
        try await session.waitFor("two marked") { $0.contains("● 2 marked") }
        try await session.press("a")
        try await session.waitFor("the bulk menu") { $0.contains("Act on the 2 marked") }
        try await session.press("Down", "Down", "Down", "Enter")
        let review = try await session.waitFor("the review's keys") { $0.contains("Suppress — 2 people — review") && $0.contains("y send") }
        #expect(review.contains("/api/v2/batch"))
        #expect(emails.allSatisfy { review.contains($0) }, "the review names them:\n\(review)")
        try await session.press("y")
        try await session.waitFor("the outcome") { $0.contains("Done: 2 accepted in 1 batch") }
        try await session.press("Escape")
        let after = try await session.waitFor("the members without them") { screen in
            // The review closed (its outcome line gone) and the list reloaded without marks.
            screen.contains("Segments › Pro plan members") && screen.contains("@") && !screen.contains("marked")
                && !screen.contains("Esc closes") && !screen.contains("Done: 2 accepted")
        }
        #expect(emails.allSatisfy { !after.contains($0) }, "still listed:\n\(after)")
        try await quit(session)
    }
}
