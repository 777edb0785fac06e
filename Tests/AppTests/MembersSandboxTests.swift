import CustomerIO
import Testing
import TerminalUI
@testable import App

/// A segment's members against the sandbox: pages of 200 arrive as the selection nears the end, until all are in.
@Suite struct MembersSandboxTests {
    @Test func scrollingThroughMembersLoadsEveryPageOnce() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            let segments = try await app.client.segments()
            let segment = try #require(segments.first { $0.name == "Free users" })
            let expected = try await app.client.segmentCustomerCount(id: segment.id)
            #expect(expected > 600, "the sandbox segment is too small to need three pages")
            try await app.select(key: .id(segment.id))
            try await app.driver.press(.character("m"))
            #expect(app.driver.state.route == .members(segment: .id(segment.id)))
            #expect(app.driver.text.contains("Segments › Free users members"))
            #expect(app.driver.state.currentList.loadedRows.count == 200)

            // G goes to the last loaded row; each time it brings the next page, until there is none.
            var presses = 0
            while app.driver.state.members[.id(segment.id)]?.next != nil, presses < 100 {
                try await app.driver.press(.character("G"))
                presses += 1
            }
            let path = "/v1/segments/\(segment.id)/membership"
            let pages = app.probe.requests().filter { $0.path == path }.count
            #expect(pages >= 3)
            #expect(pages == (expected + 199) / 200)
            #expect(app.driver.state.currentList.loadedRows.count == expected)
            #expect(Set(app.driver.state.currentList.loadedRows.map(\.key)).count == expected)
            #expect(app.driver.text.contains("\(expected) rows"))

            // Enter opens the selected member as a person; Esc returns without asking the sandbox again.
            let email = try #require(app.driver.state.currentList.selectedRow?.cells[1])
            try await app.driver.press(.enter)
            #expect(app.driver.text.contains(email))
            try await app.driver.press(.escape)
            #expect(app.probe.requests().filter { $0.path == path }.count == pages)
        }
    }
}
