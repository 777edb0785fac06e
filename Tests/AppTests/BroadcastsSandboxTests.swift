import Foundation
import CustomerIO
import Testing
import TerminalUI
@testable import App

/// Broadcasts against the sandbox: metrics per row, and the trigger history in the detail.
@Suite struct BroadcastsSandboxTests {
    @Test func broadcastsShowMetricsAndTriggerHistory() async throws {
        // History that ended yesterday, so today's sends cannot come due between the list's request and ours.
        let session = SessionInfo(profile: "demo", region: "sandbox", isDemo: true)
        try await DrivenApp.with(session: session, options: { $0.anchor = WallClock.now().addingTimeInterval(-86_400) }) { app in
            try await app.driver.start()
            try await app.driver.press(.character("4"))
            let broadcasts = try await app.client.broadcasts()
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == broadcasts.map { RowKey.id($0.id) })
            let first = try #require(broadcasts.first)
            let series = try await app.client.broadcastMetrics(id: first.id, period: .days, steps: 30)
            let row = try #require(app.driver.state.currentList.loadedRows.first)
            #expect(row.cells[3] == thousands(series.total("sent")))
            #expect(app.probe.requests().filter { $0.path.hasPrefix("/v1/broadcasts/") && $0.path.hasSuffix("/metrics") }.count == broadcasts.count + 1)

            try await app.driver.press(.enter)
            let triggers = try await app.client.broadcastTriggers(id: first.id)
            let lines = try #require(app.driver.state.details[app.driver.state.route]?.lines(spinner: ""))
            #expect(lines.contains { $0.isHeading && $0.key == "Triggers" })
            #expect(lines.contains { triggers.isEmpty ? $0.value == "never triggered" : $0.value.hasPrefix("\(triggers.count) time") })
        }
    }
}

/// Transactional templates against the sandbox: the same metric columns, from the template's own metrics.
@Suite struct TransactionalSandboxTests {
    @Test func templatesShowTheirMetrics() async throws {
        // History that ended yesterday: today's generated sends would otherwise come due between the list's
        // request and the test's own, and the two totals would differ by the sends of those seconds.
        let session = SessionInfo(profile: "demo", region: "sandbox", isDemo: true)
        try await DrivenApp.with(session: session, options: { $0.anchor = WallClock.now().addingTimeInterval(-86_400) }) { app in
            try await app.driver.start()
            try await app.driver.press(.character("8"))
            let templates = try await app.client.transactionalTemplates()
            #expect(app.driver.state.currentList.loadedRows.map(\.key) == templates.map { RowKey.id($0.id) })
            for template in templates {
                let series = try await app.client.transactionalMetrics(id: template.id, period: .days, steps: 30)
                let row = try #require(app.driver.state.currentList.loadedRows.first { $0.key == .id(template.id) })
                #expect(row.cells[3] == thousands(series.total("sent")), "template \(template.id)")
            }
            #expect(app.driver.text.contains("Sent, 30 days"))
        }
    }
}
