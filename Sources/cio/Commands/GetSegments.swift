import ArgumentParser
import CustomerIO
import Foundation

/// `cio get segments`.
struct GetSegments: GetSubcommand {
    static let configuration = CommandConfiguration(commandName: "segments", abstract: "List segments.")

    @Flag(name: .long, help: "Also fetch each segment's customer count (one request per segment).")
    var counts = false

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var outputOptions: OutputOptions

    /// A segment with its count, when asked for.
    struct Row: Encodable {
        let segment: Segment
        let customerCount: Int?

        func encode(to encoder: any Encoder) throws {
            try segment.encode(to: encoder)
            if let customerCount {
                var container = encoder.container(keyedBy: Key.self)
                try container.encode(customerCount, forKey: .customerCount)
            }
        }

        private enum Key: String, CodingKey { case customerCount = "customer_count" }
    }

    func run() async throws {
        let client = try await makeClient()
        let segments = try await client.segments()
        var rows = segments.map { Row(segment: $0, customerCount: nil) }
        if counts {
            // Counts go out together; the shared limiter keeps them within 10 requests per second.
            let found = try await withThrowingTaskGroup(of: (Int, Int).self) { group in
                for segment in segments {
                    group.addTask { (segment.id, try await client.segmentCustomerCount(id: segment.id)) }
                }
                return try await group.reduce(into: [Int: Int]()) { $0[$1.0] = $1.1 }
            }
            rows = segments.map { Row(segment: $0, customerCount: found[$0.id]) }
        }
        try emit(rows) {
            Table(
                headers: ["ID", "NAME", "TYPE", "STATE"] + (counts ? ["CUSTOMERS"] : []),
                rows: rows.map { row in
                    let state = row.segment.progress.map { "\(row.segment.state ?? "") \($0)%" } ?? (row.segment.state ?? "")
                    return [String(row.segment.id), row.segment.name ?? "", row.segment.type ?? "", state] + (counts ? [row.customerCount.map(String.init) ?? ""] : [])
                },
                rightAligned: counts ? [0, 4] : [0]
            )
        }
    }
}
