/// Language variants, newsletter test groups and per-content metrics: read-only views of the same messages.
enum VariantRoutes {
    /// Email actions and newsletters have German and French translations besides the default ("").
    static let translations = ["de", "fr"]

    static func register(_ router: inout Router) {
        // A message in one of its languages.
        router.get("/v1/campaigns/:id/actions/:action/language/:language", use: campaignActionTranslation)
        router.get("/v1/broadcasts/:id/actions/:action/language/:language", use: broadcastActionTranslation)
        router.get("/v1/newsletters/:id/language/:language", use: newsletterTranslation)
        router.get("/v1/transactional/:id/language/:language", use: templateTranslation)
        // A newsletter's test groups and each variant's figures.
        router.get("/v1/newsletters/:id/test_groups", use: testGroups)
        router.get("/v1/newsletters/:id/contents/:content/metrics", use: contentMetrics)
        router.get("/v1/newsletters/:id/contents/:content/metrics/links", use: contentLinkMetrics)
        // Object types and reporting webhooks, fixed by the catalog.
        router.get("/v1/object_types", use: objectTypes)
        router.get("/v1/reporting_webhooks", use: listWebhooks)
        router.get("/v1/reporting_webhooks/:id", use: getWebhook)
    }

    // MARK: translations

    static func campaignActionTranslation(_ request: RouteRequest) throws -> Reply {
        let action = try CampaignRoutes.action(request).action
        let language = try translation(request.parameters["language"], available: action.type == "email")
        return .json(.obj(["action": CampaignWire.action(action, parentKey: "campaign_id", language: language)]))
    }

    static func broadcastActionTranslation(_ request: RouteRequest) throws -> Reply {
        let action = try BroadcastRoutes.action(request).action
        let language = try translation(request.parameters["language"], available: action.type == "email")
        return .json(.obj(["action": CampaignWire.action(action, parentKey: "broadcast_id", language: language)]))
    }

    static func newsletterTranslation(_ request: RouteRequest) throws -> Reply {
        let newsletter = try NewsletterRoutes.newsletter(request)
        let language = try translation(request.parameters["language"], available: true)
        return .json(.obj(["content": CampaignWire.content(newsletter.contents[0], ownerKey: "newsletter_id", language: language)]))
    }

    static func templateTranslation(_ request: RouteRequest) throws -> Reply {
        let template = try TransactionalRoutes.template(request)
        let wanted = request.parameters["language"]
        let contents = template.contents.filter { $0.language == wanted }
        guard !contents.isEmpty else { throw APIFailure.notFound("transactional message \(template.id) has no \(wanted) variant") }
        return .json(.obj(["content": .array(contents.map { CampaignWire.content($0, ownerKey: nil) })]))
    }

    // MARK: test groups

    static func testGroups(_ request: RouteRequest) throws -> Reply {
        let newsletter = try NewsletterRoutes.newsletter(request)
        guard newsletter.contents.count > 1 else { return .json(.obj(["test_groups": .array([])])) }
        let groups = newsletter.contents.enumerated().map { index, content -> SandboxJSON in
            .obj([
                "id": .int(index), "name": .string(["A", "B", "C"][index % 3]), "label": .string("test \(index + 1)"),
                "content_ids": .strs([String(content.id)]), "winner": .bool(newsletter.sentAt != nil && index == 0),
            ])
        }
        return .json(.obj(["test_groups": .array(groups)]))
    }

    static func contentMetrics(_ request: RouteRequest) throws -> Reply {
        let (_, content) = try content(request)
        return try MetricsReply.series(.content(content), request, allowVersion2: false)
    }

    static func contentLinkMetrics(_ request: RouteRequest) throws -> Reply {
        let (newsletter, content) = try content(request)
        return try MetricsReply.links(newsletter.links, owner: .content(content), request)
    }

    // MARK: catalog

    static func objectTypes(_: RouteRequest) -> Reply {
        .json(.obj(["types": .array(WorkspaceCatalog.objectTypes.map { type in
            let slug = type.name.lowercased()
            return .obj([
                "id": .string(String(type.id)), "name": .string(type.name), "singular_name": .string(String(type.name.dropLast())),
                "slug": .string(slug), "singular_slug": .string(String(slug.dropLast())), "enabled": .bool(true),
                "icon": .string(type.id == 1 ? "building" : "folder"),
            ])
        })]))
    }

    static func listWebhooks(_: RouteRequest) -> Reply {
        .json(.obj(["reporting_webhooks": .array(WorkspaceCatalog.webhooks.map(webhook))]))
    }

    static func getWebhook(_ request: RouteRequest) throws -> Reply {
        let id = try request.parameters.int("id")
        guard let found = WorkspaceCatalog.webhooks.first(where: { $0.id == id }) else { throw APIFailure.notFound("reporting webhook \(id) not found") }
        return .json(webhook(found))
    }

    private static func translation(_ language: String, available: Bool) throws -> String {
        guard available, translations.contains(language) else { throw APIFailure.notFound("no \(language) translation") }
        return language
    }

    /// The newsletter and the id of one of its variants.
    private static func content(_ request: RouteRequest) throws -> (NewsletterRecord, Int) {
        let newsletter = try NewsletterRoutes.newsletter(request)
        let id = try request.parameters.int("content")
        guard newsletter.contents.contains(where: { $0.id == id }) else { throw APIFailure.notFound("content \(id) not found") }
        return (newsletter, id)
    }

    /// Reporting webhooks come back bare (no envelope key) when fetched one at a time.
    private static func webhook(_ hook: (id: Int, name: String, endpoint: String, events: [String])) -> SandboxJSON {
        .obj([
            "id": .int(hook.id), "name": .string(hook.name), "endpoint": .string(hook.endpoint), "disabled": .bool(false),
            "full_resolution": .bool(true), "with_content": .bool(hook.id == 1), "events": .strs(hook.events),
        ])
    }
}
