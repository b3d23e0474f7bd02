/// What a cell means; the theme turns a meaning into colours (htop's idea: drawing code asks for meanings only).
public enum Role: UInt8, Sendable, CaseIterable {
    case normal, dim, title, border, borderFocus
    case tabActive, tabInactive, tabNumber
    case statusBar, statusKey, statusError
    case selection, header
    case value, label, positive, negative, warning, unverified, source, accent
    case barPrimary, barSecondary, barMuted
    case mapLand, mapMarker, mapSelected
    case overlay, input
}

/// A meaning plus text attributes. Colours are never the only carrier of meaning.
public struct Style: Sendable, Equatable, Hashable {
    public var role: Role
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    public static let normal = Style()

    /// Inlinable, unlike the synthesized one: the terminal compares the style of every cell it draws.
    @inlinable
    public static func == (left: Style, right: Style) -> Bool {
        left.role == right.role && left.bold == right.bold && left.underline == right.underline && left.reverse == right.reverse
    }
}
