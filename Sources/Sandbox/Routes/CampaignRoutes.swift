/// `/v1/campaigns…`: campaigns, their actions, metrics, journey metrics and messages.
enum CampaignRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/campaigns", use: listCampaigns)
        router.get("/v1/campaigns/:id", use: getCampaign)
        router.get("/v1/campaigns/:id/metrics", use: campaignMetrics)
        router.get("/v1/campaigns/:id/metrics/links", use: campaignLinkMetrics)
        router.get("/v1/campaigns/:id/actions", use: listActions)
        router.get("/v1/campaigns/:id/actions/:action", use: getAction)
        router.get("/v1/campaigns/:id/actions/:action/metrics", use: actionMetrics)
        router.get("/v1/campaigns/:id/actions/:action/metrics/links", use: actionLinkMetrics)
        router.get("/v1/campaigns/:id/journey_metrics", use: journeyMetrics)
        router.get("/v1/campaigns/:id/messages", use: campaignMessages)
    }

    static func listCampaigns(_ request: RouteRequest) -> Reply {
        .json(.obj(["campaigns": .array(request.app.data.campaigns.map(CampaignWire.campaign))]))
    }

    static func getCampaign(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["campaign": CampaignWire.campaign(try campaign(request))]))
    }

    static func campaignMetrics(_ request: RouteRequest) throws -> Reply {
        try MetricsReply.series(.campaign(try campaign(request).id), request, allowVersion2: true)
    }

    static func campaignLinkMetrics(_ request: RouteRequest) throws -> Reply {
        let campaign = try campaign(request)
        return try MetricsReply.links(campaign.links, owner: .campaign(campaign.id), request)
    }

    /// Fixed pages of ten; only `start` is accepted.
    static func listActions(_ request: RouteRequest) throws -> Reply {
        let campaign = try campaign(request)
        let page = Cursor.page(campaign.actions, start: request.exchange.query["start"], limit: 10)
        return .json(.obj([
            "actions": .array(page.items.map { CampaignWire.action($0, parentKey: "campaign_id") }),
            "next": .string(page.next ?? ""),
        ]))
    }

    static func getAction(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["action": CampaignWire.action(try action(request).action, parentKey: "campaign_id")]))
    }

    static func actionMetrics(_ request: RouteRequest) throws -> Reply {
        try MetricsReply.series(.action(try action(request).action.id), request, allowVersion2: true)
    }

    static func actionLinkMetrics(_ request: RouteRequest) throws -> Reply {
        let (campaign, action) = try action(request)
        return try MetricsReply.links(campaign.links, owner: .action(action.id), request, checksType: true)
    }

    static func campaignMessages(_ request: RouteRequest) throws -> Reply {
        let campaign = try campaign(request)
        return try MessageQuery.list(request, base: DeliverySelector(campaignID: campaign.id), shape: .full, documents400: true)
    }

    /// A campaign's journey figures (v2 only): "messaged" counted from its deliveries, the rest in proportion to it.
    static func journeyMetrics(_ request: RouteRequest) throws -> Reply {
        let (campaign, app) = (try campaign(request), request.app)
        let now = app.store.clock.unixNow()
        let boundaries = try MetricWindow.version2(request.exchange, now: now, requireAll: true, defaultZone: "UTC")
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

    static func campaign(_ request: RouteRequest) throws -> CampaignRecord {
        let id = try request.parameters.int("id")
        guard let campaign = request.app.data.campaigns.first(where: { $0.id == id }) else { throw APIFailure.notFound("campaign \(id) not found") }
        return campaign
    }

    static func action(_ request: RouteRequest) throws -> (campaign: CampaignRecord, action: ActionRecord) {
        let campaign = try campaign(request)
        let id = try request.parameters.int("action")
        guard let action = campaign.actions.first(where: { $0.id == id }) else {
            throw APIFailure.notFound("action \(id) not found in campaign \(campaign.id)")
        }
        return (campaign, action)
    }
}
