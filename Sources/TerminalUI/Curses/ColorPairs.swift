import CNcurses
import Styling

/// ncurses draws colours through numbered (foreground, background) pairs: this hands them out on demand,
/// one per combination a frame uses, after bringing each colour down to what the terminal can show.
struct ColorPairs {
    private let depth: ColorDepth
    private let capacity: Int
    private var assigned: [Key: Int32] = [:]

    private struct Key: Hashable {
        let foreground: Int32
        let background: Int32
    }

    init(depth: ColorDepth, capacity: Int) {
        self.depth = depth
        self.capacity = capacity
    }

    /// The pair number for a style's colours (0, the terminal's defaults, when colours are off or pairs run out).
    mutating func pair(for style: CellStyle) -> Int32 {
        guard depth != .monochrome else { return 0 }
        let key = Key(foreground: number(style.foreground), background: number(style.background))
        if key.foreground == -1, key.background == -1 { return 0 }
        if let pair = assigned[key] { return pair }
        let next = Int32(assigned.count + 1)
        guard Int(next) < capacity, init_extended_pair(next, key.foreground, key.background) != ERR else { return 0 }
        assigned[key] = next
        return next
    }

    /// The ncurses colour number: -1 for the default, a palette index, or a packed RGB value on direct-colour
    /// terminals (where values under 8 mean the ANSI colours, so real RGB values are kept at 8 or more).
    private func number(_ color: TerminalColor) -> Int32 {
        switch depth.reduce(color) {
        case .default: return -1
        case .indexed(let index):
            guard depth == .trueColor, index >= 8 else { return Int32(index) }
            let (r, g, b) = Palette.rgb(index)
            return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
        case .rgb(let r, let g, let b):
            return max(8, Int32(r) << 16 | Int32(g) << 8 | Int32(b))
        }
    }
}
