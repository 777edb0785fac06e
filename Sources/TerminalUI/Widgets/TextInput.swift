/// A one-line text field's contents, cursor and history, with the readline-style edits the app binds to keys.
///
/// The cursor counts Characters (grapheme clusters), so one press of ← always steps over one visible glyph,
/// whatever its width or how many scalars make it up. Editing a line recalled from history detaches it: the
/// edited text becomes the draft that coming back down restores.
public struct TextInputState: Sendable, Hashable {
    public var text: String
    /// Position in `text`, in Characters; out-of-range values are treated as the nearest end.
    public var cursor: Int
    /// Committed lines, oldest first.
    public var history: [String]
    /// Which history entry is shown, or nil while editing the draft.
    public var historyIndex: Int?
    /// What was typed before browsing history, restored when the user comes back down past the newest entry.
    public private(set) var draft = ""

    /// Entries kept; older ones drop off so a long session does not grow without bound.
    public static let historyLimit = 100

    public init(text: String = "", cursor: Int? = nil, history: [String] = []) {
        self.text = text
        self.cursor = cursor ?? text.count
        self.history = history
    }

    private var position: Int { min(max(cursor, 0), text.count) }

    private static func isSpace(_ character: Character) -> Bool { character == " " || character == "\t" }

    /// Replaces the Characters in `range` with `replacement` and leaves the cursor after it.
    private mutating func replace(_ range: Range<Int>, with replacement: String) {
        let lower = text.index(text.startIndex, offsetBy: range.lowerBound)
        let upper = text.index(lower, offsetBy: range.count)
        let head = String(text[..<lower]) + replacement
        text = head + text[upper...]
        // A combining mark can merge with its neighbour, so count rather than add.
        cursor = min(head.count, text.count)
        historyIndex = nil
        draft = ""
    }

    /// Inserts typed or pasted text at the cursor. Line breaks become spaces and other control characters are
    /// dropped: the field is one line, and a paste must not smuggle in escape sequences.
    public mutating func insert(_ string: String) {
        let clean = String(string.compactMap { character -> Character? in
            if character.isNewline { return " " }
            if character == "\t" { return " " }
            return character.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) } ? nil : character
        })
        guard !clean.isEmpty else { return }
        replace(position..<position, with: clean)
    }

    /// Replaces the whole text (completion does this) and puts the cursor at the end.
    public mutating func setText(_ newText: String) {
        replace(0..<text.count, with: "")
        insert(newText)
    }

    /// Deletes the Character before the cursor.
    public mutating func backspace() {
        let at = position
        guard at > 0 else { return }
        replace(at - 1..<at, with: "")
    }

    /// Deletes the Character under the cursor.
    public mutating func deleteForward() {
        let at = position
        guard at < text.count else { return }
        replace(at..<at + 1, with: "")
    }

    public mutating func moveLeft() { cursor = max(position - 1, 0) }
    public mutating func moveRight() { cursor = min(position + 1, text.count) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = text.count }

    /// Where a backward word motion lands: back over spaces, then over the word before them.
    private var wordStartBeforeCursor: Int {
        let characters = Array(text)
        var at = position
        while at > 0, Self.isSpace(characters[at - 1]) { at -= 1 }
        while at > 0, !Self.isSpace(characters[at - 1]) { at -= 1 }
        return at
    }

    /// Moves to the start of the word before the cursor (alt-b).
    public mutating func moveWordLeft() { cursor = wordStartBeforeCursor }

    /// Moves past the end of the word after the cursor (alt-f).
    public mutating func moveWordRight() {
        let characters = Array(text)
        var at = position
        while at < characters.count, Self.isSpace(characters[at]) { at += 1 }
        while at < characters.count, !Self.isSpace(characters[at]) { at += 1 }
        cursor = at
    }

    /// ctrl-w: deletes back over spaces, then the word before them.
    public mutating func deleteWordBackward() {
        let start = wordStartBeforeCursor
        guard start < position else { return }
        replace(start..<position, with: "")
    }

    /// ctrl-u: deletes everything before the cursor.
    public mutating func deleteToStart() {
        guard position > 0 else { return }
        replace(0..<position, with: "")
    }

    /// ctrl-k: deletes everything from the cursor on.
    public mutating func deleteToEnd() {
        let at = position
        guard at < text.count else { return }
        replace(at..<text.count, with: "")
    }

    /// ↑: shows the previous history entry, keeping the unsent draft the first time.
    public mutating func historyPrevious() {
        guard !history.isEmpty else { return }
        let savedDraft = historyIndex == nil ? text : draft
        let index = historyIndex.map { max($0 - 1, 0) } ?? history.count - 1
        text = history[index]
        cursor = text.count
        historyIndex = index
        draft = savedDraft
    }

    /// ↓: shows the next history entry, or the draft again after the newest one.
    public mutating func historyNext() {
        guard let index = historyIndex else { return }
        if index + 1 < history.count {
            text = history[index + 1]
            historyIndex = index + 1
        } else {
            text = draft
            historyIndex = nil
            draft = ""
        }
        cursor = text.count
    }

    /// Enter: returns the text and clears the field. Non-empty text joins the history unless it repeats the
    /// newest entry, so pressing ↑ does not walk through the same command several times.
    @discardableResult
    public mutating func commit() -> String {
        let line = text
        if !line.isEmpty, line != history.last {
            history.append(line)
            if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        }
        text = ""
        cursor = 0
        historyIndex = nil
        draft = ""
        return line
    }
}
