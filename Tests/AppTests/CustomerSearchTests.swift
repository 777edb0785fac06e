import CustomerIO
import Testing
import TerminalUI
@testable import App

/// The Customers search line: an email, an identifier or a query, each answered by the sandbox.
@Suite struct CustomerSearchTests {
    @Test func whatWasTypedDecidesTheKindOfSearch() {
        #expect(CustomerSearch("jane@example.com") == .email("jane@example.com"))
        // A lone word could be anyone's id, cio_id or name: one search covers them all.
        #expect(CustomerSearch("42") == .words("42"))
        #expect(CustomerSearch("Mendoza") == .words("Mendoza"))
        #expect(CustomerSearch("Charles Mendoza") == .words("Charles Mendoza"))
        // Written as a person key, it is that identifier.
        #expect(CustomerSearch("id:42") == .identifier("42", .id))
        #expect(CustomerSearch("cio_id:a3000001") == .identifier("a3000001", .cioID))
        #expect(CustomerSearch("email:jane@example.com") == .email("jane@example.com"))
        // What the filter language reads is a query, even without an operator.
        #expect(CustomerSearch("has phone") == .query("has phone"))
        #expect(CustomerSearch("segment 3") == .query("segment 3"))
        #expect(CustomerSearch("plan = pro and has phone") == .query("plan = pro and has phone"))
        #expect(CustomerSearch("plan=pro") == .query("plan=pro"))
    }

    static func find(_ text: String, in app: DrivenApp) async throws {
        try await app.driver.press(.character("/"), .control("u"))
        try await app.driver.type(text)
        try await app.driver.press(.enter)
    }

    @Test func searchesByIdByQueryAndReportsBadQueries() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            #expect(app.driver.text.contains("Press / and type an email, a name, an id or cio_id, or a query"))

            try await Self.find("1", in: app)
            let byID = app.driver.state.currentList.loadedRows
            #expect(byID.count == 1)
            #expect(byID.first?.cells[0] == "1")
            let email = try #require(byID.first?.cells[1])

            try await Self.find(email, in: app)
            #expect(app.driver.state.currentList.loadedRows.contains { $0.cells[0] == "1" })

            try await Self.find("no-such-person-xyz", in: app)
            #expect(app.driver.state.currentList.loadedRows.isEmpty)
            #expect(app.driver.text.contains("No exact match for “no-such-person-xyz”"))

            try await Self.find("plan = pro", in: app)
            let query = try FilterQuery.parse("plan = pro")
            let expected = try await app.client.searchCustomers(filter: query, limit: 200).identifiers
            #expect(!expected.isEmpty)
            #expect(app.driver.state.currentList.loadedRows.map { $0.cells[0] } == expected.map { $0.id ?? "—" })
            #expect(app.driver.text.contains("Customers › plan = pro"))

            try await Self.find("plan = = pro", in: app)
            #expect(app.driver.state.flash?.level == .error)
            #expect(app.driver.state.flash?.text.contains("the query could not be read") == true)
        }
    }

    /// Several profiles can share an email (the sandbox's ids 998, 999 and 1000 do): searching it lists every one,
    /// and each opens its own profile, not the first one's.
    @Test func aSharedEmailListsEveryProfileAndEachOpensItsOwn() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            let profile = try await app.client.customerProfile(id: "998")
            let email = try #require(profile.attributes["email"]?.displayText)

            try await Self.find(email, in: app)
            let rows = app.driver.state.currentList.loadedRows
            #expect(rows.map { $0.cells[0] } == ["998", "999", "1000"])
            #expect(rows.allSatisfy { $0.cells[1] == email })
            #expect(Set(rows.map(\.key)).count == 3, "each row is keyed by its own cio_id")

            for row in rows {
                try await app.select(key: row.key)
                try await app.driver.press(.enter)
                #expect(app.driver.state.route == .detail(.customers, key: row.key))
                guard case .loaded(let attributes)? = app.driver.state.details[.detail(.customers, key: row.key)]?.sections[SectionID.attributes] else {
                    Issue.record("attributes of \(row.key) did not load")
                    continue
                }
                #expect(attributes.first { $0.key == "id" }?.value == row.cells[0])
                #expect(attributes.first { $0.key == "cio_id" }?.value == row.cells[2])
                #expect(attributes.first { $0.key == "email" }?.value == email)
                try await app.driver.press(.escape)
                #expect(app.driver.state.route == .list(.customers))
            }
        }
    }

    /// A query nested deeper than the API's filter schema is refused with the schema's reason, before sending.
    @Test func aQueryNestedTooDeepIsRefusedWithTheReason() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            try await Self.find("plan = pro and (country = DE or (has phone and city = Berlin))", in: app)
            #expect(app.driver.state.flash?.level == .error)
            let flash = app.driver.state.flash?.text ?? ""
            #expect(flash.contains("the query could not be read: the group `has phone and city = Berlin`"), "\(flash)")
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/customers") == 0, "nothing was sent")
        }
    }

    /// 2,000 nested parentheses in the search line once overflowed the stack; now the search says why it stops.
    @Test func aDeeplyNestedQueryIsRefusedWithAMessage() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            try await Self.find(String(repeating: "(", count: 2_000) + "plan = pro" + String(repeating: ")", count: 2_000), in: app)
            #expect(app.driver.state.flash?.level == .error)
            #expect(app.driver.state.flash?.text.contains("at most 16 nested parentheses") == true)
            #expect(app.probe.requestCount(method: "POST", pathPrefix: "/v1/customers") == 0, "nothing was sent")
            // The app goes on: an ordinary query after it works.
            try await Self.find("plan = pro", in: app)
            #expect(!app.driver.state.currentList.loadedRows.isEmpty)
        }
    }
}

/// A Customers query pages as the selection nears the end of what has loaded.
@Suite struct CustomerPagingTests {
    @Test func aQueryPagesThroughEveryMatch() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            try await CustomerSearchTests.find("plan = free", in: app)
            var everyone: [CustomerIdentifiers] = []
            for try await person in app.client.allCustomers(matching: try FilterQuery.parse("plan = free"), pageSize: 1000) { everyone.append(contentsOf: person) }
            #expect(everyone.count > 400, "too few matches to need three pages")
            #expect(app.driver.state.currentList.loadedRows.count == 200)
            #expect(app.driver.text.contains("200 rows (more as you scroll)"))
            var presses = 0
            while app.driver.state.customersNext != nil, presses < 100 {
                try await app.driver.press(.character("G"))
                presses += 1
            }
            let searches = app.probe.requests().filter { $0.method == "POST" && $0.path == "/v1/customers" }.count
            #expect(app.driver.state.currentList.loadedRows.count == everyone.count)
            #expect(app.driver.state.currentList.loadedRows.map { $0.cells[0] } == everyone.map { $0.id ?? "—" })
            // One request per page of 200 for the app, plus this test's own pages of 1000.
            #expect(searches - (everyone.count + 999) / 1000 == (everyone.count + 199) / 200)
        }
    }

    /// What people type: a name, a first or last name alone, in one request over every field it could be; exact
    /// matching is said, with a suggestion, when nothing matches.
    @Test func aNameFindsThePeopleItNames() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            let profile = try await app.client.customerProfile(id: "1")
            let first = try #require(profile.attributes["first_name"]?.displayText)
            let last = try #require(profile.attributes["last_name"]?.displayText)

            func searches() -> Int { app.probe.requests().filter { $0.method == "POST" && $0.path == "/v1/customers" }.count }
            let before = searches()
            try await CustomerSearchTests.find("\(first) \(last)", in: app)
            #expect(searches() == before + 1, "one request")
            let byName = app.driver.state.currentList.loadedRows
            #expect(byName.contains { $0.item?.person?.id == "1" })
            // Everyone found has that first and last name (checked against the API, not the screen).
            let found = try await app.client.customerProfiles(ids: byName.compactMap { $0.item?.person?.id })
            #expect(found.allSatisfy { $0.attributes["first_name"]?.displayText == first && $0.attributes["last_name"]?.displayText == last })

            try await CustomerSearchTests.find(last, in: app)
            let byLast = app.driver.state.currentList.loadedRows
            #expect(byLast.count >= byName.count)
            #expect(byLast.contains { $0.item?.person?.id == "1" })

            try await CustomerSearchTests.find(last.lowercased(), in: app)
            if last.lowercased() != last {
                #expect(app.driver.state.currentList.loadedRows.isEmpty)
                #expect(app.driver.text.contains("No exact match for “\(last.lowercased())”"))
                #expect(app.driver.text.contains("try “\(last)”"))
            }
        }
    }
}

