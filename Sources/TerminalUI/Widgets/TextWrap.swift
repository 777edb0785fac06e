/// Word wrapping by display width, for messages in dialogs and overlays.
public enum TextWrap {
    /// `text` broken into lines of at most `width` cells: at spaces where possible, inside a word only when the
    /// word alone is longer than a line. Line breaks in `text` are kept (a blank line stays blank); runs of spaces
    /// collapse, since their exact count cannot survive re-wrapping anyway.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var used = 0
            for word in paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                let wordWidth = DisplayWidth.of(word)
                if used > 0, used + 1 + wordWidth <= width {
                    line += " " + word
                    used += 1 + wordWidth
                    continue
                }
                if used > 0 {
                    result.append(line)
                    line = ""
                    used = 0
                }
                // Hard-wrap: whole lines of the word go out now, the tail stays open for the next word.
                for character in word {
                    let cells = DisplayWidth.of(character)
                    if used > 0, used + cells > width {
                        result.append(line)
                        line = ""
                        used = 0
                    }
                    line.append(character)
                    used += cells
                }
            }
            result.append(line)
        }
        return result
    }
}
