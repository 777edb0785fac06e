import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// Acting on a person from their profile, from the reducer alone: `a` lists the actions, a form plans exactly the
/// Track v2 write the review shows (a diff for attributes, a typed confirmation for a delete), a planning answer
/// that arrives after the user left opens nothing, and read-only refuses before anything is built.
@Suite struct PersonActionTests {
    static let route = Route.detail(.customers, key: .person(PersonKey("7", .id)))
    static let profile = CustomerProfile(id: "7", identifiers: CustomerIdentifiers(id: "7", email: "c.mendoza@libero.it", cioID: "a3000007"),
                                         attributes: ["plan": .string("free"), "nickname": .string("Cami"), "email": .string("c.mendoza@libero.it")],
                                         unsubscribed: false, devices: [Device(id: "tok-ios-1", platform: "ios", lastUsed: 1_764_000_000)])

    /// A reducer on Carla's loaded profile.
    static func onProfile(readOnly: Bool = false, track: Bool = true) -> Reducer {
        var reducer = Reducer(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true, isReadOnly: readOnly, hasTrackCredentials: track))
        reducer.state.now = 100
        reducer.state.navigation.switchTo(.customers)
        reducer.state.navigation.push(route)
        reducer.state.details[route] = DetailPaneState(row: ListRow(key: .person(PersonKey("7", .id)), cells: ["7", "c.mendoza@libero.it", "a3000007", "…", "…", "…"]), pane: .customers)
        reducer.send(.profileLoaded(route, profile))
        return reducer
    }

    /// `a`, then the menu line for `action`.
    static func choose(_ action: PersonAction, _ reducer: inout Reducer) -> [Effect] {
        #expect(reducer.press(.character("a")).isEmpty)
        guard case .choosing(let choice) = reducer.state.mode else {
            Issue.record("a opened \(reducer.state.mode)")
            return []
        }
        #expect(choice.options?.count == PersonAction.offered(bulk: false).count)
        let index = PersonAction.offered(bulk: false).firstIndex(of: action)!
        for _ in 0..<index { reducer.press(.down) }
        return reducer.press(.enter)
    }

    static func requested(_ effects: [Effect]) -> (PlannedWrite, Int)? {
        guard case .checkWrite(let write, let ticket)? = effects.first, effects.count == 1 else { return nil }
        return (write, ticket)
    }

    @Test func editingAttributesPlansAnUpdateOnlyIdentifyWithADiff() throws {
        var reducer = Self.onProfile()
        #expect(Self.choose(.editAttributes, &reducer).isEmpty)
        reducer.type(#"plan=pro score:=42 first_name="Carla Maria" -nickname"#)
        let (write, _) = try #require(Self.requested(reducer.press(.enter)), "Enter on the only field asks for the review")
        #expect(write.endpoint == "POST /api/v2/entity")
        #expect(write.api == .track)
        let body = try #require(write.body.map { String(decoding: $0, as: UTF8.self) })
        #expect(body == #"{"action":"identify","attributes":{"_update":true,"first_name":"Carla Maria","nickname":null,"plan":"pro","score":42},"identifiers":{"id":"7"},"type":"person"}"#)
        #expect(write.summary.contains("plan: “free” → “pro”"))
        #expect(write.summary.contains("nickname: “Cami” → removed"))
        #expect(write.summary.contains("score: (not set) → 42"))
        guard case .track(action: "editAttributes", person: "id 7", reload: Self.route) = write.kind else {
            Issue.record("kind \(write.kind)")
            return
        }
    }

    @Test func aBadEditSaysWhatIsWrongAndPlansNothing() {
        var reducer = Self.onProfile()
        _ = Self.choose(.editAttributes, &reducer)
        reducer.type("score:=4x2")
        #expect(reducer.press(.enter).isEmpty)
        #expect(reducer.state.flash?.text.contains("is not JSON") == true)
        guard case .acting(let form) = reducer.state.mode else {
            Issue.record("the form closed: \(reducer.state.mode)")
            return
        }
        #expect(form.value(.changes) == "score:=4x2", "what was typed is kept")
        #expect(TrackFormView.lines(form, theme: reducer.state.theme).0.contains { $0.0.contains("Not ready: attributes.score") })
    }

    @Test func anEventCarriesAFreshULIDAndCheckedData() throws {
        var reducer = Self.onProfile()
        _ = Self.choose(.event, &reducer)
        reducer.type("purchased")
        reducer.press(.tab)
        reducer.type(#"{"sku": "A-1""#)
        guard case .acting(let broken) = reducer.state.mode else { Issue.record("no form"); return }
        #expect(broken.fields[1].problem != nil, "the JSON is checked as it is typed")
        reducer.type("}")
        let effects = reducer.press(.control("s"))
        let (write, _) = try #require(Self.requested(effects))
        let body = try #require(write.body.flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] })
        #expect(body["name"] as? String == "purchased")
        #expect((body["attributes"] as? [String: String])?["sku"] == "A-1")
        #expect(TrackValidation.isULID(body["id"] as? String ?? ""))
    }

    @Test func deleteWaitsForTheIdentifierTyped() throws {
        var reducer = Self.onProfile()
        _ = Self.choose(.delete, &reducer)
        reducer.type("8")
        #expect(reducer.press(.enter).isEmpty)
        #expect(reducer.state.flash?.text.contains("type 7 exactly") == true)
        reducer.press(.backspace)
        reducer.type("7")
        let (write, _) = try #require(Self.requested(reducer.press(.enter)))
        #expect(String(decoding: write.body ?? Data(), as: UTF8.self) == #"{"action":"delete","identifiers":{"id":"7"},"type":"person"}"#)
        #expect(write.summary.contains { $0.hasPrefix("Lost: 3 attributes, 1 device") })
    }

    @Test func suppressGoesStraightToTheReviewAndSaysTheProfileGoes() throws {
        var reducer = Self.onProfile()
        let (write, _) = try #require(Self.requested(Self.choose(.suppress, &reducer)))
        #expect(write.title == "Suppress a person")
        #expect(write.warnings.contains("This deletes the profile. It cannot be undone."))
        #expect(String(decoding: write.body ?? Data(), as: UTF8.self) == #"{"action":"suppress","identifiers":{"id":"7"},"type":"person"}"#)
    }

    @Test func mergeShowsWhoSurvivesAndCanSwap() throws {
        var reducer = Self.onProfile()
        _ = Self.choose(.merge, &reducer)
        reducer.type("old@example.com")
        reducer.press(.tab)
        reducer.press(.enter)  // the choice: the other profile survives
        let (write, _) = try #require(Self.requested(reducer.press(.control("s"))))
        #expect(write.summary.first == "Survives (primary): email old@example.com")
        #expect(write.compare == [.email("old@example.com"), .id("7")])
        #expect(String(decoding: write.body ?? Data(), as: UTF8.self) == #"{"action":"merge","primary":{"email":"old@example.com"},"secondary":{"id":"7"},"type":"person"}"#)
    }

    @Test func aPlanningAnswerAfterTheUserLeftTheFormOpensNothing() throws {
        var reducer = Self.onProfile()
        _ = Self.choose(.editAttributes, &reducer)
        reducer.type("plan=pro")
        let (write, ticket) = try #require(Self.requested(reducer.press(.enter)))
        reducer.type("x")  // the form changed after the review was asked for
        reducer.send(.writePlanned(write, ticket: ticket))
        guard case .acting = reducer.state.mode else {
            Issue.record("a stale answer opened \(reducer.state.mode)")
            return
        }
        // Asked again, it opens; `e` goes back to the form as it was, `n` sends nothing.
        let (again, next) = try #require(Self.requested(reducer.press(.enter)))
        reducer.send(.writePlanned(again, ticket: next))
        guard case .reviewing(let review) = reducer.state.mode else { Issue.record("no review"); return }
        #expect(review.form?.value(.changes) == "plan=prox")
        reducer.send(.tick(now: 102))
        #expect(reducer.press(.enter).isEmpty, "Enter never sends")
        reducer.press(.character("e"))
        guard case .acting(let form) = reducer.state.mode else { Issue.record("e did not return to the form"); return }
        #expect(form.value(.changes) == "plan=prox")
    }

    @Test func readOnlyRefusesBeforeAnythingIsBuilt() {
        var reducer = Self.onProfile(readOnly: true)
        #expect(reducer.press(.character("a")).isEmpty)
        #expect(reducer.state.mode == .browsing)
        #expect(reducer.state.flash?.text.contains("read-only") == true)
    }

    @Test func withoutTrackCredentialsItSaysWhatToSet() {
        var reducer = Self.onProfile(track: false)
        reducer.press(.character("a"))
        #expect(reducer.state.mode == .browsing)
        #expect(reducer.state.flash?.text.contains("CUSTOMERIO_TRACK_API_KEY") == true)
    }

    @Test func unavailableActionsSayWhy() {
        var reducer = Self.onProfile()
        #expect(Self.choose(.resubscribe, &reducer).isEmpty)
        #expect(reducer.state.flash?.text.contains("they are not unsubscribed") == true)
    }

    @Test func unsuppressStartsFromTheIdentifierWithItsType() throws {
        let person = TrackPerson(identifier: .cioID("a3000007"), label: "a3000007")
        let write = try TrackForm.filled(.unsuppress, person: person, values: [:]).plan.get()
        #expect(String(decoding: write.body ?? Data(), as: UTF8.self) == #"{"action":"unsuppress","identifiers":{"cio_id":"a3000007"},"type":"person"}"#)
    }

    @Test func attributeEditsReadLikeHttpie() throws {
        let changes = try AttributeChanges.parse(#"a=1 b:=1 c:=true d:=null "e f"=g\ h -i j= k@=2026-12-31"#)
        let attributes = changes.attributes
        #expect(attributes["a"] == .string("1"))
        #expect(attributes["b"] == .number(1))
        #expect(attributes["c"] == .bool(true))
        #expect(attributes["d"] == .null)
        #expect(attributes["e f"] == .string("g h"))
        #expect(attributes["i"] == .null)
        #expect(attributes["j"] == .null)
        #expect(attributes["k"] == .number(Double(AttributeChanges.time("2026-12-31 00:00")!)))
        #expect(changes.changes.map(\.name) == ["a", "b", "c", "d", "e f", "i", "j", "k"])
        #expect(throws: TrackProblem.self) { try AttributeChanges.parse("plan") }
        #expect(throws: TrackProblem.self) { try AttributeChanges.parse("k@=tomorrow") }
        #expect(throws: TrackProblem.self) { try AttributeChanges.parse(#"a="open"#) }
    }
}

/// Marked people and one write to all of them: space and `*` mark, `a` offers what applies to many, and the review
/// counts them, lists the first, splits them into batches and asks for the count typed above 100.
@Suite struct BulkActionTests {
    /// The Customers list with `count` people loaded.
    static func customers(_ count: Int) -> Reducer {
        var reducer = Reducer(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true, hasTrackCredentials: true))
        reducer.state.now = 100
        reducer.state.navigation.switchTo(.customers)
        let rows = (1...count).map { number in
            ListRow(key: .person(PersonKey("\(number)", .id)), cells: ["\(number)", "p\(number)@example.com", "", "", "", ""],
                    item: .person(CustomerIdentifiers(id: "\(number)", email: "p\(number)@example.com")))
        }
        reducer.state.lists[.customers, default: ListPaneState()].setRows(rows, visibleRows: 20, keepingColumns: [])
        return reducer
    }

    @Test func spaceMarksAndMovesOnStarMarksAllShownThenClears() {
        var reducer = Self.customers(5)
        reducer.press(.character(" "), .character(" "))
        #expect(reducer.state.currentList.marked == [.person(PersonKey("1", .id)), .person(PersonKey("2", .id))])
        #expect(reducer.state.flash?.text.hasPrefix("2 marked") == true)
        reducer.press(.up)
        reducer.press(.character(" "))
        #expect(reducer.state.currentList.marked == [.person(PersonKey("1", .id))], "space on a marked row unmarks it")
        reducer.press(.character("*"))
        #expect(reducer.state.currentList.marked.count == 5)
        #expect(AppView.render(reducer.state).text.contains("● 5 marked"))
        reducer.send(.tick(now: 1_000))  // the flash is gone; the status bar still says it
        #expect(AppView.render(reducer.state).text.components(separatedBy: "\n").last?.contains("● 5 marked a acts on them") == true)
        reducer.press(.character("*"))
        #expect(reducer.state.currentList.marked.isEmpty)
    }

    @Test func suppressingAMarkedSetAbove100AsksForTheCountAndSplitsNothingSmall() throws {
        var reducer = Self.customers(150)
        reducer.press(.character("*"))
        reducer.press(.character("a"))
        guard case .choosing(let choice) = reducer.state.mode else { Issue.record("no menu: \(reducer.state.mode)"); return }
        #expect(choice.title.hasPrefix("Act on the 150 marked"))
        #expect(choice.options?.map(\.value) == PersonAction.offered(bulk: true).map(\.rawValue))
        let index = PersonAction.offered(bulk: true).firstIndex(of: .suppress)!
        for _ in 0..<index { reducer.press(.down) }
        let effects = reducer.press(.enter)
        guard case .checkWrite(let write, _)? = effects.first else { Issue.record("asked \(effects)"); return }
        #expect(write.confirmCount == 150)
        #expect(write.reach == 150)
        #expect(write.parts.count == 1)
        #expect(write.parts[0].people.count == 150)
        #expect(write.endpoint == "POST /api/v2/batch")
        #expect(write.summary.contains("150 people, the first 10:"))
        #expect(write.summary.contains("  … and 140 more"))
        #expect(write.prettyBody.contains("… and 147 more in this request"))
        guard case .trackBatch(action: "suppress", people: 150) = write.kind else { Issue.record("kind \(write.kind)"); return }
        // The review is far longer than 80×24: what to type and the keys stay at the bottom, under the body.
        guard case .checkWrite(_, let ticket)? = effects.first else { return }
        reducer.send(.writePlanned(write, ticket: ticket))
        reducer.send(.tick(now: 200))
        let bottom = AppView.render(reducer.state).text.components(separatedBy: "\n").suffix(4).joined(separator: "\n")
        #expect(bottom.contains("Type 150 and press y to send to that many people"), "\(bottom)")
        #expect(bottom.contains("y send · n / Esc abort"))
        #expect(bottom.contains("(↓ more)"))
    }

    @Test func addingMarkedPeopleToASegmentIsTheV1CallPerThousand() throws {
        var reducer = Self.customers(1_200)
        reducer.press(.character("*"))
        reducer.press(.character("a"))
        let index = PersonAction.offered(bulk: true).firstIndex(of: .addToSegment)!
        for _ in 0..<index { reducer.press(.down) }
        reducer.press(.enter)
        reducer.type("13")
        guard case .checkWrite(let write, _)? = reducer.press(.enter).first else { Issue.record("no review asked"); return }
        #expect(write.parts.map(\.endpoint) == ["POST /api/v1/segments/13/add_customers?id_type=id", "POST /api/v1/segments/13/add_customers?id_type=id"])
        #expect(write.parts.map(\.people.count) == [1_000, 200])
    }

    @Test func twoMarkedPeopleCanBeMergedTheFirstSurviving() throws {
        var reducer = Self.customers(3)
        reducer.press(.character(" "))
        reducer.press(.down)
        reducer.press(.character(" "))
        #expect(reducer.state.currentList.marked == [.person(PersonKey("1", .id)), .person(PersonKey("3", .id))])
        reducer.press(.character("a"))
        let offered = PersonAction.offered(bulk: true, marked: 2)
        #expect(offered.last == .merge)
        for _ in 0..<(offered.count - 1) { reducer.press(.down) }
        reducer.press(.enter)
        guard case .checkWrite(let write, _)? = reducer.press(.control("s")).first else { Issue.record("no review asked: \(reducer.state.mode)"); return }
        #expect(write.summary.first == "Survives (primary): id 1")
        #expect(write.compare == [.id("1"), .id("3")])
        #expect(PersonAction.offered(bulk: true, marked: 3).contains(.merge) == false)
    }

    @Test func aBulkReviewAnsweredAfterTheMarksChangedOpensNothing() throws {
        var reducer = Self.customers(5)
        reducer.press(.character("*"))
        reducer.press(.character("a"))
        for _ in 0..<PersonAction.offered(bulk: true).firstIndex(of: .suppress)! { reducer.press(.down) }
        guard case .checkWrite(let write, let ticket)? = reducer.press(.enter).first else { Issue.record("no review asked"); return }
        reducer.press(.character(" "))  // one mark fewer before the plan comes back
        reducer.send(.writePlanned(write, ticket: ticket))
        #expect(reducer.state.mode == .browsing, "a review for the old marks never opens")
        #expect(reducer.state.flash?.text == "No review: you moved on; nothing was sent")
    }

    @Test func bulkEventsGetTheirOwnStableIds() {
        let base = "01JDQ7Z0000000000000000000"
        let first = ULID.derived(from: base, index: 0)
        #expect(TrackValidation.isULID(first))
        #expect(first != ULID.derived(from: base, index: 1))
        #expect(first == ULID.derived(from: base, index: 0), "the same form sends the same ids again")
    }
}

/// Reviews name what they change: topics by their names with the setting now, two profiles side by side.
@Suite struct ReviewNamingTests {
    @Test func topicsAreNamedWithTheirSettingNow() throws {
        let person = TrackPerson(identifier: .id("7"), label: "7")
        var write = try TrackForm.filled(.topics, person: person, values: [.topics: "2=off 5=on"]).plan.get()
        #expect(String(decoding: write.body ?? Data(), as: UTF8.self).contains(#""cio_subscription_preferences.topics.topic_2":false"#))
        #expect(write.topics?.lines == ["topic_2: unsubscribed", "topic_5: subscribed"])
        write.topics?.names = [2: "Promotions", 5: "Product news"]
        write.topics?.current = [2: true, 5: false]
        #expect(write.topics?.lines == ["Promotions (topic_2): subscribed → unsubscribed", "Product news (topic_5): unsubscribed → subscribed"])
        let lines = ReviewView.writeLines(write, session: SessionInfo(profile: "demo", region: "sandbox")).map(\.0)
        #expect(lines.contains("   Promotions (topic_2): subscribed → unsubscribed"))
    }

    @Test func twoProfilesSideBySideSayWhoStays() {
        let primary = CustomerProfile(id: "1", attributes: ["plan": "pro", "city": "Rome"], devices: [Device(id: "t1")])
        let secondary = CustomerProfile(id: "2", attributes: ["plan": "free", "nickname": "Bo"])
        let lines = ProfileComparison.lines(people: [.id("1"), .email("bo@example.com")], profiles: [primary, secondary])
        #expect(lines[1].hasPrefix(String(repeating: " ", count: 24) + "PRIMARY (stays)"))
        #expect(lines[1].contains("SECONDARY (goes)"))
        #expect(lines.contains { $0.hasPrefix("plan") && $0.contains("pro") && $0.contains("free") })
        #expect(lines.contains { $0.hasPrefix("nickname") && $0.contains("—") && $0.contains("Bo") })
        #expect(lines.contains { $0.hasPrefix("devices") && $0.contains("1") && $0.contains("0") })
        #expect(lines.allSatisfy { $0.count <= 72 }, "fits 80 columns with the review's indent")
    }

    @Test func theCLIsCreateSendsNoUpdateFlag() throws {
        var form = TrackForm.filled(.editAttributes, person: TrackPerson(identifier: .id("new-1"), label: "new-1"), values: [.changes: "plan=free"])
        form.createsPeople = true
        let body = String(decoding: try form.plan.get().body ?? Data(), as: UTF8.self)
        #expect(body == #"{"action":"identify","attributes":{"plan":"free"},"identifiers":{"id":"new-1"},"type":"person"}"#)
    }
}
