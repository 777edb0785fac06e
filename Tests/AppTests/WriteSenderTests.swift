import CustomerIO
import Foundation
import Synchronization
import Testing
@testable import App

/// Answers the requests of a bulk write in turn from a script, and counts them.
private final class ScriptTransport: HTTPTransport {
    private let answers: [(Int, String)]
    private let count = Mutex(0)

    init(_ answers: [(Int, String)]) {
        self.answers = answers
    }

    var requests: Int { count.withLock { $0 } }

    func send(_ request: HTTPRequestData) async throws -> HTTPResponseData {
        let index = count.withLock { value in
            defer { value += 1 }
            return value
        }
        let (status, body) = index < answers.count ? answers[index] : (500, "{}")
        return HTTPResponseData(status: status, headers: ["Content-Type": "application/json"], body: Data(body.utf8))
    }
}

/// How a bulk write's requests end: a later one refused after earlier ones landed is partly done (never "not
/// sent"), refusals the answer does not place are said, and an earlier unknown outcome of any of its requests
/// asks for the count typed.
@Suite struct WriteSenderTests {
    static func folder() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("cio-sender-\(UUID().uuidString)") }

    /// A bulk edit of 1,000 people in several batches.
    static func bulk() throws -> PlannedWrite {
        let people = (1...1_000).map { TrackPerson(identifier: .id(String($0)), label: "p\($0)") }
        let form = TrackForm.filled(.editAttributes, person: people[0], bulk: people, values: [.changes: "note=" + String(repeating: "x", count: 900)])
        return try form.plan.get()
    }

    fileprivate func sender(_ transport: ScriptTransport, _ folder: URL) throws -> WriteSender {
        let configuration = try ClientConfiguration(key: Secret("k")!, trackSiteID: "s", trackKey: Secret("t"))
        return WriteSender(client: AppAPIClient(configuration: configuration, transport: transport), journal: WriteJournal(folder: folder), profile: "test")
    }

    @Test func aLaterBatchRefusedAfterEarlierOnesLandedIsPartlyDone() async throws {
        let write = try Self.bulk()
        #expect(write.parts.count >= 3)
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = ScriptTransport([(200, "{}"), (400, #"{"errors":[{"reason":"invalid","field":"batch","message":"bad"}]}"#)])
        let heard = Mutex<[String]>([])
        let result = await (try sender(transport, folder)).send(write) { line in heard.withLock { $0.append(line) } }
        #expect(heard.withLock { $0 }.first == "Request 1 of \(write.parts.count): \(write.parts[0].people.count) people (0 of 1000 answered so far)")
        #expect(heard.withLock { $0 }.count == 2, "one line per request that left")
        guard case .partial(let message) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
        #expect(message.hasPrefix("batch 2 of \(write.parts.count)"))
        #expect(message.contains("the batch before it was accepted (\(write.parts[0].people.count) people)"))
        #expect(transport.requests == 2, "the rest were not sent")
        #expect(result.report.filter { $0.hasPrefix("✓") }.count == write.parts[0].people.count)
        #expect(result.report.contains { $0.hasPrefix("✗ not sent: ") })
        #expect(result.report.last?.hasPrefix("– not sent (an earlier batch did not go through)") == true)
        #expect(result.report.count == 1_000)
        #expect(WriteJournal(folder: folder).attempts().map(\.outcome) == ["sent", "failed"])
    }

    @Test func aRefusalTheAnswerDoesNotPlaceIsSaid() async throws {
        let people = (1...3).map { TrackPerson(identifier: .id(String($0)), label: "p\($0)") }
        let write = try TrackForm.filled(.suppress, person: people[0], bulk: people, values: [:]).plan.get()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = ScriptTransport([(207, #"{"errors":[{"batch_index":1,"field":"identifiers","message":"gone"},{"message":"no position"},{"batch_index":9,"message":"out of range"}]}"#)])
        let result = await (try sender(transport, folder)).send(write)
        #expect(result.refused == 3)
        #expect(result.report.contains("✗ p2: refused — identifiers: gone"))
        #expect(result.report.contains { $0.hasPrefix("✗ 2 refusal(s) the answer did not place: no position; out of range") })
        guard case .done(let summary, _) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
        #expect(summary == "2 accepted, 3 refused in 1 batch")
    }

    @Test func aFirstBatchRefusedSaysWhoseItWasAndWhoWasNotSent() async throws {
        let write = try Self.bulk()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = ScriptTransport([(400, #"{"errors":[{"reason":"invalid","field":"batch","message":"bad"}]}"#)])
        let result = await (try sender(transport, folder)).send(write)
        guard case .failed(let message) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
        #expect(message.hasPrefix("batch 1 of \(write.parts.count): "))
        #expect(message.hasSuffix("; the rest were not sent"))
        #expect(result.report.count == 1_000)
        #expect(transport.requests == 1)
    }

    @Test func twoErrorsForOneOperationCountItOnce() async throws {
        let people = (1...2).map { TrackPerson(identifier: .id(String($0)), label: "p\($0)") }
        let write = try TrackForm.filled(.suppress, person: people[0], bulk: people, values: [:]).plan.get()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = ScriptTransport([(207, #"{"errors":[{"batch_index":0,"message":"one"},{"batch_index":0,"message":"two"}]}"#)])
        let result = await (try sender(transport, folder)).send(write)
        #expect(result.refused == 1)
        #expect(!result.report.contains { $0.contains("did not place") })
        guard case .done(let summary, _) = result.outcome else { Issue.record("outcome \(result.outcome)"); return }
        #expect(summary == "1 accepted, 1 refused in 1 batch")
    }

    @Test func anUnknownOutcomeOfAnyOfItsRequestsAsksForTheCount() throws {
        let write = try Self.bulk()
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journal = WriteJournal(folder: folder)
        let second = write.parts[1]
        try journal.append(WriteJournal.Entry(time: WallClock.now(), profile: "test", endpoint: second.endpoint, payloadDigest: Digest.sha256Hex(second.body), resultID: nil, outcome: "unknown"))
        let checked = write.checked(against: journal)
        #expect(checked.repeatsUnknownOutcome)
        #expect(checked.confirmCount == 1_000)
        #expect(checked.warnings.contains { $0.contains("outcome is unknown") })
        #expect(!Self.untouched().checked(against: journal).repeatsUnknownOutcome)
    }

    static func untouched() -> PlannedWrite {
        (try? TrackForm.filled(.suppress, person: TrackPerson(identifier: .id("9"), label: "9"), values: [:]).plan.get())!
    }

    @Test func aBatchFileLineWithAFieldCioWouldDropIsRefused() {
        let cases: [(String, String)] = [
            (#"{"type":"person","action":"identify","identifiers":{"id":"1"},"attributes":{"a":1},"timestamp":5}"#, "timestamp"),
            (#"{"type":"person","action":"event","identifiers":{"id":"1"},"name":"x","timestamp":"soon"}"#, "timestamp"),
            (#"{"type":"person","action":"identify","identifiers":{"id":"1"},"attributes":"plan=pro"}"#, "attributes"),
            (#"{"type":"person","action":"identify","identifiers":{"id":"1","email":"a@b.co"}}"#, "identifiers"),
            (#"{"type":"person","action":"add_device","identifiers":{"id":"1"},"device":{"token":"t","platform":"ios","colour":"red"}}"#, "device.colour"),
            (#"{"type":"person","action":"add_relationships","identifiers":{"id":"1"},"cio_relationships":[{"identifiers":{"object_type_id":"1","object_id":"a"},"relationship_attribute":{}}]}"#, "cio_relationships[0].relationship_attribute"),
        ]
        for (line, field) in cases {
            let value = try? JSONDecoder().decode(JSONValue.self, from: Data(line.utf8))
            #expect(throws: TrackProblem.self, "\(line)") { try TrackOperation(json: value ?? .null) }
            do {
                _ = try TrackOperation(json: value ?? .null)
            } catch let problem as TrackProblem {
                #expect(problem.field == field, "\(line): \(problem)")
            } catch {
                Issue.record("\(error)")
            }
        }
        let good = #"{"type":"person","action":"event","identifiers":{"email":"a@b.co"},"name":"x","attributes":{"k":"v"},"timestamp":1764000000,"id":"01JDQ7Z0000000000000000000"}"#
        let value = try? JSONDecoder().decode(JSONValue.self, from: Data(good.utf8))
        #expect((try? TrackOperation(json: value ?? .null)) == .event(.email("a@b.co"), TrackEvent(name: "x", data: ["k": "v"], timestamp: 1_764_000_000, id: "01JDQ7Z0000000000000000000")))
    }
}
