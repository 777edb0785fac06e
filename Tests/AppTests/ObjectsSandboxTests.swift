import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// Objects from the app: found by their attributes, opened with their attributes and people, and the jumps both
/// ways between an object and its people.
@Suite struct ObjectsSandboxTests {
    @Test func anObjectFoundByNameOpensItsPeopleAndBack() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character(":"))
            try await app.driver.type("objects")
            try await app.driver.press(.enter)
            let all = app.driver.state.currentList.loadedRows
            let types = Set(all.compactMap { row -> String? in if case .object(let type, _)? = row.item { type } else { nil } })
            #expect(types == ["1", "2"])

            // Person 1's account, by the name the API gives it.
            let related = try #require(try await app.client.customerRelationships(id: "1").cioRelationships.first { $0.objectTypeID == 1 })
            let objectID = try #require(related.identifiers?.objectID)
            let name = try #require(try await app.client.objectAttributes(typeID: "1", id: objectID).name)
            try await app.driver.press(.character("e"))
            try await app.driver.type("name = \"\(name)\"")
            try await app.driver.press(.enter)
            let found = app.driver.state.currentList.loadedRows
            #expect(found.map(\.key) == [.object(typeID: "1", id: objectID)])

            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.objects, key: .object(typeID: "1", id: objectID)))
            #expect(app.detailLines.contains { $0.key == "name" && $0.value == name })
            let people = try await app.client.objectPeople(typeID: "1", id: objectID).people
            #expect(people.contains { $0.id == "1" })
            let person = try await app.selectLine("person 1") { $0.link == .detail(.customers, key: .person(PersonKey("a3000001", .cioID))) }
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == person.link)

            // And back: the profile's Relationships name the account and open it.
            let line = try await app.selectLine("the account") { $0.link == .detail(.objects, key: .object(typeID: "1", id: objectID)) }
            #expect(line.value.hasPrefix("\(name) (\(objectID))"))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.objects, key: .object(typeID: "1", id: objectID)))
        }
    }

    @Test func aSegmentConditionIsRefusedForObjects() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character(":"))
            try await app.driver.type("objects")
            try await app.driver.press(.enter)
            try await app.driver.press(.character("e"))
            try await app.driver.type("segment 3")
            try await app.driver.press(.enter)
            #expect(app.driver.state.flash?.text.contains("objects cannot be filtered by segment") == true)
        }
    }
}

/// A list asked again under a new query asks for its rows' lazy cells again, though the same rows were shown
/// before (their names filled) under the old one.
@Suite struct FreshListCellsTests {
    @Test func objectsOfOneTypeGetTheirNamesAgain() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character(":"))
            try await app.driver.type("objects")
            try await app.driver.press(.enter)
            #expect(app.driver.state.currentList.selectedRow?.cells[3] != "…")
            try await app.driver.press(.character("t"))
            #expect(app.driver.state.objectsQuery.typeID == "1")
            let first = try #require(app.driver.state.currentList.selectedRow)
            #expect(first.cells[3] != "…", "the name loads again for the new list: \(first.cells)")
        }
    }
}
