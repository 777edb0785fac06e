@testable import Config
import Styling
import Testing

@Suite struct ThemeFileTests {
    private func parse(_ text: String) throws(ThemeError) -> Theme {
        try ThemeFile.parse(text, source: "themes/x.toml")
    }

    private func error(_ text: String) -> ThemeError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func everyColourForm() throws {
        let theme = try parse("""
        [roles]
        text = { fg = "default", bg = "black" }
        muted = { fg = "white", bg = "bright-black" }
        accent = { fg = "bright-white", bg = "bright_red" }
        border = { fg = 208, bg = "255" }
        title = { fg = "#BD93f9", bg = "#000000" }
        tab = { fg = "Cyan", bg = 0 }
        """)
        #expect(theme[.text] == CellStyle(foreground: .default, background: .indexed(0)))
        #expect(theme[.muted] == CellStyle(foreground: .indexed(7), background: .indexed(8)))
        #expect(theme[.accent] == CellStyle(foreground: .indexed(15), background: .indexed(9)))
        #expect(theme[.border] == CellStyle(foreground: .indexed(208), background: .indexed(255)))
        #expect(theme[.title] == CellStyle(foreground: .rgb(0xBD, 0x93, 0xF9), background: .rgb(0, 0, 0)))
        #expect(theme[.tab] == CellStyle(foreground: .indexed(6), background: .indexed(0)))
    }

    @Test func allSixteenNamesMapToTheirIndex() throws {
        for (index, name) in ColorSpec.standardNames.enumerated() {
            let theme = try parse("[roles]\ntext = { fg = \"\(name)\" }\n")
            #expect(theme[.text].foreground == .indexed(UInt8(index)), "\(name)")
        }
    }

    @Test func attributesCombine() throws {
        let theme = try parse(#"roles = { title = { attrs = ["bold", "dim", "italic", "underline", "reverse"] }, muted = { attrs = [] } }"#)
        #expect(theme[.title].attributes == [.bold, .dim, .italic, .underline, .reverse])
        #expect(theme[.muted] == .plain)
    }

    @Test func paletteNamesResolveAndMayRedefineStandardNames() throws {
        let theme = try parse("""
        name = "mine"
        [roles]
        table_selected = { fg = "black", bg = "purple", attrs = ["bold"] }
        text = { fg = "red" }
        [palette]
        purple = "#bd93f9"
        red = 124
        """)
        #expect(theme.name == "mine")
        #expect(theme[.tableSelected] == CellStyle(foreground: .indexed(0), background: .rgb(0xBD, 0x93, 0xF9), attributes: .bold))
        #expect(theme[.text].foreground == .indexed(124))
    }

    @Test func leftOutRolesFallBackAndTheNameDefaultsToTheFileName() throws {
        let theme = try ThemeFile.parse("[roles]\ntext = { fg = \"green\" }\nmuted = { fg = 8 }\n", source: "/home/me/.config/cio/themes/grass.toml")
        #expect(theme.name == "grass")
        #expect(theme[.tableRow] == theme[.text])
        #expect(theme[.jsonNull] == theme[.muted])
        #expect(!theme.defines(.tableRow))
    }

    @Test func roleTablesMayBeWrittenAsSections() throws {
        let theme = try parse("""
        [roles.text]
        fg = "green"
        attrs = ["bold"]
        """)
        #expect(theme[.text] == CellStyle(foreground: .indexed(2), attributes: .bold))
    }

    @Test func syntaxErrorsCarryLineAndColumn() throws {
        let failure = try #require(error("name = \"x\"\n[roles]\ntext = { fg = \"red\" \n"))
        #expect(failure.line == 3)
        #expect(failure.column != nil)
        #expect(failure.description.hasPrefix("themes/x.toml:3:\(failure.column!): syntax error"))
    }

    @Test func unknownColourNamesTheLineAndSuggestsThePaletteEntry() throws {
        let failure = try #require(error("""
        name = "x"
        description = "test"

        [palette]
        purple = "#bd93f9"

        [roles]
        text = { fg = "white" }
        table_selected = { fg = "black", bg = "purpel", attrs = ["bold"] }
        """))
        #expect(failure.description == #"themes/x.toml:9: unknown colour "purpel" for role table_selected (did you mean "purple"?)"#)
    }

    @Test func unknownRoleIsReportedOnItsLineWithASuggestion() throws {
        let failure = try #require(error("[roles]\ntext = {}\n\n# rows\ntabel_row = { fg = 1 }\n"))
        #expect(failure.line == 5)
        #expect(failure.message == #"unknown role "tabel_row" (did you mean "table_row"?)"#)
    }

    @Test func badAttributeIsReportedOnItsLine() throws {
        let failure = try #require(error("[roles]\ntext = {}\naccent = { attrs = [\"bold\", \"blod\"] }\n"))
        #expect(failure.description == #"themes/x.toml:3: unknown attribute "blod" for role accent (did you mean "bold"?)"#)
    }

    @Test func wrongTypesAreNamed() throws {
        #expect(error("[roles]\ntext = \"red\"\n")?.description.hasPrefix("themes/x.toml:2: role text must be a table") == true)
        #expect(error("[roles]\ntext = { fg = true }\n")?.message == "the colour for role text must be a string or an integer 0–255, not a boolean")
        #expect(error("[roles]\n\ntext = { attrs = \"bold\" }\n")?.line == 3)
        #expect(error("name = 3\n")?.message == "name must be a string, not an integer")
        #expect(error("roles = [1]\n")?.message == "roles must be a table, not a list")
    }

    @Test func otherMistakesAreReportedWithTheirLines() throws {
        #expect(error("[roles]\ntext = { fg = 256 }\n")?.description == "themes/x.toml:2: colour 256 for role text is out of range: indexed colours are 0–255")
        #expect(error("[roles]\ntext = { fg = \"#12345\" }\n")?.line == 2)
        #expect(error("[roles]\ntext = { fgg = \"red\" }\n")?.message == #"unknown field "fgg" in role text (did you mean "fg"?)"#)
        #expect(error("name = \"x\"\npalete = {}\n")?.description == #"themes/x.toml:2: unknown key "palete" (did you mean "palette"?)"#)
        #expect(error("[palette]\na = 1\nb = \"nope\"\n")?.description == #"themes/x.toml:3: unknown colour "nope" for palette entry b"#)
        #expect(error("[palette]\ndefault = 1\n")?.line == 2)
    }

    @Test func lineIsFoundPastMultilineStringsThatLookLikeKeys() throws {
        let failure = try #require(error(#"""
        description = """
        text = { fg = "red" }
        [roles]
        """
        [roles]
        text = { fg = "rd" }
        """#))
        #expect(failure.line == 6)
        #expect(failure.message.contains(#"(did you mean "red"?)"#))
    }
}
