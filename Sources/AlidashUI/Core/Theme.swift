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

/// A colour scheme: a table meaning → appearance. Monochrome is a scheme too.
public struct Theme: Sendable {
    public enum Scheme: String, Sendable, CaseIterable {
        case colors256, colors16, colors8, monochrome
    }

    public let scheme: Scheme
    private let table: [Role: Appearance]

    public init(scheme: Scheme) {
        self.scheme = scheme
        table = Theme.table(for: scheme)
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

    private static func table(for scheme: Scheme) -> [Role: Appearance] {
        // Backgrounds stay the terminal's own except for bars and selections.
        func color(_ c256: UInt8, _ c16: UInt8, _ c8: UInt8) -> Color {
            switch scheme {
            case .colors256: return .indexed(c256)
            case .colors16: return .basic(c16)
            case .colors8: return .basic(c8)
            case .monochrome: return .terminalDefault
            }
        }
        let cyan = color(80, 14, 6), yellow = color(221, 11, 3), green = color(114, 10, 2)
        let red = color(203, 9, 1), blue = color(75, 12, 4), magenta = color(176, 13, 5)
        // Eight colours have no grey: 7 is white, unreadable on a light background (as 0 is on a dark one),
        // so grey text there is the terminal's own foreground. White below is only ever drawn on a colour.
        let grey = scheme == .colors8 ? .terminalDefault : color(245, 8, 7)
        let orange = color(215, 11, 3), white = color(255, 15, 7)
        let mono = scheme == .monochrome
        var t: [Role: Appearance] = [:]
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
