import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// A message goes where its channel goes, to the person it names, by the identifier that names them.
@Suite struct ChannelAndIdentityTests {
    static let person = PersonPrefill(id: "7", email: "c.mendoza@libero.it", phone: "+393401234567", devices: 0)

    @Test func aCioIdOnlyPersonIsAddedToASegmentAsCioId() throws {
        var reducer = Reducer(session: SessionInfo(profile: "demo", region: "sandbox", isDemo: true, hasTrackCredentials: true))
        let route = Route.detail(.customers, key: .person(PersonKey("c0ffee01", .cioID)))
        reducer.state.navigation.switchTo(.customers)
        reducer.state.navigation.push(route)
        reducer.state.details[route] = DetailPaneState(row: ListRow(key: .person(PersonKey("c0ffee01", .cioID)), cells: ["—", "—", "c0ffee01", "—", "—", "—"]), pane: .customers)
        #expect(reducer.press(.character("+")) == [.loadManualSegments])
        reducer.send(.choiceOptions([ComposerState.Option(value: "13", label: "Beta testers (#13)")]))
        let effects = reducer.press(.enter)
        guard case .checkWrite(let write, _)? = effects.first else {
            Issue.record("Enter asked for \(effects)")
            return
        }
        #expect(write.endpoint == "POST /api/v1/segments/13/add_customers?id_type=cio_id")
        #expect(write.summary.first == "cio_id c0ffee01")
    }

    @Test func theLoadedProfileIsWhatWritesStartFromAndFillsItsCells() {
        var reducer = Reducer()
        let route = Route.detail(.customers, key: .person(PersonKey("c.mendoza@libero.it", .email)))
        reducer.state.navigation.switchTo(.customers)
        reducer.state.navigation.push(route)
        reducer.state.details[route] = DetailPaneState(row: ListRow(key: .person(PersonKey("c.mendoza@libero.it", .email)), cells: ["7", "c.mendoza@libero.it", "—", "…", "…", "…"]), pane: .customers)
        let profile = CustomerProfile(id: "7", identifiers: CustomerIdentifiers(id: "7", email: "c.mendoza@libero.it", cioID: "d00d"),
                                      attributes: ["first_name": .string("Carla"), "last_name": .string("Mendoza"), "phone": .string("+393401234567")],
                                      timestamps: ["created_at": 1_700_000_000], unsubscribed: false, devices: [])
        reducer.send(.profileLoaded(route, profile))
        let cells = reducer.state.details[route]?.row.cells ?? []
        #expect(cells[3] == "Carla Mendoza")
        #expect(!cells.contains("…"))
        #expect(SegmentWrites.personShown(reducer.state) == PersonPrefill(id: "7", email: "c.mendoza@libero.it", cioID: "d00d", phone: "+393401234567", devices: 0))
    }

    @Test func switchingTheChannelMovesTheRecipientWithIt() {
        var draft = ComposeDraft.to(person: Self.person, kind: .email)
        #expect(draft.to == "c.mendoza@libero.it")
        for (kind, expected) in [(ComposeDraft.Kind.push, ""), (.sms, "+393401234567"), (.email, "c.mendoza@libero.it")] {
            let before = draft
            draft.kind = kind
            ComposerUpdate.followChannel(&draft, from: before, person: Self.person)
            #expect(draft.to == expected, "\(kind)")
        }
        // Without a person, an address that does not fit the new channel is dropped rather than sent.
        var typed = ComposeDraft(kind: .email)
        typed.to = "someone@example.com"
        let before = typed
        typed.kind = .sms
        ComposerUpdate.followChannel(&typed, from: before, person: nil)
        #expect(typed.to == "")
    }

    @Test(arguments: [
        (TransactionalMessage.Channel.sms, "c.mendoza@libero.it", "not to c.mendoza@libero.it"),
        (.sms, "030 1234567", "E.164"),
        (.push, "c.mendoza@libero.it", "devices"),
        (.email, "+393401234567", "not one"),
    ])
    func aRecipientThatDoesNotFitItsChannelIsRefused(channel: TransactionalMessage.Channel, to: String, says: String) {
        let message = TransactionalMessage(channel: channel, template: .id(3), identifiers: .id("7"), to: to)
        #expect(message.problems().contains { $0.contains(says) }, "\(channel) to \(to): \(message.problems())")
    }

    @Test func recipientsThatFitAreAccepted() {
        #expect(TransactionalMessage.recipientMisfit("+393401234567", channel: .sms) == nil)
        #expect(TransactionalMessage.recipientMisfit("{{customer.phone}}", channel: .sms) == nil)
        #expect(TransactionalMessage.recipientMisfit("last_used", channel: .push) == nil)
        #expect(TransactionalMessage.recipientMisfit("a@example.com, b@example.com", channel: .email) == nil)
    }

    @Test func aPushToAPersonWithNoDevicesIsRefused() {
        var draft = ComposeDraft.to(person: Self.person, kind: .push)
        draft.template = "3"
        draft.to = "last_used"
        #expect(throws: WritePlanner.Problems.self) { try WritePlanner.plan(draft) }
        do {
            _ = try WritePlanner.plan(draft)
        } catch {
            #expect(error.messages.contains { $0.contains("no devices") })
        }
    }

    /// On the sandbox: a person with a phone, `c`, Send switched to push and then to sms. The recipient follows,
    /// the picker offers only SMS templates, and what leaves goes to the phone.
    @Test func anSMSFromAProfileGoesToThePhoneWithAnSMSTemplate() async throws {
        try await WritingApp.with { app in
            let id = try await app.openPerson("has phone and has email")
            let profile = try await app.app.client.customerProfile(id: id)
            let phone = try #require(profile.attributes["phone"]?.displayText)
            try await app.driver.press(.character("c"))
            #expect(app.composer?.draft?.to.contains("@") == true)
            try await app.edit(.kind)
            #expect(app.composer?.draft?.kind == .push)
            #expect(app.composer?.draft?.to == (profile.devices.isEmpty ? "" : "last_used"))
            try await app.edit(.kind)
            #expect(app.composer?.draft?.kind == .sms)
            #expect(app.composer?.draft?.to == phone)

            try await app.edit(.template)
            let options = try #require(app.composer?.picker?.options)
            #expect(!options.isEmpty)
            for option in options {
                let contents = try await app.app.client.transactionalContents(id: try #require(Int(option.value)))
                #expect(contents.contains { $0.type == "twilio" || $0.type == "sms" }, "\(option.label) is not an SMS template")
            }
            try await app.driver.press(.enter)
            try await app.driver.press(.character("s"))
            let review = try #require(app.review)
            #expect(review.write.endpoint == "POST /v1/send/sms")
            let body = try #require(review.write.request.body.flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] })
            #expect(body["to"] as? String == phone)
            try await app.confirm()
            guard case .finished(.done)? = app.review?.stage else {
                Issue.record("not sent: \(String(describing: app.review?.stage))")
                return
            }
        }
    }

    /// The profile's top-level `id` only echoes what was asked for: a person with no id is not given their email or
    /// cio_id as one, and a profile that lists no devices is "not known", not "none".
    @Test func aProfileWithoutAnIDIsNotGivenOne() throws {
        let json = #"{"id":"c0ffee01","identifiers":{"id":null,"email":null,"cio_id":"c0ffee01"},"attributes":{},"timestamps":{}}"#
        let profile = try JSONDecoder().decode(CustomerProfile.self, from: Data(json.utf8))
        let person = PersonPrefill(profile: profile)
        #expect(person.id == nil && person.cioID == "c0ffee01")
        #expect(person.devices == nil, "no devices field: not known")
        #expect(ComposeDraft.recipient(of: person, kind: .push) == "last_used")
    }

    @Test func aPushIsNotSentToAPhoneNumber() {
        #expect(TransactionalMessage.recipientMisfit("+393401234567", channel: .push) != nil)
    }
}
