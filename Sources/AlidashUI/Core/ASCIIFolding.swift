/// Turns any text into ASCII for terminals whose locale is not UTF-8, so that no letter is silently
/// dropped: é → e, ä → ae (a in a single cell), ² → 2, “ → ", and anything without a likeness → "?".
public enum ASCIIFolding {
    /// Shown for characters with no ASCII likeness.
    public static let unknown: Character = "?"

    /// ASCII text for `text`; may be longer than the original (ä → ae, … → ...).
    public static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                result.append(character)
            } else if let base = character.unicodeScalars.first {
                result += fold(base).text
            }
        }
        return result
    }

    /// One ASCII character for one screen cell (ä → a, … → .), keeping the layout.
    public static func foldCell(_ character: Character) -> Character {
        if character.isASCII { return character }
        guard let base = character.unicodeScalars.first else { return unknown }
        return fold(base).cell
    }

    /// The buffer with every cell ASCII; a wide character becomes one folded cell and a blank. A mark
    /// that needs two characters to keep its meaning (≤ as "<=", ≈ as "~=") takes a blank cell beside it,
    /// so the columns stay where they were.
    public static func fold(_ buffer: Buffer) -> Buffer {
        var result = buffer
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                let cell = buffer[x, y]
                switch cell.width {
                case 0:
                    result[x, y] = Cell(" ", style: cell.style)
                default:
                    guard !cell.symbol.isASCII else { continue }
                    guard let base = cell.symbol.unicodeScalars.first else {
                        result[x, y] = Cell(unknown, style: cell.style)
                        continue
                    }
                    let folded = fold(base)
                    if let pair = folded.pair, let start = blankBeside(x, y, in: result) {
                        result[start, y] = Cell(pair.0, style: cell.style)
                        result[start + 1, y] = Cell(pair.1, style: cell.style)
                    } else {
                        result[x, y] = Cell(folded.cell, style: cell.style)
                    }
                }
            }
        }
        return result
    }

    /// Where a two-cell fold of the cell at `x` starts: on the blank before it when a gap stays before
    /// that (a padded column: "  ≤ 6%" → " <= 6%"), else on it, taking the blank after ("a ≤ b" → "a <=b"),
    /// else on the single blank before; nil when neither neighbour is blank. Cells before `x` are already
    /// folded, so a blank another mark took is not taken twice.
    private static func blankBeside(_ x: Int, _ y: Int, in buffer: Buffer) -> Int? {
        func isBlank(_ column: Int) -> Bool {
            column >= 0 && column < buffer.width && buffer[column, y].width == 1 && buffer[column, y].symbol == " "
        }
        if isBlank(x - 1), x - 2 < 0 || isBlank(x - 2) { return x - 1 }
        if isBlank(x + 1) { return x }
        return isBlank(x - 1) ? x - 1 : nil
    }

    // MARK: - Scalars

    /// The folding of one scalar: as text, and as a single cell.
    struct Folded: Equatable {
        var text: String
        var cell: Character
        /// Set for marks whose first character alone would mean something else (≤ is not "<", and "~"
        /// already means rounded): the buffer fold then writes `text` into two cells where it can.
        var needsTwoCells: Bool

        init(_ text: String, cell: Character? = nil, needsTwoCells: Bool = false) {
            self.text = text
            self.cell = cell ?? text.first ?? " "
            self.needsTwoCells = needsTwoCells && text.count == 2
        }

        var pair: (Character, Character)? {
            guard needsTwoCells, let first = text.first, let last = text.last else { return nil }
            return (first, last)
        }
    }

    static func fold(_ scalar: Unicode.Scalar) -> Folded {
        if scalar.isASCII { return Folded(String(scalar)) }
        if let special = specials[scalar] { return special }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .spaceSeparator: return Folded(" ")
        case .nonspacingMark, .enclosingMark, .format, .control: return Folded("", cell: " ")
        default: break
        }
        // Fullwidth forms of ASCII (Ａ, ！) sit at a fixed offset from it.
        if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
            return Folded(String(ascii))
        }
        if [.decimalNumber, .otherNumber].contains(properties.generalCategory),
           let digit = properties.numericValue, digit >= 0, digit <= 9, digit == digit.rounded(),
           let ascii = Unicode.Scalar(UInt32(digit) + 48) {
            return Folded(String(ascii)) // superscripts, subscripts, circled and other digits
        }
        if let name = properties.name {
            if let letter = latinLetter(named: name) { return Folded(String(letter)) }
            if let shape = drawingShape(value: scalar.value, named: name) { return Folded(String(shape)) }
        }
        return Folded(String(unknown))
    }

    /// "LATIN SMALL LETTER E WITH ACUTE" → e, "LATIN CAPITAL LETTER O WITH STROKE" → O.
    static func latinLetter(named name: String) -> Character? {
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[2] == "LETTER" else { return nil }
        var letterWords = words.dropFirst(3)
        if letterWords.first == "DOTLESS" { letterWords = letterWords.dropFirst() }
        guard let letter = letterWords.first, letter.count == 1, let character = letter.first,
              character.isASCII, character.isLetter else { return nil }
        switch words[1] {
        case "SMALL": return Character(character.lowercased())
        case "CAPITAL": return character
        default: return nil
        }
    }

    /// Box drawing, blocks and braille as the ASCII lines and marks that look like them.
    static func drawingShape(value: UInt32, named name: String) -> Character? {
        switch value {
        case 0x2500...0x257F:
            if name.contains("HORIZONTAL") && !name.contains("VERTICAL") { return "-" }
            if name.contains("VERTICAL") && !name.contains("HORIZONTAL") { return "|" }
            return "+"
        case 0x2580...0x259F: return "#"
        case 0x2800: return " "
        case 0x2801...0x28FF: return "."
        default: return nil
        }
    }

    /// Characters whose likeness is not in their name: German letters, punctuation, symbols.
    static let specials: [Unicode.Scalar: Folded] = [
        "ä": Folded("ae", cell: "a"), "ö": Folded("oe", cell: "o"), "ü": Folded("ue", cell: "u"),
        "Ä": Folded("Ae", cell: "A"), "Ö": Folded("Oe", cell: "O"), "Ü": Folded("Ue", cell: "U"),
        "ß": Folded("ss", cell: "s"), "ẞ": Folded("SS", cell: "S"),
        "æ": Folded("ae"), "Æ": Folded("AE"), "œ": Folded("oe"), "Œ": Folded("OE"),
        "ð": Folded("d"), "Ð": Folded("D"), "þ": Folded("th"), "Þ": Folded("Th"), "ł": Folded("l"), "Ł": Folded("L"),
        "“": Folded("\""), "”": Folded("\""), "„": Folded("\""), "‟": Folded("\""), "«": Folded("\""), "»": Folded("\""),
        "‘": Folded("'"), "’": Folded("'"), "‚": Folded("'"), "‛": Folded("'"), "‹": Folded("'"), "›": Folded("'"),
        "′": Folded("'"), "″": Folded("\""),
        "‐": Folded("-"), "‑": Folded("-"), "‒": Folded("-"), "–": Folded("-"), "—": Folded("-"),
        "―": Folded("-"), "−": Folded("-"),
        "…": Folded("...", cell: "."), "•": Folded("*"), "·": Folded("."), "‧": Folded("."),
        "×": Folded("x"), "÷": Folded("/"), "±": Folded("+/-", cell: "+"), "∼": Folded("~"),
        // Where no blank is beside them, one cell that is none of the other marks (~ rounded, = calculated, < …).
        "≈": Folded("~=", cell: "*", needsTwoCells: true), "≤": Folded("<=", cell: "{", needsTwoCells: true),
        "≥": Folded(">=", cell: "}", needsTwoCells: true), "≠": Folded("!=", cell: "#", needsTwoCells: true), "°": Folded("deg", cell: "o"),
        "€": Folded("EUR", cell: "E"), "£": Folded("GBP", cell: "L"), "¥": Folded("JPY", cell: "Y"),
        "¢": Folded("c"), "§": Folded("S"), "©": Folded("(c)", cell: "c"), "®": Folded("(R)", cell: "R"),
        "™": Folded("TM", cell: "T"), "¼": Folded("1/4"), "½": Folded("1/2"), "¾": Folded("3/4"),
        "→": Folded("->", cell: ">"), "←": Folded("<-", cell: "<"), "↑": Folded("^"), "↓": Folded("v"),
        "↔": Folded("<->", cell: "-"), "⇄": Folded("<->", cell: "-"),
        "▲": Folded("^"), "▼": Folded("v"), "►": Folded(">"), "◄": Folded("<"), "▶": Folded(">"), "◀": Folded("<"),
        "△": Folded("^"), "▽": Folded("v"),
        "●": Folded("o"), "○": Folded("o"), "◉": Folded("@"), "◆": Folded("*"), "◇": Folded("*"),
        "■": Folded("#"), "□": Folded("#"), "✓": Folded("v"), "✔": Folded("v"), "✗": Folded("x"), "✘": Folded("x"),
        "\u{FFFD}": Folded("?"),
    ]
}
