import CustomerIO
import Foundation

/// Checks JSON as the user types it and says where it breaks, by line and column. Foundation's parser on Linux
/// reports at best a character offset (often only "unexpected end of file"), which is no help in a 40-line
/// `message_data`; this scanner follows RFC 8259's grammar and stops at the first byte that cannot fit.
public enum JSONChecker {
    /// Where and why the text is not JSON.
    public struct Problem: Error, Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var column: Int
        public var message: String
        public var description: String { "line \(line), column \(column): \(message)" }
    }

    /// The object the text holds, or where it goes wrong. Empty text is no object (nil), not an error.
    public static func object(_ text: String) -> Result<[String: JSONValue]?, Problem> {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .success(nil) }
        if let problem = objectProblem(text) { return .failure(problem) }
        do {
            return .success(try JSONDecoder().decode([String: JSONValue].self, from: Data(text.utf8)))
        } catch {
            return .failure(Problem(line: 1, column: 1, message: "not a JSON object"))
        }
    }

    /// Where text meant as an object goes wrong, without decoding it (the composer asks on every frame); nil for
    /// empty text or a well-formed object.
    public static func objectProblem(_ text: String) -> Problem? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return nil }
        if let problem = check(text) { return problem }
        return trimmed.hasPrefix("{") ? nil : Problem(line: 1, column: 1, message: "expected an object ({ … })")
    }

    /// Any JSON value (an array of per-person data, say), or where it goes wrong.
    public static func value(_ text: String) -> Result<JSONValue, Problem> {
        if let problem = check(text) { return .failure(problem) }
        do {
            return .success(try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)))
        } catch {
            return .failure(Problem(line: 1, column: 1, message: "not JSON"))
        }
    }

    /// nil when `text` is one well-formed JSON value, surrounded by nothing but whitespace.
    public static func check(_ text: String) -> Problem? {
        var scanner = Scanner(bytes: Array(text.utf8))
        do {
            scanner.skipWhitespace()
            try scanner.value(depth: 0)
            scanner.skipWhitespace()
            if scanner.index < scanner.bytes.count { throw scanner.problem("unexpected text after the end") }
            return nil
        } catch let problem as Problem {
            return problem
        } catch {
            return Problem(line: 1, column: 1, message: "not JSON")
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        /// Line and column (in characters, from 1) of the current byte.
        func problem(_ message: String) -> Problem {
            var line = 1
            var lineStart = 0
            for position in 0..<min(index, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
                line += 1
                lineStart = position + 1
            }
            let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
            return Problem(line: line, column: column, message: message)
        }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ literal: String) throws {
            let start = index
            for byte in literal.utf8 {
                guard current == byte else {
                    // Point at the word, not at the letter where it went wrong.
                    index = start
                    throw problem("expected \(literal)")
                }
                index += 1
            }
        }

        mutating func value(depth: Int) throws {
            guard let byte = current else { throw problem("the text ends where a value should be") }
            if (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[")) && depth >= JSONValue.maximumDepth {
                throw problem("nested more than \(JSONValue.maximumDepth) levels deep")
            }
            switch byte {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try expect("true")
            case UInt8(ascii: "f"): try expect("false")
            case UInt8(ascii: "n"): try expect("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "'"): throw problem("strings take double quotes")
            default: throw problem("unexpected \(Self.describe(byte))")
            }
        }

        mutating func object(depth: Int) throws {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") { index += 1; return }
            repeat {
                skipWhitespace()
                guard current == UInt8(ascii: "\"") else {
                    throw problem(current == nil ? "the object is not closed (})" : "a key must be a string in double quotes")
                }
                try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw problem("expected : after the key") }
                index += 1
                skipWhitespace()
                try value(depth: depth + 1)
            } while try !closes(UInt8(ascii: "}"), "object")
        }

        mutating func array(depth: Int) throws {
            index += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { index += 1; return }
            repeat {
                skipWhitespace()
                try value(depth: depth + 1)
            } while try !closes(UInt8(ascii: "]"), "array")
        }

        /// After a member of an object or array: true at its closer, false after a comma (with more to come).
        mutating func closes(_ closer: UInt8, _ what: String) throws -> Bool {
            let bracket = Character(UnicodeScalar(closer))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if current == closer { throw problem("a comma before \(bracket) (trailing commas are not JSON)") }
                return false
            case closer:
                index += 1
                return true
            case nil:
                throw problem("the \(what) is not closed (\(bracket))")
            default:
                throw problem("expected , or \(bracket) after a value")
            }
        }

        mutating func string() throws {
            index += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return
                case UInt8(ascii: "\\"):
                    index += 1
                    guard let escaped = current else { break }
                    if escaped == UInt8(ascii: "u") {
                        index += 1
                        for _ in 0..<4 {
                            guard let hex = current, Self.isHex(hex) else { throw problem("\\u needs four hex digits") }
                            index += 1
                        }
                    } else if Array("\"\\/bfnrt".utf8).contains(escaped) {
                        index += 1
                    } else {
                        throw problem("unknown escape \\\(Self.describe(escaped))")
                    }
                case 0x00..<0x20:
                    throw problem(byte == 0x0A ? "the string is not closed on its line (\")" : "a control character inside a string")
                default:
                    index += 1
                }
            }
            throw problem("the string is not closed (\")")
        }

        mutating func number() throws {
            if current == UInt8(ascii: "-") { index += 1 }
            guard let first = current, Self.isDigit(first) else { throw problem("expected a digit") }
            index += 1
            if first != UInt8(ascii: "0") { while let byte = current, Self.isDigit(byte) { index += 1 } }
            if current == UInt8(ascii: ".") {
                index += 1
                guard let byte = current, Self.isDigit(byte) else { throw problem("expected a digit after the decimal point") }
                while let byte = current, Self.isDigit(byte) { index += 1 }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                index += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
                guard let byte = current, Self.isDigit(byte) else { throw problem("expected a digit in the exponent") }
                while let byte = current, Self.isDigit(byte) { index += 1 }
            }
        }

        static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        static func isHex(_ byte: UInt8) -> Bool {
            isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }

        static func describe(_ byte: UInt8) -> String {
            (0x21..<0x7F).contains(byte) ? "'\(Character(UnicodeScalar(byte)))'" : String(format: "byte 0x%02X", byte)
        }
    }
}
