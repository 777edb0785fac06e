import Foundation

/// Which terminfo entry to open.
enum TerminalName {
    /// `TERM` as it is, except that a terminal announcing 24-bit colour through `COLORTERM` while its terminfo
    /// entry has only 256 gets the matching `-direct` entry, when this machine has one.
    static func choose(environment: [String: String]) -> String? {
        guard let term = environment["TERM"], !term.isEmpty else { return nil }
        let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
        guard colorTerm == "truecolor" || colorTerm == "24bit", !term.hasSuffix("-direct") else { return term }
        let family = term.split(separator: "-").first.map(String.init) ?? term
        guard ["xterm", "tmux", "kitty", "alacritty", "foot", "konsole", "vte", "iterm2", "mintty"].contains(family) else { return term }
        let direct = "\(family)-direct"
        return terminfoExists(direct) ? direct : term
    }

    private static func terminfoExists(_ name: String) -> Bool {
        guard let first = name.first else { return false }
        let home = ProcessInfo.processInfo.environment["HOME"]
        let folders = [home.map { "\($0)/.terminfo" }, "/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo"].compactMap { $0 }
        return folders.contains { folder in
            access("\(folder)/\(first)/\(name)", R_OK) == 0
                || access("\(folder)/\(String(format: "%02x", first.asciiValue ?? 0))/\(name)", R_OK) == 0
        }
    }
}
