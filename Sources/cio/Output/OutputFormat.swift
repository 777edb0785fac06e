import ArgumentParser
import CustomerIO
import Foundation

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json

    /// JSON when stdout is not a terminal, unless asked otherwise.
    static func resolve(_ requested: OutputFormat?) -> OutputFormat {
        requested ?? (Terminal.stdoutIsTerminal ? .table : .json)
    }
}

/// Output flags for every `get` command.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: "table or json (default: table at a terminal, json otherwise).")
    var output: OutputFormat?

    var format: OutputFormat { OutputFormat.resolve(output) }
}

/// Encodes values the way scripts like them: stable key order, no escaped slashes.
enum JSONOutput {
    /// JSONEncoder escapes C0 controls but leaves DEL, C1 (U+009B is CSI to many terminals), U+2028 and U+2029
    /// raw, which JSON allows; they are escaped too, so JSON read at a terminal is as safe as a table and means
    /// the same to a parser.
    static func render(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return TerminalSafeText.escapingJSON(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }
}
