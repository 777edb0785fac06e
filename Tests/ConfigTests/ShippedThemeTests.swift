@testable import Config
import Foundation
import Styling
import Testing

@Suite struct ShippedThemeTests {
    @Test func everyShippedThemeParsesAndDefinesEveryRole() throws {
        let files = try Repository.themeFiles()
        #expect(files.map(\.name) == ["default", "dracula", "high-contrast", "light", "monochrome", "nord", "solarized-dark"])
        for file in files {
            let text = try String(contentsOf: file.url, encoding: .utf8)
            let theme = try ThemeFile.parse(text, source: "themes/\(file.name).toml")
            #expect(theme.name == file.name)
            let missing = ThemeRole.allCases.filter { !theme.defines($0) }.map(\.rawValue)
            #expect(missing.isEmpty, "themes/\(file.name).toml leaves out \(missing)")
        }
    }

    @Test func defaultThemeFileMatchesTheCompiledInFallbackRoleByRole() throws {
        let theme = try ThemeFile.parse(try Repository.read("themes/default.toml"), source: "themes/default.toml")
        for role in ThemeRole.allCases {
            #expect(theme[role] == Theme.fallback[role], "role \(role.rawValue)")
            #expect(theme.defines(role) == Theme.fallback.defines(role), "role \(role.rawValue)")
        }
        #expect(theme == Theme.fallback)
    }

    @Test func monochromeUsesNoColourAndStillMarksSelection() throws {
        let theme = try ThemeFile.parse(try Repository.read("themes/monochrome.toml"), source: "themes/monochrome.toml")
        for role in ThemeRole.allCases {
            #expect(theme[role].foreground == .default && theme[role].background == .default, "role \(role.rawValue)")
        }
        #expect(theme[.tableSelected].attributes.contains(.reverse))
        #expect(theme[.tableSelected] != theme[.tableRow])
    }

    @Test func colourThemesUseTheirPalettes() throws {
        let dracula = try ThemeFile.parse(try Repository.read("themes/dracula.toml"), source: "themes/dracula.toml")
        #expect(dracula[.text] == CellStyle(foreground: .rgb(0xF8, 0xF8, 0xF2), background: .rgb(0x28, 0x2A, 0x36)))
        let nord = try ThemeFile.parse(try Repository.read("themes/nord.toml"), source: "themes/nord.toml")
        #expect(nord[.text].background == .rgb(0x2E, 0x34, 0x40))
        let solarized = try ThemeFile.parse(try Repository.read("themes/solarized-dark.toml"), source: "themes/solarized-dark.toml")
        #expect(solarized[.text].background == .rgb(0x00, 0x2B, 0x36))
    }

    @Test func embeddedThemesAreByteIdenticalToTheFiles() throws {
        let files = try Repository.themeFiles()
        #expect(BuiltinThemes.names == files.map(\.name), "run Tests/tools/embed-themes.sh")
        for file in files {
            let onDisk = try Data(contentsOf: file.url)
            let embedded = BuiltinThemes.source(named: file.name).map { Data($0.utf8) }
            #expect(embedded == onDisk, "themes/\(file.name).toml differs from its embedded copy: run Tests/tools/embed-themes.sh")
        }
    }

    @Test func themesDocumentationListsEveryRoleWithItsFallback() throws {
        let docs = try Repository.read("docs/themes.md")
        // Rows of the role table: | `role` | what it styles | `fallback` or — |
        var documented: [String: String] = [:]
        for line in docs.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 3, let role = ThemeRole(rawValue: cells[0].trimmingCharacters(in: ["`"])) else { continue }
            documented[role.rawValue] = cells[2].trimmingCharacters(in: ["`"])
        }
        for role in ThemeRole.allCases {
            #expect(documented[role.rawValue] == (role.fallback?.rawValue ?? "—"), "docs/themes.md row for \(role.rawValue)")
        }
        for name in BuiltinThemes.names { #expect(docs.contains("| `\(name)` |"), "docs/themes.md does not list \(name)") }
    }

    @Test func themesDocumentationExampleParsesAndSetsEveryRole() throws {
        let docs = try Repository.read("docs/themes.md")
        let section = try #require(docs.range(of: "## A complete example"))
        let start = try #require(docs.range(of: "```toml\n", range: section.upperBound..<docs.endIndex))
        let end = try #require(docs.range(of: "```", range: start.upperBound..<docs.endIndex))
        let theme = try ThemeFile.parse(String(docs[start.upperBound..<end.lowerBound]), source: "docs/themes.md")
        #expect(theme.name == "sixteen")
        #expect(ThemeRole.allCases.allSatisfy(theme.defines))
    }
}
