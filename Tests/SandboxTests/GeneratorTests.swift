import Foundation
import Testing
@testable import Sandbox

/// The generator: deterministic, fast enough, and plausible.
@Suite struct GeneratorTests {
    static let anchor = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func sameSeedGivesIdenticalWorkspace() {
        let first = SandboxDataset.generate(customers: 3_000, seed: 7, anchor: Self.anchor)
        let second = SandboxDataset.generate(customers: 3_000, seed: 7, anchor: Self.anchor)
        #expect(first.fingerprint == second.fingerprint)
        #expect(first.customers.email(1_234) == second.customers.email(1_234))
        #expect(first.deliveries.map(\.id) == second.deliveries.map(\.id))
    }

    @Test func differentSeedGivesDifferentWorkspace() {
        let first = SandboxDataset.generate(customers: 3_000, seed: 7, anchor: Self.anchor)
        let other = SandboxDataset.generate(customers: 3_000, seed: 8, anchor: Self.anchor)
        #expect(first.fingerprint != other.fingerprint)
        let sameEmails = (0 ..< 100).filter { first.customers.email($0) == other.customers.email($0) }.count
        #expect(sameEmails < 10)
    }

    @Test func fiftyThousandPeopleQuicklyWithUniqueEmailsButTheSharedOnes() {
        let clock = ContinuousClock()
        var dataset: SandboxDataset?
        let elapsed = clock.measure { dataset = SandboxDataset.generate(customers: 50_000, seed: 42, anchor: Self.anchor) }
        let customers = dataset!.customers
        #expect(customers.count == 50_000)
        // Generous even for a debug build on a busy machine; release builds take a fraction of this.
        #expect(elapsed < .seconds(20))
        let emails = Set((0 ..< customers.count).map(customers.email))
        // Every 500th person shares the address before theirs, and so does the one two before every 1,000th.
        #expect(emails.count == customers.count - 50_000 / 500 - 50_000 / 1_000)
        #expect(emails.allSatisfy { $0.contains("@") && !$0.contains(" ") && $0 == $0.lowercased() })
        #expect(emails.contains { $0.contains("+") }, "some addresses carry +tags")
        #expect(dataset!.deliveries.count <= DeliveryGenerator.cap)
    }

    @Test func identifiersLookLikeTheVendors() {
        let customers = SandboxDataset.generate(customers: 500, seed: 1, anchor: Self.anchor).customers
        #expect(customers.id(0) == "1")
        #expect(customers.id(499) == "500")
        #expect(customers.cioID(0) == "a3000001")
        #expect(customers.row(forCioID: "a30001f4") == 499)
        #expect(customers.row(forCioID: "cio_a3000001") == 0)
        #expect(customers.row(forID: "501") == nil)
        for row in [0, 17, 498] {
            #expect(customers.row(forEmail: customers.email(row)) == row)
            #expect(customers.row(forEmail: customers.email(row).uppercased()) == row)
        }
        // Id 500 shares the address of id 499, so a look-up by it finds both, the first one first.
        #expect(customers.rows(forEmail: customers.email(499)) == [498, 499])
        #expect(customers.row(forEmail: "nobody@example.com") == nil)
    }

    @Test func proportionsArePlausible() {
        let customers = SandboxDataset.generate(customers: 20_000, seed: 3, anchor: Self.anchor).customers
        let rows = 0 ..< customers.count
        let phones = Double(rows.filter { customers.phone($0) != nil }.count) / Double(customers.count)
        let unsubscribed = Double(rows.filter(customers.isUnsubscribed).count) / Double(customers.count)
        let withDevices = Double(rows.filter { !customers.devices($0).isEmpty }.count) / Double(customers.count)
        #expect((0.55 ... 0.65).contains(phones))
        #expect((0.01 ... 0.06).contains(unsubscribed))
        #expect((0.25 ... 0.35).contains(withDevices))
        let plans = Dictionary(grouping: rows) { customers.planText($0) }.mapValues(\.count)
        #expect(Set(plans.keys) == ["free", "starter", "pro", "enterprise"])
        #expect(plans["free"]! > plans["enterprise"]!)
        #expect(rows.contains { customers.fullName($0).unicodeScalars.contains { !$0.isASCII } }, "some names are not ASCII")
        #expect(rows.allSatisfy { customers.phone($0).map { $0.hasPrefix("+") && $0.dropFirst().allSatisfy(\.isNumber) } ?? true })
    }

    @Test func nameBanksHaveUniqueASCIIForms() {
        for bank in [NameBanks.firstNames, NameBanks.lastNames] {
            let forms = bank.map { String(decoding: $0.ascii, as: UTF8.self) }
            #expect(Set(forms).count == forms.count)
            #expect(bank.count >= 200)
        }
        #expect(NameBanks.firstNames.contains { $0.display == "José" })
        #expect(NameBanks.firstNames.contains { $0.display == "Zoë" })
        #expect(NameBanks.firstNames.contains { $0.display == "Łukasz" })
        #expect(NameBanks.lastNames.contains { $0.display == "李" })
    }

    @Test func catalogCoversEveryKind() {
        let data = SandboxDataset.generate(customers: 2_000, seed: 42, anchor: Self.anchor)
        #expect(data.campaigns.count >= 40)
        #expect(Set(data.campaigns.map(\.type)).isSuperset(of: ["segment", "event", "date", "form", "webhook", "object", "relationship"]))
        #expect(Set(data.campaigns.map(\.state)) == ["running", "draft", "stopped"])
        #expect(data.campaigns.contains { $0.actions.count > 10 }, "some campaign needs a second page of actions")
        #expect(Set(data.campaigns.flatMap(\.actions).map(\.type)).isSuperset(of: ["email", "push", "twilio", "webhook"]))
        #expect(data.broadcasts.count >= 3)
        #expect(data.segments.count >= 15)
        #expect(data.segments.contains { $0.kind == .manual } && data.segments.contains { $0.kind == .dynamic })
        #expect(data.templates.map(\.channel).contains("sms") && data.templates.map(\.channel).contains("push"))
        #expect(!data.triggers.isEmpty)
        #expect(data.deliveries.contains { $0.failureMessage != nil })
        #expect(data.deliveries.contains { $0.transactionalID != nil } && data.deliveries.contains { $0.newsletterID != nil })
    }

    @Test func plansDipAtWeekendsAndDraftsSendNothing() {
        let data = SandboxDataset.generate(customers: 5_000, seed: 42, anchor: Self.anchor)
        for campaign in data.campaigns where campaign.state == "draft" { #expect(campaign.plan.total(.sent) == 0) }
        let running = data.campaigns.filter { $0.state == "running" }
        #expect(running.allSatisfy { $0.plan.total(.sent) > 0 })
        let busiest = running.max { $0.plan.total(.sent) < $1.plan.total(.sent) }!
        let weekdayOf = { (day: Int) in ((busiest.plan.firstDay / 86_400) + day + 4) % 7 }
        let weekend = (0 ..< 90).filter { [0, 6].contains(weekdayOf($0)) }.map { busiest.plan[.sent, $0] }
        let weekdays = (0 ..< 90).filter { ![0, 6].contains(weekdayOf($0)) }.map { busiest.plan[.sent, $0] }
        #expect(Double(weekend.reduce(0, +)) / Double(weekend.count) < Double(weekdays.reduce(0, +)) / Double(weekdays.count))
    }

    /// Each message follows its channel's funnel: nothing opened that its channel cannot open, an open is a
    /// person's or a prefetch, a click went to a link, a webhook was answered with a status.
    @Test func deliveriesFollowTheirChannel() {
        let data = SandboxDataset.generate(customers: 2_000, seed: 42, anchor: Self.anchor)
        for delivery in data.deliveries {
            let states = Set(delivery.metrics.map(\.metric))
            let opens = states.contains(.opened)
            #expect(opens == (states.contains(.humanOpened) != states.contains(.prefetchOpened)), "\(delivery.type) \(states)")
            #expect(states.contains(.clicked) == (delivery.link != 0))
            if states.contains(.delivered) || states.contains(.bounced) { #expect(states.contains(.sent)) }
            switch delivery.type {
            case "twilio": #expect(!opens && !states.contains(.bounced) && !states.contains(.spammed))
            case "push": #expect(!states.contains(.clicked) && !states.contains(.bounced))
            case "webhook", "slack": #expect(!opens && !states.contains(.clicked) && !states.contains(.delivered))
            default: break
            }
            if ["webhook", "slack"].contains(delivery.type) && !states.contains(.drafted) && states.count > 2 {
                #expect(delivery.httpStatus >= 200)
            }
        }
        #expect(data.deliveries.contains { $0.type == "email" && $0.reached(.prefetchOpened) != nil })
        #expect(data.deliveries.contains { $0.type == "twilio" && $0.reached(.clicked) != nil })
    }

    /// Nobody gets a message before they signed up, nor marketing after they unsubscribed.
    @Test func deliveriesAgreeWithThePeople() {
        let data = SandboxDataset.generate(customers: 2_000, seed: 42, anchor: Self.anchor)
        for delivery in data.deliveries {
            let row = Int(delivery.customer)
            #expect(Int(data.customers.createdAt[row]) <= delivery.created)
            if delivery.transactionalID == nil { #expect(!data.customers.isUnsubscribed(row)) }
            if delivery.type == "twilio" { #expect(data.customers.phone(row) != nil) }
        }
        // Broadcasts go out right after the trigger that sent them, on the trigger's day.
        for delivery in data.deliveries where delivery.broadcastID != nil {
            let trigger = data.triggers.first { $0.id == delivery.triggerID }
            #expect(trigger.map { delivery.created - $0.createdAt < 3_600 } == true, "broadcast \(delivery.broadcastID ?? 0)")
        }
    }

    @Test func deliveriesAreOrderedAndConsistent() {
        let data = SandboxDataset.generate(customers: 2_000, seed: 42, anchor: Self.anchor)
        #expect(zip(data.deliveries, data.deliveries.dropFirst()).allSatisfy { $0.created <= $1.created })
        #expect(Set(data.deliveries.map(\.id)).count == data.deliveries.count)
        for delivery in data.deliveries.prefix(2_000) {
            #expect(delivery.id.hasSuffix("=") && delivery.id.count == 36)
            #expect(delivery.metrics.allSatisfy { $0.at >= delivery.created && $0.at < data.horizon })
            if delivery.type == "twilio" { #expect(delivery.recipient.hasPrefix("+")) }
            if delivery.type == "email" { #expect(delivery.recipient == data.customers.email(Int(delivery.customer))) }
        }
    }
}
