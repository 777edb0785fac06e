/// Broadcast triggers: accepted at once, processed (deliveries created, `processed_at` set) a moment later.
extension SandboxWorkspace {
    /// How long after acceptance a trigger is processed.
    static let triggerProcessingDelay = 0.25

    func createTrigger(broadcastID: Int, audience: [Int32], errors: [String]) -> TriggerRecord {
        let createdAt = clock.unixNow()
        let processAfter = clock.now() + Self.triggerProcessingDelay
        var errors = errors
        var audience = audience
        if audience.count > Self.triggerDeliveryCap {
            errors.append("audience of \(audience.count) people truncated to the sandbox's cap of \(Self.triggerDeliveryCap)")
            audience = Array(audience.prefix(Self.triggerDeliveryCap))
        }
        return state.withLock { state in
            let trigger = TriggerRecord(
                id: state.nextTriggerID, broadcastID: broadcastID, createdAt: createdAt, processedAt: nil,
                processAfter: processAfter, audience: audience, errors: errors
            )
            state.nextTriggerID += 1
            state.triggers.append(trigger)
            return trigger
        }
    }

    func trigger(_ id: Int, broadcastID: Int) -> TriggerRecord? {
        processDueTriggers()
        return state.withLock { state in state.triggers.first { $0.id == id && $0.broadcastID == broadcastID } }
    }

    func triggers(broadcastID: Int) -> [TriggerRecord] {
        processDueTriggers()
        return state.withLock { state in state.triggers.filter { $0.broadcastID == broadcastID } }
    }
}
