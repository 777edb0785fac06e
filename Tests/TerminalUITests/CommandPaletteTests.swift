import Styling
import Testing
@testable import TerminalUI

@Suite struct CommandPaletteTests {
    static let commands = [
        PaletteCommand(name: "theme", title: "Switch theme", argumentChoices: ["dracula", "default", "solarized-dark", "solarized-light"]),
        PaletteCommand(name: "profile", title: "Switch profile", argumentChoices: ["prod", "staging"]),
        PaletteCommand(name: "project", title: "Switch project"),
        PaletteCommand(name: "quit", title: "Quit"),
        PaletteCommand(name: "refresh", title: "Reload the view"),
        PaletteCommand(name: "filter", title: "Filter the list"),
    ]

    func names(_ query: String) -> [String] {
        CommandPaletteState.matches(query, in: Self.commands).map(\.name)
    }

    func completed(_ typed: String) -> String {
        var state = CommandPaletteState(input: TextInputState(text: typed), selected: 2)
        state.complete(commands: Self.commands)
        #expect(state.selected == 0)
        #expect(state.input.cursor == state.input.text.count)
        return state.input.text
    }

    @Test func prefixesComeFirstThenSubstringsThenSubsequences() {
        #expect(names("") == Self.commands.map(\.name))
        #expect(names("f") == ["filter", "profile", "refresh"])
        #expect(names("TH") == ["theme"])
        #expect(names("il") == ["profile", "filter"])
        #expect(names("rf") == ["profile", "refresh"])
        #expect(names("pj") == ["project"])
        #expect(names("zz") == [])
        #expect(names("  qu") == ["quit"])
    }

    @Test func aSpaceSwitchesToTheCommandsArgumentChoices() {
        let theme = CommandPaletteState.matches("theme dr", in: Self.commands)
        #expect(theme.map(\.name) == ["theme"])
        // dracula starts with "dr"; solarized-dark only has the letters in order, so it comes second.
        #expect(theme.first?.argumentChoices == ["dracula", "solarized-dark"])
        #expect(CommandPaletteState.matches("Theme d", in: Self.commands).first?.argumentChoices == ["dracula", "default", "solarized-dark", "solarized-light"])
        #expect(CommandPaletteState.matches("theme   SOL", in: Self.commands).first?.argumentChoices == ["solarized-dark", "solarized-light"])
        #expect(CommandPaletteState.matches("theme xyz", in: Self.commands).isEmpty)
        #expect(CommandPaletteState.matches("them dr", in: Self.commands).isEmpty)
        #expect(CommandPaletteState.matches("filter name=李雷", in: Self.commands).map(\.name) == ["filter"])
    }

    @Test func completionsCarryWhatMatchedForHighlighting() {
        #expect(CommandPaletteState.completions(for: "theme dr", in: Self.commands) == [
            PaletteCompletion(text: "theme dracula", label: "dracula", detail: "Switch theme", matched: [0, 1]),
            PaletteCompletion(text: "theme solarized-dark", label: "solarized-dark", detail: "Switch theme", matched: [8, 12]),
        ])
        #expect(CommandPaletteState.completions(for: "rf", in: Self.commands).map(\.matched) == [[1, 3], [0, 2]])
        #expect(CommandPaletteState.completions(for: "filter x", in: Self.commands) == [
            PaletteCompletion(text: "filter x", label: "filter", detail: "Filter the list"),
        ])
    }

    @Test func tabCompletesNamesAndArguments() {
        #expect(completed("th") == "theme ")
        #expect(completed("t") == "theme ")
        #expect(completed("qt") == "quit ")
        #expect(completed("p") == "pro")
        #expect(completed("pro") == "pro")
        #expect(completed("") == "")
        #expect(completed("zz") == "zz")
        #expect(completed("theme dr") == "theme dracula")
        #expect(completed("THEME DR") == "theme dracula")
        #expect(completed("theme sol") == "theme solarized-")
        #expect(completed("theme solarized-l") == "theme solarized-light")
        #expect(completed("theme x") == "theme x")
        #expect(completed("profile st") == "profile staging")
        #expect(completed("project x") == "project x")
    }

    @Test func selectionClampsToTheSuggestions() {
        var state = CommandPaletteState(input: TextInputState(text: "f"))
        state.moveSelection(by: 10, commands: Self.commands)
        #expect(state.selected == 2)
        #expect(state.selectedCompletion(commands: Self.commands)?.text == "refresh")
        state.moveSelection(by: -10, commands: Self.commands)
        #expect(state.selected == 0)
        state.input.setText("zz")
        #expect(state.selectedCompletion(commands: Self.commands) == nil)
    }

    func render(_ size: Size, text: String, selected: Int = 0, maxSuggestions: Int = 8, styles: CommandPaletteStyles = CommandPaletteStyles()) throws -> HeadlessScreen {
        try present(size) { canvas, area in
            CommandPaletteView(styles: styles, maxSuggestions: maxSuggestions)
                .render(into: &canvas, in: area, state: CommandPaletteState(input: TextInputState(text: text), selected: selected), commands: Self.commands)
        }
    }

    @Test func suggestionsStackAboveTheInputWithMatchesHighlighted() throws {
        let screen = try render(Size(width: 40, height: 6), text: "t")
        #expect(screen.text == """

         theme    Switch theme
         project  Switch project
         quit     Quit
         filter   Filter the list
        :t
        """)
        #expect(screen.style(x: 1, y: 1)?.attributes == [.bold, .underline, .reverse])
        #expect(screen.style(x: 2, y: 1)?.attributes == .reverse)
        #expect(screen.style(x: 39, y: 1)?.attributes == .reverse)
        #expect(screen.style(x: 4, y: 3)?.attributes == [.bold, .underline])
        #expect(screen.style(x: 3, y: 3)?.attributes == [])
        #expect(screen.style(x: 10, y: 3)?.attributes == .dim)
        #expect(screen.style(x: 0, y: 5)?.attributes == .bold)
        #expect(screen.style(x: 2, y: 5)?.attributes == .reverse)
    }

    @Test func themeStylesKeepTheSelectedRowSolid() throws {
        let theme = Theme.fallback
        let screen = try render(Size(width: 40, height: 6), text: "t", styles: CommandPaletteStyles(theme: theme))
        #expect(screen.style(x: 1, y: 1)?.background == theme[.paletteSelected].background)
        #expect(screen.style(x: 1, y: 1)?.foreground == theme[.paletteMatch].foreground)
        #expect(screen.style(x: 20, y: 1) == theme[.paletteSelected])
        #expect(screen.style(x: 4, y: 3) == theme[.paletteMatch])
    }

    @Test func fewerRowsScrollToTheSelection() throws {
        #expect(try render(Size(width: 30, height: 6), text: "t", selected: 3, maxSuggestions: 2).text == """



         quit     Quit
         filter   Filter the list
        :t
        """)
        // Labels may take two thirds of the width; the title gets what is left.
        #expect(try render(Size(width: 20, height: 5), text: "theme s").text == """


         solarized-da…  Sw…
         solarized-li…  Sw…
        :theme s
        """)
    }

    @Test func tinyAreasKeepTheInput() throws {
        let one = try render(Size(width: 1, height: 1), text: "t")
        #expect(one.text == "")
        #expect(one.style(x: 0, y: 0)?.attributes == .reverse)
        #expect(try render(Size(width: 20, height: 5), text: "t").text == """
         theme    Switch t…
         project  Switch p…
         quit     Quit
         filter   Filter t…
        :t
        """)
    }
}
