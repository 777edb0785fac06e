import Testing
@testable import Sandbox

/// The enums and typed bodies the handlers read requests into: unknown names are refused in the same words as
/// before, and members of the wrong shape are kept for the handler to refuse rather than failing the whole body.
@Suite struct RequestVocabularyTests {
    private func json(_ text: String) throws -> SandboxJSON { try #require(SandboxJSON.parse(Array(text.utf8))) }

    private func entityProblem(_ text: String) throws -> TrackProblem? {
        let body = try json(text)
        do throws(TrackProblem) {
            _ = try EntityParser.operation(body)
            return nil
        } catch {
            return error
        }
    }

    @Test func anUnknownOperationTypeIsRefusedAsBefore() throws {
        let problem = try entityProblem(#"{"type":"account","action":"identify","identifiers":{"id":"1"}}"#)
        #expect(problem == .value("type", "type must be person, object or delivery (got account)"))
    }

    @Test(arguments: [("person", "merge_all"), ("object", "event"), ("delivery", "identify")])
    func anActionOfAnotherTypeIsRefusedAsBefore(type: String, action: String) throws {
        let problem = try entityProblem(#"{"type":"\#(type)","action":"\#(action)","identifiers":{"id":"1"}}"#)
        #expect(problem == .value("action", "\(action) is not an action for type \(type)"))
    }

    @Test func aMissingActionIsRequiredBeforeTheTypeIsJudged() throws {
        #expect(try entityProblem(#"{"type":"account"}"#) == .required("action"))
    }

    @Test func anUnknownPipelinesCallIsRefusedAfterTheBodyIsChecked() throws {
        let badTime = try json(#"{"userId":"1","timestamp":"yesterday"}"#)
        let unknown = try json(#"{"userId":"1"}"#)
        #expect(throws: TrackProblem.value("timestamp", "timestamp must be an ISO 8601 date (got yesterday)")) {
            _ = try PipelinesParser.operation("click", badTime)
        }
        #expect(throws: TrackProblem.value("type", "type must be one of identify, track, page, screen, group or alias (got click)")) {
            _ = try PipelinesParser.operation("click", unknown)
        }
    }

    @Test func anUnknownTrackV1EventTypeIsRefusedAsBefore() throws {
        let body = try json(#"{"name":"x","type":"click"}"#)
        #expect(throws: TrackProblem.value("type", "type must be event, page or screen (got click)")) {
            _ = try TrackV1Parser.event(.id("1"), body)
        }
    }

    @Test func idsOfEveryShapeAreKeptInTheirPlace() throws {
        let body = try json(#"{"ids":["7",8,8.0,true,null]}"#).decodeMembers(IDListBody<LooseID>.self)
        let ids = try #require(body.ids?.value)
        #expect(ids.map { $0.value?.text } == ["7", "8", "8", nil, nil])
        #expect(try json(#"{"ids":"7"}"#).decodeMembers(IDListBody<LooseID>.self).ids?.value == nil)
        #expect(try json(#"{"ids":null}"#).decodeMembers(IDListBody<LooseID>.self).ids == nil)
    }

    @Test func aBodyThatIsNotAnObjectHasNoMembers() throws {
        let body = try json("[1,2]").decodeMembers(DeliveriesExportBody.self)
        #expect(body.owners.isEmpty)
        #expect(body.start == nil)
    }

    @Test func aNullOwnerIsAbsentButANullWindowIsTheWrongShape() throws {
        let body = try json(#"{"campaign_id":null,"action_id":"12","start":null,"drafts":"true"}"#).decodeMembers(DeliveriesExportBody.self)
        #expect(body.owners.map(\.key) == [.actionID])
        #expect(body.owners.first?.id.value?.value == 12)
        guard case .mismatch? = body.start else { Issue.record("a null start is kept to be refused"); return }
        #expect(body.drafts?.value?.value == true)
    }

    @Test func aNullAttachmentsIsKeptToBeRefusedAndAnAbsentOneIsNot() throws {
        let null = try json(#"{"attachments":null}"#).decodeMembers(SendBody.self)
        guard case .mismatch? = null.attachments else { Issue.record("a null attachments is kept to be refused"); return }
        #expect(try json("{}").decodeMembers(SendBody.self).attachments == nil)
    }

    @Test func aTriggerNamesItsAudiencesInTheOrderARefusalListsThem() throws {
        let body = try json(#"{"ids":[1],"emails":["a@example.com"],"recipients":null,"data":5}"#).decodeMembers(TriggerBody.self)
        #expect(body.namedAudiences == [.emails, .ids])
        guard case .mismatch? = body.data else { Issue.record("data that is not an object is kept to be refused"); return }
    }
}
