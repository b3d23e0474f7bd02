/// The bytes that put a frame on a screen known to be blank, written without ncurses: its update of
/// a first frame at 120x40 was about 3.7 million instructions (most in working out the cheapest cursor
/// moves and formatting each colour change through terminfo), a third of the whole start. The caller
/// (the terminal backend) then tells ncurses that the screen holds the frame, so later frames are
/// ncurses' usual updates. Pure: the terminal's sequences come in, bytes come out.
public struct ScreenPainter {
    /// How a cell looks, in the terminal's terms: attributes and colour numbers (-1: the terminal's own).
    public struct Look: Equatable, Sendable {
        public var bold = false
        public var dim = false
        public var reverse = false
        public var underline = false
        public var foreground: Int16 = -1
        public var background: Int16 = -1

        /// A space in this look shows as the blank the cleared screen already has there.
        @inlinable var spaceShowsBlank: Bool { !reverse && !underline && background < 0 }

        public init(bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false,
                    foreground: Int16 = -1, background: Int16 = -1) {
            (self.bold, self.dim, self.reverse, self.underline) = (bold, dim, reverse, underline)
            (self.foreground, self.background) = (foreground, background)
        }

    }

    /// The terminal's own sequences (from terminfo): nil where it has none.
    public struct Sequences {
        /// The absolute move to (row, column), counted from 0.
        public var move: (Int, Int) -> [UInt8]
        /// All attributes and colours off (`sgr0`).
        public var reset: [UInt8]
        public var bold: [UInt8]?
        public var dim: [UInt8]?
        public var reverse: [UInt8]?
        public var underline: [UInt8]?
        /// The foreground and background colour `n` (`setaf`, `setab`).
        public var foreground: (Int16) -> [UInt8]?
        public var background: (Int16) -> [UInt8]?
        /// The terminal's own colours again (`op`).
        public var defaultColors: [UInt8]?

        public init(move: @escaping (Int, Int) -> [UInt8], reset: [UInt8], bold: [UInt8]?, dim: [UInt8]?,
                    reverse: [UInt8]?, underline: [UInt8]?, foreground: @escaping (Int16) -> [UInt8]?,
                    background: @escaping (Int16) -> [UInt8]?, defaultColors: [UInt8]?) {
            (self.move, self.reset, self.bold, self.dim, self.reverse, self.underline) = (move, reset, bold, dim, reverse, underline)
            (self.foreground, self.background, self.defaultColors) = (foreground, background, defaultColors)
        }
    }

    /// A gap of blanks this short is written as spaces (where the look shows them as blanks), not jumped
    /// with a move.
    static let longestGapWritten = 4

    private let sequences: Sequences
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var current = Look()
    /// Where the terminal's cursor is, when known for sure (not after the last column or a character
    /// whose width the terminal may count otherwise): -1 when not.
    @usableFromInline var cursorRow = -1
    @usableFromInline var cursorColumn = -1
    private var colorsUsed = false

    public init(sequences: Sequences, capacity: Int = 0) {
        self.sequences = sequences
        bytes.reserveCapacity(capacity)
    }

    /// Writes `character` (its UTF-8 bytes; `scalars` of them) at (row, column) in `look`, `width`
    /// columns wide (1 or 2); `lastColumn` is the screen's last column, after which the cursor is not known.
    public mutating func put(_ character: UnsafeBufferPointer<UInt8>, scalars: Int, row: Int, column: Int, width: Int,
                    look: Look, lastColumn: Int) {
        if row != cursorRow || column != cursorColumn { moveTo(row: row, column: column) }
        if look != current { use(look) }
        bytes.append(contentsOf: character)
        // A wide character, or one of several scalars, may be counted otherwise by the terminal: the
        // next character is placed with a move.
        let known = width == 1 && scalars == 1 && column < lastColumn
        (cursorRow, cursorColumn) = known ? (row, column + 1) : (-1, -1)
    }

    /// One printable ASCII byte, the common case (most cells: kept short, the rest out of line). A space
    /// that shows as a blank is not written: the cleared screen has one there.
    @inlinable
    public mutating func put(byte: UInt8, row: Int, column: Int, look: Look, lastColumn: Int) {
        if byte == UInt8(ascii: " "), look.spaceShowsBlank { return }
        if row != cursorRow || column != cursorColumn { moveTo(row: row, column: column) }
        if look != current { use(look) }
        bytes.append(byte)
        (cursorRow, cursorColumn) = column < lastColumn ? (row, column + 1) : (-1, -1)
    }

    /// The bytes, ending in the terminal's plain attributes and colours (what ncurses takes the terminal
    /// to be in between its updates).
    public mutating func finish() -> [UInt8] {
        if current != Look() {
            bytes += sequences.reset
            if colorsUsed, let defaultColors = sequences.defaultColors { bytes += defaultColors }
            current = Look()
        }
        return bytes
    }

    @usableFromInline @inline(never)
    mutating func moveTo(row: Int, column: Int) {
        if cursorRow == row, cursorColumn >= 0, cursorColumn < column {
            let gap = column - cursorColumn
            // Spaces in a look that shows them as blanks: bold or coloured spaces look like the blanks
            // already there (a terminal's copy of the screen, tmux's, keeps their attributes, unseen).
            if gap <= ScreenPainter.longestGapWritten, current.spaceShowsBlank {
                bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: gap))
                return
            }
        }
        bytes += sequences.move(row, column)
    }

    @usableFromInline @inline(never)
    mutating func use(_ look: Look) {
        let turnsOff = (current.bold && !look.bold) || (current.dim && !look.dim)
            || (current.reverse && !look.reverse) || (current.underline && !look.underline)
        if turnsOff {
            bytes += sequences.reset
            // sgr0 resets the colours on most terminals, not all: say so explicitly where colours were set.
            if current.foreground >= 0 || current.background >= 0, let defaultColors = sequences.defaultColors {
                bytes += defaultColors
            }
            current = Look()
        }
        if look.bold && !current.bold, let bold = sequences.bold { bytes += bold }
        if look.dim && !current.dim, let dim = sequences.dim { bytes += dim }
        if look.reverse && !current.reverse, let reverse = sequences.reverse { bytes += reverse }
        if look.underline && !current.underline, let underline = sequences.underline { bytes += underline }
        if look.foreground != current.foreground || look.background != current.background {
            if (look.foreground < 0 && current.foreground >= 0) || (look.background < 0 && current.background >= 0),
               let defaultColors = sequences.defaultColors {
                bytes += defaultColors
                current.foreground = -1
                current.background = -1
            }
            if look.foreground != current.foreground, let sequence = sequences.foreground(look.foreground) {
                bytes += sequence
                colorsUsed = true
            }
            if look.background != current.background, let sequence = sequences.background(look.background) {
                bytes += sequence
                colorsUsed = true
            }
        }
        current = look
    }
}
