/// The colours a terminal offers; the backend maps `Color` to what it has.
public enum Color: Sendable, Equatable, Hashable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// One of the eight basic colours (0 black … 7 white), optionally bright (8–15).
    case basic(UInt8)
    /// An xterm 256-colour index.
    case indexed(UInt8)
}

/// How one meaning looks: colours plus attributes.
public struct Appearance: Sendable, Equatable, Hashable {
    public var foreground: Color
    public var background: Color
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ foreground: Color = .terminalDefault, _ background: Color = .terminalDefault,
                bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }
}

/// What `--theme` asks for: colours for a dark or a light background, none (mono), or `auto`: the
/// terminal's own answer about its background colour, else `COLORFGBG`, else dark.
public enum ThemeChoice: String, Sendable, CaseIterable {
    case auto, dark, light, mono

    /// `reported` is what the terminal said of its background colour (OSC 11), if it was asked and answered.
    public func background(environment: [String: String], reported: Theme.Background? = nil) -> Theme.Background {
        switch self {
        case .light: return .light
        case .dark, .mono: return .dark
        case .auto: return reported ?? Theme.Background.from(colorFGBG: environment["COLORFGBG"])
        }
    }
}

/// A colour scheme: a table meaning → appearance. Monochrome is a scheme too.
public struct Theme: Sendable {
    public enum Scheme: String, Sendable, CaseIterable {
        case colors256, colors16, colors8, monochrome
    }

    /// The terminal's background the colours are chosen for.
    public enum Background: String, Sendable, CaseIterable {
        case dark, light

        /// From `COLORFGBG` ("15;0": light text on black), as rxvt, Konsole and others set it; dark when unset.
        public static func from(colorFGBG: String?) -> Background {
            guard let last = colorFGBG?.split(separator: ";").last, let index = Int(last) else { return .dark }
            return index == 7 || index == 15 ? .light : .dark
        }
    }

    public let scheme: Scheme
    public let background: Background
    private let table: RoleTable

    /// An appearance for each role, in an array by the role's number: a dictionary keyed by Role makes the
    /// runtime search every conformance in the binary for Role's Hashable on first use (about 60 µs).
    private struct RoleTable {
        private var appearances = [Appearance?](repeating: nil, count: Role.allCases.count)

        subscript(role: Role) -> Appearance? {
            get { appearances[Int(role.rawValue)] }
            set { appearances[Int(role.rawValue)] = newValue }
        }
    }

    /// `colors` gives some meanings a foreground of the user's (`[theme.colors]`); a colour the scheme
    /// cannot show (an index above 15 on 16 colours, above 7 on 8, any colour in monochrome) is not used.
    public init(scheme: Scheme, background: Background = .dark, colors: [Role: Color] = [:]) {
        self.scheme = scheme
        self.background = background
        var table = Theme.table(for: scheme, background: background)
        for (role, color) in colors {
            guard let shown = Theme.shown(color, in: scheme) else { continue }
            var appearance = table[role] ?? Appearance()
            appearance.foreground = shown
            table[role] = appearance
        }
        self.table = table
    }

    /// `color` as this scheme can draw it, or nil.
    static func shown(_ color: Color, in scheme: Scheme) -> Color? {
        let limit: UInt8
        switch scheme {
        case .colors256: return color
        case .colors16: limit = 15
        case .colors8: limit = 7
        case .monochrome: return nil
        }
        switch color {
        case .terminalDefault: return color
        case .basic(let index), .indexed(let index): return index <= limit ? .basic(index) : nil
        }
    }

    public func appearance(for style: Style) -> Appearance {
        var look = table[style.role] ?? Appearance()
        if style.bold { look.bold = true }
        if style.underline { look.underline = true }
        if style.reverse { look.reverse.toggle() }
        return look
    }

    /// Picks a scheme from what the terminal reports and what the user asked for.
    public static func scheme(colors: Int, colorEnabled: Bool) -> Scheme {
        guard colorEnabled else { return .monochrome }
        if colors >= 256 { return .colors256 }
        if colors >= 16 { return .colors16 }
        if colors >= 8 { return .colors8 }
        return .monochrome
    }

    private static func table(for scheme: Scheme, background: Background) -> RoleTable {
        // Backgrounds stay the terminal's own except for bars and selections.
        func color(_ c256: UInt8, _ c16: UInt8, _ c8: UInt8) -> Color {
            switch scheme {
            case .colors256: return .indexed(c256)
            case .colors16: return .basic(c16)
            case .colors8: return .basic(c8)
            case .monochrome: return .terminalDefault
            }
        }
        // On a light background the same meanings in darker shades, and the plain (not bright) basic colours.
        let light = background == .light
        let cyan = light ? color(30, 6, 6) : color(80, 14, 6), yellow = light ? color(136, 3, 3) : color(221, 11, 3)
        let green = light ? color(28, 2, 2) : color(114, 10, 2)
        let red = light ? color(160, 1, 1) : color(203, 9, 1), blue = light ? color(26, 4, 4) : color(75, 12, 4)
        let magenta = light ? color(127, 5, 5) : color(176, 13, 5)
        // Eight colours have no grey: 7 is white, unreadable on a light background (as 0 is on a dark one),
        // so grey text there is the terminal's own foreground. White below is only ever drawn on a colour.
        let grey = scheme == .colors8 || (light && scheme == .colors16) ? .terminalDefault : color(light ? 241 : 245, 8, 7)
        let orange = light ? color(166, 3, 3) : color(215, 11, 3), white = color(255, 15, 7)
        let mono = scheme == .monochrome
        var t = RoleTable()
        t[.normal] = Appearance()
        t[.dim] = Appearance(grey, dim: mono || scheme == .colors8)
        t[.title] = Appearance(cyan, bold: true)
        t[.border] = Appearance(grey)
        t[.borderFocus] = Appearance(cyan, bold: true)
        t[.tabActive] = Appearance(mono ? .terminalDefault : color(16, 0, 0), mono ? .terminalDefault : cyan,
                                   bold: true, reverse: mono)
        t[.tabInactive] = Appearance(grey)
        t[.tabNumber] = Appearance(yellow, bold: true)
        t[.statusBar] = Appearance(mono ? .terminalDefault : white, mono ? .terminalDefault : color(236, 8, 4),
                                   reverse: mono)
        t[.statusKey] = Appearance(mono ? .terminalDefault : yellow, mono ? .terminalDefault : color(236, 8, 4),
                                   bold: true, reverse: mono)
        t[.statusError] = Appearance(mono ? .terminalDefault : white, mono ? .terminalDefault : red, bold: true,
                                     reverse: mono)
        t[.selection] = Appearance(mono ? .terminalDefault : color(16, 0, 0), mono ? .terminalDefault : blue,
                                   reverse: mono)
        t[.header] = Appearance(yellow, bold: true, underline: mono)
        // The terminal's own foreground, so figures read on light and dark backgrounds alike.
        t[.value] = Appearance(bold: true)
        t[.label] = Appearance(grey)
        t[.positive] = Appearance(green)
        t[.negative] = Appearance(red)
        t[.warning] = Appearance(orange, bold: true)
        t[.unverified] = Appearance(magenta, underline: mono)
        t[.source] = Appearance(blue)
        t[.accent] = Appearance(yellow)
        t[.barPrimary] = Appearance(orange)
        t[.barSecondary] = Appearance(blue)
        t[.barMuted] = Appearance(grey)
        t[.mapLand] = Appearance(grey)
        t[.mapMarker] = Appearance(yellow, bold: true)
        t[.mapSelected] = Appearance(red, bold: true, reverse: mono)
        t[.overlay] = Appearance()
        t[.input] = Appearance(underline: true)
        return t
    }
}
