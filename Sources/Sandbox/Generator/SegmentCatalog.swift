import CustomerIO

/// The workspace's segments: dynamic ones written in the API's filter grammar (so the same evaluator serves
/// segments, customer search, broadcast recipients and exports) and a few manual ones with explicit members.
enum SegmentCatalog {
    static let proPlan = 1
    static let enterprise = 2
    static let freeUsers = 3
    static let paying = 4
    static let germany = 5
    static let unitedStates = 6
    static let hasPhone = 7
    static let unsubscribed = 8
    static let reachableBySMS = 9
    static let proInGermany = 10
    static let frenchSpeakers = 11
    static let londoners = 12
    static let betaTesters = 13
    static let vipAccounts = 14
    static let supportEscalations = 15
    static let webinarAttendees = 16

    static func segments(anchor: Int) -> [SegmentRecord] {
        func eq(_ field: String, _ value: String) -> AudienceFilter { .attribute(field: field, condition: .equals(value)) }
        func dynamic(_ id: Int, _ name: String, _ description: String, _ rule: AudienceFilter, tags: [String]? = nil, state: String = "finished", progress: Int? = nil) -> SegmentRecord {
            SegmentRecord(
                id: id, name: name, description: description, kind: .dynamic, rule: rule, state: state, progress: progress,
                tags: tags, createdAt: anchor - (400 - id * 17) * 86_400, updatedAt: anchor - (40 - id) * 86_400
            )
        }
        func manual(_ id: Int, _ name: String, _ description: String, tags: [String]? = nil) -> SegmentRecord {
            SegmentRecord(
                id: id, name: name, description: description, kind: .manual, rule: nil, state: "finished", progress: nil,
                tags: tags, createdAt: anchor - (300 - id * 11) * 86_400, updatedAt: anchor - (20 - id) * 86_400
            )
        }
        return [
            dynamic(proPlan, "Pro plan", "Everyone on the Pro plan.", eq("plan", "pro"), tags: ["plan"]),
            dynamic(enterprise, "Enterprise accounts", "People on an Enterprise contract.", eq("plan", "enterprise"), tags: ["plan", "sales"]),
            dynamic(freeUsers, "Free users", "People who have not upgraded yet.", eq("plan", "free"), tags: ["plan"]),
            dynamic(paying, "Paying customers", "Starter, Pro or Enterprise.", .or([eq("plan", "starter"), eq("plan", "pro"), eq("plan", "enterprise")]), tags: ["plan"]),
            dynamic(germany, "Germany", "People whose country is DE.", eq("country", "DE"), tags: ["geo"]),
            dynamic(unitedStates, "United States", "People whose country is US.", eq("country", "US"), tags: ["geo"]),
            dynamic(hasPhone, "Has phone number", "People with a phone attribute.", .attribute(field: "phone", condition: .exists)),
            dynamic(unsubscribed, "Unsubscribed", "People who unsubscribed from marketing.", eq("unsubscribed", "true")),
            dynamic(reachableBySMS, "Reachable by SMS", "Has a phone and is still subscribed.", .and([.attribute(field: "phone", condition: .exists), .not(eq("unsubscribed", "true"))]), tags: ["sms"]),
            dynamic(proInGermany, "Pro in Germany", "Pro plan customers in Germany.", .and([.segment(id: proPlan), .segment(id: germany)]), tags: ["geo", "plan"]),
            dynamic(frenchSpeakers, "French speakers", "People whose language is fr.", eq("language", "fr"), tags: ["language"]),
            dynamic(londoners, "Londoners", "People in London (rebuilding after a rule change).", eq("city", "London"), tags: ["geo"], state: "build", progress: 62),
            manual(betaTesters, "Beta testers", "Opted in to early features.", tags: ["product"]),
            manual(vipAccounts, "VIP accounts", "Hand-picked accounts with a named account manager.", tags: ["sales"]),
            manual(supportEscalations, "Support escalations", "Added by the support team; excluded from promotions."),
            manual(webinarAttendees, "Q3 webinar attendees", "Imported from the webinar platform.", tags: ["events"]),
        ]
    }

    /// Initial members of the manual segments, drawn from the people table.
    static func manualMembers(customers: CustomerTable, rng: inout SplitMix64) -> [Int: Set<Int32>] {
        let count = customers.count
        guard count > 0 else { return [betaTesters: [], vipAccounts: [], supportEscalations: [], webinarAttendees: []] }
        func sample(_ wanted: Int, where accept: (Int) -> Bool) -> Set<Int32> {
            var members = Set<Int32>()
            var attempts = 0
            while members.count < wanted && attempts < wanted * 30 {
                attempts += 1
                let row = rng.below(count)
                if accept(row) { members.insert(Int32(row)) }
            }
            return members
        }
        return [
            betaTesters: sample(min(1_500, max(5, count / 100))) { _ in true },
            vipAccounts: sample(min(300, max(3, count / 200))) { customers.plan[$0] >= 2 },
            supportEscalations: sample(min(25, max(2, count / 80))) { _ in true },
            webinarAttendees: sample(min(400, max(4, count / 60))) { !customers.isUnsubscribed($0) },
        ]
    }
}
