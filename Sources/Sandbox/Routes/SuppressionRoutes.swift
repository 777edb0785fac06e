/// `/v1/esp/…`: the ESP's suppression lists, looked up by address, listed by type (paged by offset), and changed.
enum SuppressionRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/esp/search_suppression/:email") { _, parameters in
            // The spec answers one object: the address's first list (a list it is not on says nothing).
            let found = app.store.suppressions(of: parameters["email"])
            guard let first = found.first else { return .json(.obj(["suppressions": .array([])])) }
            return .json(answer(first.list, found.filter { $0.list == first.list }.map(\.entry)))
        }

        router.get("/v1/esp/suppression/:type") { exchange, parameters in
            let list = try list(parameters)
            let limit = try exchange.limit(default: 100, max: 1_000)
            // The spec's offset is any integer and the operation documents no 400: below zero reads as the start.
            let offset = min(max(try exchange.intQuery("offset") ?? 0, 0), Int(Int32.max))
            return .json(answer(list, app.store.suppressions(list, offset: offset, limit: limit)))
        }

        router.post("/v1/esp/suppression/:type/:email") { _, parameters in
            let list = try list(parameters)
            guard app.store.suppress(parameters["email"], on: list) else { throw APIFailure.badRequest("\(parameters["email"]) is not an email address") }
            return .json(.obj([:]))
        }

        router.delete("/v1/esp/suppression/:type/:email") { _, parameters in
            let list = try list(parameters)
            guard app.store.unsuppress(parameters["email"], from: list) else {
                throw APIFailure.notFound("\(parameters["email"]) is not on \(list.rawValue)")
            }
            return .noContent()
        }
    }

    private static func list(_ parameters: Router.Parameters) throws -> EspList {
        guard let list = EspList(rawValue: parameters["type"]) else {
            throw APIFailure.badRequest("suppression_type must be one of bounces, blocks, spam_reports, invalid_emails")
        }
        return list
    }

    private static func answer(_ list: EspList, _ entries: [EspSuppression]) -> SandboxJSON {
        .obj([
            "category": .string(list.category),
            "suppressions": .array(entries.map { entry in
                .obj(["email": .string(entry.email), "created": .int(entry.created), "reason": .string(entry.reason), "status": .string(entry.status)])
            }),
        ])
    }
}
