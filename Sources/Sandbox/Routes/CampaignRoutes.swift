/// `/v1/campaigns…`: campaigns, their actions, metrics, journey metrics and messages.
enum CampaignRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/campaigns") { _, _ in
            .json(.obj(["campaigns": .array(app.data.campaigns.map(CampaignWire.campaign))]))
        }

        router.get("/v1/campaigns/:id") { _, parameters in
            .json(.obj(["campaign": CampaignWire.campaign(try campaign(parameters, app))]))
        }

        router.get("/v1/campaigns/:id/metrics") { exchange, parameters in
            let campaign = try campaign(parameters, app)
            return try MetricsReply.series(.campaign(campaign.id), exchange, app: app, allowVersion2: true)
        }

        router.get("/v1/campaigns/:id/metrics/links") { exchange, parameters in
            let campaign = try campaign(parameters, app)
            return try MetricsReply.links(campaign.links, owner: .campaign(campaign.id), exchange, app: app)
        }

        router.get("/v1/campaigns/:id/actions") { exchange, parameters in
            let campaign = try campaign(parameters, app)
            // Fixed pages of ten; only `start` is accepted.
            let page = Cursor.page(campaign.actions, start: exchange.query["start"], limit: 10)
            var pairs: [(String, SandboxJSON)] = [("actions", .array(page.items.map { CampaignWire.action($0, parentKey: "campaign_id") }))]
            pairs.append(("next", .string(page.next ?? "")))
            return .json(.obj(pairs))
        }

        router.get("/v1/campaigns/:id/actions/:action") { _, parameters in
            let (_, action) = try action(parameters, app)
            return .json(.obj(["action": CampaignWire.action(action, parentKey: "campaign_id")]))
        }

        router.get("/v1/campaigns/:id/actions/:action/metrics") { exchange, parameters in
            let (_, action) = try action(parameters, app)
            return try MetricsReply.series(.action(action.id), exchange, app: app, allowVersion2: true)
        }

        router.get("/v1/campaigns/:id/actions/:action/metrics/links") { exchange, parameters in
            let (campaign, action) = try action(parameters, app)
            return try MetricsReply.links(campaign.links, owner: .action(action.id), exchange, app: app, checksType: true)
        }

        router.get("/v1/campaigns/:id/journey_metrics") { exchange, parameters in
            try journeyMetrics(exchange, parameters, app)
        }

        router.get("/v1/campaigns/:id/messages") { exchange, parameters in
            let campaign = try campaign(parameters, app)
            return try MessageQuery.list(exchange, base: DeliverySelector(campaignID: campaign.id), shape: .full, app: app, documents400: true)
        }
    }

    /// A campaign's journey figures (v2 only): "messaged" counted from its deliveries, the rest in proportion to it.
    static func journeyMetrics(_ exchange: Exchange, _ parameters: Router.Parameters, _ app: SandboxApp) throws -> Reply {
        let campaign = try campaign(parameters, app)
        let now = app.store.clock.unixNow()
        let boundaries = try MetricWindow.version2(exchange, now: now, requireAll: true, defaultZone: "UTC")
        let counts = app.store.tally(.campaign(campaign.id), boundaries: boundaries)
        let sent = counts[Metric.sent.rawValue]
        let converted = counts[Metric.converted.rawValue]
        func scaled(_ factor: Double) -> SandboxJSON { .ints(sent.map { Int((Double($0) * factor).rounded()) }) }
        let started = sent.map { Int((Double($0) * 1.2).rounded()) }
        let activated = sent.map { Int((Double($0) * 1.1).rounded()) }
        return .json(.obj(["journey_metric": .obj([
            "started": .ints(started),
            "activated": .ints(activated),
            "exited_early": scaled(0.06),
            "finished": scaled(0.95),
            "converted": .ints(converted),
            "never_activated": .ints(zip(started, activated).map { $0 - $1 }),
            "messaged": .ints(sent),
        ])]))
    }

    static func campaign(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> CampaignRecord {
        let id = try parameters.int("id")
        guard let campaign = app.data.campaigns.first(where: { $0.id == id }) else { throw APIFailure.notFound("campaign \(id) not found") }
        return campaign
    }

    static func action(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> (CampaignRecord, ActionRecord) {
        let campaign = try campaign(parameters, app)
        let id = try parameters.int("action")
        guard let action = campaign.actions.first(where: { $0.id == id }) else {
            throw APIFailure.notFound("action \(id) not found in campaign \(campaign.id)")
        }
        return (campaign, action)
    }
}
