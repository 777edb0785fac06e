@testable import Config
import Foundation
import Testing

@Suite struct ConfigDocumentationTests {
    private func exampleBlock(in docs: String, after heading: String) throws -> String {
        let section = try #require(docs.range(of: heading))
        let start = try #require(docs.range(of: "```toml\n", range: section.upperBound..<docs.endIndex))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        return String(docs[start.upperBound..<end.lowerBound])
    }

    @Test func completeExampleParsesAsDescribed() throws {
        let docs = try Repository.read("docs/configuration.md")
        let file = try ConfigFile.parse(try exampleBlock(in: docs, after: "## A complete example"), path: "docs/configuration.md")
        let selected = try #require(try file.profile(named: nil))
        #expect(selected.name == "prod-us")
        #expect(selected.readOnly && selected.theme == "dracula" && selected.apiKey == .command("pass show cio/prod"))
        #expect(try file.profile(named: "staging-eu")?.region == .eu)
        #expect(file.profiles["sandbox"]?.apiURL == "http://127.0.0.1:4010")
        #expect(file.keyOverrides["quit"] == [.control("q")])
        #expect(file.keyOverrides["table.bottom"] == [.character("G"), .end])
    }

    @Test func everyKeyIsDocumented() throws {
        let docs = try Repository.read("docs/configuration.md")
        for field in ProfileReader.fields { #expect(docs.contains("| `\(field)` |"), "profile key \(field)") }
        for key in ["default_profile", "theme"] { #expect(docs.contains("| `\(key)` |"), "top-level key \(key)") }
        for variable in ["CUSTOMERIO_APP_API_KEY", "CUSTOMERIO_REGION", "CUSTOMERIO_APP_API_URL", "CUSTOMERIO_SITE_ID", "CUSTOMERIO_TRACK_API_KEY", "CIO_CONFIG"] {
            #expect(docs.contains("`\(variable)`"), "environment variable \(variable)")
        }
    }
}
