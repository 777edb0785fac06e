/// Language variants, newsletter test groups and per-content metrics: read-only views of the same messages.
enum VariantRoutes {
    /// Email actions and newsletters have German and French translations besides the default ("").
    static let translations = ["de", "fr"]

    static func register(_ router: inout Router, app: SandboxApp) {
        registerTranslations(&router, app: app)
        registerTestGroups(&router, app: app)
        registerCatalog(&router)
    }

    /// A message in one of its languages.
    private static func registerTranslations(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/campaigns/:id/actions/:action/language/:language") { _, parameters in
            let (_, action) = try CampaignRoutes.action(parameters, app)
            let language = try translation(parameters["language"], available: action.type == "email")
            return .json(.obj(["action": CampaignWire.action(action, parentKey: "campaign_id", language: language)]))
        }

        router.get("/v1/broadcasts/:id/actions/:action/language/:language") { _, parameters in
            let (_, action) = try BroadcastRoutes.action(parameters, app)
            let language = try translation(parameters["language"], available: action.type == "email")
            return .json(.obj(["action": CampaignWire.action(action, parentKey: "broadcast_id", language: language)]))
        }

        router.get("/v1/newsletters/:id/language/:language") { _, parameters in
            let newsletter = try NewsletterRoutes.newsletter(parameters, app)
            let language = try translation(parameters["language"], available: true)
            return .json(.obj(["content": CampaignWire.content(newsletter.contents[0], ownerKey: "newsletter_id", language: language)]))
        }

        router.get("/v1/transactional/:id/language/:language") { _, parameters in
            let template = try TransactionalRoutes.template(parameters, app)
            let wanted = parameters["language"]
            let contents = template.contents.filter { $0.language == wanted }
            guard !contents.isEmpty else { throw APIFailure.notFound("transactional message \(template.id) has no \(wanted) variant") }
            return .json(.obj(["content": .array(contents.map { CampaignWire.content($0, ownerKey: nil) })]))
        }
    }

    /// A newsletter's test groups and each variant's figures.
    private static func registerTestGroups(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/newsletters/:id/test_groups") { _, parameters in
            let newsletter = try NewsletterRoutes.newsletter(parameters, app)
            guard newsletter.contents.count > 1 else { return .json(.obj(["test_groups": .array([])])) }
            let groups = newsletter.contents.enumerated().map { index, content -> SandboxJSON in
                .obj([
                    "id": .int(index), "name": .string(["A", "B", "C"][index % 3]), "label": .string("test \(index + 1)"),
                    "content_ids": .strs([String(content.id)]), "winner": .bool(newsletter.sentAt != nil && index == 0),
                ])
            }
            return .json(.obj(["test_groups": .array(groups)]))
        }

        router.get("/v1/newsletters/:id/contents/:content/metrics") { exchange, parameters in
            let (_, content) = try content(parameters, app)
            return try MetricsReply.series(.content(content), exchange, app: app, allowVersion2: false)
        }

        router.get("/v1/newsletters/:id/contents/:content/metrics/links") { exchange, parameters in
            let (newsletter, content) = try content(parameters, app)
            return try MetricsReply.links(newsletter.links, owner: .content(content), exchange, app: app)
        }
    }

    /// Object types and reporting webhooks, fixed by the catalog.
    private static func registerCatalog(_ router: inout Router) {
        router.get("/v1/object_types") { _, _ in
            .json(.obj(["types": .array(WorkspaceCatalog.objectTypes.map { type in
                let slug = type.name.lowercased()
                return .obj([
                    "id": .string(String(type.id)), "name": .string(type.name), "singular_name": .string(String(type.name.dropLast())),
                    "slug": .string(slug), "singular_slug": .string(String(slug.dropLast())), "enabled": .bool(true),
                    "icon": .string(type.id == 1 ? "building" : "folder"),
                ])
            })]))
        }

        router.get("/v1/reporting_webhooks") { _, _ in
            .json(.obj(["reporting_webhooks": .array(WorkspaceCatalog.webhooks.map(webhook))]))
        }

        router.get("/v1/reporting_webhooks/:id") { _, parameters in
            let id = try parameters.int("id")
            guard let found = WorkspaceCatalog.webhooks.first(where: { $0.id == id }) else { throw APIFailure.notFound("reporting webhook \(id) not found") }
            return .json(webhook(found))
        }
    }

    private static func translation(_ language: String, available: Bool) throws -> String {
        guard available, translations.contains(language) else { throw APIFailure.notFound("no \(language) translation") }
        return language
    }

    /// The newsletter and the id of one of its variants.
    private static func content(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> (NewsletterRecord, Int) {
        let newsletter = try NewsletterRoutes.newsletter(parameters, app)
        let id = try parameters.int("content")
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
