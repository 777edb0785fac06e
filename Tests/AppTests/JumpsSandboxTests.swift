import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// References between items against the sandbox: a message opens its person and its campaign, a person's message
/// opens without the Messages list, and a segment's "Used by" lines open what uses it.
@Suite struct JumpsSandboxTests {
    static let campaignSections: [SectionID] = [.metrics, .actions, .links, .messages]

    @Test func aMessageOpensItsPersonAndItsCampaign() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("6"))
            let row = try #require(app.driver.state.currentList.loadedRows.first { $0.cells[5].hasPrefix("campaign ") }, "no message from a campaign")
            try await app.select(key: row.key)
            try await app.driver.press(.enter)
            let message = Route.detail(.messages, key: row.key)
            #expect(app.driver.state.route == message)

            // The Person line opens the person, who loads by the identifier the message carries.
            let personLine = try await app.selectLine("Person") { $0.key == "Person" }
            guard case .detail(.customers, let personKey)? = personLine.link else {
                Issue.record("the Person line links nowhere: \(String(describing: personLine.link))")
                return
            }
            try await app.driver.press(.enter)
            let person = Route.detail(.customers, key: personKey)
            #expect(app.driver.state.route == person)
            let delivery = try await app.client.message(id: row.key.description)
            let identifiers = try #require(delivery.customerIdentifiers)
            let candidates = [identifiers.cioID.map { RowKey.person(PersonKey($0, .cioID)) }, identifiers.id.map { .person(PersonKey($0, .id)) },
                              identifiers.email.map { .person(PersonKey($0, .email)) }]
            #expect(candidates.contains(personKey), "\(personKey) does not name the message's person")
            // Customers was never searched: the person loads on its own, from one profile request.
            #expect(app.driver.state.lists[.customers] == nil)
            #expect(app.count("POST", "/v1/customers") == 0)
            let detail = try #require(app.driver.state.details[person])
            #expect(detail.isLoadingItem == false)
            #expect(detail.row.cells.first == identifiers.id)
            #expect(detail.row.cells[1] == identifiers.email)
            let value = try #require(personKey.person?.value)
            #expect(app.probe.requests().filter { $0.method == "GET" && $0.path == "/v1/customers/\(value)/attributes" }.count == 1)
            guard case .loaded(let attributes)? = detail.sections[.attributes] else {
                Issue.record("the person's attributes did not load: \(String(describing: detail.sections[.attributes]))")
                return
            }
            #expect(attributes.contains { $0.key == "email" && $0.value == identifiers.email })

            // [ comes back to the message; its From line opens the campaign with all its sections.
            try await app.driver.press(.character("["))
            #expect(app.driver.state.route == message)
            let campaignID = try #require(delivery.campaignID)
            let campaign = Route.detail(.campaigns, key: .id(campaignID))
            let from = try await app.selectLine("From") { $0.key == "From" }
            #expect(from.link == campaign)
            #expect(from.value.hasPrefix("campaign ") && from.value.hasSuffix(" (#\(campaignID))"))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == campaign)
            let opened = try #require(app.driver.state.details[campaign])
            #expect(opened.isLoadingItem == false)
            // Campaigns was never shown, yet the campaign loads from one request: the service reads it from the
            // campaigns list (and keeps that list for the pane) rather than asking for the campaign alone.
            #expect(app.count("GET", "/v1/campaigns") + app.count("GET", "/v1/campaigns/\(campaignID)") == 1)
            let campaigns = try await app.client.campaigns()
            let expected = try #require(campaigns.first { $0.id == campaignID })
            #expect(opened.row.cells.count > 1)
            #expect(opened.row.cells[1] == expected.name)
            #expect(from.value == "campaign \(try #require(expected.name)) (#\(campaignID))", "named, with the id after it")
            #expect(app.lines[1].contains(try #require(expected.name)))
            let lines = app.detailLines
            for name in Self.campaignSections {
                #expect(lines.contains { $0.isHeading && $0.key == name.title }, "no heading \(name.title)")
                guard case .loaded(let section)? = opened.sections[name] else {
                    Issue.record("\(name) did not load: \(String(describing: opened.sections[name]))")
                    continue
                }
                #expect(!section.isEmpty, "\(name) is empty")
            }

            // Actions: one line per action of the campaign, in its order.
            var actions: [CampaignAction] = []
            for try await page in app.client.allCampaignActions(id: campaignID) { actions += page }
            #expect(!actions.isEmpty)
            guard case .loaded(let actionLines)? = opened.sections[.actions] else { return }
            #expect(actionLines.count == actions.count)
            #expect(actionLines.map(\.key) == actions.map { "\($0.name ?? "#\($0.id.map(String.init) ?? "?")") (\($0.type ?? "action"))" })
        }
    }

    @Test func aPersonsMessageOpensWithoutTheMessagesList() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            // Someone who has received a message, as the sandbox knows it.
            let recent = try await app.client.messages(MessageFilter(limit: 1)).messages
            let someone = try #require(recent.first?.customerIdentifiers?.id)
            let listings = app.count("GET", "/v1/messages")

            try await app.driver.press(.character("2"))
            try await app.find(someone)
            #expect(app.driver.state.currentList.loadedRows.count == 1)
            try await app.driver.press(.enter)
            guard case .loaded(let messages)? = app.driver.state.details[app.driver.state.route]?.sections[.messages] else {
                Issue.record("the person's messages did not load")
                return
            }
            let first = try #require(messages.first)
            guard case .detail(.messages, let id)? = first.link else {
                Issue.record("a message line links nowhere: \(first)")
                return
            }
            try await app.selectLine("the first message") { $0 == first }
            try await app.driver.press(.enter)
            let route = Route.detail(.messages, key: id)
            #expect(app.driver.state.route == route)

            // The Messages pane was never shown: the message came from its own request, not from the list.
            #expect(app.driver.state.lists[.messages] == nil)
            #expect(app.count("GET", "/v1/messages") == listings)
            #expect(app.count("GET", "/v1/messages/\(id)") == 1)
            let detail = try #require(app.driver.state.details[route])
            #expect(detail.isLoadingItem == false)
            #expect(!detail.row.cells.isEmpty)
            let delivery = try await app.client.message(id: id.description)
            #expect(detail.row.cells[1] == delivery.type)
            #expect(app.detailLines.contains { $0.key == "ID" && $0.value == id.description })
            #expect(app.detailLines.contains { $0.key == "Person" && $0.link != nil })
        }
    }

    @Test func usedByLinesOpenCampaignsAndNewslettersThatExist() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            let segments = try await app.client.segments()
            var chosen: (segment: Segment, usage: SegmentUsage)?
            for segment in segments {
                let usage = try await app.client.segmentUsage(id: segment.id)
                if !usage.campaigns.isEmpty, chosen == nil || !(usage.sentNewsletters + usage.draftNewsletters).isEmpty {
                    chosen = (segment, usage)
                    if !(usage.sentNewsletters + usage.draftNewsletters).isEmpty { break }
                }
            }
            let (segment, usage) = try #require(chosen, "no segment is used by a campaign")
            let campaigns = try await app.client.campaigns()
            var newsletters: [Newsletter] = []
            for try await page in app.client.allNewsletters() { newsletters += page }
            let campaignRequests = app.count("GET", "/v1/campaigns")

            try await app.select(key: .id(segment.id))
            try await app.driver.press(.enter)
            let route = Route.detail(.segments, key: .id(segment.id))
            #expect(app.driver.state.route == route)
            guard case .loaded(let usedBy)? = app.driver.state.details[route]?.sections[.usedBy] else {
                Issue.record("Used by did not load")
                return
            }
            #expect(usedBy.count == usage.campaigns.count + usage.sentNewsletters.count + usage.draftNewsletters.count)
            for line in usedBy {
                switch line.link {
                case .detail(.campaigns, let key)?:
                    let campaign = try #require(campaigns.first { .id($0.id) == key }, "campaign \(key) does not exist")
                    #expect(usage.campaigns.contains(campaign.id))
                    #expect(line.value == campaign.name)
                case .detail(.newsletters, let key)?:
                    let newsletter = try #require(newsletters.first { .id($0.id) == key }, "newsletter \(key) does not exist")
                    #expect((usage.sentNewsletters + usage.draftNewsletters).contains(newsletter.id))
                    #expect(line.value == newsletter.name)
                default:
                    Issue.record("a Used by line links to neither a campaign nor a newsletter: \(line)")
                }
            }

            // The first one opens, named, with the campaigns the section already fetched for its names.
            let usedCampaign = try #require(usage.campaigns.first)
            let target = Route.detail(.campaigns, key: .id(usedCampaign))
            try await app.selectLine("campaign \(usedCampaign)") { $0.link == target }
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == target)
            let detail = try #require(app.driver.state.details[target])
            #expect(detail.isLoadingItem == false)
            #expect(detail.row.cells[1] == campaigns.first { $0.id == usedCampaign }?.name)
            #expect(app.count("GET", "/v1/campaigns") == campaignRequests + 1)
            #expect(app.count("GET", "/v1/campaigns/\(usedCampaign)") == 0)
            for name in Self.campaignSections {
                guard case .loaded? = detail.sections[name] else {
                    Issue.record("\(name) did not load: \(String(describing: detail.sections[name]))")
                    continue
                }
            }

            // A newsletter line, where there is one, opens that newsletter.
            if let newsletter = usage.sentNewsletters.first ?? usage.draftNewsletters.first {
                try await app.driver.press(.character("["))
                #expect(app.driver.state.route == route)
                let letter = Route.detail(.newsletters, key: .id(newsletter))
                try await app.selectLine("newsletter \(newsletter)") { $0.link == letter }
                try await app.driver.press(.enter)
                #expect(app.driver.state.route == letter)
                #expect(app.driver.state.details[letter]?.isLoadingItem == false)
                #expect(app.driver.state.details[letter]?.row.cells[1] == newsletters.first { $0.id == newsletter }?.name)
            }
        }
    }
}

/// A transactional delivery carries its template's content id: its From line names and opens the template that
/// content belongs to, never a "template" with the content's id.
@Suite struct TransactionalOriginTests {
    @Test func aTransactionalDeliveryOpensItsTemplate() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("6"))
            let rows = app.driver.state.currentList.loadedRows
            let deliveries = try await app.client.messages(MessageFilter(limit: 200)).messages
            let shown = Set(rows.map(\.key))
            let delivery = try #require(deliveries.first { OriginNames.isTransactional($0) && shown.contains(.name($0.id)) })
            let content = try #require(delivery.messageTemplateID)
            var owner: TransactionalTemplate?
            for template in try await app.client.transactionalTemplates() where try await app.client.transactionalContents(id: template.id).contains(where: { $0.id == content }) {
                owner = template
            }
            let template = try #require(owner)
            #expect(template.id != content, "the sandbox keeps content and template ids apart, as the API does")

            try await app.select(key: .name(delivery.id))
            let row = try #require(app.driver.state.currentList.selectedRow)
            #expect(row.cells[5] == "template \(template.name ?? "") (#\(template.id))")
            try await app.driver.press(.enter)
            let from = try await app.selectLine("From") { $0.key == "From" }
            #expect(from.link == .detail(.transactional, key: .id(template.id)))
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == .detail(.transactional, key: .id(template.id)))
            #expect(app.driver.state.details[app.driver.state.route]?.isLoadingItem == false)
            #expect(!app.driver.text.contains("not found"))
        }
    }
}
