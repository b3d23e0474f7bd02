/// How far a figure can be trusted (facts.md's V, V~, V-calc and U).
public enum Confidence: String, Decodable, Sendable, CaseIterable {
    /// Read in the cited source.
    case verified
    /// Verified only to the rounding the source used.
    case rounded
    /// Arithmetic on verified figures.
    case derived
    /// No source confirmed it: never shown as fact.
    case unverified

    /// A one-character mark shown beside a figure; verified figures need none.
    public var mark: String {
        switch self {
        case .verified: return ""
        case .rounded: return "~"
        case .derived: return "="
        case .unverified: return "?"
        }
    }

    /// The mark beside an amount already shown as approximate ("≈ RMB 50 m"): one mark per figure, and
    /// approximate says more than rounded, so a rounded one gets none.
    public func mark(besideApproximate approximate: Bool) -> String {
        approximate && self == .rounded ? "" : mark
    }
}
