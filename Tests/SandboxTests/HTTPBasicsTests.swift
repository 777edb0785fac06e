import Foundation
import Testing
@testable import Sandbox

/// Auth, envelopes, look-ups and paging over real loopback HTTP.
@Suite struct HTTPBasicsTests {
    @Test func missingOrWrongKeyGets401Envelope() async throws {
        try await withSandbox(configure: { $0.requiredKey = "sekret" }) { _, client in
            var anonymous = client
            anonymous.key = nil
            let missing = try await anonymous.get("/v1/segments")
            #expect(missing.status == 401)
            #expect(missing.errorStatus == "401")
            #expect(missing.errorDetail?.isEmpty == false)

            var wrong = client
            wrong.key = "nope"
            #expect(try await wrong.get("/v1/segments").status == 401)

            var right = client
            right.key = "sekret"
            let ok = try await right.get("/v1/segments")
            #expect(ok.status == 200)
            #expect((ok.json["segments"] as? [Any])?.count ?? 0 >= 15)

            // Sends use the other envelope.
            let send = try await anonymous.post("/v1/send/email", "{}")
            #expect(send.status == 401)
            #expect((send.json["meta"] as? [String: Any])?["error"] is String)
        }
    }

    @Test func unknownPathsAndIDsAre404InTheErrorsEnvelope() async throws {
        try await withSandbox { _, client in
            for path in ["/v1/nothing/here", "/v1/customers/999999/attributes", "/v1/campaigns/424242", "/v1/segments/abc", "/v1/messages/nope%3D"] {
                let result = try await client.get(path)
                #expect(result.status == 404, "\(path)")
                #expect(result.errorStatus == "404", "\(path)")
                #expect(result.errorDetail?.contains("reference") == true, "\(path)")
            }
        }
    }

    @Test func customersByEveryIDType() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { server, client in
            let customers = server.dataset.customers
            let email = customers.email(9)
            let byID = try await client.get("/v1/customers/10/attributes")
            #expect(byID.status == 200)
            let customer = byID.json["customer"] as? [String: Any]
            #expect((customer?["attributes"] as? [String: Any])?["email"] as? String == email)
            #expect(customer?["id"] as? String == "10")

            let encoded = email.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await client.get("/v1/customers/\(encoded)/attributes?id_type=email").status == 200)
            #expect(try await client.get("/v1/customers/\(customers.cioID(9))/segments?id_type=cio_id").status == 200)
            // The right value with the wrong id_type names no one.
            #expect(try await client.get("/v1/customers/\(encoded)/attributes").status == 404)
            #expect(try await client.get("/v1/customers/10/attributes?id_type=email").status == 404)

            let lookup = try await client.get("/v1/customers?email=\(encoded)")
            let results = lookup.json["results"] as? [[String: Any]]
            #expect(results?.count == 1)
            #expect(results?.first?["cio_id"] as? String == customers.cioID(9))

            // Relationships take no id_type (SpecConformanceTests); every other sub-resource does.
            for sub in ["messages", "activities", "subscription_preferences", "segments"] {
                let result = try await client.get("/v1/customers/\(customers.cioID(9))/\(sub)?id_type=cio_id")
                #expect(result.status == 200, "\(sub)")
                #expect(result.isJSON, "\(sub)")
            }
            #expect(try await client.get("/v1/customers/nobody%40example.com/messages?id_type=email").status == 404)
        }
    }

    @Test func customerSearchPagesToTheEnd() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { server, client in
            let filter = #"{"filter":{"and":[{"attribute":{"field":"plan","operator":"eq","value":"pro"}},{"not":{"attribute":{"field":"phone","operator":"exists"}}}]}}"#
            var start: String?
            var ids: [String] = []
            var pages = 0
            repeat {
                let query = "?limit=40" + (start.map { "&start=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)" } ?? "")
                let page = try await client.post("/v1/customers\(query)", filter)
                #expect(page.status == 200)
                ids += page.json["ids"] as? [String] ?? []
                #expect((page.json["identifiers"] as? [Any])?.count == (page.json["ids"] as? [Any])?.count)
                let next = page.json["next"] as? String ?? ""
                start = next.isEmpty ? nil : next
                pages += 1
            } while start != nil && pages < 100
            let customers = server.dataset.customers
            let expected = (0 ..< customers.count).filter { customers.planText($0) == "pro" && customers.phone($0) == nil }.map(customers.id)
            #expect(ids == expected)
            #expect(pages == (expected.count + 39) / 40)

            let bad = try await client.post("/v1/customers", #"{"filter":{"attribute":{"field":"plan","operator":"gt","value":"1"}}}"#)
            #expect(bad.status == 400)
            #expect(bad.errorDetail?.contains("operator") == true)
            #expect(try await client.post("/v1/customers", #"{}"#).status == 400)
        }
    }

    @Test func segmentMembershipCountAndTrackAPI() async throws {
        try await withSandbox { _, client in
            let created = try await client.post("/v1/segments", #"{"segment":{"name":"VIP from tests","description":"made by a test"}}"#)
            #expect(created.status == 200)
            let segment = created.json["segment"] as! [String: Any]
            let id = segment["id"] as! Int
            #expect(segment["type"] as? String == "manual")

            var track = client
            track.key = nil
            let basic = "Basic " + Data("site:trackkey".utf8).base64EncodedString()
            let add = try await track.send("POST", "/api/v1/segments/\(id)/add_customers", json: #"{"ids":["1","2","3","nobody"]}"#, headers: ["Authorization": basic])
            #expect(add.status == 200)
            #expect(add.text == "{}")
            #expect(try await client.get("/v1/segments/\(id)/customer_count").json["count"] as? Int == 3)

            let membership = try await client.get("/v1/segments/\(id)/membership")
            #expect(membership.json["ids"] as? [String] == ["1", "2", "3"])
            #expect(membership.json["next"] as? String == "")

            let remove = try await track.send("POST", "/api/v1/segments/\(id)/remove_customers", json: #"{"ids":["2"]}"#, headers: ["Authorization": basic])
            #expect(remove.status == 200)
            #expect(try await client.get("/v1/segments/\(id)/customer_count").json["count"] as? Int == 2)

            // Dynamic segments don't take people; the Track API wants Basic auth.
            let dynamic = try await track.send("POST", "/api/v1/segments/1/add_customers", json: #"{"ids":["1"]}"#, headers: ["Authorization": basic])
            #expect(dynamic.status == 400)
            #expect(try await track.send("POST", "/api/v1/segments/\(id)/add_customers", json: #"{"ids":["1"]}"#).status == 401)
            #expect(try await client.send("POST", "/api/v1/segments/\(id)/add_customers", json: #"{"ids":["1"]}"#).status == 401)

            #expect(try await client.send("DELETE", "/v1/segments/\(id)").status == 204)
            #expect(try await client.get("/v1/segments/\(id)").status == 404)
        }
    }

    @Test func membershipPagingUsesLimitAndEnds() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { _, client in
            let count = try await client.get("/v1/segments/\(SegmentCatalog.paying)/customer_count").json["count"] as! Int
            #expect(count > 300)
            var start = ""
            var total = 0
            var pages = 0
            repeat {
                let page = try await client.get("/v1/segments/\(SegmentCatalog.paying)/membership?limit=250" + (start.isEmpty ? "" : "&start=\(start.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)"))
                total += (page.json["ids"] as? [Any])?.count ?? 0
                start = page.json["next"] as? String ?? ""
                pages += 1
            } while !start.isEmpty && pages < 50
            #expect(total == count)
            #expect(pages == (count + 249) / 250)
        }
    }
}
