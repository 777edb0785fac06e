/// `/v1/messages…`: the workspace-wide delivery list and single deliveries (ids contain `=`, arrive encoded).
enum MessageRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/messages") { exchange, _ in
            try MessageQuery.list(exchange, base: DeliverySelector(), shape: .full, app: app, documents400: true)
        }

        router.get("/v1/messages/:id") { _, parameters in
            .json(.obj(["message": DeliveryWire.delivery(try delivery(parameters, app), people: app.store.directory(), shape: .full)]))
        }

        router.get("/v1/messages/:id/archived_message") { _, parameters in
            .json(DeliveryWire.archived(try delivery(parameters, app)))
        }
    }

    static func delivery(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> DeliveryRecord {
        let id = parameters["id"]
        guard let delivery = app.store.delivery(id: id) else { throw APIFailure.notFound("message \(id) not found") }
        return delivery
    }
}
