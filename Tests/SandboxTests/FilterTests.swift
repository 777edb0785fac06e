import CustomerIO
import Foundation
import Testing
@testable import Sandbox

/// Filter evaluation against the people table, checked row by row against a direct reading of the grammar.
@Suite struct FilterTests {
    static let data = SandboxDataset.generate(customers: 4_000, seed: 11, anchor: Date(timeIntervalSince1970: 1_790_000_000))

    func store() -> SandboxWorkspace {
        SandboxWorkspace(data: Self.data, clock: SandboxClock(), exportSeconds: 0)
    }

    /// The slow, obvious evaluation: one person at a time.
    func naive(_ filter: AudienceFilter, _ row: Int, _ store: SandboxWorkspace) -> Bool {
        let customers = Self.data.customers
        switch filter {
        case .and(let parts): return parts.allSatisfy { naive($0, row, store) }
        case .or(let parts): return parts.contains { naive($0, row, store) }
        case .not(let inner): return !naive(inner, row, store)
        case .segment(let id): return store.membership(id)?.bits.contains(row) ?? false
        case .attribute(let field, .exists): return customers.attribute(field, row) != nil
        case .attribute(let field, .equals(let value)): return customers.attribute(field, row) == value
        }
    }

    func check(_ filter: AudienceFilter, expectSome: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        let store = store()
        let bits = store.evaluate(filter)
        let expected = (0 ..< Self.data.customers.count).filter { naive(filter, $0, store) }
        #expect(bits.rows.map(Int.init) == expected, sourceLocation: sourceLocation)
        if expectSome { #expect(!expected.isEmpty, sourceLocation: sourceLocation) }
    }

    @Test func attributeEquality() {
        check(.attribute(field: "plan", condition: .equals("pro")))
        check(.attribute(field: "country", condition: .equals("DE")))
        check(.attribute(field: "city", condition: .equals("London")))
        check(.attribute(field: "language", condition: .equals("fr")))
        check(.attribute(field: "first_name", condition: .equals(Self.data.customers.firstNameText(5))))
        check(.attribute(field: "email", condition: .equals(Self.data.customers.email(42))))
        check(.attribute(field: "id", condition: .equals("4000")))
        check(.attribute(field: "lifetime_value", condition: .equals(Self.data.customers.lifetimeValueText(3))))
        check(.attribute(field: "plan", condition: .equals("platinum")), expectSome: false)
        check(.attribute(field: "no_such_field", condition: .equals("x")), expectSome: false)
    }

    @Test func attributeExistence() {
        check(.attribute(field: "phone", condition: .exists))
        check(.attribute(field: "unsubscribed", condition: .exists))
        check(.attribute(field: "email", condition: .exists))
        check(.attribute(field: "favourite_colour", condition: .exists), expectSome: false)
    }

    @Test func combinations() {
        let pro = AudienceFilter.attribute(field: "plan", condition: .equals("pro"))
        let german = AudienceFilter.attribute(field: "country", condition: .equals("DE"))
        let phone = AudienceFilter.attribute(field: "phone", condition: .exists)
        check(.and([pro, german]))
        check(.or([pro, german]))
        check(.not(pro))
        check(.and([.or([pro, german]), .not(phone)]))
        check(.or([.and([pro, phone]), .not(.or([german, .attribute(field: "plan", condition: .equals("free"))]))]))
        check(.and([]), expectSome: true)
        check(.or([]), expectSome: false)
    }

    @Test func segmentsInFilters() {
        let store = store()
        let pro = store.evaluate(.attribute(field: "plan", condition: .equals("pro")))
        #expect(store.evaluate(.segment(id: SegmentCatalog.proPlan)) == pro)
        // "Pro in Germany" is itself defined through two other segments.
        let proInGermany = store.evaluate(.segment(id: SegmentCatalog.proInGermany))
        let direct = store.evaluate(.and([.attribute(field: "plan", condition: .equals("pro")), .attribute(field: "country", condition: .equals("DE"))]))
        #expect(proInGermany == direct)
        #expect(proInGermany.cardinality > 0)
        check(.and([.segment(id: SegmentCatalog.betaTesters), .not(.segment(id: SegmentCatalog.freeUsers))]))
        #expect(store.evaluate(.segment(id: 9_999)).cardinality == 0)
    }

    @Test func manualSegmentChangesAreSeen() throws {
        let store = store()
        let before = store.membership(SegmentCatalog.supportEscalations)!.rows
        let outsider = (0 ..< Int32(Self.data.customers.count)).first { !before.contains($0) }!
        try store.changeMembers(segment: SegmentCatalog.supportEscalations, rows: [outsider], .add)
        #expect(store.membership(SegmentCatalog.supportEscalations)!.bits.contains(Int(outsider)))
        #expect(store.search(.segment(id: SegmentCatalog.supportEscalations)).contains(outsider))
        try store.changeMembers(segment: SegmentCatalog.supportEscalations, rows: [outsider], .remove)
        #expect(store.membership(SegmentCatalog.supportEscalations)!.rows == before)
        #expect(throws: APIFailure.self) { try store.changeMembers(segment: SegmentCatalog.proPlan, rows: [0], .add) }
    }

    @Test func filtersDecodeFromTheWireGrammar() throws {
        let json = #"{"and":[{"attribute":{"field":"plan","operator":"eq","value":"pro"}},{"not":{"segment":{"id":5}}}]}"#
        let filter = try SandboxJSON.parse(Array(json.utf8))!.decode(AudienceFilter.self)
        #expect(filter == .and([.attribute(field: "plan", condition: .equals("pro")), .not(.segment(id: 5))]))
        check(filter)
    }
}
