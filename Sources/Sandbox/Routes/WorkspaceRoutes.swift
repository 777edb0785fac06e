/// Collections, snippets, sender identities, workspaces, subscription topics and the IP allowlist.
enum WorkspaceRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        registerContent(&router, app: app)
        registerSenders(&router, app: app)
        registerWorkspace(&router, app: app)
    }

    /// Collections and snippets.
    private static func registerContent(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/collections") { _, _ in
            .json(.obj(["collections": .array(app.data.collections.map(WorkspaceWire.collection))]))
        }

        router.get("/v1/collections/:id") { _, parameters in
            .json(.obj(["collection": WorkspaceWire.collection(try collection(parameters, app))]))
        }

        router.get("/v1/collections/:id/content") { _, parameters in
            .json(WorkspaceWire.content(try collection(parameters, app)))
        }

        router.get("/v1/snippets") { _, _ in
            .json(.obj(["snippets": .array(app.data.snippets.map(WorkspaceWire.snippet))]))
        }
    }

    /// Sender identities, one and all, and what uses one.
    private static func registerSenders(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/sender_identities") { exchange, _ in
            let limit = try exchange.limit(default: 50, max: 1_000)
            var list = app.data.senders
            switch exchange.query["sort"] ?? "asc" {
            case "asc", "": break
            case "desc": list.reverse()
            default: throw APIFailure.badRequest("sort must be asc or desc")
            }
            let page = Cursor.page(list, start: exchange.query["start"], limit: limit)
            var pairs: [(String, SandboxJSON)] = [("sender_identities", .array(page.items.map(WorkspaceWire.sender)))]
            if let next = page.next { pairs.append(("next", .string(next))) }
            return .json(.obj(pairs))
        }

        router.get("/v1/sender_identities/:id") { _, parameters in
            .json(.obj(["sender_identity": WorkspaceWire.sender(try sender(parameters, app))]))
        }

        router.get("/v1/sender_identities/:id/used_by") { _, parameters in
            let sender = try sender(parameters, app)
            let campaigns = app.data.campaigns.filter { $0.actions.contains { $0.fromID == sender.id } }.map(\.id)
            let newsletters = app.data.newsletters.filter { $0.contents.contains { $0.fromID == sender.id } }
            // Unlike the segment variant, this one is not wrapped in "used_by".
            return .json(.obj([
                "campaigns": .ints(campaigns),
                "sent_newsletters": .ints(newsletters.filter { $0.sentAt != nil }.map(\.id)),
                "draft_newsletters": .ints(newsletters.filter { $0.sentAt == nil }.map(\.id)),
            ]))
        }
    }

    /// The workspace itself, its subscription topics and the addresses it sends from.
    private static func registerWorkspace(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/workspaces") { _, _ in
            // Counted from the same deliveries as every other figure.
            let sent = app.store.sentCount()
            return .json(.obj(["workspaces": .array([.obj([
                "id": .int(WorkspaceCatalog.workspaceID),
                "name": .string(WorkspaceCatalog.workspaceName),
                "messages_sent": .int(sent),
                "billable_messages_sent": .int(sent - sent / 12),
                "people": .int(app.store.directory().liveCount),
                "object_types": .int(WorkspaceCatalog.objectTypes.count),
                "objects": .int(min(app.customers.count, NameBanks.companyCount) + 500),
            ])])]))
        }

        router.get("/v1/subscription_topics") { _, _ in
            .json(.obj(["topics": .array(app.data.topics.map(WorkspaceWire.topic))]))
        }

        router.get("/v1/info/ip_addresses") { _, _ in
            .json(.obj(["ip_addresses": .strs(WorkspaceCatalog.ipAddresses)]))
        }
    }

    static func collection(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> CollectionRecord {
        let id = try parameters.int("id")
        guard let collection = app.data.collections.first(where: { $0.id == id }) else { throw APIFailure.notFound("collection \(id) not found") }
        return collection
    }

    static func sender(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> SenderIdentityRecord {
        let id = try parameters.int("id")
        guard let sender = app.data.senders.first(where: { $0.id == id }) else { throw APIFailure.notFound("sender identity \(id) not found") }
        return sender
    }
}
