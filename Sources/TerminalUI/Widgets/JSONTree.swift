/// A JSON value as the tree view sees it; built by callers from whatever JSON library they use.
/// Numbers stay text so that 64-bit ids and long decimals show exactly as the server sent them.
public indirect enum TreeValue: Sendable, Hashable {
    case object([TreeMember])
    case array([TreeValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null
}

/// One key of a JSON object, in the order the document has them (tuples cannot be Hashable).
public struct TreeMember: Sendable, Hashable {
    public var key: String
    public var value: TreeValue

    public init(_ key: String, _ value: TreeValue) {
        self.key = key
        self.value = value
    }
}

/// JSONPath-like addresses of values in a tree: `$`, `$.a.b[0]`, and `$["odd key"]` for keys that would
/// make a dotted path ambiguous.
public enum TreePath {
    /// The whole document.
    public static let root = "$"

    /// The path of `key` inside the object at `parent`.
    public static func member(_ key: String, of parent: String) -> String {
        let plain = !key.isEmpty && !key.contains(where: { ".[]\"\\ ".contains($0) || $0.isNewline })
        if plain { return parent + "." + key }
        return parent + "[" + quoted(key) + "]"
    }

    /// The path of element `index` of the array at `parent`.
    public static func element(_ index: Int, of parent: String) -> String {
        parent + "[\(index)]"
    }

    /// `text` as a JSON string literal on one line: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

/// Which containers of a tree are folded, and where the user is in its lines.
public struct TreeState: Sendable, Hashable {
    /// Paths (see `TreePath`) of the objects and arrays shown folded.
    public var collapsed: Set<String>
    public var selectedLine: Int
    public var scrollOffset: Int

    public init(collapsed: Set<String> = [], selectedLine: Int = 0, scrollOffset: Int = 0) {
        self.collapsed = collapsed
        self.selectedLine = selectedLine
        self.scrollOffset = scrollOffset
    }

    /// Folds `path` if open, opens it if folded.
    public mutating func toggle(_ path: String) {
        if collapsed.remove(path) == nil { collapsed.insert(path) }
    }

    /// Opens everything.
    public mutating func expandAll() {
        collapsed.removeAll()
    }

    /// Folds every non-empty object and array below the root. The root stays open: a lone `{…}` would hide
    /// even the top-level keys, which is what one folds everything to see.
    public mutating func collapseAll(_ value: TreeValue) {
        collapsed.removeAll()
        func visit(_ value: TreeValue, path: String) {
            switch value {
            case .object(let members) where !members.isEmpty:
                if path != TreePath.root { collapsed.insert(path) }
                for member in members { visit(member.value, path: TreePath.member(member.key, of: path)) }
            case .array(let elements) where !elements.isEmpty:
                if path != TreePath.root { collapsed.insert(path) }
                for (index, element) in elements.enumerated() { visit(element, path: TreePath.element(index, of: path)) }
            default: break
            }
        }
        visit(value, path: TreePath.root)
    }

    /// Moves the selection by `delta` lines (clamped) and scrolls just enough to keep it on screen.
    public mutating func moveSelection(by delta: Int, lineCount: Int, visibleRows: Int) {
        selectedLine = lineCount > 0 ? min(max(selectedLine + delta, 0), lineCount - 1) : 0
        scrollOffset = ScrollWindow.offset(selected: selectedLine, current: scrollOffset, count: lineCount, visible: visibleRows)
    }

    /// Folds or opens the container on the selected line (its opening or closing line). The selection lands on
    /// the container's first line, since a fold from the closing bracket would otherwise leave it elsewhere.
    public mutating func toggleSelected(in value: TreeValue) {
        let lines = JSONTreeView.lines(of: value, state: self)
        guard lines.indices.contains(selectedLine), lines[selectedLine].isFoldable else { return }
        let path = lines[selectedLine].path
        toggle(path)
        let after = JSONTreeView.lines(of: value, state: self)
        selectedLine = after.firstIndex { $0.path == path && !$0.isClosing } ?? 0
    }
}

/// One run of text on a tree line, tagged with what it is so the view can colour it.
public struct TreePiece: Sendable, Hashable {
    /// What a run of text shows; each has its own style.
    public enum Kind: Sendable, Hashable { case key, string, number, bool, null, punctuation }

    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind) {
        self.text = text
        self.kind = kind
    }
}

/// One visible line of a flattened tree.
public struct TreeLine: Sendable, Hashable {
    /// The path of the value on this line (for a closing bracket, the path of its container).
    public var path: String
    public var depth: Int
    public var pieces: [TreePiece]
    /// Whether this line opens or closes a non-empty container, so toggling it folds something.
    public var isFoldable: Bool
    public var isCollapsed: Bool
    /// Whether this is the `}` or `]` line of an open container.
    public var isClosing: Bool

    /// The line's text without indentation or fold marker.
    public var text: String { pieces.map(\.text).joined() }
}
