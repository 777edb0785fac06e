/// `/v1/newsletters…`
enum NewsletterRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/newsletters", use: listNewsletters)
        router.get("/v1/newsletters/:id", use: getNewsletter)
        router.get("/v1/newsletters/:id/metrics", use: newsletterMetrics)
        router.get("/v1/newsletters/:id/metrics/links", use: newsletterLinkMetrics)
        router.get("/v1/newsletters/:id/contents", use: listContents)
        router.get("/v1/newsletters/:id/contents/:content", use: getContent)
        router.get("/v1/newsletters/:id/messages", use: newsletterMessages)
    }

    /// Newest first unless `sort=asc`.
    static func listNewsletters(_ request: RouteRequest) throws -> Reply {
        let exchange = request.exchange
        let limit = try exchange.limit(default: 50, max: 100)
        let list = try SortOrder.query(exchange, default: .descending).arrange(request.app.data.newsletters)
        let page = Cursor.page(list, start: exchange.query["start"], limit: limit)
        return .json(.obj(["newsletters": .array(page.items.map(CampaignWire.newsletter)), "next": .string(page.next ?? "")]))
    }

    static func getNewsletter(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["newsletter": CampaignWire.newsletter(try newsletter(request))]))
    }

    static func newsletterMetrics(_ request: RouteRequest) throws -> Reply {
        try MetricsReply.series(.newsletter(try newsletter(request).id), request, allowVersion2: false)
    }

    static func newsletterLinkMetrics(_ request: RouteRequest) throws -> Reply {
        let newsletter = try newsletter(request)
        return try MetricsReply.links(newsletter.links, owner: .newsletter(newsletter.id), request)
    }

    static func listContents(_ request: RouteRequest) throws -> Reply {
        let newsletter = try newsletter(request)
        return .json(.obj(["contents": .array(newsletter.contents.map { CampaignWire.content($0, ownerKey: "newsletter_id") })]))
    }

    static func getContent(_ request: RouteRequest) throws -> Reply {
        let newsletter = try newsletter(request)
        let id = try request.parameters.int("content")
        guard let content = newsletter.contents.first(where: { $0.id == id }) else { throw APIFailure.notFound("content \(id) not found") }
        return .json(.obj(["content": CampaignWire.content(content, ownerKey: "newsletter_id")]))
    }

    static func newsletterMessages(_ request: RouteRequest) throws -> Reply {
        let newsletter = try newsletter(request)
        return try MessageQuery.list(request, base: DeliverySelector(newsletterID: newsletter.id), shape: .full)
    }

    static func newsletter(_ request: RouteRequest) throws -> NewsletterRecord {
        let id = try request.parameters.int("id")
        guard let newsletter = request.app.data.newsletters.first(where: { $0.id == id }) else { throw APIFailure.notFound("newsletter \(id) not found") }
        return newsletter
    }
}
