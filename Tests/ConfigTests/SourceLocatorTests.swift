@testable import Config
import Spelling
import Testing

@Suite struct SourceLocatorTests {
    @Test func findsKeysHeadersDottedAndQuotedKeys() {
        let locator = SourceLocator(text: #"""
        name = "x"
        [roles]
        text = { fg = "red" }
          "table_row" = {}
        [profiles.'prod us']
        region = "us"
        keys.quit = "q"
        """#)
        #expect(locator.line(of: ["name"]) == 1)
        #expect(locator.line(of: ["roles"]) == 2)
        #expect(locator.line(of: ["roles", "text"]) == 3)
        #expect(locator.line(of: ["roles", "text", "fg"]) == 3)
        #expect(locator.line(of: ["roles", "table_row"]) == 4)
        #expect(locator.line(of: ["profiles"]) == 5)
        #expect(locator.line(of: ["profiles", "prod us", "region"]) == 6)
        #expect(locator.line(of: ["profiles", "prod us", "keys", "quit"]) == 7)
        #expect(locator.line(of: ["nowhere"]) == nil)
    }

    @Test func skipsMultilineStringBodiesAndComments() {
        let locator = SourceLocator(text: """
        # theme = "not this"
        description = '''
        theme = "nor this"
        '''
        theme = "this"
        """)
        #expect(locator.line(of: ["theme"]) == 5)
    }

    @Test func suggestionsCatchTyposButNotStrangers() {
        #expect(Suggestion.closest(to: "purpel", in: ["purple", "pink"]) == "purple")
        #expect(Suggestion.closest(to: "tabel_row", in: ["table_row", "tab"]) == "table_row")
        #expect(Suggestion.closest(to: "Regoin", in: ["region"]) == "region")
        #expect(Suggestion.closest(to: "zzz", in: ["red", "blue"]) == nil)
        #expect(Suggestion.hint(for: "xyzzy", in: ["bold"]) == "")
    }
}
