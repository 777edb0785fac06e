import CustomerIO
import Foundation
import Testing
import TerminalUI
@testable import App

/// The Activities pane as text: a page of the feed, more as you scroll, and one activity opened with its person and
/// delivery to follow.
@Suite struct CatalogSnapshotTests {
    static let activities = [
        Activity(id: "a1", type: "event", timestamp: PaneSnapshotTests.created, customerIdentifiers: CustomerIdentifiers(id: "42", email: "ada@example.com", cioID: "a1b2c3"),
                 name: "purchase", data: ["amount": .string("19.99"), "sku": .string("SKU-1")]),
        Activity(id: "a2", type: "sent_email", timestamp: PaneSnapshotTests.updated, customerID: "7", deliveryID: "dlv-2", deliveryType: "email"),
    ]

    static func activitiesApp() -> Reducer {
        var app = Reducer(session: PaneSnapshotTests.session, size: PaneSnapshotTests.list)
        app.press(.character(":"))
        app.type("activities")
        app.press(.enter)
        let rows = ActivitiesPane.rows(activities, now: Date(timeIntervalSince1970: TimeInterval(PaneSnapshotTests.created + 3 * 86_400)))
        app.send(.listPage(.activities, query: "", rows: rows, next: "p2", appended: false))
        return app
    }

    @Test func activitiesList() throws {
        let app = Self.activitiesApp()
        #expect(try PaneSnapshotTests.frame(app.state) == """
         cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters  ›
         Activities › all                                                            2 rows (loading more…)
        Time             Type                 Name               Person                      Delivery
        \(PaneSnapshotTests.createdText) event                purchase           ada@example.com
        \(PaneSnapshotTests.updatedText) sent_email                              7                           email








         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  Enter open  / filter      0/10 req/s
        """)
    }

    @Test func anActivityOpened() throws {
        var app = Self.activitiesApp()
        app.press(.enter)
        #expect(try PaneSnapshotTests.frame(app.state) == """
         cio · demo · sandbox   1 Segments   2 Customers   3 Campaigns   4 Broadcasts   5 Newsletters  ›
         Activities › event
        Type     event
        Name     purchase
        Time     \(PaneSnapshotTests.createdText) (3d ago)
        Person   ada@example.com →
          amount 19.99
          sku    SKU-1





         demo · sandbox  DEMO   ? help  : commands  q back  r refresh  / filter                  0/10 req/s
        """)
        #expect(app.state.details[app.state.route]?.row.detail.first { $0.key == "Person" }?.link == .detail(.customers, key: "cio_id:a1b2c3"))
    }
}
