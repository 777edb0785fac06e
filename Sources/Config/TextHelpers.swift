extension StringProtocol {
    /// Without leading and trailing white space; Foundation's trimming is avoided so this works on any substring.
    func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }

    /// `bright_red` is accepted for `bright-red`: both spellings are common in other tools' themes.
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
