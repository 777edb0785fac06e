import App
import ArgumentParser
import CustomerIO
import Foundation
import Workspace

/// `cio get objects [--type ID] [--filter Q]`: objects found by their attributes, with their names.
struct GetObjects: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "objects", abstract: "List object types, or the objects of one found by their attributes.")

    @Option(name: .long, help: "An object type's id (cio get objects alone lists the types).")
    var type: String?

    @Option(name: .long, help: "A filter over the objects' attributes: name = \"Acme\", has plan (default: all).")
    var filter: String?

    @Option(name: .long, help: "At most this many objects.")
    var limit = 100

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    /// One object as printed.
    struct Found: Encodable {
        let object_id: String?
        let cio_object_id: String?
        let name: String?
    }

    func run() async throws {
        let client = try await makeClient()
        guard let type else {
            let types = try await client.objectTypes()
            try emit(types) { Table(headers: ["ID", "NAME", "SINGULAR"], rows: types.map { [$0.id, $0.name ?? "", $0.singularName ?? ""] }, rightAligned: [0]) }
            return
        }
        let audience: AudienceFilter
        if let filter, !filter.isEmpty {
            do { audience = try FilterQuery.parse(filter) } catch let error as FilterQueryError { throw ValidationError("The filter could not be read: \(error.description)") }
        } else {
            let named = AudienceFilter.attribute(field: "name", condition: .exists)
            audience = .or([named, .not(named)])
        }
        let identifiers = try await CursorPages { start in
            let page = try await client.objects(typeID: type, filter: audience, start: start, limit: min(limit, 1_000))
            return (page.identifiers, page.next)
        }.collect(limit: limit)
        var found: [Found] = []
        for ids in identifiers {
            let name = try? await client.objectAttributes(typeID: type, id: ids.objectID ?? "").name
            found.append(Found(object_id: ids.objectID, cio_object_id: ids.cioObjectID, name: name))
        }
        try emit(found) { Table(headers: ["OBJECT ID", "CIO OBJECT ID", "NAME"], rows: found.map { [$0.object_id ?? "", $0.cio_object_id ?? "", $0.name ?? ""] }) }
    }
}
