/// A horizontal bar for a share of a whole, in whole cells plus eighths where the glyphs have them.
public enum ShareBar {
    /// The bar's text for `fraction` (0…1) of `width` cells, padded with spaces to `width`.
    public static func text(fraction: Double, width: Int, glyphs: Glyphs) -> String {
        guard width > 0 else { return "" }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let eighthsPerCell = glyphs.barEighths.count + 1
        let units = Int((clamped * Double(width * eighthsPerCell)).rounded())
        var bar = String(repeating: glyphs.barFull, count: units / eighthsPerCell)
        let remainder = units % eighthsPerCell
        if remainder > 0 { bar.append(glyphs.barEighths[remainder - 1]) }
        return TerminalText.pad(bar, to: width)
    }
}
