import CustomerIO
import Foundation
import Testing
import TerminalUI
import Sandbox
@testable import App

/// The panes written as one file each (`PaneDefinition`), against the sandbox: Activities, Sender identities,
/// Collections and Snippets, opened from the palette, with their filters and jumps.
@Suite struct CatalogPaneTests {
    static func show(_ pane: String, in app: DrivenApp) async throws {
        try await app.driver.press(.character(":"))
        try await app.driver.type(pane)
        try await app.driver.press(.enter)
    }

    func activitiesRequests(_ app: DrivenApp) -> [SandboxRequestRecord] { app.probe.requests().filter { $0.path == "/v1/activities" } }

    @Test func activitiesFilterByTypeAndNameAndOpenTheirPerson() async throws {
        try await DrivenApp.with { app in
            try await Self.show("activities", in: app)
            #expect(app.driver.state.route == .list(.activities))
            let first = try await app.client.activities(limit: 100)
            #expect(Array(app.driver.state.currentList.loadedRows.prefix(first.activities.count)).map(\.key) == first.activities.map { RowKey.name($0.id) })
            #expect(app.lines[1].contains("Activities › all"))

            try await app.driver.press(.character("t"))
            #expect(activitiesRequests(app).last?.query["type"] == "event")
            let events = app.driver.state.currentList.loadedRows
            #expect(!events.isEmpty && events.allSatisfy { $0.cells[1] == "event" })

            let name = try #require(events.first?.cells[2])
            try await app.driver.press(.character("e"))
            #expect(app.lines.contains { $0.contains("name: ") })
            try await app.driver.type(name)
            try await app.driver.press(.enter)
            #expect(activitiesRequests(app).last?.query["name"] == name)
            #expect(app.driver.state.currentList.loadedRows.allSatisfy { $0.cells[1] == "event" && $0.cells[2] == name })
            #expect(app.lines[1].contains("Activities › event · “\(name)”"))

            try await app.driver.press(.enter)
            let person = try await app.selectLine("Person") { $0.key == "Person" }
            let route = try #require(person.link)
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == route)
            #expect(app.driver.state.details[route]?.isLoadingItem == false)
        }
    }

    @Test func anActivityAboutAMessageOpensThatDelivery() async throws {
        try await DrivenApp.with { app in
            try await Self.show("activities", in: app)
            // all → event → attribute_change → page → screen → sent_email
            for _ in 0..<5 { try await app.driver.press(.character("t")) }
            #expect(activitiesRequests(app).last?.query["type"] == "sent_email")
            try await app.driver.press(.enter)
            let delivery = try await app.selectLine("Delivery") { $0.key == "Delivery" }
            guard case .detail(.messages, let id)? = delivery.link else {
                Issue.record("no delivery link: \(String(describing: delivery.link))")
                return
            }
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.messages, key: id))
            #expect(app.driver.state.details[app.driver.state.route]?.isLoadingItem == false)
            #expect(!app.driver.text.contains("not found"))
        }
    }

    @Test func aSenderIdentitySaysWhereItIsUsedByName() async throws {
        try await DrivenApp.with { app in
            try await Self.show("senders", in: app)
            let senders = try await app.client.senderIdentities().senderIdentities
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == senders.map { RowKey.id($0.id) })
            let sender = try #require(senders.first)
            let usage = try await app.client.senderIdentityUsage(id: sender.id)
            let campaignID = try #require(usage.campaigns.first)
            let campaign = try await app.client.campaign(id: campaignID)
            try await app.driver.press(.enter)
            #expect(app.lines[1].contains("Sender identities › \(sender.name ?? "")"))
            let line = try await app.selectLine("its first campaign") { $0.key == "Campaign" }
            #expect(line.value == "\(campaign.name ?? "") (#\(campaignID))")
            #expect(app.detailLines.filter { $0.key == "Campaign" }.count == usage.campaigns.count)
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.campaigns, key: .id(campaignID)))
        }
    }

    @Test func collectionsAndSnippetsOpenWithTheirContent() async throws {
        try await DrivenApp.with { app in
            try await Self.show("collections", in: app)
            let collections = try await app.client.collections()
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == collections.map { RowKey.id($0.id) })
            try await app.driver.press(.enter)
            #expect(app.detailLines.contains { $0.isHeading && $0.key == SectionID.content.title })
            let content = try await app.client.collectionContent(id: try #require(collections.first?.id))
            guard case .array(let rows) = content, case .object(let firstRow)? = rows.first, let field = firstRow.keys.sorted().first else {
                Issue.record("unexpected content \(content)")
                return
            }
            #expect(app.detailLines.contains { $0.value.contains("\"\(field)\"") })

            try await Self.show("snippets", in: app)
            let snippets = try await app.client.snippets()
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == snippets.map { RowKey.name($0.name) })
            try await app.driver.press(.enter)
            let snippet = try #require(snippets.first)
            #expect(app.lines[1].contains("Snippets › \(snippet.name)"))
            #expect(app.detailLines.contains { $0.key == "In Liquid" && $0.value == "{{snippets.\(snippet.name)}}" })
            #expect(app.detailLines.contains { $0.key == "Value" && $0.value == (snippet.value ?? "").split(separator: "\n").first.map(String.init) })
        }
    }

    @Test func collectionNamesLiquidCannotReadAreNotOfferedAsReferences() {
        #expect(CollectionsPane.liquidName("coupon_codes") == "{{collection.coupon_codes}}")
        #expect(CollectionsPane.liquidName("upcoming events") == nil)
    }

    @Test func anActivitiesQuerySaysWhatItAsks() {
        let query = ActivitiesQuery(type: "event", name: "purchase")
        #expect(query.summary == "event · “purchase”")
        #expect(ActivitiesQuery().summary == "all")
        // Distinct queries never share the store's cache key.
        #expect(Set([query, ActivitiesQuery(type: "event"), ActivitiesQuery(name: "purchase"), ActivitiesQuery()].map(\.key)).count == 4)
    }
}
