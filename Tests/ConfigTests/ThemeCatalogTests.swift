@testable import Config
import Styling
import Testing

@Suite struct ThemeCatalogTests {
    private func catalog(_ directory: TemporaryDirectory) -> ThemeCatalog {
        ThemeCatalog(paths: ConfigPaths(environment: ["HOME": directory.path + "/home", "XDG_CONFIG_HOME": directory.path + "/xdg"]))
    }

    @Test func builtInThemesLoadByNameWithoutWarnings() throws {
        let directory = try TemporaryDirectory()
        for name in BuiltinThemes.names {
            let load = catalog(directory).load(nameOrPath: name)
            #expect(load.warning == nil, "\(name): \(load.warning ?? "")")
            #expect(load.theme.name == name)
        }
        #expect(catalog(directory).load(nameOrPath: "default").theme == Theme.fallback)
    }

    @Test func namesListBuiltInAndUserThemesAndUserThemesWin() throws {
        let directory = try TemporaryDirectory()
        try directory.write("xdg/cio/themes/grass.toml", "[roles]\ntext = { fg = \"green\" }\n")
        try directory.write("xdg/cio/themes/nord.toml", "name = \"my-nord\"\n[roles]\ntext = { fg = 1 }\n")
        try directory.write("xdg/cio/themes/notes.txt", "not a theme")
        let catalog = catalog(directory)
        #expect(catalog.names == ["default", "dracula", "grass", "high-contrast", "light", "monochrome", "nord", "solarized-dark"])
        #expect(catalog.load(nameOrPath: "grass").theme[.text].foreground == .indexed(2))
        let nord = catalog.load(nameOrPath: "nord")
        #expect(nord.theme.name == "my-nord")
        #expect(nord.theme[.text].foreground == .indexed(1))
    }

    @Test func pathsLoadFilesIncludingTildePaths() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("home/themes/sea.toml", "[roles]\ntext = { fg = \"blue\" }\n")
        let catalog = catalog(directory)
        #expect(catalog.load(nameOrPath: file).theme[.text].foreground == .indexed(4))
        #expect(catalog.load(nameOrPath: "~/themes/sea.toml").theme.name == "sea")
    }

    @Test func missingFileFallsBackWithAWarning() throws {
        let directory = try TemporaryDirectory()
        let load = catalog(directory).load(nameOrPath: "~/themes/gone.toml")
        #expect(load.theme == Theme.fallback)
        #expect(load.warning == "~/themes/gone.toml: no such theme file")
    }

    @Test func brokenFileFallsBackWithTheErrorAsTheWarning() throws {
        let directory = try TemporaryDirectory()
        try directory.write("xdg/cio/themes/broken.toml", "[roles]\ntext = { fg = \"bleu\" }\n")
        try directory.write("home/bad-syntax.toml", "[roles\n")
        let catalog = catalog(directory)
        let broken = catalog.load(nameOrPath: "broken")
        #expect(broken.theme == Theme.fallback)
        #expect(broken.warning == #"\#(directory.path)/xdg/cio/themes/broken.toml:2: unknown colour "bleu" for role text (did you mean "blue"?)"#)
        let syntax = catalog.load(nameOrPath: "~/bad-syntax.toml")
        #expect(syntax.theme == Theme.fallback)
        #expect(syntax.warning?.hasPrefix("~/bad-syntax.toml:1:") == true)
        #expect(syntax.warning?.contains("syntax error") == true)
    }

    @Test func unknownNameSuggestsAndLists() throws {
        let directory = try TemporaryDirectory()
        let load = catalog(directory).load(nameOrPath: "nrod")
        #expect(load.theme == Theme.fallback)
        #expect(load.warning?.hasPrefix(#"no theme named "nrod" (did you mean "nord"?); themes: default, dracula"#) == true)
    }
}
