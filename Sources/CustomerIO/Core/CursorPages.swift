import Foundation

/// A cursor-paged list walked one request per page until `next` runs out.
///
/// The API's `next` is optional and sometimes `""` at the end; a cursor that repeats also ends the walk,
/// so a misbehaving server cannot make it loop forever.
public struct CursorPages<Item: Sendable>: AsyncSequence, Sendable {
    public typealias Element = [Item]
    public typealias Fetch = @Sendable (_ start: String?) async throws -> (items: [Item], next: String?)

    private let fetch: Fetch
    private let maxPages: Int

    public init(maxPages: Int = .max, fetch: @escaping Fetch) {
        self.fetch = fetch
        self.maxPages = maxPages
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(fetch: fetch, maxPages: maxPages)
    }

    /// Every item, page after page (stops after `limit` items when given).
    public func collect(limit: Int = .max) async throws -> [Item] {
        var all: [Item] = []
        for try await page in self {
            all.append(contentsOf: page)
            if all.count >= limit { return Array(all.prefix(limit)) }
        }
        return all
    }

    /// Walks the pages.
    public struct Iterator: AsyncIteratorProtocol {
        let fetch: Fetch
        let maxPages: Int
        var cursor: String?
        var seen: Set<String> = []
        var pages = 0
        var finished = false

        init(fetch: @escaping Fetch, maxPages: Int) {
            self.fetch = fetch
            self.maxPages = maxPages
        }

        public mutating func next() async throws -> [Item]? {
            guard !finished, pages < maxPages else { return nil }
            let page = try await fetch(cursor)
            pages += 1
            if let next = page.next, !next.isEmpty, !seen.contains(next) {
                seen.insert(next)
                cursor = next
            } else {
                finished = true
            }
            return page.items
        }
    }
}
