/// `/v1/exports…` and the signed download URL that serves the file without the bearer key.
enum ExportRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/exports", use: listExports)
        router.get("/v1/exports/:id", use: getExport)
        router.get("/v1/exports/:id/download", use: download)
        router.post("/v1/exports/customers", use: exportCustomers)
        router.post("/v1/exports/deliveries", use: exportDeliveries)
        // Not an App API path: reached through the URL `/download` hands out, with no Authorization header.
        router.get("/exports/files/:id", use: exportFile)
    }

    static func listExports(_ request: RouteRequest) -> Reply {
        let store = request.app.store
        return .json(.obj(["exports": .array(store.exports().map { WorkspaceWire.export($0, status: store.status(of: $0)) })]))
    }

    static func getExport(_ request: RouteRequest) throws -> Reply {
        exportReply(try export(request), request.app)
    }

    /// A signed link to the file, once the export is done.
    static func download(_ request: RouteRequest) throws -> Reply {
        let (export, app) = (try export(request), request.app)
        switch app.store.status(of: export) {
        case .done: break
        case .failed: throw APIFailure.badRequest("export \(export.id) failed; there is nothing to download")
        case .pending: throw APIFailure.badRequest("export \(export.id) is not ready yet (status pending)")
        }
        app.store.countDownload(export.id)
        let url = "\(app.baseURL)/exports/files/\(export.id)?signature=\(app.signature(forExport: export.id))"
        return .json(.obj(["url": .string(url)]))
    }

    static func exportCustomers(_ request: RouteRequest) throws -> Reply {
        let body = try request.exchange.json()
        guard let filters = body["filters"], !filters.isNull else {
            throw APIFailure.badRequest(body["filter"] != nil ? "filters is required (the key is plural: \"filters\")" : "filters is required")
        }
        let filter = try CustomerRoutes.decodeFilter(filters, field: "filters")
        let app = request.app
        return exportReply(app.store.createExport(type: "customers", description: "Customers export (created via the api)", selection: .customers(filter)), app)
    }

    static func exportDeliveries(_ request: RouteRequest) throws -> Reply {
        let (selector, key, id) = try deliverySelection(try request.exchange.json())
        let description = "Deliveries export for \(key) \(id) (created via the api)"
        let app = request.app
        return exportReply(app.store.createExport(type: "deliveries", description: description, selection: .deliveries(selector)), app)
    }

    /// The CSV itself, for a link whose signature matches.
    static func exportFile(_ request: RouteRequest) throws -> Reply {
        let app = request.app
        guard let id = Int(request.parameters["id"]), let export = app.store.export(id) else { throw APIFailure.notFound("no such export file") }
        guard request.exchange.query["signature"] == app.signature(forExport: id) else {
            throw APIFailure(status: 403, detail: "signature does not match")
        }
        guard app.store.status(of: export) == .done else { throw APIFailure.notFound("export \(id) is not ready") }
        return Reply(
            status: 200, contentType: "text/csv; charset=utf-8",
            headers: [("Content-Disposition", "attachment; filename=\"export-\(id).csv\"")], body: app.store.exportFile(export)
        )
    }

    /// `{"export":{…}}` with the export's current status.
    private static func exportReply(_ export: ExportRecord, _ app: SandboxApp) -> Reply {
        .json(.obj(["export": WorkspaceWire.export(export, status: app.store.status(of: export))]))
    }

    /// The deliveries a deliveries export selects, and the owner it names (for its description).
    static func deliverySelection(_ json: SandboxJSON) throws -> (DeliverySelector, key: String, id: Int) {
        let body = try json.decodeMembers(DeliveriesExportBody.self)
        guard body.owners.count == 1, let owner = body.owners.first else {
            throw APIFailure.badRequest("exactly one of newsletter_id, campaign_id, transactional_message_id or action_id is required")
        }
        guard let id = owner.id.value?.value else { throw APIFailure.badRequest("\(owner.key.stringValue) must be a whole number") }
        var selector = DeliverySelector()
        switch owner.key {
        case .newsletterID: selector.newsletterID = id
        case .campaignID: selector.campaignID = id
        case .transactionalMessageID: selector.transactionalID = id
        default: selector.actionID = id
        }
        // Members of the wrong type make a malformed request, which this operation documents a 400 for.
        if case .mismatch? = body.start { throw APIFailure.badRequest("start must be a unix timestamp") }
        if case .mismatch? = body.end { throw APIFailure.badRequest("end must be a unix timestamp") }
        if case .mismatch? = body.drafts { throw APIFailure.badRequest("drafts must be true or false") }
        if case .mismatch? = body.metric { throw APIFailure.badRequest("metric must be a string") }
        if case .mismatch? = body.attributes { throw APIFailure.badRequest("attributes must be an array of attribute names") }
        selector.start = body.start?.value?.value
        selector.end = body.end?.value?.value
        if let metric = body.metric?.value {
            guard let parsed = DeliveryMetric(key: metric) else { throw APIFailure.badRequest("metric \(metric) is not a known metric") }
            selector.metric = parsed
        }
        selector.drafts = body.drafts?.value?.value
        return (selector, owner.key.stringValue, id)
    }

    static func export(_ request: RouteRequest) throws -> ExportRecord {
        let id = try request.parameters.int("id")
        guard let export = request.app.store.export(id) else { throw APIFailure.notFound("export \(id) not found") }
        return export
    }
}
