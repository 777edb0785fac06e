/// `/v1/esp/…`: the ESP's suppression lists, looked up by address, listed by type (paged by offset), and changed.
enum SuppressionRoutes {
    static func register(_ router: inout Router) {
        router.get("/v1/esp/search_suppression/:email", use: searchSuppression)
        router.get("/v1/esp/suppression/:type", use: listSuppressions)
        router.post("/v1/esp/suppression/:type/:email", use: suppress)
        router.delete("/v1/esp/suppression/:type/:email", use: unsuppress)
    }

    /// The spec answers one object: the address's first list (a list it is not on says nothing).
    static func searchSuppression(_ request: RouteRequest) -> Reply {
        let found = request.app.store.suppressions(of: request.parameters["email"])
        guard let first = found.first else { return .json(.obj(["suppressions": .array([])])) }
        return .json(answer(first.list, found.filter { $0.list == first.list }.map(\.entry)))
    }

    static func listSuppressions(_ request: RouteRequest) throws -> Reply {
        let list = try list(request)
        let limit = try request.exchange.limit(default: 100, max: 1_000)
        // The spec's offset is any integer and the operation documents no 400: below zero reads as the start.
        let offset = min(max(try request.exchange.intQuery("offset") ?? 0, 0), Int(Int32.max))
        return .json(answer(list, request.app.store.suppressions(list, offset: offset, limit: limit)))
    }

    static func suppress(_ request: RouteRequest) throws -> Reply {
        let (list, email) = (try list(request), request.parameters["email"])
        guard request.app.store.suppress(email, on: list) else { throw APIFailure.badRequest("\(email) is not an email address") }
        return .json(.obj([:]))
    }

    static func unsuppress(_ request: RouteRequest) throws -> Reply {
        let (list, email) = (try list(request), request.parameters["email"])
        guard request.app.store.unsuppress(email, from: list) else { throw APIFailure.notFound("\(email) is not on \(list.rawValue)") }
        return .noContent()
    }

    private static func list(_ request: RouteRequest) throws -> EspList {
        guard let list = EspList(rawValue: request.parameters["type"]) else {
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
