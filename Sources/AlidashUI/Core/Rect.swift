/// A rectangle of cells. All arithmetic saturates: a 1×1 (or 0×0) screen never traps.
public struct Rect: Sendable, Equatable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = max(0, x)
        self.y = max(0, y)
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(width: 0, height: 0)

    public var isEmpty: Bool { width == 0 || height == 0 }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var area: Int { width * height }
    public var description: String { "\(width)x\(height)+\(x)+\(y)" }

    /// Shrinks by `margin` on every side (never below zero size).
    public func inset(by margin: Int) -> Rect { inset(horizontal: margin, vertical: margin) }

    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical,
             width: width.saturatingSubtract(horizontal * 2), height: height.saturatingSubtract(vertical * 2))
    }

    /// The part of `self` inside `other`.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        return Rect(x: left, y: top, width: right.saturatingSubtract(left), height: bottom.saturatingSubtract(top))
    }

    public func contains(x column: Int, y row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The top `count` rows, and what is left below them.
    public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, count), height)
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// The left `count` columns, and what is right of them.
    public func splitLeft(_ count: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, count), width)
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// Splits into columns of the given widths; the last takes what remains.
    public func columns(_ widths: [Int], gap: Int = 0) -> [Rect] {
        var result: [Rect] = []
        var rest = self
        for (index, wanted) in widths.enumerated() {
            if index == widths.count - 1 {
                result.append(rest)
            } else {
                let (left, right) = rest.splitLeft(wanted)
                result.append(left)
                rest = right.splitLeft(gap).rest
            }
        }
        return result
    }

    /// Splits into rows of the given heights; the last takes what remains.
    public func rows(_ heights: [Int], gap: Int = 0) -> [Rect] {
        var result: [Rect] = []
        var rest = self
        for (index, wanted) in heights.enumerated() {
            if index == heights.count - 1 {
                result.append(rest)
            } else {
                let (top, bottom) = rest.splitTop(wanted)
                result.append(top)
                rest = bottom.splitTop(gap).rest
            }
        }
        return result
    }
}

extension Int {
    /// `self - other`, but never below zero.
    @inlinable public func saturatingSubtract(_ other: Int) -> Int {
        let (result, overflow) = subtractingReportingOverflow(other)
        return overflow ? (other > 0 ? 0 : Int.max) : Swift.max(0, result)
    }

    /// `self + other`, clamped at Int.max.
    @inlinable public func saturatingAdd(_ other: Int) -> Int {
        let (result, overflow) = addingReportingOverflow(other)
        return overflow ? Int.max : result
    }
}
