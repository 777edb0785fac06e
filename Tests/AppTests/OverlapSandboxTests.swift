import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// Two segments marked on Segments, `o`: every intersection's size, agreeing with their memberships as the API
/// lists them, and each region opening its people.
@Suite struct OverlapSandboxTests {
    @Test func twoMarkedSegmentsShowEveryRegion() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            let rows = app.driver.state.currentList.loadedRows
            #expect(Keymap.defaults.first { $0.id == "overlap.open" }?.unavailableReason(in: app.driver.state) == "mark two or three segments first (space)")
            // The first two segments, marked.
            try await app.driver.press(.character(" "))
            try await app.driver.press(.character("j"))
            try await app.driver.press(.character(" "))
            #expect(app.driver.state.lists[.segments]?.marked == [rows[0].key, rows[1].key])
            #expect(app.lines.contains { $0.contains("● ") })
            try await app.driver.press(.character("o"))
            #expect(app.driver.state.route == .list(.overlap))
            let progress = app.driver.state.flash?.text

            // Worked out here from the memberships.
            func members(_ key: RowKey) async throws -> Set<PersonKey> {
                Set(try await app.client.segmentMembership(id: try #require(key.id), limit: 30_000).identifiers.compactMap(PersonKey.init))
            }
            let (a, b) = (try await members(rows[0].key), try await members(rows[1].key))
            let names = [rows[0].cells[1], rows[1].cells[1]]
            let regions = app.driver.state.currentList.loadedRows.compactMap { row -> OverlapRegion? in
                if case .region(let region)? = row.item { region } else { nil }
            }
            func count(_ label: String) -> Int { regions.first { $0.label == label }?.count ?? 0 }
            #expect(count("\(names[0]) only") == a.subtracting(b).count)
            #expect(count("\(names[1]) only") == b.subtracting(a).count)
            #expect(count("\(names[0]) ∩ \(names[1])") == a.intersection(b).count)
            #expect(regions.allSatisfy { !$0.atLeast })
            // The memberships were read with progress in the status bar; the last word is the last segment's count.
            #expect(progress == "Overlap: \(names[1]), \(Format.grouped(b.count)) members read")

            // A region opens with its people, each opening their profile.
            try await app.driver.press(.enter)
            let person = try await app.selectLine("a person") { $0.link != nil }
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == person.link)
        }
    }

    @Test func regionsAreLabelledByWhatTheyHoldAndLack() {
        let masks = [PersonKey("a", .id): 1, PersonKey("b", .id): 3, PersonKey("c", .id): 7, PersonKey("d", .id): 4]
        let people = Dictionary(uniqueKeysWithValues: masks.keys.map { ($0, CustomerIdentifiers(id: $0.value)) })
        let regions = OverlapPane.regions(masks: masks, people: people, names: ["VIP", "Pro", "Trial"], partial: true)
        #expect(regions.count == 7, "every region of three segments, empty ones too")
        #expect(Set(regions.filter { $0.count == 1 }.map(\.label)) == ["VIP only", "VIP ∩ Pro, not Trial", "VIP ∩ Pro ∩ Trial", "Trial only"])
        #expect(Set(regions.filter { $0.count == 0 }.map(\.label)) == ["Pro only", "VIP ∩ Trial, not Pro", "Pro ∩ Trial, not VIP"])
        #expect(regions.filter { $0.count == 1 }.allSatisfy { $0.atLeast && abs($0.share - 0.25) < 0.001 })
        #expect(OverlapPane.rows(regions).first?.cells[1] == "≥1", "a partial read is a lower bound, and says so")
    }
}
