import Foundation
import Testing
@testable import Sandbox

/// The JSON builder, cursors and request parsing.
@Suite struct WireTests {
    @Test func serializesValidJSON() throws {
        let value = SandboxJSON.obj([
            "text": .string("quote \" backslash \\ newline \n tab \t bell \u{07} Zoë 李"),
            "number": .int(-42), "fraction": .double(0.25), "whole": .double(3), "flag": .bool(true), "nothing": .null,
            "list": .array([.int(1), .string("two")]), "empty": .obj([]),
        ])
        let bytes = value.serialized()
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(parsed?["text"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{07} Zoë 李")
        #expect(parsed?["fraction"] as? Double == 0.25)
        #expect(SandboxJSON.parse(bytes)?["number"]?.intValue == -42)
        #expect(value.text.hasPrefix("{\"text\":"), "keys keep their order")
    }

    @Test func cursorsRoundTripAndEnd() {
        let items = Array(0 ..< 25)
        var start: String?
        var seen: [Int] = []
        var pages = 0
        repeat {
            let page = Cursor.page(items, start: start, limit: 10)
            seen += page.items
            start = page.next
            pages += 1
        } while start != nil && pages < 10
        #expect(seen == items)
        #expect(pages == 3)
        #expect(Cursor.decode(Cursor.encode(1_234), pastEnd: 0) == 1_234)
        #expect(Cursor.decode(nil, pastEnd: 0) == nil)
        // A cursor the server never issued reads as the end of the list: an empty last page, not a 400.
        #expect(Cursor.decode("!!not-a-cursor", pastEnd: 7) == 7)
        let unknown = Cursor.page(items, start: "!!not-a-cursor", limit: 10)
        #expect(unknown.items.isEmpty && unknown.next == nil)
        #expect(Cursor.page(items, start: Cursor.encode(25), limit: 10).items.isEmpty)
    }

    @Test func requestPathsAndQueriesAreDecoded() {
        let exchange = Exchange(
            method: "get", rawPath: "/v1/messages/ab%2Bc%3D/archived_message", rawQuery: "email=a%2Btag%40x.com&raw=a+b&flag",
            headers: [:], body: [], receivedAt: 0
        )
        #expect(exchange.method == "GET")
        #expect(exchange.segments == ["v1", "messages", "ab+c=", "archived_message"])
        #expect(exchange.query["email"] == "a+tag@x.com")
        #expect(exchange.query["raw"] == "a b", "an unencoded + is a space, as on the real API")
        #expect(exchange.query["flag"] == "")
    }

    @Test func metricWindowsFollowTheDocumentedRules() throws {
        let now = 1_790_000_000
        func exchange(_ query: String) -> Exchange {
            Exchange(method: "GET", rawPath: "/", rawQuery: query, headers: [:], body: [], receivedAt: 0)
        }
        #expect(try MetricWindow.version1(exchange(""), now: now).count == 46)  // 45 days by default
        #expect(try MetricWindow.version1(exchange("period=hours&steps=0"), now: now).count == 25)
        #expect(try MetricWindow.version1(exchange("period=weeks&steps=1"), now: now).count == 3)  // steps=1 means two
        #expect(try MetricWindow.version1(exchange("period=months"), now: now).count == 13)
        let days = try MetricWindow.version2(exchange("res=days&start=\(now - 6 * 86_400)&end=\(now)&tz=UTC"), now: now)
        #expect(days.count == 8)
        #expect(zip(days, days.dropFirst()).allSatisfy { $1 - $0 == 86_400 })
        #expect(days.first! <= now - 6 * 86_400 && days.last! > now)
        // Without res, days (the spec requires none); journey metrics (requireAll) still need all three.
        let defaulted = try MetricWindow.version2(exchange("start=\(now - 86_400)&end=\(now)"), now: now)
        #expect(zip(defaulted, defaulted.dropFirst()).allSatisfy { $1 - $0 == 86_400 })
        #expect(throws: APIFailure.self) { try MetricWindow.version2(exchange("start=1&end=2"), now: now, requireAll: true) }
        // A window ending before it starts is empty rather than refused; an overlong one keeps its latest periods.
        #expect(try MetricWindow.version2(exchange("res=days&start=5&end=1"), now: now).isEmpty)
        let hours = try MetricWindow.version2(exchange("res=hours&start=0&end=\(now)&tz=UTC"), now: now)
        #expect(hours.count <= MetricWindow.maximumBuckets + 1 && hours.last! > now)
        #expect(throws: APIFailure.self) { try MetricWindow.version2(exchange("res=days&tz=Mars/Olympus"), now: now) }
    }
}
