/// Message (delivery) lists, look-ups and the deliveries that sends and triggers create.
extension SandboxWorkspace {
    /// A page of deliveries, newest first. `before` is the sequence number to continue below (from the cursor);
    /// the returned `next` is the cursor value for the following page, nil at the end.
    func deliveryPage(
        customer: Int32? = nil, before: Int?, limit: Int, where predicate: (DeliveryRecord) -> Bool
    ) -> (items: [DeliveryRecord], next: Int?) {
        processDueTriggers()
        return state.withLock { state in
            var items: [DeliveryRecord] = []
            var next: Int?
            func visit(_ index: Int) -> Bool {
                let delivery = state.deliveries[index]
                if let before, delivery.seq >= before { return true }
                guard predicate(delivery) else { return true }
                if items.count == limit {
                    next = items.last.map(\.seq)
                    return false
                }
                items.append(delivery)
                return true
            }
            if let customer {
                for index in (state.deliveriesByCustomer[customer] ?? []).reversed() where !visit(index) { break }
            } else {
                for index in state.deliveries.indices.reversed() where !visit(index) { break }
            }
            return (items, next)
        }
    }

    func delivery(id: String) -> DeliveryRecord? {
        processDueTriggers()
        return state.withLock { state in state.deliveryByID[id].map { state.deliveries[$0] } }
    }

    /// How many deliveries exist (optionally for one person), including those created since start.
    func deliveryCount(customer: Int32? = nil) -> Int {
        processDueTriggers()
        return state.withLock { state in
            if let customer { return state.deliveriesByCustomer[customer]?.count ?? 0 }
            return state.deliveries.count
        }
    }

    func countDeliveries(where predicate: (DeliveryRecord) -> Bool) -> Int {
        processDueTriggers()
        return state.withLock { state in state.deliveries.reduce(0) { $0 + (predicate($1) ? 1 : 0) } }
    }

    func allDeliveries(where predicate: (DeliveryRecord) -> Bool) -> [DeliveryRecord] {
        processDueTriggers()
        return state.withLock { state in state.deliveries.filter(predicate) }
    }

    /// Records a transactional send and returns its delivery id.
    /// `suppressed` records the send as failed (an unsubscribed person the template may not reach).
    func recordSend(
        template: TemplateRecord, content: ContentRecord, row: Int, recipient: String, subject: String,
        body: String, from: String, queuedAt: Int, sendAt: Int?, suppressed: Bool = false
    ) -> String {
        state.withLock { state in
            let seq = state.deliveries.count
            var metrics: [(metric: DeliveryMetric, at: Int)] = [(.created, queuedAt)]
            if suppressed {
                metrics.append((.failed, queuedAt))
            } else if sendAt.map({ $0 <= queuedAt }) ?? true {
                metrics.append((.attempted, queuedAt))
                metrics.append((.sent, queuedAt))
            }
            let delivery = DeliveryRecord(
                seq: seq, id: DeliveryGenerator.messageID(seed: data.seed, seq: seq), customer: Int32(row),
                type: content.type, campaignID: nil, actionID: nil, parentActionID: nil, newsletterID: nil,
                contentID: nil, broadcastID: nil, transactionalID: template.id, triggerID: nil, templateID: content.id,
                subject: subject, recipient: recipient, created: queuedAt, metrics: metrics,
                failureMessage: suppressed ? "Person is unsubscribed and this message does not send to unsubscribed people" : nil,
                body: body, from: from
            )
            state.append(delivery)
            state.sendCounter += 1
            return delivery.id
        }
    }

    /// Turns triggers whose moment has come into deliveries for their audience.
    func processDueTriggers() {
        let now = clock.now()
        let unixNow = clock.unixNow()
        state.withLock { state in
            for index in state.triggers.indices where state.triggers[index].processedAt == nil && state.triggers[index].processAfter <= now {
                let trigger = state.triggers[index]
                guard let broadcast = data.broadcasts.first(where: { $0.id == trigger.broadcastID }) else { continue }
                for row in trigger.audience {
                    for action in broadcast.actions {
                        let recipient: String?
                        switch action.type {
                        case "push": recipient = customers.devices(Int(row)).first?.id
                        case "twilio": recipient = customers.phone(Int(row))
                        default: recipient = customers.email(Int(row))
                        }
                        guard let recipient else { continue }
                        let seq = state.deliveries.count
                        state.append(DeliveryRecord(
                            seq: seq, id: DeliveryGenerator.messageID(seed: data.seed, seq: seq), customer: row, type: action.type,
                            campaignID: nil, actionID: action.id, parentActionID: nil, newsletterID: nil, contentID: nil,
                            broadcastID: broadcast.id, transactionalID: nil, triggerID: trigger.id, templateID: action.id,
                            subject: action.subject, recipient: recipient, created: unixNow,
                            metrics: [(.created, unixNow), (.attempted, unixNow), (.sent, unixNow)], failureMessage: nil,
                            body: action.body, from: action.from
                        ))
                    }
                }
                state.triggers[index].processedAt = unixNow
            }
        }
    }
}
