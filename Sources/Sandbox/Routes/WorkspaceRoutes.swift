/// Collections, snippets, sender identities, workspaces, subscription topics and the IP allowlist.
enum WorkspaceRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/collections", use: listCollections)
        router.get("/v1/collections/:id", use: getCollection)
        router.get("/v1/collections/:id/content", use: collectionContent)
        router.get("/v1/snippets", use: listSnippets)
        router.get("/v1/sender_identities", use: listSenders)
        router.get("/v1/sender_identities/:id", use: getSender)
        router.get("/v1/sender_identities/:id/used_by", use: senderUsedBy)
        router.get("/v1/workspaces", use: listWorkspaces)
        router.get("/v1/subscription_topics", use: listTopics)
        router.get("/v1/info/ip_addresses", use: ipAddresses)
    }

    // MARK: collections and snippets

    static func listCollections(_ request: RouteRequest) -> Reply {
        .json(.obj(["collections": .array(request.app.data.collections.map(WorkspaceWire.collection))]))
    }

    static func getCollection(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["collection": WorkspaceWire.collection(try collection(request))]))
    }

    static func collectionContent(_ request: RouteRequest) throws -> Reply {
        .json(WorkspaceWire.content(try collection(request)))
    }

    static func listSnippets(_ request: RouteRequest) -> Reply {
        .json(.obj(["snippets": .array(request.app.data.snippets.map(WorkspaceWire.snippet))]))
    }

    // MARK: sender identities

    /// Oldest first unless `sort=desc`; `next` is left out on the last page.
    static func listSenders(_ request: RouteRequest) throws -> Reply {
        let exchange = request.exchange
        let limit = try exchange.limit(default: 50, max: 1_000)
        let list = try SortOrder.query(exchange, default: .ascending).arrange(request.app.data.senders)
        let page = Cursor.page(list, start: exchange.query["start"], limit: limit)
        var pairs: [(String, SandboxJSON)] = [("sender_identities", .array(page.items.map(WorkspaceWire.sender)))]
        if let next = page.next { pairs.append(("next", .string(next))) }
        return .json(.obj(pairs))
    }

    static func getSender(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["sender_identity": WorkspaceWire.sender(try sender(request))]))
    }

    static func senderUsedBy(_ request: RouteRequest) throws -> Reply {
        let (sender, data) = (try sender(request), request.app.data)
        let campaigns = data.campaigns.filter { $0.actions.contains { $0.fromID == sender.id } }.map(\.id)
        let newsletters = data.newsletters.filter { $0.contents.contains { $0.fromID == sender.id } }
        // Unlike the segment variant, this one is not wrapped in "used_by".
        return .json(.obj([
            "campaigns": .ints(campaigns),
            "sent_newsletters": .ints(newsletters.filter { $0.sentAt != nil }.map(\.id)),
            "draft_newsletters": .ints(newsletters.filter { $0.sentAt == nil }.map(\.id)),
        ]))
    }

    // MARK: the workspace itself

    /// Counted from the same deliveries as every other figure.
    static func listWorkspaces(_ request: RouteRequest) -> Reply {
        let app = request.app
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

    static func listTopics(_ request: RouteRequest) -> Reply {
        .json(.obj(["topics": .array(request.app.data.topics.map(WorkspaceWire.topic))]))
    }

    static func ipAddresses(_: RouteRequest) -> Reply {
        .json(.obj(["ip_addresses": .strs(WorkspaceCatalog.ipAddresses)]))
    }

    static func collection(_ request: RouteRequest) throws -> CollectionRecord {
        let id = try request.parameters.int("id")
        guard let collection = request.app.data.collections.first(where: { $0.id == id }) else { throw APIFailure.notFound("collection \(id) not found") }
        return collection
    }

    static func sender(_ request: RouteRequest) throws -> SenderIdentityRecord {
        let id = try request.parameters.int("id")
        guard let sender = request.app.data.senders.first(where: { $0.id == id }) else { throw APIFailure.notFound("sender identity \(id) not found") }
        return sender
    }
}
