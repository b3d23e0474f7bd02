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
/// Two bytes (the attributes are bits), as every cell holds one.
public struct Style: Sendable, Equatable, Hashable {
    public var role: Role
    @usableFromInline var attributes: UInt8

    private static let boldBit: UInt8 = 1, underlineBit: UInt8 = 2, reverseBit: UInt8 = 4

    public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role
        attributes = (bold ? Style.boldBit : 0) | (underline ? Style.underlineBit : 0) | (reverse ? Style.reverseBit : 0)
    }

    public var bold: Bool {
        get { attributes & Style.boldBit != 0 }
        set { set(Style.boldBit, newValue) }
    }

    public var underline: Bool {
        get { attributes & Style.underlineBit != 0 }
        set { set(Style.underlineBit, newValue) }
    }

    public var reverse: Bool {
        get { attributes & Style.reverseBit != 0 }
        set { set(Style.reverseBit, newValue) }
    }

    private mutating func set(_ bit: UInt8, _ on: Bool) {
        attributes = on ? attributes | bit : attributes & ~bit
    }

    public static let normal = Style()

    /// Inlinable, unlike the synthesized one: the terminal compares the style of every cell it draws.
    @inlinable
    public static func == (left: Style, right: Style) -> Bool {
        left.role == right.role && left.attributes == right.attributes
    }
}
