/// A grid of dots, two across and four down in every cell, drawn as braille patterns (U+2800–U+28FF) or,
/// where a terminal cannot show braille, as one ASCII character a cell chosen by how many of its dots are set.
public struct DotCanvas: Sendable, Equatable {
    /// Size in cells; the canvas holds `width * 2` by `height * 4` dots.
    public let width: Int
    public let height: Int
    private var cells: [UInt8]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: 0, count: self.width * self.height)
    }

    public var dotWidth: Int { width * 2 }
    public var dotHeight: Int { height * 4 }

    /// The braille bit of each dot in a cell, by [row][column] (Unicode's dot numbering 1–8).
    private static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    /// Sets the dot at (x, y) in dot coordinates; dots outside the canvas are ignored.
    public mutating func set(dotX x: Int, dotY y: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        cells[(y / 4) * width + x / 2] |= DotCanvas.bits[y % 4][x % 2]
    }

    public func isSet(dotX x: Int, dotY y: Int) -> Bool {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return false }
        return cells[(y / 4) * width + x / 2] & DotCanvas.bits[y % 4][x % 2] != 0
    }

    /// How many of the eight dots of cell (x, y) are set.
    public func count(x: Int, y: Int) -> Int {
        guard x >= 0, y >= 0, x < width, y < height else { return 0 }
        return cells[y * width + x].nonzeroBitCount
    }

    /// The braille pattern for cell (x, y); an empty cell is a plain space so it reads as blank everywhere.
    public func braille(x: Int, y: Int) -> Character {
        guard x >= 0, y >= 0, x < width, y < height, cells[y * width + x] != 0 else { return " " }
        return Character(Unicode.Scalar(0x2800 + UInt32(cells[y * width + x]))!)
    }

    /// An ASCII stand-in for cell (x, y): blank, "." when partly set, ":" when mostly set.
    public func ascii(x: Int, y: Int) -> Character {
        switch count(x: x, y: y) {
        case 0: return " "
        case 1...4: return "."
        default: return ":"
        }
    }

    /// Draws every non-empty cell at `origin`, clipped to `clip`; braille or ASCII as `braille` says.
    public func render(into buffer: inout Buffer, x originX: Int, y originY: Int, clip: Rect, braille: Bool,
                       style: Style) {
        for row in 0..<height {
            for column in 0..<width where cells[row * width + column] != 0 {
                let symbol = braille ? self.braille(x: column, y: row) : ascii(x: column, y: row)
                buffer.put(String(symbol), x: originX + column, y: originY + row, style: style, clip: clip)
            }
        }
    }
}
