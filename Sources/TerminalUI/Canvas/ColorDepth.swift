import Styling

/// How many colours a terminal shows, and how a style's colours are brought down to what it can show.
public enum ColorDepth: Sendable, Hashable {
    /// No colour at all (`NO_COLOR`, or a terminal without colours): attributes only.
    case monochrome
    /// The 8 or 16 ANSI colours.
    case ansi16
    /// The xterm 256-colour palette.
    case indexed256
    /// 24-bit colour.
    case trueColor

    /// The depth for a terminal that reports `colors` colours (ncurses `COLORS`).
    public init(colors: Int, noColor: Bool) {
        if noColor || colors < 8 { self = .monochrome }
        else if colors >= 0x1000000 { self = .trueColor }
        else if colors >= 256 { self = .indexed256 }
        else { self = .ansi16 }
    }

    /// `color` as this depth can show it: 24-bit becomes the nearest palette entry, and so on down.
    public func reduce(_ color: TerminalColor) -> TerminalColor {
        switch (self, color) {
        case (_, .default), (.monochrome, _): return .default
        case (.trueColor, _): return color
        case (.indexed256, .indexed): return color
        case (.indexed256, .rgb(let r, let g, let b)): return .indexed(Palette.nearest256(r, g, b))
        case (.ansi16, .indexed(let index)) where index < 16: return color
        case (.ansi16, .indexed(let index)):
            let (r, g, b) = Palette.rgb(index)
            return .indexed(Palette.nearest16(r, g, b))
        case (.ansi16, .rgb(let r, let g, let b)): return .indexed(Palette.nearest16(r, g, b))
        }
    }
}

/// The xterm palette: what each of the 256 indexed colours looks like, and the nearest entry to a 24-bit colour.
public enum Palette {
    /// The usual xterm values for the 16 ANSI colours.
    static let ansi: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index`.
    public static func rgb(_ index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        if i < 16 { return ansi[i] }
        if i < 232 {
            let cube = i - 16
            return (UInt8(cubeLevels[cube / 36]), UInt8(cubeLevels[(cube / 6) % 6]), UInt8(cubeLevels[cube % 6]))
        }
        let grey = UInt8(8 + (i - 232) * 10)
        return (grey, grey, grey)
    }

    /// The 256-palette entry closest to (r, g, b): the best of the colour cube and the grey ramp. The 16 ANSI
    /// entries are skipped because terminals redefine them.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ value: UInt8) -> Int {
            cubeLevels.indices.min { abs(cubeLevels[$0] - Int(value)) < abs(cubeLevels[$1] - Int(value)) } ?? 0
        }
        let cube = UInt8(16 + 36 * level(r) + 6 * level(g) + level(b))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let grey = UInt8(232 + greyStep)
        return distance(rgb(cube), (r, g, b)) <= distance(rgb(grey), (r, g, b)) ? cube : grey
    }

    /// The ANSI colour (0–15) closest to (r, g, b).
    public static func nearest16(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        UInt8(ansi.indices.min { distance(ansi[$0], (r, g, b)) < distance(ansi[$1], (r, g, b)) } ?? 7)
    }

    /// Squared distance, weighted the usual way for how the eye sees green most and blue least.
    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return 3 * dr * dr + 4 * dg * dg + 2 * db * db
    }
}
