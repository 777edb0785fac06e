import Foundation

/// Why a typed filter query could not be read, pointing at the column where reading stopped.
public struct FilterQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based position in characters (grapheme clusters), so it lines up with what the user typed.
    public let column: Int
    /// What the query needed at that point, e.g. `a value after '='`.
    public let expected: String
    /// What was there instead, e.g. `end of query`, sometimes with a hint on how to fix it.
    public let found: String

    /// Set when the query reads fine but nests deeper than the API's filters allow: then `found` is the whole
    /// explanation, and no column is named since the problem is the shape of the whole query.
    public let isSchemaProblem: Bool

    /// Creates an error at a 1-based column.
    public init(column: Int, expected: String, found: String) {
        self.column = column
        self.expected = expected
        self.found = found
        isSchemaProblem = false
    }

    /// A query whose groups nest deeper than the API's filter schema allows; `problem` says which and how to rewrite.
    public init(schemaProblem problem: String) {
        column = 1
        expected = "groups nested as Customer.io's filters allow"
        found = problem
        isSchemaProblem = true
    }

    /// One sentence for the person who typed the query, e.g. `column 12: expected a value after '=', found end of
    /// query`, or for a query nested too deep, the schema problem itself.
    public var description: String {
        isSchemaProblem ? found : "column \(column): expected \(expected), found \(found)"
    }
}

extension FilterQueryError: LocalizedError {
    public var errorDescription: String? { description }
}
