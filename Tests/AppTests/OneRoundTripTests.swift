import CustomerIO
import Testing
import TerminalUI
@testable import App

/// An email, id or cio_id typed: the profile's sections are asked for with the lookup, so Enter on the one person
/// found opens a profile already loading, in one round trip instead of two.
@Suite struct OneRoundTripTests {
    static func search(_ text: String) -> (Reducer, [Effect]) {
        var app = Reducer(size: Size(width: 120, height: 30))
        app.press(.character("2"), .character("/"))
        app.type(text)
        let effects = app.press(.enter)
        return (app, effects)
    }

    @Test func anEmailAsksForTheProfileWithTheLookup() {
        var (app, effects) = Self.search("ada@example.com")
        let route = Route.detail(.customers, key: .person(PersonKey("ada@example.com", .email)))
        #expect(effects.first == .loadList(.customers, refresh: false, query: .customers("ada@example.com")))
        let sections = effects.compactMap { effect -> SectionID? in
            if case .loadSection(route, let name, _, _) = effect { name } else { nil }
        }
        #expect(sections == PaneKind.customers.sections)

        // The lookup finds one person: their row is keyed by the email typed, and Enter asks for nothing more.
        let person = CustomerIdentifiers(id: "42", email: "ada@example.com", cioID: "a1b2c3")
        var row = CustomersPane.rows([person])[0]
        row.key = .person(PersonKey("ada@example.com", .email))
        app.send(.listPage(.customers, query: .customers("ada@example.com"), rows: [row], next: nil, appended: false))
        let opened = app.press(.enter)
        #expect(app.state.route == route)
        #expect(!opened.contains { if case .loadSection = $0 { true } else { false } }, "already asked for: \(opened)")
        #expect(app.state.details[route]?.isLoadingItem == false)
    }

    @Test func aNameOrAQueryAsksOnlyForTheList() {
        for text in ["Mendoza", "plan = pro", "Charles Mendoza"] {
            let (_, effects) = Self.search(text)
            #expect(effects == [.loadList(.customers, refresh: false, query: .customers(text))], "\(text)")
        }
        // A lone number could be an id: asked for by id alongside the search.
        let (_, byID) = Self.search("42")
        #expect(byID.contains { if case .loadSection(.detail(.customers, key: .person(PersonKey("42", .id))), _, _, _) = $0 { true } else { false } })
    }

    @Test func aProfileAskedForAheadFailsQuietly() {
        var (app, _) = Self.search("nobody@example.com")
        let route = Route.detail(.customers, key: .person(PersonKey("nobody@example.com", .email)))
        app.send(.sectionFailed(route, name: .attributes, message: "HTTP 404"))
        #expect(app.state.flash?.level != .error, "no error for a profile nobody opened")
        #expect(app.state.details[route]?.sections[.attributes] == .failed("HTTP 404", previous: nil))
    }
}

/// Before any search, Customers lists the people opened this session, newest first, each opening again.
@Suite struct RecentPeopleTests {
    @Test func peopleOpenedElsewhereAreListedOnCustomers() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            #expect(app.driver.text.contains("Press / and type an email"))
            // A person opened from a message, not from Customers.
            try await app.driver.press(.character("6"))
            try await app.driver.press(.enter)
            let person = try await app.selectLine("Person") { $0.key == "Person" }
            try await app.driver.press(.enter)
            let route = try #require(person.link)
            #expect(app.driver.state.route == route)
            try await app.driver.press(.character("2"))
            let rows = app.driver.state.currentList.loadedRows
            #expect(rows.map { Route.detail(.customers, key: $0.key) } == [route])
            #expect(app.lines[1].contains("Customers › opened this session"))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == route)
        }
    }
}

/// On the sandbox: the lookup by email and the profile asked for alongside it share no cache entry, and Enter on
/// the one person found shows a profile loaded by the same requests.
@Suite struct OneRoundTripSandboxTests {
    @Test func anEmailLooksUpAndOpensInOneGo() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            let email = try #require(try await app.client.customerProfile(id: "1").identifiers?.email)
            try await CustomerSearchTests.find(email, in: app)
            let rows = app.driver.state.currentList.loadedRows
            #expect(rows.map(\.key) == [.person(PersonKey(email, .email))], "\(app.driver.text)")
            let profiles = app.probe.requests().filter { $0.path.hasSuffix("/attributes") && $0.path.hasPrefix("/v1/customers/") }.count
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.customers, key: .person(PersonKey(email, .email))))
            guard case .loaded? = app.driver.state.details[app.driver.state.route]?.sections[.attributes] else {
                Issue.record("attributes not loaded: \(app.driver.text)")
                return
            }
            #expect(app.probe.requests().filter { $0.path.hasSuffix("/attributes") && $0.path.hasPrefix("/v1/customers/") }.count == profiles, "nothing asked again on Enter")
        }
    }
}
