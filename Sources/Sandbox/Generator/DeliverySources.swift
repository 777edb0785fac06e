/// One place messages come from (a campaign action, a broadcast action, a newsletter variant, a transactional
/// template) with its expected messages per day and when in a day they go out.
struct DeliverySource {
    /// The fields every message from here shares; person, times and states are filled in per message.
    let prototype: DeliveryRecord
    let url: String?
    let links: [LinkRecord]
    let draft: Bool
    let marketing: Bool
    let reachesUnsubscribed: Bool
    /// Expected messages per day, oldest first; one more than the plan's days: the anchor day itself.
    let daily: [Double]
    let timing: Timing

    /// When a day's messages are created.
    enum Timing {
        /// Through the day, with the workspace's daily rhythm (automations, transactional sends).
        case spread
        /// A few minutes after a trigger processed that day (broadcasts): day → (trigger id, processed at).
        case triggered([Int: (id: Int, at: Int)])
        /// Within half an hour of the newsletter's send.
        case sentAt(Int)
    }

    func context(rates: DeliveryOutcome.Rates, horizon: Int) -> DeliveryOutcome.Context {
        DeliveryOutcome.Context(
            rates: rates, links: links, linkPicker: links.isEmpty ? nil : WeightedPicker(weights: links.map(\.share)),
            horizon: horizon, marketing: marketing
        )
    }

    /// The moment one of `day`'s messages is created, and the trigger it came from.
    func moment(day: Int, firstDay: Int, rng: inout SplitMix64) -> (created: Int, trigger: Int?) {
        switch timing {
        case .spread:
            return (firstDay + day * 86_400 + WeightedPicker.hours.pick(&rng) * 3_600 + rng.below(3_600), nil)
        case .triggered(let byDay):
            guard let trigger = byDay[day] else { return (firstDay + day * 86_400 + 9 * 3_600, nil) }
            return (trigger.at + rng.below(300), trigger.id)
        case .sentAt(let time):
            return (time + rng.below(1_800), nil)
        }
    }
}

/// Builds the sources of every catalog item; the plans' volumes become expected messages per day.
struct DeliverySources {
    let firstDay: Int
    let triggers: [TriggerRecord]

    /// The plan's daily sends times `share`, and for sources that send every day, the anchor day on the plan of
    /// the same weekday a week before (its messages appear as far as the history's horizon reaches).
    private func daily(_ plan: DailySeries, share: Double, repeatsWeekly: Bool) -> [Double] {
        var volumes = (0 ..< plan.days).map { Double(plan[.sent, $0]) * share }
        volumes.append(repeatsWeekly && plan.days >= 7 ? Double(plan[.sent, plan.days - 7]) * share : 0)
        return volumes
    }

    func campaigns(_ campaigns: [CampaignRecord]) -> [DeliverySource] {
        campaigns.flatMap { campaign in
            campaign.actions.map { action in
                let draft = action.sendingState == "draft"
                return DeliverySource(
                    prototype: .prototype(type: action.type, templateID: action.id, subject: action.subject, body: action.body, from: action.from,
                                          campaignID: campaign.id, actionID: action.id, parentActionID: action.parentActionID),
                    url: action.url, links: campaign.links, draft: draft, marketing: true, reachesUnsubscribed: false,
                    daily: daily(campaign.plan, share: action.weight * (draft ? 0.15 : 1), repeatsWeekly: true), timing: .spread
                )
            }
        }
    }

    func broadcasts(_ broadcasts: [BroadcastRecord]) -> [DeliverySource] {
        broadcasts.flatMap { broadcast in
            var byDay: [Int: (id: Int, at: Int)] = [:]
            for trigger in triggers where trigger.broadcastID == broadcast.id {
                byDay[(trigger.createdAt - firstDay) / 86_400] = (trigger.id, trigger.processedAt ?? trigger.createdAt)
            }
            return broadcast.actions.map { action in
                DeliverySource(
                    prototype: .prototype(type: action.type, templateID: action.id, subject: action.subject, body: action.body, from: action.from,
                                          actionID: action.id, broadcastID: broadcast.id),
                    url: action.url, links: broadcast.links, draft: false, marketing: true, reachesUnsubscribed: false,
                    daily: daily(broadcast.plan, share: action.weight, repeatsWeekly: false), timing: .triggered(byDay)
                )
            }
        }
    }

    func newsletters(_ newsletters: [NewsletterRecord]) -> [DeliverySource] {
        newsletters.flatMap { newsletter -> [DeliverySource] in
            guard let sentAt = newsletter.sentAt else { return [] }
            return newsletter.contents.map { content in
                DeliverySource(
                    prototype: .prototype(type: "email", templateID: content.id, subject: content.subject, body: content.body, from: content.from,
                                          newsletterID: newsletter.id, contentID: content.id),
                    url: nil, links: newsletter.links, draft: false, marketing: true, reachesUnsubscribed: false,
                    daily: daily(newsletter.plan, share: 1 / Double(newsletter.contents.count), repeatsWeekly: false), timing: .sentAt(sentAt)
                )
            }
        }
    }

    func templates(_ templates: [TemplateRecord]) -> [DeliverySource] {
        templates.map { template in
            let content = template.contents[0]
            return DeliverySource(
                prototype: .prototype(type: content.type, templateID: content.id, subject: content.subject, body: content.body, from: content.from,
                                      transactionalID: template.id),
                url: nil, links: template.linkTracking ? template.links : [], draft: false, marketing: false,
                reachesUnsubscribed: template.sendToUnsubscribed,
                daily: daily(template.plan, share: 1, repeatsWeekly: true), timing: .spread
            )
        }
    }
}

extension DeliveryRecord {
    /// The shared fields of a source's messages; `sent(to:…)` makes each message from it.
    static func prototype(
        type: String, templateID: Int, subject: String, body: String, from: String, campaignID: Int? = nil, actionID: Int? = nil,
        parentActionID: Int? = nil, newsletterID: Int? = nil, contentID: Int? = nil, broadcastID: Int? = nil, transactionalID: Int? = nil
    ) -> DeliveryRecord {
        DeliveryRecord(
            seq: 0, id: "", customer: 0, type: type, campaignID: campaignID, actionID: actionID, parentActionID: parentActionID,
            newsletterID: newsletterID, contentID: contentID, broadcastID: broadcastID, transactionalID: transactionalID,
            triggerID: nil, templateID: templateID, subject: subject, recipient: "", created: 0, metrics: [], failureMessage: nil,
            body: body, from: from
        )
    }

    /// This prototype as one message to one person, with what happened to it.
    func sent(to customer: Int32, recipient: String, created: Int, trigger: Int?, outcome: DeliveryOutcome) -> DeliveryRecord {
        DeliveryRecord(
            seq: seq, id: id, customer: customer, type: type, campaignID: campaignID, actionID: actionID, parentActionID: parentActionID,
            newsletterID: newsletterID, contentID: contentID, broadcastID: broadcastID, transactionalID: transactionalID,
            triggerID: trigger, templateID: templateID, subject: subject, recipient: recipient, created: created,
            metrics: outcome.metrics, failureMessage: outcome.failure, body: body, from: from,
            link: outcome.link, httpStatus: outcome.httpStatus
        )
    }
}
