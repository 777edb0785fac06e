/// `/v1/activities` and the per-person feed.
enum ActivityRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/activities") { exchange, _ in
            var customer: Int32?
            if let value = exchange.query["customer_id"], !value.isEmpty {
                guard let row = try app.store.resolve(value, idType: exchange.query["id_type"]) else {
                    // An unknown person simply has no activity.
                    return .json(.obj(["activities": .array([]), "next": .string("")]))
                }
                customer = Int32(row)
            }
            return try feed(exchange, customer: customer, app: app)
        }
    }

    static func feed(_ exchange: Exchange, customer: Int32?, app: SandboxApp) throws -> Reply {
        let limit = try exchange.limit(default: 10, max: 100)
        let offset = Cursor.decode(exchange.query["start"], pastEnd: Int(Int32.max)) ?? 0
        let type = exchange.query["type"].flatMap { $0.isEmpty ? nil : $0 }
        let name = exchange.query["name"].flatMap { $0.isEmpty ? nil : $0 }
        let people = app.store.directory()
        let page = app.store.activityPage(customer: customer, type: type, name: name, offset: offset, limit: limit)
        return .json(.obj([
            "activities": .array(page.items.map { WorkspaceWire.activity($0, people: people, seed: app.data.seed) }),
            "next": .string(page.more ? Cursor.encode(offset + page.items.count) : ""),
        ]))
    }
}
