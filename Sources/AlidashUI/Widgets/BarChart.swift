#if canImport(Glibc)
import Glibc // log10, without Foundation
#elseif canImport(Darwin)
import Darwin
#endif

/// Horizontal bars on one shared scale: full blocks with an eighth-block end, or whole cells with the
/// ASCII glyph set (which has no eighths). A bar of `maximum` fills `width` cells.
public struct BarChart: Sendable, Equatable {
    public var maximum: Double
    public var width: Int
    /// On a log scale, the value at which bars start (a power of ten at or below the smallest value);
    /// nil for a linear scale from zero.
    public var logFloor: Double?

    public init(maximum: Double, width: Int, logFloor: Double? = nil) {
        self.maximum = maximum.isFinite ? max(0, maximum) : 0
        self.width = max(0, width)
        self.logFloor = logFloor.flatMap { $0.isFinite && $0 > 0 && $0 < maximum ? $0 : nil }
    }

    /// The floor of a log scale for values whose smallest positive one is `smallest`: the power of ten
    /// at or below it, so every value gets a bar and the scale reads in whole decades.
    public static func logFloor(smallest: Double) -> Double? {
        guard smallest.isFinite, smallest > 0 else { return nil }
        return pow10(Int(log10(smallest).rounded(.down)))
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
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
        let total = width * BarChart.stepsPerCell(glyphs)
        guard let logFloor else {
            return Int((min(1, value / maximum) * Double(total)).rounded())
        }
        // Every positive value shows at least one step, however small.
        let fraction = (log10(max(value, logFloor)) - log10(logFloor)) / (log10(maximum) - log10(logFloor))
        return max(1, Int((min(1, fraction) * Double(total)).rounded()))
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
