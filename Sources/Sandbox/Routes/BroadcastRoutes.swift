/// `/v1/broadcasts…` reads and the trigger endpoints under `/v1/campaigns/{broadcast_id}/triggers`.
enum BroadcastRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/broadcasts", use: listBroadcasts)
        router.get("/v1/broadcasts/:id", use: getBroadcast)
        router.get("/v1/broadcasts/:id/metrics", use: broadcastMetrics)
        router.get("/v1/broadcasts/:id/metrics/links", use: broadcastLinkMetrics)
        router.get("/v1/broadcasts/:id/actions", use: listActions)
        router.get("/v1/broadcasts/:id/actions/:action", use: getAction)
        router.get("/v1/broadcasts/:id/actions/:action/metrics", use: actionMetrics)
        router.get("/v1/broadcasts/:id/actions/:action/metrics/links", use: actionLinkMetrics)
        router.get("/v1/broadcasts/:id/messages", use: broadcastMessages)
        // A broadcast's trigger history, and triggering it (under `/v1/campaigns/{broadcast_id}/triggers`).
        router.get("/v1/broadcasts/:id/triggers", use: listTriggers)
        router.post("/v1/campaigns/:id/triggers", use: BroadcastTrigger.trigger)
        router.get("/v1/campaigns/:id/triggers/:trigger", use: getTrigger)
        router.get("/v1/campaigns/:id/triggers/:trigger/errors", use: triggerErrors)
    }

    static func listBroadcasts(_ request: RouteRequest) -> Reply {
        .json(.obj(["broadcasts": .array(request.app.data.broadcasts.map(CampaignWire.broadcast))]))
    }

    static func getBroadcast(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["broadcast": CampaignWire.broadcast(try broadcast(request))]))
    }

    static func broadcastMetrics(_ request: RouteRequest) throws -> Reply {
        try MetricsReply.series(.broadcast(try broadcast(request).id), request, allowVersion2: false)
    }

    static func broadcastLinkMetrics(_ request: RouteRequest) throws -> Reply {
        let broadcast = try broadcast(request)
        return try MetricsReply.links(broadcast.links, owner: .broadcast(broadcast.id), request)
    }

    static func listActions(_ request: RouteRequest) throws -> Reply {
        let broadcast = try broadcast(request)
        return .json(.obj(["actions": .array(broadcast.actions.map { CampaignWire.action($0, parentKey: "broadcast_id") })]))
    }

    static func getAction(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["action": CampaignWire.action(try action(request).action, parentKey: "broadcast_id")]))
    }

    static func actionMetrics(_ request: RouteRequest) throws -> Reply {
        try MetricsReply.series(.action(try action(request).action.id), request, allowVersion2: false)
    }

    static func actionLinkMetrics(_ request: RouteRequest) throws -> Reply {
        let (broadcast, action) = try action(request)
        return try MetricsReply.links(broadcast.links, owner: .action(action.id), request, checksType: true)
    }

    static func broadcastMessages(_ request: RouteRequest) throws -> Reply {
        let broadcast = try broadcast(request)
        return try MessageQuery.list(request, base: DeliverySelector(broadcastID: broadcast.id), shape: .full)
    }

    static func listTriggers(_ request: RouteRequest) throws -> Reply {
        let broadcast = try broadcast(request)
        return .json(.obj(["triggers": .array(request.app.store.triggers(broadcastID: broadcast.id).map(WorkspaceWire.trigger))]))
    }

    static func getTrigger(_ request: RouteRequest) throws -> Reply {
        .json(WorkspaceWire.trigger(try storedTrigger(request)))
    }

    static func triggerErrors(_ request: RouteRequest) throws -> Reply {
        let trigger = try storedTrigger(request)
        let limit = try request.exchange.limit(default: 50, max: 1_000)
        let page = Cursor.page(trigger.errors, start: request.exchange.query["start"], limit: limit)
        return .json(.obj(["errors": .strs(Array(page.items)), "next": .string(page.next ?? "")]))
    }

    static func broadcast(_ request: RouteRequest) throws -> BroadcastRecord {
        let id = try request.parameters.int("id")
        guard let broadcast = request.app.data.broadcasts.first(where: { $0.id == id }) else { throw APIFailure.notFound("broadcast \(id) not found") }
        return broadcast
    }

    static func action(_ request: RouteRequest) throws -> (broadcast: BroadcastRecord, action: ActionRecord) {
        let broadcast = try broadcast(request)
        let id = try request.parameters.int("action")
        guard let action = broadcast.actions.first(where: { $0.id == id }) else {
            throw APIFailure.notFound("action \(id) not found in broadcast \(broadcast.id)")
        }
        return (broadcast, action)
    }

    /// One of the broadcast's triggers, by the path's trigger id.
    static func storedTrigger(_ request: RouteRequest) throws -> TriggerRecord {
        let broadcast = try broadcast(request)
        let id = try request.parameters.int("trigger")
        guard let trigger = request.app.store.trigger(id, broadcastID: broadcast.id) else { throw APIFailure.notFound("trigger \(id) not found") }
        return trigger
    }
}
