/// Horizontal bars on one shared scale: full blocks with an eighth-block end, or whole cells with the
/// ASCII glyph set (which has no eighths). A bar of `maximum` fills `width` cells.
public struct BarChart: Sendable, Equatable {
    public var maximum: Double
    public var width: Int

    public init(maximum: Double, width: Int) {
        self.maximum = maximum.isFinite ? max(0, maximum) : 0
        self.width = max(0, width)
    }

    /// A chart scaled to the largest of `values` (zero when there is none).
    public init(values: [Double], width: Int) {
        self.init(maximum: values.filter(\.isFinite).max() ?? 0, width: width)
    }

    // MARK: - Lengths

    /// Steps one cell is split into: 8 with eighth blocks, 1 without.
    public static func stepsPerCell(_ glyphs: Glyphs) -> Int { glyphs.barEighths.count + 1 }

    /// The bar's length in steps, rounded to the nearest step; zero, negative or unknown values draw nothing.
    public func steps(for value: Double, glyphs: Glyphs) -> Int {
        guard maximum > 0, width > 0, value.isFinite, value > 0 else { return 0 }
        let fraction = min(1, value / maximum)
        return Int((fraction * Double(width * BarChart.stepsPerCell(glyphs))).rounded())
    }

    /// The bar as text: full blocks, then the partial block for the remaining steps.
    public func bar(for value: Double, glyphs: Glyphs) -> String {
        let steps = self.steps(for: value, glyphs: glyphs)
        let perCell = BarChart.stepsPerCell(glyphs)
        var text = String(repeating: String(glyphs.barFull), count: steps / perCell)
        let rest = steps % perCell
        if rest > 0 { text.append(glyphs.barEighths[rest - 1]) }
        return text
    }

    // MARK: - Drawing

    /// Draws the bar for `value` from (x, y), clipped to `clip`; returns the cells used.
    @discardableResult
    public func render(_ value: Double, into buffer: inout Buffer, x: Int, y: Int, style: Style, glyphs: Glyphs,
                       clip: Rect) -> Int {
        buffer.put(bar(for: value, glyphs: glyphs), x: x, y: y, style: style, maxWidth: width, clip: clip)
    }
}
