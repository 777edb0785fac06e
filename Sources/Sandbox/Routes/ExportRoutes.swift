/// `/v1/exports…` and the signed download URL that serves the file without the bearer key.
enum ExportRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/exports") { _, _ in
            .json(.obj(["exports": .array(app.store.exports().map { WorkspaceWire.export($0, status: app.store.status(of: $0)) })]))
        }

        router.get("/v1/exports/:id") { _, parameters in
            let export = try export(parameters, app)
            return .json(.obj(["export": WorkspaceWire.export(export, status: app.store.status(of: export))]))
        }

        router.get("/v1/exports/:id/download") { _, parameters in
            let export = try export(parameters, app)
            switch app.store.status(of: export) {
            case "done": break
            case "failed": throw APIFailure.badRequest("export \(export.id) failed; there is nothing to download")
            default: throw APIFailure.badRequest("export \(export.id) is not ready yet (status pending)")
            }
            app.store.countDownload(export.id)
            let url = "\(app.baseURL)/exports/files/\(export.id)?signature=\(app.signature(forExport: export.id))"
            return .json(.obj(["url": .string(url)]))
        }

        router.post("/v1/exports/customers") { exchange, _ in
            let body = try exchange.json()
            guard let filters = body["filters"], !filters.isNull else {
                throw APIFailure.badRequest(body["filter"] != nil ? "filters is required (the key is plural: \"filters\")" : "filters is required")
            }
            let filter = try CustomerRoutes.decodeFilter(filters, field: "filters")
            let export = app.store.createExport(type: "customers", description: "Customers export (created via the api)", selection: .customers(filter))
            return .json(.obj(["export": WorkspaceWire.export(export, status: app.store.status(of: export))]))
        }

        router.post("/v1/exports/deliveries") { exchange, _ in
            let (selector, key, id) = try deliverySelection(try exchange.json())
            let export = app.store.createExport(type: "deliveries", description: "Deliveries export for \(key) \(id) (created via the api)", selection: .deliveries(selector))
            return .json(.obj(["export": WorkspaceWire.export(export, status: app.store.status(of: export))]))
        }

        // Not an App API path: reached through the URL `/download` hands out, with no Authorization header.
        router.get("/exports/files/:id") { exchange, parameters in
            guard let id = Int(parameters["id"]), let export = app.store.export(id) else { throw APIFailure.notFound("no such export file") }
            guard exchange.query["signature"] == app.signature(forExport: id) else {
                throw APIFailure(status: 403, detail: "signature does not match")
            }
            guard app.store.status(of: export) == "done" else { throw APIFailure.notFound("export \(id) is not ready") }
            return Reply(
                status: 200, contentType: "text/csv; charset=utf-8",
                headers: [("Content-Disposition", "attachment; filename=\"export-\(id).csv\"")], body: app.store.exportFile(export)
            )
        }
    }

    /// A deliveries export's body: exactly one owner id, the optional window, metric and drafts flag, each of the
    /// spec's type.
    static func deliverySelection(_ body: SandboxJSON) throws -> (DeliverySelector, key: String, id: Int) {
        let keys = ["newsletter_id", "campaign_id", "transactional_message_id", "action_id"]
        let present = keys.filter { body[$0] != nil && body[$0] != .null }
        guard present.count == 1, let key = present.first else {
            throw APIFailure.badRequest("exactly one of newsletter_id, campaign_id, transactional_message_id or action_id is required")
        }
        guard let id = body[key]?.intValue else { throw APIFailure.badRequest("\(key) must be a whole number") }
        var selector = DeliverySelector()
        switch key {
        case "newsletter_id": selector.newsletterID = id
        case "campaign_id": selector.campaignID = id
        case "transactional_message_id": selector.transactionalID = id
        default: selector.actionID = id
        }
        // Members of the wrong type make a malformed request, which this operation documents a 400 for.
        for name in ["start", "end"] where body[name] != nil && body[name]?.intValue == nil {
            throw APIFailure.badRequest("\(name) must be a unix timestamp")
        }
        guard body["drafts"] == nil || body["drafts"]?.boolValue != nil else { throw APIFailure.badRequest("drafts must be true or false") }
        guard body["metric"] == nil || body["metric"]?.stringValue != nil else { throw APIFailure.badRequest("metric must be a string") }
        if let attributes = body["attributes"], attributes.arrayValue?.allSatisfy({ $0.stringValue != nil }) != true {
            throw APIFailure.badRequest("attributes must be an array of attribute names")
        }
        selector.start = body["start"]?.intValue
        selector.end = body["end"]?.intValue
        if let metric = body["metric"]?.stringValue {
            guard let parsed = DeliveryMetric(key: metric) else { throw APIFailure.badRequest("metric \(metric) is not a known metric") }
            selector.metric = parsed
        }
        selector.drafts = body["drafts"]?.boolValue
        return (selector, key, id)
    }

    static func export(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> ExportRecord {
        let id = try parameters.int("id")
        guard let export = app.store.export(id) else { throw APIFailure.notFound("export \(id) not found") }
        return export
    }
}
