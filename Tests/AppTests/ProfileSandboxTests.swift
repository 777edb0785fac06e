import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// People found on Customers: their name, created and subscription cells in one bulk request, and a person's whole
/// profile in sections that can be filtered and that link on to what the person belongs to.
@Suite struct ProfileSandboxTests {
    /// `2026-11-20 14:03` in local time, worked out here rather than by the app's formatter.
    static func minute(_ seconds: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = .current
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }

    static let profileSections: [SectionID] = [.reachability, .attributes, .segments, .messages, .identifiers, .activities, .relationships, .subscriptions]

    @Test func theRowsOnScreenFillFromOneBulkRequest() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            try await app.find("plan = pro")
            let rows = app.driver.state.currentList.loadedRows
            #expect(rows.count == 200)
            #expect(app.count("POST", "/v1/customers/attributes") == 1)

            let onScreen = Set(app.driver.state.currentList.keysOnScreen(visibleRows: Layout.tableRows(app.driver.state.size)))
            #expect(onScreen.count == Layout.tableRows(app.driver.state.size))
            for row in rows where onScreen.contains(row.key) {
                #expect(!row.cells[3...5].contains("…"), "row \(row.key) on screen has no attributes: \(row.cells)")
            }
            // Rows below the screen wait until they are scrolled to.
            for row in rows where !onScreen.contains(row.key) {
                #expect(Array(row.cells[3...5]) == ["…", "…", "…"], "row \(row.key) off screen was filled")
            }

            // Each cell says what the sandbox holds for that person.
            let ids = rows.filter { onScreen.contains($0.key) }.map { $0.cells[0] }
            let profiles = try await app.client.customerProfiles(ids: ids)
            #expect(profiles.count == ids.count)
            for row in rows where onScreen.contains(row.key) {
                let profile = try #require(profiles.first { ($0.identifiers?.id ?? $0.id) == row.cells[0] })
                let first = try #require(profile.attributes["first_name"]?.displayText)
                let last = try #require(profile.attributes["last_name"]?.displayText)
                let created = try #require(profile.timestamps["created_at"])
                #expect(row.cells[3] == "\(first) \(last)")
                #expect(row.cells[4] == Self.minute(created))
                #expect(row.cells[5] == (profile.unsubscribed == true ? "no" : "yes"))
            }
            let firstRow = try #require(rows.first)
            #expect(app.lines.contains { $0.contains(firstRow.cells[3]) && $0.contains(firstRow.cells[4]) })

            // A page further down asks again, once, for the rows that came on screen; back up asks for nothing.
            // (Counted from here: the check above made a bulk request of its own.)
            let bulk = app.count("POST", "/v1/customers/attributes")
            try await app.driver.press(.pageDown)
            #expect(app.count("POST", "/v1/customers/attributes") == bulk + 1)
            try await app.driver.press(.pageUp)
            #expect(app.count("POST", "/v1/customers/attributes") == bulk + 1)
        }
    }

    @Test func aPersonsProfileLoadsFiltersAndLinksOn() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            try await app.find("plan = pro")
            let row = try #require(app.driver.state.currentList.selectedRow)
            let cio = try #require(row.key.person?.type == .cioID ? row.key.person?.value : nil, "a found person is keyed by cio_id")
            #expect(cio == row.cells[2])

            try await app.driver.press(.enter)
            let person = Route.detail(.customers, key: row.key)
            #expect(app.driver.state.route == person)
            let detail = try #require(app.driver.state.details[person])
            let lines = app.detailLines
            // The row keeps no detail lines of its own: its cells show under the column titles.
            let opened = try #require(app.driver.state.currentList.loadedRows.first { $0.key == row.key })
            #expect(opened.detail.isEmpty)
            let fields = Array(lines.prefix(6))
            #expect(fields.map(\.key) == ["ID", "Email", "cio_id", "Name", "Created", "Subscribed"])
            #expect(fields.map(\.value) == opened.cells)
            for name in Self.profileSections {
                #expect(lines.contains { $0.isHeading && $0.key == name.title }, "no heading \(name.title)")
                guard case .loaded? = detail.sections[name] else {
                    Issue.record("\(name) did not load: \(String(describing: detail.sections[name]))")
                    continue
                }
            }
            #expect(!lines.contains { $0.value.hasPrefix("failed:") })
            // Attributes and identifiers share one profile request.
            #expect(app.count("GET", "/v1/customers/\(cio)/attributes") == 1)

            // Attributes: sorted by name, every one the sandbox holds, timestamps readable.
            guard case .loaded(let attributes)? = detail.sections[.attributes] else { return }
            let keys = attributes.map(\.key)
            #expect(keys == keys.sorted())
            let profile = try await app.client.customerProfile(id: cio, idType: .cioID)
            #expect(Set(keys) == Set(profile.attributes.keys))
            let created = try #require(attributes.first { $0.key == "created_at" })
            #expect(created.value.wholeMatch(of: #/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(\d+[mhd] ago\)/#) != nil, "created_at reads \(created.value)")
            let seconds = try #require(profile.attributes["created_at"].flatMap { Int($0.displayText) })
            #expect(created.value.hasPrefix(Self.minute(seconds)))
            #expect(attributes.first { $0.key == "plan" }?.value == "pro")

            // Segments: the person's segments, each a link to it.
            guard case .loaded(let segmentLines)? = detail.sections[.segments] else { return }
            let segments = try await app.client.customerSegments(id: cio, idType: .cioID)
            #expect(!segments.isEmpty, "a pro customer is at least in the Pro plan segment")
            #expect(segmentLines.map(\.key) == segments.map { $0.name ?? "#\($0.id)" })
            #expect(segmentLines.map(\.link) == segments.map { Route.detail(.segments, key: .id($0.id)) })

            // Back to the list and in again: everything is cached, nothing is asked.
            let requests = app.probe.requests().count
            let performed = app.driver.performed.count
            try await app.driver.press(.escape)
            #expect(app.driver.state.route == .list(.customers))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == person)
            #expect(app.probe.requests().count == requests)
            #expect(app.driver.performed.count == performed)
            #expect(app.detailLines == lines)

            // `/` filters the profile: matching lines only, each under its heading.
            try await app.driver.press(.character("/"))
            try await app.driver.type("city")
            let filtered = app.detailLines
            #expect(!filtered.isEmpty)
            #expect(filtered.count < lines.count)
            #expect(filtered.contains { $0.key == "city" && !$0.isHeading })
            #expect(filtered.contains(DetailLine.heading("Attributes")))
            for (index, line) in filtered.enumerated() {
                if line.isHeading {
                    // A heading stays only for the matching lines under it.
                    #expect(filtered.indices.contains(index + 1) && !filtered[index + 1].isHeading, "heading \(line.key) with nothing under it")
                } else {
                    #expect(line.key.lowercased().contains("city") || line.value.lowercased().contains("city"), "\(line.key) = \(line.value) does not match")
                }
            }
            let cityValue = try #require(profile.attributes["city"]?.displayText)
            #expect(app.driver.text.contains(cityValue))
            // Enter keeps the filter; Esc clears it before it would leave the person.
            try await app.driver.press(.enter)
            #expect(app.detailLines == filtered)
            try await app.driver.press(.escape)
            #expect(app.driver.state.route == person)
            #expect(app.detailLines == lines)

            // Enter on a segment line opens that segment; [ comes back to the person, ] goes forward again.
            let segment = try #require(segments.first)
            let segmentRoute = Route.detail(.segments, key: .id(segment.id))
            try await app.selectLine("segment \(segment.id)") { $0.link == segmentRoute }
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == segmentRoute)
            #expect(app.detailLines.contains { $0.key == "Name" && $0.value == segment.name })
            try await app.driver.press(.character("["))
            #expect(app.driver.state.route == person)
            #expect(app.driver.text.contains(row.cells[1]))
            try await app.driver.press(.character("]"))
            #expect(app.driver.state.route == segmentRoute)
        }
    }
}
