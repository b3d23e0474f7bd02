import AlidashModel

/// Makes any text safe and measurable on a terminal: control and bidi characters never reach it,
/// and widths follow wcwidth (wide CJK and emoji take two cells, combining marks none).
public enum TerminalText {
    /// Shown in place of control characters, so hostile data stays visible but inert.
    public static let replacement: Character = "\u{FFFD}"

    /// The number of cells a sanitized character takes: 0, 1 or 2.
    public static func width(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return width(of: scalar)
    }

    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if isZeroWidth(scalar) { return 0 }
        return isWide(value) ? 2 : 1
    }

    /// Whether `text` holds `word`, compared byte by byte (for ASCII words: names, years, TERM values).
    /// String.contains(String) goes through the regex library, whose first use cost 0.2 million
    /// instructions of the start.
    public static func includes(_ text: String, _ word: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(word.utf8)
        guard haystack.count >= needle.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    /// Width of a whole string in cells, after sanitizing.
    public static func width(of text: String) -> Int {
        // Printable ASCII, most of what is drawn, is one cell a byte.
        if text.utf8.allSatisfy(isPrintableASCII) { return text.utf8.count }
        if isSimple(text) { return text.unicodeScalars.reduce(0) { $0 + (isWide($1.value) ? 2 : 1) } }
        var total = 0
        for character in text {
            guard let clean = sanitize(character) else { continue }
            total += width(of: clean)
        }
        return total
    }

    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        // Below U+0300 only the soft hyphen is a format character; no marks (skips the property lookup).
        if scalar.value < 0x300 { return scalar.value == 0xAD }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return scalar.value == 0x200B || (0xFE00...0xFE0F).contains(scalar.value)
        }
    }

    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte >= 0x20 && byte < 0x7F }

    /// A scalar that is a whole character on its own next to another such scalar, that sanitizing keeps
    /// as it is, and whose width `isWide` tells: printable Latin, punctuation, currency, arrows, box
    /// drawing, shapes, braille. No Unicode rule joins two of them into one character (the marks, joiners,
    /// Hangul jamo, regional indicators and prepended letters that do are all outside), so a run of them
    /// is drawn and measured a scalar at a time, without grapheme breaking.
    @inline(__always)
    static func isSimple(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20..<0x7F, 0xA0..<0xAD, 0xAE..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF,
             0x2100...0x23FF, 0x2500...0x27BF, 0x2800...0x28FF:
            return true
        default:
            return false
        }
    }

    /// Whether every scalar of `text` is simple: then its characters are its scalars.
    static func isSimple(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy(isPrintableASCII) || text.unicodeScalars.allSatisfy(isSimple)
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { InertText.isControl(scalar) }

    static func isWide(_ value: UInt32) -> Bool {
        // Nothing below U+1100 is wide: most text is answered here, before the switch (a long chain of
        // comparisons, 170 instructions a character).
        if value < 0x1100 { return false }
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
             0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797,
             0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x16FE0...0x18AFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F251, 0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
             0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440,
             0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A,
             0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC, 0x1F6D0...0x1F6D2,
             0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A,
             0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// A character as it may be drawn: controls become U+FFFD, format and bidi characters vanish,
    /// a cluster keeps its base and at most four combining marks (what a curses cell holds).
    /// Nil when nothing of it is drawable.
    public static func sanitize(_ character: Character) -> Character? {
        if let byte = character.asciiValue, isPrintableASCII(byte) { return character }
        let scalars = character.unicodeScalars
        guard let base = scalars.first else { return nil }
        if base == "\t" { return " " }
        if isControl(base) { return replacement }
        if isZeroWidth(base) { return nil }
        if scalars.count == 1 { return character }
        var kept = String.UnicodeScalarView()
        kept.append(base)
        var marks = 0
        for scalar in scalars.dropFirst() {
            let category = scalar.properties.generalCategory
            guard category == .nonspacingMark || category == .enclosingMark, marks < 4 else { continue }
            kept.append(scalar)
            marks += 1
        }
        return Character(String(kept))
    }

    /// Cuts `text` to at most `maxWidth` cells, ending in "…" when it was cut.
    public static func truncate(_ text: String, to maxWidth: Int, ellipsis: String = "…") -> String {
        guard maxWidth > 0 else { return "" }
        if width(of: text) <= maxWidth { return text }
        let room = maxWidth.saturatingSubtract(width(of: ellipsis))
        var result = ""
        var used = 0
        for character in text {
            guard let clean = sanitize(character) else { continue }
            let cells = width(of: clean)
            if used + cells > room { break }
            result.append(clean)
            used += cells
        }
        return result + (room > 0 || maxWidth >= width(of: ellipsis) ? ellipsis : "")
    }

    /// Pads with spaces (or cuts) to exactly `width` cells.
    public static func pad(_ text: String, to targetWidth: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: targetWidth)
        let fill = String(repeating: " ", count: targetWidth.saturatingSubtract(width(of: cut)))
        return alignRight ? fill + cut : cut + fill
    }

    /// Splits text into words at spaces, keeping a bracketed list of source ids ("[S8, S9]") as one
    /// word when it fits in `maxWidth`, so that wrapping never separates its parts; a longer list
    /// stays split at its spaces, so an id itself is never cut.
    public static func words(_ text: String, maxWidth: Int = 40) -> [String] {
        words(Substring(text), maxWidth: maxWidth)
    }

    public static func words(_ text: Substring, maxWidth: Int = 40) -> [String] {
        var result: [String] = []
        var group: [String] = []
        func flush() {
            let joined = group.joined(separator: " ")
            if width(of: joined) <= maxWidth { result.append(joined) } else { result += group }
            group = []
        }
        // Splitting on the byte is the same as on the character when no scalar can join a space.
        var pieces: [String] = []
        if isSimple(text) {
            let bytes = text.utf8
            var start = bytes.startIndex
            var index = start
            while index != bytes.endIndex {
                let next = bytes.index(after: index)
                if bytes[index] == UInt8(ascii: " ") {
                    if start != index { pieces.append(String(text[start..<index])) }
                    start = next
                }
                index = next
            }
            if start != bytes.endIndex { pieces.append(String(text[start...])) }
        } else {
            pieces = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        for word in pieces {
            // Byte searches: String.contains(String) goes through the regex library's searcher.
            let closes = word.utf8.contains(UInt8(ascii: "]"))
            if !group.isEmpty {
                group.append(word)
                if closes { flush() }
            } else if word.utf8.first == UInt8(ascii: "["), !closes {
                group = [word]
            } else {
                result.append(word)
            }
        }
        if !group.isEmpty { flush() }
        return result
    }

    /// Word-wraps to lines of at most `maxWidth` cells; words longer than a line are broken.
    public static func wrap(_ text: String, width maxWidth: Int) -> [String] {
        guard maxWidth > 0 else { return [] }
        var lines: [String] = []
        let paragraphs = text.utf8.contains(0x0A) ? text.split(separator: "\n", omittingEmptySubsequences: false)
            : [Substring(text)]
        for paragraph in paragraphs {
            var line = ""
            var lineWidth = 0
            for word in words(paragraph, maxWidth: maxWidth) {
                var word = word
                var wordWidth = width(of: word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= maxWidth {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > maxWidth {
                    var head = ""
                    var headWidth = 0
                    var rest = Substring(word)
                    while let first = rest.first {
                        let cells = sanitize(first).map { self.width(of: $0) } ?? 0
                        if headWidth + cells > maxWidth { break }
                        head.append(first)
                        headWidth += cells
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty { head = String(rest.prefix(1)); rest = rest.dropFirst() }
                    lines.append(head)
                    word = String(rest)
                    wordWidth = width(of: word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
