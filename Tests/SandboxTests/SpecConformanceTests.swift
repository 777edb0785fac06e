import CustomerIO
import Foundation
import Testing
@testable import Sandbox

/// Where the sandbox follows the vendor's spec closely enough that a client straying from it fails here: the
/// relationships endpoint's parameters, the filter schema's nesting, and addresses that several profiles share.
@Suite struct SpecConformanceTests {
    // MARK: relationships

    @Test func relationshipsAreLookedUpByCustomerIDAndRefuseAnIDType() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { server, client in
            let customers = server.dataset.customers
            let byID = try await client.get("/v1/customers/10/relationships")
            #expect(byID.status == 200)
            #expect(byID.json["cio_relationships"] is [Any])

            // The spec documents no id_type here: sending one is a 400 in the errors envelope, whatever its value.
            for idType in ["id", "cio_id", "email"] {
                let refused = try await client.get("/v1/customers/\(customers.cioID(9))/relationships?id_type=\(idType)")
                #expect(refused.status == 400, "\(idType)")
                #expect(refused.errorStatus == "400")
                #expect(refused.errorDetail?.contains("id_type") == true)
            }
            // The path value is the customer id: a cio_id or an email names no one.
            #expect(try await client.get("/v1/customers/\(customers.cioID(9))/relationships").status == 404)
            let email = customers.email(9).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
            #expect(try await client.get("/v1/customers/\(email)/relationships").status == 404)
        }
    }

    // MARK: filter nesting

    static let tooDeep = #"{"and":[{"segment":{"id":1}},{"or":[{"attribute":{"field":"plan","operator":"eq","value":"pro"}},{"and":[{"attribute":{"field":"country","operator":"eq","value":"DE"}},{"attribute":{"field":"phone","operator":"exists"}}]}]}]}"#
    static let doubleNot = #"{"not":{"not":{"attribute":{"field":"plan","operator":"eq","value":"pro"}}}}"#
    static let vendorExample = #"{"and":[{"segment":{"id":3}},{"or":[{"attribute":{"field":"interest","operator":"eq","value":"roadrunners"}},{"attribute":{"field":"state","operator":"eq","value":"NM"}},{"not":{"attribute":{"field":"species","operator":"eq","value":"roadrunners"}}}]}]}"#

    @Test func searchAndExportsRefuseFiltersNestedDeeperThanTheSchema() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { _, client in
            for filter in [Self.tooDeep, Self.doubleNot] {
                let search = try await client.post("/v1/customers", #"{"filter":\#(filter)}"#)
                #expect(search.status == 400)
                #expect(search.errorStatus == "400")
                #expect(search.errorDetail?.hasPrefix("filter is not a valid filter: ") == true, "\(search.text)")
                let export = try await client.post("/v1/exports/customers", #"{"filters":\#(filter)}"#)
                #expect(export.status == 400)
                #expect(export.errorDetail?.hasPrefix("filters is not a valid filter: ") == true, "\(export.text)")
            }
            let search = try await client.post("/v1/customers", #"{"filter":\#(Self.tooDeep)}"#)
            #expect(search.errorDetail?.contains("nested one level deeper") == true)
            #expect(try await client.post("/v1/customers", #"{"filter":\#(Self.doubleNot)}"#).errorDetail?.contains("not directly inside a not") == true)
            // The vendor's own example (a negated condition in the inner or) is taken.
            #expect(try await client.post("/v1/customers", #"{"filter":\#(Self.vendorExample)}"#).status == 200)
        }
    }

    /// The trigger endpoint documents its validation errors as 422 with a pointer, and lists no 400.
    @Test func aTriggerRefusesRecipientsNestedDeeperThanTheSchema() async throws {
        try await withSandbox { _, client in
            let refused = try await client.post("/v1/campaigns/60/triggers", #"{"recipients":\#(Self.tooDeep)}"#)
            #expect(refused.status == 422)
            let error = (refused.json["errors"] as? [[String: Any]])?.first
            #expect((error?["source"] as? [String: Any])?["pointer"] as? String == "/data/attributes/recipients")
            #expect(refused.errorDetail?.contains("nested one level deeper") == true)
        }
    }

    /// The sandbox's own segments and exports are filters the API would take.
    @Test func theGeneratedFiltersFitTheSchema() {
        let data = SandboxDataset.generate(customers: 100, seed: 1, anchor: Date(timeIntervalSince1970: 1_790_000_000))
        for segment in data.segments {
            if let rule = segment.rule { #expect(rule.schemaProblem == nil, "segment \(segment.id)") }
        }
        for export in data.exports {
            if case .customers(let filter) = export.selection { #expect(filter.schemaProblem == nil, "export \(export.id)") }
        }
    }

    // MARK: shared addresses

    @Test func aFewPeopleShareAnAddressAsDocumented() {
        let customers = SandboxDataset.generate(customers: 2_000, seed: 42, anchor: Date(timeIntervalSince1970: 1_790_000_000)).customers
        // Rows are ids minus one: 499 and 500 share, 998, 999 and 1000 share, and so on.
        let groups = [[498, 499], [997, 998, 999], [1_498, 1_499], [1_997, 1_998, 1_999]]
        for group in groups {
            let emails = Set(group.map(customers.email))
            #expect(emails.count == 1, "\(group) have \(emails)")
            #expect(customers.rows(forEmail: customers.email(group[0])) == group)
            #expect(customers.rows(forEmail: customers.email(group[0]).uppercased()) == group)
            #expect(customers.row(forEmail: customers.email(group[0])) == group[0])
            #expect(Set(group.map(customers.cioID)).count == group.count, "ids and cio_ids stay distinct")
        }
        // Everyone else has an address of their own.
        let shared = Set(groups.joined())
        let others = (0 ..< customers.count).filter { !shared.contains($0) }
        #expect(Set(others.map(customers.email)).count == others.count)
        #expect(others.allSatisfy { customers.rows(forEmail: customers.email($0)) == [$0] })
        #expect(Set(groups.map { customers.email($0[0]) }).isDisjoint(with: others.map(customers.email)))
    }

    @Test func aWorkspaceTooSmallForTheRuleSharesNothing() {
        let customers = SandboxDataset.generate(customers: 998, seed: 3, anchor: Date(timeIntervalSince1970: 1_790_000_000)).customers
        // 499 and 500 share; 998 would share with 999, who does not exist.
        #expect(customers.rows(forEmail: customers.email(498)) == [498, 499])
        #expect(customers.rows(forEmail: customers.email(997)) == [997])
    }

    @Test func lookupByEmailAndFiltersFindEveryProfileWithTheAddress() async throws {
        try await withSandbox(configure: { $0.rateLimit = false }) { server, client in
            let customers = server.dataset.customers
            let email = customers.email(998)
            let encoded = email.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!

            let lookup = try await client.get("/v1/customers?email=\(encoded)")
            let results = try #require(lookup.json["results"] as? [[String: Any]])
            #expect(results.compactMap { $0["id"] as? String } == ["998", "999", "1000"])
            #expect(results.compactMap { $0["cio_id"] as? String } == [997, 998, 999].map(customers.cioID))
            #expect(results.allSatisfy { $0["email"] as? String == email })

            let filter = #"{"filter":{"attribute":{"field":"email","operator":"eq","value":"\#(email)"}}}"#
            let search = try await client.post("/v1/customers", filter)
            #expect(search.json["ids"] as? [String] == ["998", "999", "1000"])

            // A path that names one person by a shared email gets the first of them (the spec does not say which).
            let one = try await client.get("/v1/customers/\(encoded)/attributes?id_type=email")
            #expect(one.status == 200)
            #expect((one.json["customer"] as? [String: Any])?["id"] as? String == "998")
            // Each profile keeps its own attributes, with the shared address.
            let other = try await client.get("/v1/customers/1000/attributes")
            let attributes = (other.json["customer"] as? [String: Any])?["attributes"] as? [String: Any]
            #expect(attributes?["email"] as? String == email)
            #expect(attributes?["id"] as? String == "1000")
        }
    }

    /// The spec: "an email address associated with more than one profile id is an error" unless
    /// `email_add_duplicates`, which sends to all of them.
    @Test func aTriggerToASharedAddressNeedsEmailAddDuplicates() async throws {
        try await withSandbox { server, client in
            let email = server.dataset.customers.email(499)
            /// How many deliveries of broadcast 60 the person with this id has.
            func fromBroadcast(_ id: Int) async throws -> Int {
                let page = try await client.get("/v1/customers/\(id)/messages?limit=1000")
                return (page.json["messages"] as? [[String: Any]])?.filter { $0["broadcast_id"] as? Int == 60 }.count ?? 0
            }
            let before = (try await fromBroadcast(499), try await fromBroadcast(500))

            let refused = try await client.post("/v1/campaigns/60/triggers", #"{"emails":["\#(email)"]}"#)
            #expect(refused.status == 422)
            #expect(refused.errorDetail?.contains("email_add_duplicates") == true, "\(refused.text)")

            let accepted = try await client.post("/v1/campaigns/60/triggers", #"{"emails":["\#(email)"],"email_add_duplicates":true}"#)
            #expect(accepted.status == 200)
            let reached = try await eventually {
                let first = try await fromBroadcast(499)
                let second = try await fromBroadcast(500)
                return first > before.0 && second > before.1
            }
            #expect(reached, "both profiles with the address got the broadcast")
        }
    }
}
