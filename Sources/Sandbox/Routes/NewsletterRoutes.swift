/// `/v1/newsletters…`
enum NewsletterRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/newsletters") { exchange, _ in
            let limit = try exchange.limit(default: 50, max: 100)
            var list = app.data.newsletters
            switch exchange.query["sort"] ?? "desc" {
            case "asc": break
            case "desc", "": list.reverse()
            default: throw APIFailure.badRequest("sort must be asc or desc")
            }
            let page = Cursor.page(list, start: exchange.query["start"], limit: limit)
            return .json(.obj(["newsletters": .array(page.items.map(CampaignWire.newsletter)), "next": .string(page.next ?? "")]))
        }

        router.get("/v1/newsletters/:id") { _, parameters in
            .json(.obj(["newsletter": CampaignWire.newsletter(try newsletter(parameters, app))]))
        }

        router.get("/v1/newsletters/:id/metrics") { exchange, parameters in
            let newsletter = try newsletter(parameters, app)
            return try MetricsReply.series(.newsletter(newsletter.id), exchange, app: app, allowVersion2: false)
        }

        router.get("/v1/newsletters/:id/metrics/links") { exchange, parameters in
            let newsletter = try newsletter(parameters, app)
            return try MetricsReply.links(newsletter.links, owner: .newsletter(newsletter.id), exchange, app: app)
        }

        router.get("/v1/newsletters/:id/contents") { _, parameters in
            let newsletter = try newsletter(parameters, app)
            return .json(.obj(["contents": .array(newsletter.contents.map { CampaignWire.content($0, ownerKey: "newsletter_id") })]))
        }

        router.get("/v1/newsletters/:id/contents/:content") { _, parameters in
            let newsletter = try newsletter(parameters, app)
            let id = try parameters.int("content")
            guard let content = newsletter.contents.first(where: { $0.id == id }) else { throw APIFailure.notFound("content \(id) not found") }
            return .json(.obj(["content": CampaignWire.content(content, ownerKey: "newsletter_id")]))
        }

        router.get("/v1/newsletters/:id/messages") { exchange, parameters in
            let newsletter = try newsletter(parameters, app)
            return try MessageQuery.list(exchange, base: DeliverySelector(newsletterID: newsletter.id), shape: .full, app: app)
        }
    }

    static func newsletter(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> NewsletterRecord {
        let id = try parameters.int("id")
        guard let newsletter = app.data.newsletters.first(where: { $0.id == id }) else { throw APIFailure.notFound("newsletter \(id) not found") }
        return newsletter
    }
}
