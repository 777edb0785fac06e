/// `/v1/transactional…` template reads and the `/v1/send/{email,push,sms}` endpoints (errors in `{"meta":…}`).
enum TransactionalRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/transactional", use: listTemplates)
        router.get("/v1/transactional/:id", use: getTemplate)
        router.get("/v1/transactional/:id/contents", use: templateContents)
        router.get("/v1/transactional/:id/metrics", use: templateMetrics)
        router.get("/v1/transactional/:id/metrics/links", use: templateLinkMetrics)
        router.get("/v1/transactional/:id/messages", use: templateMessages)
        router.post("/v1/send/email", use: sendEmail)
        router.post("/v1/send/push", use: sendPush)
        router.post("/v1/send/sms", use: sendSMS)
    }

    static func listTemplates(_ request: RouteRequest) -> Reply {
        .json(.obj(["messages": .array(request.app.data.templates.map(CampaignWire.template))]))
    }

    static func getTemplate(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["message": CampaignWire.template(try template(request))]))
    }

    static func templateContents(_ request: RouteRequest) throws -> Reply {
        let template = try template(request)
        return .json(.obj(["contents": .array(template.contents.map { CampaignWire.content($0, ownerKey: nil) })]))
    }

    static func templateMetrics(_ request: RouteRequest) throws -> Reply {
        let template = try template(request)
        return try MetricsReply.series(.template(template.id), request, allowVersion2: false, webhookKeys: false, acceptsType: false)
    }

    static func templateLinkMetrics(_ request: RouteRequest) throws -> Reply {
        let template = try template(request)
        return try MetricsReply.links(template.links, owner: .template(template.id), request)
    }

    static func templateMessages(_ request: RouteRequest) throws -> Reply {
        let template = try template(request)
        return try MessageQuery.list(request, base: DeliverySelector(transactionalID: template.id), shape: .transactional)
    }

    static func sendEmail(_ request: RouteRequest) throws -> Reply { try TransactionalSend.send(request, channel: .email) }

    static func sendPush(_ request: RouteRequest) throws -> Reply { try TransactionalSend.send(request, channel: .push) }

    static func sendSMS(_ request: RouteRequest) throws -> Reply { try TransactionalSend.send(request, channel: .sms) }

    static func template(_ request: RouteRequest) throws -> TemplateRecord {
        let id = try request.parameters.int("id")
        guard let template = request.app.data.templates.first(where: { $0.id == id }) else {
            throw APIFailure.notFound("transactional message \(id) not found")
        }
        return template
    }
}
