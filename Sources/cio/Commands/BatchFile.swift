import CustomerIO
import Foundation

/// A `cio track batch` file read strictly, as docs/writes.md promises: what is sent is what the file says, or the
/// line is refused with its number. The file must be a regular file of at most `maximumBytes` (a fifo or a device
/// is refused before it is opened); each line must be UTF-8 (not read with U+FFFD in place of bad bytes) and JSON
/// with no key given twice in one object (jq and Python read the last, Foundation's decoder the first).
enum BatchFile {
    /// Far above any real batch (100,000 operations of 500 bytes are 50 MB), and below what memory minds.
    static let maximumBytes = 64 << 20

    /// One line's problem: its 1-based number and what is wrong.
    struct LineProblem: Error, Equatable {
        let line: Int
        let message: String
    }

    /// The bytes of `path` (`-` is standard input), or a sentence saying what is wrong with the file.
    static func data(_ path: String, limit: Int = maximumBytes) throws(RegularFile.Problem) -> Data {
        path == "-" ? try RegularFile.readAll(descriptor: STDIN_FILENO, limit: limit) : try RegularFile.read(path, limit: limit)
    }

    /// The operations of `data`, one per non-empty line; the first line that is not one is thrown.
    static func operations(_ data: Data) throws(LineProblem) -> [TrackOperation] {
        var operations: [TrackOperation] = []
        for (index, bytes) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            do {
                if let operation = try operation(bytes) { operations.append(operation) }
            } catch {
                throw LineProblem(line: index + 1, message: error.message)
            }
        }
        return operations
    }

    /// What a line's problem says.
    struct Refusal: Error {
        let message: String
    }

    /// One line's operation; nil for a blank line.
    static func operation(_ bytes: Data) throws(Refusal) -> TrackOperation? {
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw Refusal(message: "not UTF-8 text (\(invalidByte(bytes)))")
        }
        let text = decoded.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        // Counted before decoding, which recurses: a line nested absurdly deep is refused, not read.
        let depth = JSONValue.nesting(of: text.utf8)
        guard depth <= TrackValidation.Limit.bodyDepth else {
            throw Refusal(message: "nests \(depth) levels; values may nest at most \(JSONValue.maximumDepth) levels deep")
        }
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw Refusal(message: "not JSON")
        }
        if let key = JSONDuplicateKeys.first(in: text) {
            throw Refusal(message: "the key \"\(key)\" is given twice in one object (which one counts is not agreed on; give it once)")
        }
        do {
            return try TrackOperation(json: value)
        } catch let problem as TrackProblem {
            throw Refusal(message: "\(problem)")
        } catch {
            throw Refusal(message: "\(error)")
        }
    }

    /// Where UTF-8 breaks in a line: `byte 0xFF at column 41` (columns counted in bytes, from 1).
    static func invalidByte(_ bytes: Data) -> String {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while case .scalarValue(let scalar) = decoder.decode(&iterator) { offset += UTF8.width(scalar) }
        let index = bytes.startIndex + offset
        let byte = bytes.indices.contains(index) ? bytes[index] : 0
        return "byte " + String(format: "0x%02X", byte) + " at column \(offset + 1)"
    }
}

/// Finds a key given twice in one JSON object, at any depth. JSONSerialization and JSONDecoder keep one of the two
/// without a word, so the text itself is walked: once, left to right, with a stack of the keys seen in each open
/// object (an array's entry is nil), never recursing however deep the text nests.
enum JSONDuplicateKeys {
    /// The first key found twice in one object of `json` (JSON text already known to parse), or nil.
    ///
    /// Keys are compared as Swift strings, by canonical equivalence: `é` and `e` + U+0301 are one key to the
    /// dictionary cio decodes into, so the file would lose one of them just the same.
    static func first(in json: String) -> String? {
        let bytes = Array(json.utf8)
        var open: [Set<String>?] = []
        var expectingKey = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "{"): open.append([]); expectingKey = true
            case UInt8(ascii: "["): open.append(nil); expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"): _ = open.popLast(); expectingKey = false
            case UInt8(ascii: ","): expectingKey = open.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                let string = readString(bytes, from: &index)
                // Inserted in place: a copy of the set per key would make a wide object quadratic.
                if expectingKey, !open.isEmpty, open[open.count - 1]?.insert(string).inserted == false { return string }
                expectingKey = false
            default: continue
            }
        }
        return nil
    }

    /// The string whose opening quote was just read, escapes decoded (`"\u0061"` is the key `a`); `index` ends
    /// past its closing quote.
    private static func readString(_ bytes: [UInt8], from index: inout Int) -> String {
        var scalars = String.UnicodeScalarView()
        var raw: [UInt8] = []
        let flush = { (raw: inout [UInt8], scalars: inout String.UnicodeScalarView) in
            scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
            raw.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { break }
            guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                raw.append(byte)
                continue
            }
            flush(&raw, &scalars)
            scalars.append(escaped(bytes, at: &index))
        }
        flush(&raw, &scalars)
        return String(scalars)
    }

    /// The character a backslash escape stands for; `index` is just past the backslash and ends past the escape.
    private static func escaped(_ bytes: [UInt8], at index: inout Int) -> Unicode.Scalar {
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = hex4(bytes, at: &index)
            // A surrogate pair is two escapes for one character.
            if (0xD800..<0xDC00).contains(high), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                index += 2
                let low = hex4(bytes, at: &index)
                guard (0xDC00..<0xE000).contains(low) else { return "\u{FFFD}" }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        default: return Unicode.Scalar(letter)
        }
    }

    private static func hex4(_ bytes: [UInt8], at index: inout Int) -> UInt32 {
        let end = min(index + 4, bytes.count)
        let value = UInt32(String(decoding: bytes[index..<end], as: UTF8.self), radix: 16) ?? 0xFFFD
        index = end
        return value
    }
}
