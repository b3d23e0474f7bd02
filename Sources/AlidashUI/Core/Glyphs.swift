/// The symbols drawing uses, in a Unicode set and an ASCII set for terminals or locales without UTF-8.
public struct Glyphs: Sendable, Equatable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var barFull: Character
    /// Eighths of a cell, from one eighth to seven, for smooth bar ends.
    public var barEighths: [Character]
    /// Fills the bars of a second series, so two series differ without colour (NO_COLOR).
    public var barShade: Character
    public var up: String
    public var down: String
    public var bullet: Character
    public var marker: Character
    public var selectedMarker: Character
    public var ellipsis: String
    public var separator: String
    /// True when map and chart dots may use braille patterns (U+2800–U+28FF).
    public var braille: Bool

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        barFull: "█", barEighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"], barShade: "▒", up: "▲", down: "▼", bullet: "•",
        marker: "●", selectedMarker: "◉", ellipsis: "…", separator: "·", braille: true
    )

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        barFull: "#", barEighths: [], barShade: "=", up: "^", down: "v", bullet: "*", marker: "o", selectedMarker: "@", ellipsis: ".", separator: "|", braille: false
    )

    /// These glyphs with bars of the second series' fill, in whole cells (an eighth block would end a
    /// shaded bar in solid).
    public var shaded: Glyphs {
        var glyphs = self
        glyphs.barFull = barShade
        glyphs.barEighths = []
        return glyphs
    }
}
