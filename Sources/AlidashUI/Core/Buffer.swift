import Synchronization

/// One screen cell: a character (or the right half of a wide one) and its style, in 8 bytes: a screen
/// of them is a third of what it was with a `Character` in each (fewer fresh pages at every start, and
/// less to fill, copy and compare in every frame).
public struct Cell: Sendable, Equatable {
    /// The character: its Unicode scalar value, or for a character of several scalars (a flag, a letter
    /// with a combining accent) `Clusters.first` plus its number in `Clusters`.
    public private(set) var code: UInt32
    /// Cells taken: 1, 2 for a wide character, 0 for the cell covered by the wide one to its left.
    public var width: UInt8
    public var style: Style

    public init(_ symbol: Character = " ", style: Style = .normal, width: UInt8 = 1) {
        self.init(code: Cell.code(of: symbol), style: style, width: width)
    }

    init(code: UInt32, style: Style = .normal, width: UInt8 = 1) {
        self.code = code
        self.style = style
        self.width = width
    }

    public var symbol: Character {
        get {
            if code < Clusters.first, let scalar = Unicode.Scalar(code) { return Character(scalar) }
            return Clusters.character(code)
        }
        set { code = Cell.code(of: newValue) }
    }

    /// The scalar when the character is one (most are), else nil.
    public var scalar: Unicode.Scalar? { code < Clusters.first ? Unicode.Scalar(code) : nil }

    static func code(of symbol: Character) -> UInt32 {
        let scalars = symbol.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
        return Clusters.code(symbol)
    }

    public static let blank = Cell()
    static let continuation = Cell(code: 0x20, width: 0)
}

/// The characters of several scalars that cells have shown, each kept once and numbered (the numbers
/// are cells' codes from `first` on). Bounded: past `capacity` of them a new one shows as U+FFFD.
enum Clusters {
    /// Above every Unicode scalar value.
    static let first: UInt32 = 0x11_0000
    static let capacity = 65_536
    private static let table = Mutex<(list: [Character], numbers: [Character: UInt32])>(([], [:]))

    static func code(_ character: Character) -> UInt32 {
        table.withLock { table in
            if let number = table.numbers[character] { return first + number }
            guard table.list.count < capacity else { return 0xFFFD }
            let number = UInt32(table.list.count)
            table.list.append(character)
            table.numbers[character] = number
            return first + number
        }
    }

    static func character(_ code: UInt32) -> Character {
        table.withLock { table in
            let number = Int(code &- first)
            return number >= 0 && number < table.list.count ? table.list[number] : "\u{FFFD}"
        }
    }
}

/// A grid of cells that widgets draw into; the terminal backend copies it to the screen.
/// Nothing here touches a terminal, so every screen can be tested as text.
public struct Buffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]
    /// Cells that show a URL, for terminals that take OSC 8 links; the cells hold the visible text.
    public var links: [Link] = []

    /// `width` cells from (x, y) showing (part of) `url`.
    public struct Link: Sendable, Equatable {
        public var x: Int
        public var y: Int
        public var width: Int
        public var url: String

        public init(x: Int, y: Int, width: Int, url: String) {
            self.x = x
            self.y = y
            self.width = width
            self.url = url
        }
    }

    public init(width: Int, height: Int, filling cell: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: cell, count: self.width * self.height)
    }

    public var area: Rect { Rect(width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    // MARK: - Drawing

    /// Writes `text` from (x, y), clipped to `clip` (the whole buffer by default) and to `maxWidth` cells.
    /// Returns the number of cells used. Text is sanitized: no control sequence can reach the terminal.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .normal,
                             maxWidth: Int = Int.max, clip: Rect? = nil) -> Int {
        let bounds = (clip ?? area).intersection(area)
        guard y >= bounds.y, y < bounds.maxY, maxWidth > 0 else { return 0 }
        let limit = min(bounds.maxX, x.saturatingAdd(maxWidth))
        var column = x
        // Places one character (its cell code) of `cells` cells at `column`; false once it would pass the limit.
        func place(_ code: UInt32, cells: Int) -> Bool {
            if column + cells > limit { return false }
            if column >= bounds.x {
                setCell(x: column, y: y, Cell(code: code, style: style, width: UInt8(cells)))
            } else if column + cells > bounds.x {
                setCell(x: bounds.x, y: y, Cell(code: 0x20, style: style)) // a wide char cut by the left edge
            }
            column += cells
            return true
        }
        // Printable ASCII, most text, a byte at a time: each one cell, its code the byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for byte in text.utf8 {
                guard place(UInt32(byte), cells: 1) else { break }
            }
            return max(0, column - x)
        }
        // A run of simple scalars (see TerminalText.isSimple) is drawn a scalar at a time: grapheme
        // breaking and the property lookups of sanitizing were most of the cost of drawing a screen.
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index != scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            guard TerminalText.isSimple(scalar), next == scalars.endIndex || TerminalText.isSimple(scalars[next]) else { break }
            guard place(scalar.value, cells: TerminalText.isWide(scalar.value) ? 2 : 1) else { return max(0, column - x) }
            index = next
        }
        for character in text[index...] {
            guard let clean = TerminalText.sanitize(character) else { continue }
            let cells = TerminalText.width(of: clean)
            if cells == 0 { continue }
            guard place(Cell.code(of: clean), cells: cells) else { break }
        }
        return max(0, column - x)
    }

    /// Writes `symbol` `count` times from (x, y) going right (or down with `vertical`), clipped to the
    /// buffer: borders and rules, without making and walking a string for every cell.
    public mutating func put(_ symbol: Character, x: Int, y: Int, count: Int = 1, vertical: Bool = false,
                             style: Style = .normal) {
        guard count > 0, let clean = TerminalText.sanitize(symbol) else { return }
        let cells = TerminalText.width(of: clean)
        guard cells > 0 else { return }
        let cell = Cell(clean, style: style, width: UInt8(cells))
        // Past the buffer's last row or column nothing more can show.
        let room = vertical ? height.saturatingSubtract(y) : width.saturatingSubtract(x) / cells
        for index in 0..<min(count, room) {
            let column = vertical ? x : x + index * cells
            let row = vertical ? y + index : y
            guard row >= 0, row < height, column >= 0, column.saturatingAdd(cells) <= width else { continue }
            setCell(x: column, y: row, cell)
        }
    }

    /// Places one cell, keeping wide characters whole: overwriting half of one blanks the other half.
    private mutating func setCell(x: Int, y: Int, _ cell: Cell) {
        if cells[y * width + x].width != 1 { clearWideNeighbours(x: x, y: y) }
        self[x, y] = cell
        if cell.width == 2 {
            if x + 1 < width {
                clearWideNeighbours(x: x + 1, y: y)
                self[x + 1, y] = Cell(code: 0x20, style: cell.style, width: 0)
            } else {
                self[x, y] = Cell(code: 0x20, style: cell.style) // no room for the right half
            }
        }
    }

    private mutating func clearWideNeighbours(x: Int, y: Int) {
        let current = self[x, y]
        if current.width == 0, x > 0 { self[x - 1, y] = Cell(code: 0x20, style: self[x - 1, y].style) }
        if current.width == 2, x + 1 < width { self[x + 1, y] = Cell(code: 0x20, style: self[x + 1, y].style) }
    }

    /// Fills a rectangle with one symbol and style.
    public mutating func fill(_ rect: Rect, symbol: Character = " ", style: Style = .normal) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        let cell = Cell(symbol, style: style)
        for row in target.y..<target.maxY {
            for column in target.x..<target.maxX {
                setCell(x: column, y: row, cell)
            }
        }
    }

    /// Changes the style of a rectangle, keeping its text.
    public mutating func setStyle(_ rect: Rect, style: Style) {
        let target = rect.intersection(area)
        guard !target.isEmpty else { return }
        for row in target.y..<target.maxY {
            for column in target.x..<target.maxX {
                cells[row * width + column].style = style
            }
        }
    }

    // MARK: - Reading back

    /// The text of one row (wide characters once, their covered cells skipped).
    public func line(_ row: Int) -> String {
        guard row >= 0, row < height else { return "" }
        var text = ""
        for column in 0..<width {
            let cell = cells[row * width + column]
            if cell.width != 0 { text.append(cell.symbol) }
        }
        return text
    }

    /// All rows as text, trailing spaces removed: the readable form kept in expected-screen files.
    public var lines: [String] {
        (0..<height).map { row in
            var text = line(row)
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// True when `text` appears anywhere on screen.
    public func contains(_ text: String) -> Bool {
        (0..<height).contains { line($0).contains(text) }
    }
}

extension Buffer {
    /// Copies rows of `source` starting at `sourceRow` into `area` (a scrolled view of a taller canvas).
    public mutating func blit(_ source: Buffer, sourceRow: Int, into area: Rect) {
        let target = area.intersection(self.area)
        guard !target.isEmpty else { return }
        for row in 0..<target.height {
            let from = sourceRow + row
            guard from >= 0, from < source.height else { break }
            for column in 0..<min(target.width, source.width) {
                self[target.x + column, target.y + row] = source[column, from]
            }
        }
    }
}
