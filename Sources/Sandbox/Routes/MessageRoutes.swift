/// `/v1/messages…`: the workspace-wide delivery list and single deliveries (ids contain `=`, arrive encoded).
enum MessageRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/messages", use: listMessages)
        router.get("/v1/messages/:id", use: getMessage)
        router.get("/v1/messages/:id/archived_message", use: archivedMessage)
    }

    static func listMessages(_ request: RouteRequest) throws -> Reply {
        try MessageQuery.list(request, base: DeliverySelector(), shape: .full, documents400: true)
    }

    static func getMessage(_ request: RouteRequest) throws -> Reply {
        .json(.obj(["message": DeliveryWire.delivery(try delivery(request), people: request.app.store.directory(), shape: .full)]))
    }

    static func archivedMessage(_ request: RouteRequest) throws -> Reply {
        .json(DeliveryWire.archived(try delivery(request)))
    }

    static func delivery(_ request: RouteRequest) throws -> DeliveryRecord {
        let id = request.parameters["id"]
        guard let delivery = request.app.store.delivery(id: id) else { throw APIFailure.notFound("message \(id) not found") }
        return delivery
    }
}
