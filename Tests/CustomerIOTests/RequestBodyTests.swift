import Foundation
import Testing
@testable import CustomerIO

/// Encodes with sorted keys so expected JSON can be written out literally.
func canonicalJSON(_ value: some Encodable) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

@Suite struct TransactionalMessageTests {
    @Test func anEmailFromATemplate() throws {
        var message = TransactionalMessage(channel: .email, template: .id(12), identifiers: .email("jane+vip@example.com"), to: "Jane <jane+vip@example.com>")
        message.messageData = ["order": .object(["id": .string("A-1"), "total": .number(9.5)])]
        message.bcc = "audit@example.com"
        message.sendToUnsubscribed = false
        message.title = "ignored for email"
        #expect(try canonicalJSON(message) == #"{"bcc":"audit@example.com","identifiers":{"email":"jane+vip@example.com"},"message_data":{"order":{"id":"A-1","total":9.5}},"send_to_unsubscribed":false,"to":"Jane <jane+vip@example.com>","transactional_message_id":12}"#)
        #expect(message.problems().isEmpty)
        let request = try message.request()
        #expect(request.displayPath == "/v1/send/email")
        #expect(request.safety == .write)
    }

    @Test func anInlineEmailNeedsSubjectBodyAndFrom() {
        var message = TransactionalMessage(channel: .email, identifiers: .id("7"), to: "a@example.com")
        let problems = message.problems()
        #expect(problems.count == 3)
        #expect(problems.contains { $0.contains("subject") })
        message.subject = "Hi"
        message.body = "<p>Hello</p>"
        message.from = "team@example.com"
        #expect(message.problems().isEmpty)
    }

    @Test func aPushByTriggerNameToTheLastUsedDevice() throws {
        var message = TransactionalMessage(channel: .push, template: .triggerName("login_alert"), identifiers: .cioID("a3000001"), to: TransactionalMessage.PushTarget.lastUsed.wireValue)
        message.title = "New login"
        message.subject = "not for push"
        #expect(try canonicalJSON(message) == #"{"identifiers":{"cio_id":"a3000001"},"title":"New login","to":"last_used","transactional_message_id":"login_alert"}"#)
        #expect(try message.request().displayPath == "/v1/send/push")
    }

    @Test func anSMSKeepsItsFromAndNeedsATemplate() throws {
        var message = TransactionalMessage(channel: .sms, identifiers: .id("9"), to: "+15555550100")
        #expect(message.problems() == ["Choose a transactional template."])
        message.template = .id(3)
        message.from = "+15555550000"
        #expect(try canonicalJSON(message) == #"{"from":"+15555550000","identifiers":{"id":"9"},"to":"+15555550100","transactional_message_id":3}"#)
    }

    @Test func attachmentsOverTwoMegabytesAreCaughtBeforeSending() {
        var message = TransactionalMessage(channel: .email, template: .id(1), identifiers: .id("1"), to: "a@example.com")
        message.attachments = ["big.bin": Data(count: 2 * 1024 * 1024 + 1).base64EncodedString()]
        #expect(message.problems().contains { $0.contains("limit is 2 MB") })
        message.attachments = ["small.txt": Data("hello".utf8).base64EncodedString(), "broken.txt": "%%%"]
        #expect(message.problems() == ["Attachment broken.txt is not valid base64."])
    }

    @Test func recipientAndScheduleLimits() {
        var message = TransactionalMessage(channel: .email, template: .id(1), identifiers: .id("1"), to: (1...10).map { "p\($0)@x.io" }.joined(separator: ","))
        message.bcc = (1...6).map { "b\($0)@x.io" }.joined(separator: ",")
        #expect(message.problems().contains { $0.contains("15 recipients") })
        message.bcc = nil
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        message.sendAt = 1_700_000_000 + 91 * 86_400
        #expect(message.problems(now: now).contains { $0.contains("90 days") })
    }
}

@Suite struct BroadcastTriggerRequestTests {
    @Test func theDefaultAudienceSendsOnlyData() throws {
        let body = BroadcastTriggerRequest(audience: .broadcastDefault, data: ["promo": .string("WINTER")])
        #expect(try canonicalJSON(body) == #"{"data":{"promo":"WINTER"}}"#)
        #expect(body.listedAudienceSize == nil)
    }

    @Test func aFilterGoesInRecipients() throws {
        let body = BroadcastTriggerRequest(audience: .filter(try FilterQuery.parse("plan = pro and segment 3")))
        #expect(try canonicalJSON(body) == #"{"recipients":{"and":[{"attribute":{"field":"plan","operator":"eq","value":"pro"}},{"segment":{"id":3}}]}}"#)
    }

    @Test func emailsCarryOnlyTheEmailFlags() throws {
        var body = BroadcastTriggerRequest(audience: .emails(["a@x.io", "b@x.io"]))
        body.emailIgnoreMissing = true
        body.idIgnoreMissing = true
        #expect(try canonicalJSON(body) == #"{"email_add_duplicates":false,"email_ignore_missing":true,"emails":["a@x.io","b@x.io"]}"#)
        #expect(body.listedAudienceSize == 2)
    }

    @Test func idsCarryOnlyTheIDFlag() throws {
        var body = BroadcastTriggerRequest(audience: .ids(["1", "2", "3"]))
        body.idIgnoreMissing = true
        body.emailAddDuplicates = true
        #expect(try canonicalJSON(body) == #"{"id_ignore_missing":true,"ids":["1","2","3"]}"#)
    }

    @Test func perUserDataNamesEachPersonByIDOrEmail() throws {
        let body = BroadcastTriggerRequest(audience: .perUserData([
            .init(person: .id("1"), data: ["n": .number(1)]),
            .init(person: .email("b@x.io"), data: [:]),
        ]))
        #expect(try canonicalJSON(body) == #"{"email_add_duplicates":false,"email_ignore_missing":false,"id_ignore_missing":false,"per_user_data":[{"data":{"n":1},"id":"1"},{"data":{},"email":"b@x.io"}]}"#)
    }

    @Test func aDataFileURL() throws {
        let body = BroadcastTriggerRequest(audience: .dataFileURL("https://example.com/people.jsonl"))
        #expect(try canonicalJSON(body).contains(#""data_file_url":"https://example.com/people.jsonl""#))
    }

    @Test func theTriggerRequestIsSafeTriggerAndCarriesNoID() throws {
        let configuration = try ClientConfiguration(key: Secret("k")!)
        let client = AppAPIClient(configuration: configuration, transport: ScriptedTransport([]))
        let request = try client.triggerRequest(id: 42, BroadcastTriggerRequest(audience: .ids(["1"])))
        #expect(request.displayPath == "/v1/campaigns/42/triggers")
        #expect(request.safety == .trigger)
        let body = try #require(request.body.map { String(decoding: $0, as: UTF8.self) })
        #expect(!body.contains("\"id\":42"))
    }
}

@Suite struct ExportAndMetricsRequestTests {
    @Test func customerExportsUseThePluralFiltersKey() throws {
        let body = CustomersExportRequest(filters: .segment(id: 4))
        #expect(try canonicalJSON(body) == #"{"filters":{"segment":{"id":4}}}"#)
    }

    @Test func deliveryExportsNameExactlyOneSource() throws {
        #expect(try canonicalJSON(DeliveriesExportRequest(source: .campaign(5), start: 10, end: 20)) == #"{"campaign_id":5,"end":20,"start":10}"#)
        #expect(try canonicalJSON(DeliveriesExportRequest(source: .transactional(2))) == #"{"transactional_message_id":2}"#)
        #expect(try canonicalJSON(DeliveriesExportRequest(source: .newsletter(3), metric: "opened", drafts: false)) == #"{"drafts":false,"metric":"opened","newsletter_id":3}"#)
    }

    @Test func metricsQueriesForBothVersions() {
        let now = Date(timeIntervalSince1970: 1_700_050_000)
        guard case let .v2(resolution, start, end, zone) = MetricsQuery.lastDays(30, now: now, zone: TimeZone(identifier: "Etc/UTC")!) else {
            Issue.record("expected v2")
            return
        }
        #expect(resolution == .days)
        #expect(end == 1_700_050_000)
        #expect(start == 1_700_006_400 - 29 * 86_400)
        #expect(zone == "Etc/UTC")
        let v1 = MetricsQuery.v1(period: .days, steps: 90).queryItems
        #expect(v1.map(\.value) == ["1", "days", "45"])
    }

    /// The spec asks for a region-format zone; days start at midnight there, not in UTC.
    @Test func metricsDaysStartAtMidnightInTheUsersZone() {
        let now = Date(timeIntervalSince1970: 1_700_050_000)  // 2023-11-15 12:06:40 UTC, 07:06:40 in New York
        guard case let .v2(_, start, _, zone) = MetricsQuery.lastDays(7, now: now, zone: TimeZone(identifier: "America/New_York")!) else {
            Issue.record("expected v2")
            return
        }
        #expect(zone == "America/New_York")
        // Midnight 2023-11-09 in New York (UTC-5) is 05:00 UTC.
        #expect(start == 1_699_488_000 + 5 * 3_600)
    }

    /// v1-only endpoints stop at 45 days and 12 weeks: 90 days is asked as 12 weeks and labelled so.
    @Test func aWindowTheV1EndpointsCannotGiveBecomesWeeks() {
        #expect(MetricsSpan.v1(lastDays: 30) == MetricsSpan(resolution: .days, steps: 30, zone: MetricsSpan.vendorZone))
        let ninety = MetricsSpan.v1(lastDays: 90)
        #expect(ninety.resolution == .weeks && ninety.steps == 12 && ninety.label == "12 weeks")
        #expect(ninety.v1Query.queryItems.map(\.value) == ["1", "weeks", "12"])
        #expect(MetricsSpan.daily(90).label == "90 days")
    }

    @Test func idTypesAreGuessedFromWhatPeopleType() {
        #expect(IDType.guess(for: "jane@example.com") == .email)
        #expect(IDType.guess(for: "cio_03000010") == .cioID)
        #expect(IDType.guess(for: "+4915112345678") == .phone)
        #expect(IDType.guess(for: "12345") == .id)
        #expect(IDType(parsing: "CIO_ID") == .cioID)
        #expect(IDType(parsing: "nope") == nil)
    }

    @Test func customerIdentifiersRoundTrip() throws {
        for identifier in [CustomerIdentifier.id("1"), .email("a@b.c"), .cioID("abc")] {
            let data = try JSONEncoder().encode(identifier)
            #expect(try JSONDecoder().decode(CustomerIdentifier.self, from: data) == identifier)
        }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(CustomerIdentifier.self, from: Data("{}".utf8)) }
    }
}
