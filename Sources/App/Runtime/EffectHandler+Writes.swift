import CustomerIO
import Foundation
import Workspace

/// Effects of the composer and of writes: drafts on disk, lists to pick from, planning, the one send, the journal.
extension EffectHandler {
    var drafts: DraftFiles { DraftFiles(stateFolder: environment.stateFolder) }
    var journal: WriteJournal { WriteJournal(folder: environment.stateFolder) }

    func performWrites(_ effect: Effect) async -> [Action] {
        let service = environment.service
        switch effect {
        case .loadDrafts:
            return [.draftsLoaded(drafts.all())]
        case .saveDraft(let draft):
            return saveDraftNow(draft).map { [$0] } ?? []
        case .deleteDraft(let id):
            drafts.delete(id)
            return []
        case .loadPickerOptions(let field, let kind):
            return await pickerOptions(field, kind: kind)
        case .loadManualSegments:
            do {
                let manual = try await service.segments().filter { $0.kind == .manual }
                return [.choiceOptions(manual.map { ComposerState.Option(value: String($0.id), label: "\($0.name ?? "Segment \($0.id)") (#\($0.id))", name: $0.name ?? "Segment \($0.id)") })]
            } catch {
                return [.choiceOptions([]), .notify(.error, Self.message(error))]
            }
        case .planWrite(let draft, let ticket):
            return await planWrite(draft, ticket: ticket)
        case .checkWrite(let write, let ticket):
            var write = write
            if !write.compare.isEmpty { write.summary += await sideBySide(write.compare) }
            if let topics = write.topics { write.topics = await named(topics) }
            return [.writePlanned(checkedAgainstJournal(write), ticket: ticket)]
        case .performWrite(let write):
            return await performWrite(write)
        case .pollTrigger(let broadcast, let trigger):
            return [await triggerStatus(broadcast: broadcast, trigger: trigger)]
        case .editExternally(let field, let text):
            // Without a run loop (tests, benchmarks) the editor runs on whatever terminal there is.
            return [.externalEditFinished(field, editExternally(field, text))]
        default:
            return []
        }
    }

    /// Sends the write once (``WriteSender``); `progress` hears each batch of a bulk write as it goes.
    func performWrite(_ write: PlannedWrite, progress: @escaping @Sendable (String) -> Void = { _ in }) async -> [Action] {
        let service = environment.service
        let result = await WriteSender(client: service.client, journal: journal, profile: environment.profile).send(write, progress: progress)
        let outcome = result.outcome
        // Whatever the write touched is stale; emptied before the outcome is reported, so nothing that
        // reloads after it can read the old answers.
        if outcome.changedSomething { await service.store.invalidate(prefix: "") }
        // An export that may have started may be on the list: the list is asked for again, not read from cache.
        if case .unknown = outcome, case .startExport = write.kind { await service.store.invalidate(prefix: "exports") }
        return [.writeFinished(outcome)] + (result.report.isEmpty ? [] : [.writeReport(result.report)])
    }

    /// Templates of the draft's channel or broadcasts to pick from, by name and id (an inline email first among
    /// email templates).
    private func pickerOptions(_ field: ComposeField, kind: ComposeDraft.Kind) async -> [Action] {
        let service = environment.service
        do {
            switch field {
            case .template:
                let templates = try await Self.templates(for: kind, service: service)
                let inline = ComposerState.Option(value: "", label: "none: an inline email (subject, body and from typed here)")
                let options = templates.map { template, known in
                    let name = template.name ?? "Template \(template.id)"
                    return ComposerState.Option(value: String(template.id), label: "\(name) (#\(template.id))" + (known ? "" : " (channel unknown)"), name: name)
                }
                return [.pickerOptions(field, (kind == .email ? [inline] : []) + options)]
            case .broadcast:
                let broadcasts = try await service.broadcasts()
                return [.pickerOptions(field, broadcasts.map { ComposerState.Option(value: String($0.id), label: "\($0.name ?? "Broadcast \($0.id)") (#\($0.id))", name: $0.name ?? "Broadcast \($0.id)") })]
            default:
                return []
            }
        } catch {
            return [.pickerOptions(field, []), .notify(.error, Self.message(error))]
        }
    }

    /// The templates with content for `kind`'s channel (their contents' `type`: email, push, or twilio / sms), with
    /// whether that is known; a template whose contents did not load stays, marked, rather than vanish.
    static func templates(for kind: ComposeDraft.Kind, service: WorkspaceService) async throws -> [(TransactionalTemplate, Bool)] {
        let types: Set<String> = switch kind {
        case .sms: ["twilio", "sms"]
        case .push: ["push"]
        default: ["email"]
        }
        let templates = try await service.transactionalTemplates()
        let channels = await withTaskGroup(of: (Int, Set<String>?).self) { group in
            for template in templates {
                group.addTask { (template.id, (try? await service.transactionalContents(id: template.id)).map { Set($0.compactMap(\.type)) }) }
            }
            return await group.reduce(into: [Int: Set<String>?]()) { $0[$1.0] = $1.1 }
        }
        return templates.compactMap { template in
            guard let found = channels[template.id] ?? nil else { return (template, false) }
            return found.isDisjoint(with: types) ? nil : (template, true)
        }
    }

    /// Runs `$EDITOR` on a field's text, in an environment without any key.
    public func editExternally(_ field: ComposeField, _ text: String) -> Result<String, ExternalEditor.Failure> {
        ExternalEditor.edit(text, fileExtension: field.editorFileExtension, folder: environment.stateFolder, environment: environment.childEnvironment)
    }

    /// The write with a warning, and the typed confirmation, when the journal holds an attempt at exactly this
    /// request in the last day whose outcome is unknown: per payload, whichever draft or screen it came from.
    func checkedAgainstJournal(_ write: PlannedWrite) -> PlannedWrite {
        write.checked(against: journal)
    }

    /// Saves a draft before the next frame is drawn: the run loop calls this in line, so the screen never shows
    /// text that a crash could lose, and saves land in the order they were typed.
    public func saveDraftNow(_ draft: ComposeDraft) -> Action? {
        var draft = draft
        draft.updatedAt = WallClock.now().timeIntervalSince1970
        do {
            try drafts.save(draft)
            return nil
        } catch {
            return .notify(.error, "The draft was not saved: \(Self.message(error))")
        }
    }

    /// Warnings that need the workspace: a person who is unsubscribed, a template whose subject is empty.
    private func lookUpWarnings(_ draft: ComposeDraft) async -> [String] {
        guard draft.kind != .broadcast, !draft.identifier.isEmpty, !draft.personUnsubscribed else { return [] }
        var warnings: [String] = []
        let idType = IDType(parsing: draft.identifierType) ?? .id
        if let profile = try? await environment.service.client.customerProfile(id: draft.identifier, idType: idType) {
            if profile.saysUnsubscribed == true {
                warnings.append(draft.sendToUnsubscribed == .no
                    ? "The person is unsubscribed and send_to_unsubscribed is off: the API will not deliver it."
                    : "The person is unsubscribed; this sends anyway.")
            }
        }
        if draft.kind == .email, let id = Int(draft.template),
           let contents = try? await environment.service.client.transactionalContents(id: id) {
            let content = contents.first { $0.language == (draft.language.isEmpty ? nil : draft.language) } ?? contents.first
            if let content, (content.subject ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                warnings.append("The template's subject is empty.")
            }
        }
        return warnings
    }

    /// Whether the person a transactional draft names can be reached on its channel, as their profile says it: a
    /// summary line when they can, a warning when they cannot or it is in doubt. Nil for a broadcast, or when it
    /// cannot be worked out (the review stands without it).
    private func reachability(of draft: ComposeDraft) async -> (verdict: Reachability.Verdict, text: String)? {
        let channel: Reachability.Channel
        switch draft.kind {
        case .email: channel = .email
        case .sms: channel = .sms
        case .push: channel = .push
        case .broadcast: return nil
        }
        guard !draft.identifier.isEmpty else { return nil }
        let idType = IDType(parsing: draft.identifierType) ?? .id
        let now = WallClock.unixNow()
        guard let answer = try? await environment.service.reachability(id: draft.identifier, idType: idType, now: now).answer(channel) else { return nil }
        // Unsubscribed is said already, with what send_to_unsubscribed makes of it.
        if answer.cause == .unsubscribed { return nil }
        return (answer.verdict, "Reachability by \(channel.title): \(ReachabilityLines.verdict(answer))")
    }

    /// The review of a draft: what will be sent, with what was looked up about it (the person, reachability, a
    /// broadcast's pre-flight, whose count `progress` hears as a large audience is paged through).
    func planWrite(_ draft: ComposeDraft, ticket: Int, progress: @escaping @Sendable (String) -> Void = { _ in }) async -> [Action] {
        do {
            var write = try WritePlanner.plan(draft)
            write.cautions += await lookUpWarnings(draft)
            if let reach = await reachability(of: draft) {
                if reach.verdict == .reachable { write.summary.append(reach.text) } else { write.cautions.append(reach.text) }
            }
            if draft.kind == .broadcast { await preflight(draft, into: &write, progress: progress) }
            return [.writePlanned(checkedAgainstJournal(write), ticket: ticket)]
        } catch {
            return [.writeRefused(error.messages, ticket: ticket)]
        }
    }

    /// The broadcast's pre-flight on its review: the audience's exact size and, among it, who would not or should
    /// not get it. A filter's size also sets the typed confirmation for a large audience. What cannot be listed
    /// (the broadcast's own audience, a data file) says so.
    private func preflight(_ draft: ComposeDraft, into write: inout PlannedWrite, progress: @escaping @Sendable (String) -> Void) async {
        guard let broadcast = Int(draft.broadcastID) else { return }
        var problems: [String] = []
        let audience: BroadcastPreflight.Audience
        switch WritePlanner.triggerAudience(draft, problems: &problems) {
        case .filter(let filter): audience = .filter(filter)
        case .ids(let ids): audience = .ids(ids)
        case .emails(let emails): audience = .emails(emails)
        case .perUserData(let items):
            let ids = items.compactMap { if case .id(let id) = $0.person { id } else { nil } }
            let emails = items.compactMap { if case .email(let email) = $0.person { email } else { nil } }
            guard ids.count == items.count || emails.count == items.count else {
                write.summary.append("Pre-flight: per-user data mixes kinds of identifier, so its people are not checked ahead")
                return
            }
            audience = ids.isEmpty ? .emails(emails) : .ids(ids)
        case .broadcastDefault, .dataFileURL:
            write.summary.append("Pre-flight: this audience is not listed by the API ahead of the send, so it is not checked")
            return
        }
        do {
            let found = try await environment.service.preflight(broadcast: broadcast, audience: audience, now: WallClock.unixNow()) { counted in
                progress("Pre-flight: \(Format.grouped(counted)) people in the audience so far…")
            }
            write.summary += found.lines
            if case .filter = audience { WritePlanner.apply(audienceCount: (found.audienceSize, false), to: &write) }
        } catch {
            write.cautions.append("The pre-flight could not be done (\(Self.message(error))): the audience is not checked.")
            if case .filter(let filter) = audience { WritePlanner.apply(audienceCount: await countMatches(filter), to: &write) }
        }
    }

    /// How many people a filter matches now, paging through at most `cap` of them (nil when the search fails).
    private func countMatches(_ filter: AudienceFilter, cap: Int = 10_000) async -> (count: Int, capped: Bool)? {
        var count = 0
        var start: String?
        do {
            repeat {
                let page = try await environment.service.client.searchCustomers(filter: filter, start: start, limit: 1_000)
                count += max(page.identifiers.count, page.ids.count)
                start = page.next
            } while start != nil && count < cap
        } catch {
            return nil
        }
        return (count, start != nil)
    }

    /// The id in a write's answer: a delivery id, a trigger id, a new segment's id.
    static func resultID(of kind: PlannedWrite.Kind, body: Data) -> String? {
        // The test tool shows the answer as it came, whatever it is.
        if case .pipelines = kind { return "answered " + (body.isEmpty ? "(an empty body)" : String(decoding: body.prefix(200), as: UTF8.self)) }
        guard let value = try? JSONDecoder().decode(JSONValue.self, from: body), case .object(let object) = value else { return nil }
        switch kind {
        case .send: return object["delivery_id"]?.displayText
        case .trigger: return object["id"]?.displayText
        case .createSegment:
            if case .object(let segment)? = object["segment"] { return segment["id"]?.displayText }
            return nil
        case .deleteSegment(let id): return String(id)
        case .suppress(_, let email), .unsuppress(_, let email): return email
        case .addMembers(let segment), .removeMembers(let segment): return String(segment)
        case .startExport:
            if case .object(let export)? = object["export"] { return export["id"]?.displayText }
            return nil
        case .track(_, let person, _): return person
        case .trackBatch(_, let people): return people == 1 ? "1 person" : "\(people) people"
        case .pipelines: return nil
        }
    }

    /// Where the outcome's Enter goes.
    static func link(of kind: PlannedWrite.Kind, id: String?) -> Route? {
        switch kind {
        case .send: id.map { .detail(.messages, key: .name($0)) }
        case .trigger(let broadcast): .detail(.broadcasts, key: .id(broadcast))
        case .createSegment: id.flatMap(Int.init).map { .detail(.segments, key: .id($0)) }
        case .addMembers(let segment), .removeMembers(let segment): .members(segment: .id(segment))
        case .deleteSegment: .list(.segments)
        case .startExport: .list(.exports)
        case .suppress(let type, let email): .detail(.suppressions, key: SuppressionsPane.key(type, email))
        case .unsuppress: .list(.suppressions)
        case .track(_, _, let reload): reload
        case .trackBatch, .pipelines: nil
        }
    }

    private func triggerStatus(broadcast: Int, trigger: Int) async -> Action {
        let client = environment.service.client
        do {
            let status = try await client.broadcastTriggerStatus(broadcastID: broadcast, triggerID: trigger)
            let processed = status.processedAt != nil
            // Its messages exist now: emptied before the status is reported, so nothing reloads the queued state.
            if processed { await environment.service.store.invalidate(prefix: "") }
            var lines = [processed ? "Trigger #\(trigger) processed \(TimeText.full(status.processedAt))" : "Trigger #\(trigger) is queued; asking again every 2 s…"]
            if processed {
                let errors = try await client.broadcastTriggerErrors(broadcastID: broadcast, triggerID: trigger, limit: 20)
                lines.append(errors.errors.isEmpty ? "No errors." : "\(errors.errors.count) error(s):")
                lines += errors.errors.prefix(10).map { "  \($0)" }
            }
            return .triggerStatus(lines: lines, done: processed)
        } catch {
            return .triggerStatus(lines: ["Status unavailable: \(Self.message(error))"], done: true)
        }
    }
}
