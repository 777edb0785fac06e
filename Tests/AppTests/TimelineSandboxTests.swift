import CustomerIO
import Foundation
import Testing
import TerminalUI
import Workspace
@testable import App

/// `T` on a profile: the person's timeline from the sandbox, narrowed by kind and channel, each line opening.
@Suite struct TimelineSandboxTests {
    @Test func aProfilesTimelineIsItsMessagesStatesAndActivities() async throws {
        try await DrivenApp.with { app in
            try await app.driver.start()
            try await app.driver.press(.character("2"))
            // Someone with messages: the newest message's person (the first people may have signed up yesterday).
            let person = try #require(try await app.client.messages(MessageFilter(limit: 1, type: "email")).messages.first?.customerID)
            try await CustomerSearchTests.find("id:\(person)", in: app)
            try await app.driver.press(.enter)
            let profile = app.driver.state.route
            try await app.driver.press(.character("T"))
            #expect(app.driver.state.route == .list(.timeline))
            #expect(app.driver.state.navigation.stack.count == 3, "Esc goes back to the profile")
            let rows = app.driver.state.currentList.loadedRows
            // As many lines as the states the person's messages reached, plus their activities (counted from the API).
            let messages = try await app.client.customerMessages(id: person, limit: 50).messages
            let activities = try await app.client.customerActivities(id: person, limit: 50).activities
            #expect(rows.count == messages.reduce(0) { $0 + $1.metrics.count } + activities.count)
            let times = rows.compactMap { $0.item.flatMap { item -> Int? in if case .timeline(let entry) = item { entry.time } else { nil } } }
            #expect(times == times.sorted(by: >))

            try await app.driver.press(.character("e"))
            let onlyMessages = app.driver.state.currentList.loadedRows
            #expect(onlyMessages.count == messages.reduce(0) { $0 + $1.metrics.count })
            #expect(app.lines[1].contains("messages"))
            try await app.driver.press(.character("t"))
            #expect(app.driver.state.timelineQuery.channel == "email")
            #expect(app.driver.state.currentList.loadedRows.allSatisfy { row in
                if case .timeline(let entry)? = row.item { entry.channel == "email" && entry.kind == .message } else { false }
            })

            // A message's line opens, and its Message line opens the delivery.
            try await app.driver.press(.enter)
            let line = try await app.selectLine("Message") { $0.key == "Message" }
            try await app.driver.press(.enter)
            #expect(app.driver.state.route == line.link)
            try await app.driver.press(.escape, .escape, .escape)
            #expect(app.driver.state.route == profile)
        }
    }

    @Test func theTimelineWithNobodyChosenSaysHowToGetOne() {
        var reducer = Reducer(size: Size(width: 100, height: 20))
        reducer.press(.character(":"))
        reducer.type("timeline")
        #expect(reducer.press(.enter).isEmpty, "nothing to load without a person")
        #expect(AppView.render(reducer.state).text.contains("Open a person (2, then /) and press T for their timeline."))
    }
}
