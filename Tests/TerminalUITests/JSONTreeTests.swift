import Styling
import Testing
@testable import TerminalUI

@Suite struct JSONTreeTests {
    static let document = TreeValue.object([
        TreeMember("id", .number("9007199254740993")),
        TreeMember("name", .string("李雷 👍")),
        TreeMember("tags", .array([.string("vip"), .bool(true), .null])),
        TreeMember("empty", .object([])),
        TreeMember("attrs", .object([TreeMember("first.name", .string("Lei")), TreeMember("bio", .string("line one\nline \"two\""))])),
    ])
    static let theme = Theme.fallback

    func render(_ size: Size, state: TreeState = TreeState(), value: TreeValue = document, styles: JSONTreeStyles = JSONTreeStyles()) throws -> HeadlessScreen {
        try present(size) { JSONTreeView(value: value, styles: styles).render(into: &$0, in: $1, state: state) }
    }

    @Test func pathsAreJSONPathLike() {
        let lines = JSONTreeView.lines(of: Self.document, state: TreeState())
        #expect(lines.map(\.path) == [
            "$", "$.id", "$.name", "$.tags", "$.tags[0]", "$.tags[1]", "$.tags[2]", "$.tags", "$.empty",
            "$.attrs", "$.attrs[\"first.name\"]", "$.attrs.bio", "$.attrs", "$",
        ])
        #expect(lines.map(\.depth) == [0, 1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 1, 0])
        #expect(lines.filter(\.isFoldable).count == 6)
        #expect(lines.filter(\.isClosing).map(\.path) == ["$.tags", "$.attrs", "$"])
        #expect(TreePath.member("a b", of: "$") == "$[\"a b\"]")
        #expect(TreePath.member("", of: "$.x") == "$.x[\"\"]")
        #expect(TreePath.member("say \"hi\"", of: "$") == "$[\"say \\\"hi\\\"\"]")
        #expect(TreePath.element(3, of: "$.a") == "$.a[3]")
    }

    @Test func linesCarryTypedPiecesAndEscapedStrings() {
        let lines = JSONTreeView.lines(of: Self.document, state: TreeState())
        #expect(lines[1].pieces == [TreePiece("\"id\"", .key), TreePiece(": ", .punctuation), TreePiece("9007199254740993", .number), TreePiece(",", .punctuation)])
        #expect(lines[11].text == "\"bio\": \"line one\\nline \\\"two\\\"\"")
        #expect(lines[6].pieces == [TreePiece("null", .null)])
        #expect(lines[5].pieces.first == TreePiece("true", .bool))
        #expect(lines[8].text == "\"empty\": {},")
        #expect(!lines[8].isFoldable)
        #expect(JSONTreeView.lines(of: .string("\u{1}"), state: TreeState())[0].text == "\"\\u0001\"")
    }

    @Test func foldingSummarisesAndCountsOnlyVisibleLines() {
        var state = TreeState()
        state.toggle("$.tags")
        var lines = JSONTreeView.lines(of: Self.document, state: state)
        #expect(lines.count == 10)
        #expect(lines[3].text == "\"tags\": […] 3 items,")
        #expect(lines[3].isCollapsed)
        state.toggle("$.tags")
        #expect(state.collapsed.isEmpty)
        state.collapseAll(Self.document)
        #expect(state.collapsed == ["$.tags", "$.attrs"])
        lines = JSONTreeView.lines(of: Self.document, state: state)
        #expect(lines.map(\.text) == ["{", "\"id\": 9007199254740993,", "\"name\": \"李雷 👍\",", "\"tags\": […] 3 items,", "\"empty\": {},", "\"attrs\": {…} 2 keys", "}"])
        state.expandAll()
        #expect(JSONTreeView.lines(of: Self.document, state: state).count == 14)
        state.toggle("$")
        #expect(JSONTreeView.lines(of: Self.document, state: state).map(\.text) == ["{…} 5 keys"])
        let one = TreeValue.array([.object([TreeMember("k", .null)])])
        #expect(JSONTreeView.lines(of: one, state: TreeState(collapsed: ["$", "$[0]"])).map(\.text) == ["[…] 1 item"])
        #expect(JSONTreeView.lines(of: one, state: TreeState(collapsed: ["$[0]"])).map(\.text) == ["[", "{…} 1 key", "]"])
    }

    @Test func togglingFromTheClosingBracketSelectsTheOpeningLine() {
        var state = TreeState(selectedLine: 12)
        state.toggleSelected(in: Self.document)
        #expect(state.collapsed == ["$.attrs"])
        #expect(state.selectedLine == 9)
        state.toggleSelected(in: Self.document)
        #expect(state.collapsed.isEmpty)
        state.selectedLine = 1
        state.toggleSelected(in: Self.document)
        #expect(state.collapsed.isEmpty)
        state.moveSelection(by: 50, lineCount: 14, visibleRows: 5)
        #expect(state.selectedLine == 13)
        #expect(state.scrollOffset == 9)
    }

    @Test func oneByOne() throws {
        let screen = try render(Size(width: 1, height: 1))
        #expect(screen.text == "…")
        #expect(screen.style(x: 0, y: 0)?.attributes == .reverse)
    }

    @Test func twentyByFiveCutsLinesAndNeverSplitsWideCharacters() throws {
        var state = TreeState(selectedLine: 3)
        state.toggle("$.tags")
        let screen = try render(Size(width: 20, height: 5), state: state)
        #expect(screen.text == """
        ▾ {
            "id": 900719925…
            "name": "李雷  …
          ▸ "tags": […] 3 i…
            "empty": {},
        """)
        #expect(screen.style(x: 0, y: 3)?.attributes == .reverse)
        #expect(screen.style(x: 19, y: 3)?.attributes == .reverse)
        #expect(screen.style(x: 19, y: 1)?.attributes == [])
        // Scrolled to keep the selection in view.
        state.selectedLine = 9
        #expect(try render(Size(width: 20, height: 5), state: state).text.split(separator: "\n").last == "  }")
    }

    @Test func eightyByTwentyFourWithThemeStyles() throws {
        let screen = try render(Size(width: 80, height: 24), state: TreeState(selectedLine: 10), styles: JSONTreeStyles(theme: Self.theme))
        #expect(screen.text == """
        ▾ {
            "id": 9007199254740993,
            "name": "李雷 👍",
          ▾ "tags": [
              "vip",
              true,
              null
            ],
            "empty": {},
          ▾ "attrs": {
              "first.name": "Lei",
              "bio": "line one\\nline \\"two\\""
            }
          }
        """ + String(repeating: "\n", count: 10))
        #expect(screen.style(x: 4, y: 1) == Self.theme[.jsonKey])
        #expect(screen.style(x: 8, y: 1) == Self.theme[.jsonPunctuation])
        #expect(screen.style(x: 10, y: 1) == Self.theme[.jsonNumber])
        #expect(screen.style(x: 12, y: 2) == Self.theme[.jsonString])
        #expect(screen.style(x: 6, y: 5) == Self.theme[.jsonBool])
        #expect(screen.style(x: 6, y: 6) == Self.theme[.jsonNull])
        #expect(screen.style(x: 2, y: 3) == Self.theme[.jsonPunctuation])
        #expect(screen.style(x: 0, y: 10) == Self.theme[.tableSelected])
        #expect(screen.style(x: 79, y: 10) == Self.theme[.tableSelected])
    }

    @Test func twoFiftyBySeventyCutsOnlyVeryLongStrings() throws {
        let long = String(repeating: "ab", count: 400)
        let value = TreeValue.array([.string(long), .string("漢字👍")])
        let screen = try render(Size(width: 250, height: 70), state: TreeState(selectedLine: 5), value: value)
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 70)
        #expect(lines[0] == "▾ [")
        #expect(lines[1].hasPrefix("    \"abab"))
        #expect(lines[1].hasSuffix("ab…"))
        #expect(DisplayWidth.of(lines[1]) == 250)
        #expect(lines[2] == "    \"漢字👍\"")
        #expect(lines[3] == "  ]")
        #expect(lines[4...].allSatisfy { $0.isEmpty })
        // Strings are capped before layout, whatever the width.
        let capped = JSONTreeView.lines(of: value, state: TreeState())[1].text
        #expect(capped.count == JSONTreeView.maxStringLength + 4)
        #expect(capped.hasSuffix("…\","))
    }
}
