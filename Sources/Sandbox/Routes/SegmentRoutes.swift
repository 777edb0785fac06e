/// `/v1/segments…`
enum SegmentRoutes {
    static func register(_ router: inout Router, app: SandboxApp) {
        router.get("/v1/segments") { _, _ in
            .json(.obj(["segments": .array(app.store.allSegments().map(SegmentWire.segment))]))
        }

        router.post("/v1/segments") { exchange, _ in
            let body = try exchange.json()
            guard let segment = body["segment"], segment.members != nil else { throw APIFailure.badRequest("segment is required") }
            // The spec sets no minimum length, so an empty name is a name.
            guard let name = segment["name"]?.stringValue else { throw APIFailure.badRequest("segment.name is required and must be a string") }
            let description = segment["description"]
            guard description == nil || description?.stringValue != nil else {
                throw APIFailure.badRequest("segment.description must be a string")
            }
            let created = app.store.createManualSegment(name: name, description: description?.stringValue ?? "")
            return .json(.obj(["segment": SegmentWire.segment(created)]))
        }

        router.get("/v1/segments/:id") { _, parameters in
            .json(.obj(["segment": SegmentWire.segment(try segment(parameters, app))]))
        }

        router.delete("/v1/segments/:id") { _, parameters in
            let id = try parameters.int("id")
            guard app.store.deleteSegment(id) else { throw APIFailure.notFound("segment \(id) not found") }
            return .noContent()
        }

        router.get("/v1/segments/:id/customer_count") { _, parameters in
            let segment = try segment(parameters, app)
            return .json(.obj(["count": .int(app.store.membership(segment.id)?.rows.count ?? 0)]))
        }

        router.get("/v1/segments/:id/membership") { exchange, parameters in
            let segment = try segment(parameters, app)
            let limit = try exchange.limit(default: 1_000, max: 30_000)
            let rows = app.store.membership(segment.id)?.rows ?? []
            let page = Cursor.page(rows, start: exchange.query["start"], limit: limit)
            let people = app.store.directory()
            return .json(.obj([
                "identifiers": .array(page.items.map { PeopleWire.identifiers(people, Int($0)) }),
                "ids": .array(page.items.map { .string(app.customers.id(Int($0))) }),
                "next": .string(page.next ?? ""),
            ]))
        }

        router.get("/v1/segments/:id/used_by") { _, parameters in
            let segment = try segment(parameters, app)
            let used = app.store.usedBy(segment: segment.id)
            return .json(.obj(["used_by": .obj([
                "campaigns": .ints(used.campaigns), "sent_newsletters": .ints(used.sent), "draft_newsletters": .ints(used.drafts),
            ])]))
        }
    }

    static func segment(_ parameters: Router.Parameters, _ app: SandboxApp) throws -> SegmentRecord {
        let id = try parameters.int("id")
        guard let segment = app.store.segment(id) else { throw APIFailure.notFound("segment \(id) not found") }
        return segment
    }
}

import Foundation
