import AlidashUI
import Testing

@Suite struct TerminalTextTests {
    @Test func widthsFollowWcwidth() {
        #expect(TerminalText.width(of: "Liège") == 5)
        #expect(TerminalText.width(of: "日本") == 4)
        #expect(TerminalText.width(of: "🚀") == 2)
        #expect(TerminalText.width(of: "e\u{301}") == 1) // e + combining acute
        #expect(TerminalText.width(of: "m²") == 2)
        #expect(TerminalText.width(of: "\u{202E}abc") == 3) // bidi override takes no cell: it is dropped
    }

    @Test func asciiAndLatinShortcutsKeepTheRules() {
        for byte in UInt8(0x20)..<0x7F {
            let character = Character(Unicode.Scalar(byte))
            #expect(TerminalText.sanitize(character) == character)
            #expect(TerminalText.width(of: String(character)) == 1)
        }
        #expect(TerminalText.width(of: "soft\u{AD}hyphen") == 10) // a format character: no cell
        #expect(TerminalText.width(of: "a\tb") == 3) // a tab becomes one space
        #expect(TerminalText.width(of: "a\u{7F}b") == 3) // DEL becomes the visible replacement
        #expect(TerminalText.width(of: "naïve café") == 10)
    }

    /// Drawing and measuring take a shortcut through runs of simple scalars; it must give what going
    /// character by character gives, whatever follows: marks, joiners, jamo, flags, controls, wide letters.
    @Test func theSimpleScalarShortcutDrawsWhatCharactersDo() {
        let pool: [String] = ["a", " ", "é", "ß", "–", "…", "€", "→", "─", "│", "⣿", "●", "⌚", "°", "²",
                              "\u{301}", "\u{20DD}", "\u{200D}", "\u{FE0F}", "\u{AD}", "\u{202E}", "\u{1B}", "\t",
                              "\u{1100}", "\u{1161}", "🇧", "🇪", "🚀", "日", "\u{0915}", "\u{093F}", "\u{2060}", "\n"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...8, using: &generator)).map { _ in pool.randomElement(using: &generator)! }.joined()
            var drawn = Buffer(width: 24, height: 1)
            let used = drawn.put(text, x: 1, y: 0, maxWidth: 20)
            // The reference: one character at a time, sanitized and measured.
            var expected = Buffer(width: 24, height: 1)
            var column = 1
            for character in text {
                guard let clean = TerminalText.sanitize(character) else { continue }
                let cells = TerminalText.width(of: clean)
                if cells == 0 { continue }
                if column + cells > 21 { break }
                expected.put(String(clean), x: column, y: 0)
                column += cells
            }
            #expect(drawn.line(0) == expected.line(0), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(used == column - 1)
            #expect(TerminalText.width(of: text) == text.reduce(0) { $0 + (TerminalText.sanitize($1).map(TerminalText.width(of:)) ?? 0) })
            #expect(TerminalText.words(text) == text.split(separator: " ").map(String.init))
        }
    }

    @Test func aRepeatedSymbolStaysInsideTheBuffer() {
        var buffer = Buffer(width: 4, height: 3)
        buffer.put("─", x: 1, y: 0, count: 10)
        buffer.put("│", x: 0, y: 1, count: 10, vertical: true)
        buffer.put("日", x: 0, y: 2, count: 3) // two fit whole; the third would stick out
        buffer.put("x", x: -2, y: 1, count: 4) // the first two fall left of the buffer
        buffer.put("\u{1B}", x: 0, y: 0, count: 2) // made visible like any control
        #expect(buffer.line(0) == "\u{FFFD}\u{FFFD}──")
        #expect(buffer.line(1) == "xx  ")
        #expect(buffer.line(2) == "日日")
        var tiny = Buffer(width: 1, height: 1)
        tiny.put("─", x: 0, y: 0, count: Int.max)
        tiny.put("│", x: 0, y: Int.max, count: Int.max, vertical: true)
        #expect(tiny.line(0) == "─")
    }

    @Test func controlSequencesAreMadeInert() {
        let hostile = "a\u{1B}[2Jb\u{07}c\u{9B}31md\u{1B}]0;owned\u{07}"
        var buffer = Buffer(width: 40, height: 1)
        buffer.put(hostile, x: 0, y: 0)
        let line = buffer.line(0)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(line.hasPrefix("a\u{FFFD}[2Jb\u{FFFD}c\u{FFFD}31md"))
    }

    @Test func bidiOverridesAndZeroWidthFormatsVanish() {
        var buffer = Buffer(width: 10, height: 1)
        buffer.put("\u{202E}abc\u{2066}d\u{200D}e", x: 0, y: 0)
        #expect(buffer.line(0) == "abcde     ")
    }

    @Test func combiningMarksAreCapped() {
        let zalgo = Character("a" + String(repeating: "\u{301}", count: 30))
        let clean = TerminalText.sanitize(zalgo)
        #expect(clean?.unicodeScalars.count == 5)
    }

    @Test func truncateAndPadCountCells() {
        #expect(TerminalText.truncate("Hangzhou", to: 5) == "Hang…")
        #expect(TerminalText.truncate("日本語テキスト", to: 5) == "日本…")
        #expect(TerminalText.pad("日本", to: 6) == "日本  ")
        #expect(TerminalText.pad("42", to: 5, alignRight: true) == "   42")
        #expect(TerminalText.truncate("abc", to: 0) == "")
    }

    @Test func wrapBreaksLongWords() {
        #expect(TerminalText.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(TerminalText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(TerminalText.wrap("日本語テキスト", width: 5) == ["日本", "語テ", "キス", "ト"])
        #expect(TerminalText.wrap("anything", width: 0) == [])
    }
}

@Suite struct BufferTests {
    @Test func wideCharactersStayWholeAndAligned() {
        var buffer = Buffer(width: 6, height: 1)
        let used = buffer.put("日本x", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer.line(0) == "日本x ")
        #expect(buffer[1, 0].width == 0)
        // Overwriting the right half of a wide character blanks its left half.
        buffer.put("y", x: 1, y: 0)
        #expect(buffer.line(0) == " y本x ")
    }

    @Test func wideCharacterAtTheRightEdgeIsNotSplit() {
        var buffer = Buffer(width: 3, height: 1)
        buffer.put("ab日", x: 0, y: 0)
        #expect(buffer.line(0) == "ab ")
    }

    @Test func drawingOutsideIsClipped() {
        var buffer = Buffer(width: 4, height: 2, filling: Cell("x"))
        buffer.put("hello", x: 2, y: 1)
        buffer.put("zz", x: -1, y: 0)
        buffer.put("no", x: 0, y: 5)
        buffer.fill(Rect(x: 3, y: 0, width: 10, height: 10), symbol: ".")
        #expect(buffer.lines == ["zxx.", "xxh."])
    }

    @Test func clipRectangleIsRespected() {
        var buffer = Buffer(width: 8, height: 1)
        buffer.put("abcdefgh", x: 0, y: 0, clip: Rect(x: 2, y: 0, width: 3, height: 1))
        #expect(buffer.line(0) == "  cde   ")
    }

    @Test func degenerateSizes() {
        for (width, height) in [(0, 0), (1, 1), (0, 5), (5, 0), (-3, -3)] {
            var buffer = Buffer(width: width, height: height)
            buffer.put("日本語", x: 0, y: 0)
            buffer.fill(Rect(x: 0, y: 0, width: 100, height: 100), symbol: "#")
            #expect(buffer.cells.count == max(0, width) * max(0, height))
        }
    }

    @Test func rectArithmeticSaturates() {
        let tiny = Rect(x: 0, y: 0, width: 1, height: 1)
        #expect(tiny.inset(by: 5).isEmpty)
        #expect(tiny.splitTop(10).rest.height == 0)
        #expect(Rect(width: 10, height: 1).columns([4, 4, 4], gap: 1).map(\.width) == [4, 4, 0])
        #expect(Int.max.saturatingAdd(1) == Int.max)
        #expect(3.saturatingSubtract(5) == 0)
        #expect(Int.min.saturatingSubtract(Int.max) == 0)
    }
}

@Suite struct CitationWrapTests {
    @Test func sourceListsAreNeverSplitAcrossLines() {
        #expect(TerminalText.wrap("the later expansion phases were dropped. [S8, S9, S13]", width: 44)
                == ["the later expansion phases were dropped.", "[S8, S9, S13]"])
        #expect(TerminalText.words("a [S1, S2] b [open") == ["a", "[S1, S2]", "b", "[open"])
        // A list wider than the column is split at its spaces, never inside an id.
        #expect(TerminalText.wrap("[S90, S113, S114, S116, S19, S8]", width: 16)
                == ["[S90, S113,", "S114, S116, S19,", "S8]"])
    }
}

@Suite struct CellTests {
    /// A screen of cells is 8 bytes a cell: what a start fills, and every frame copies and compares.
    @Test func aCellIsEightBytes() {
        #expect(MemoryLayout<Cell>.stride == 8)
        #expect(MemoryLayout<Style>.size == 2)
    }

    /// Characters of several scalars keep their scalars, and equal ones are equal cells.
    @Test func charactersOfSeveralScalarsComeBackWhole() {
        for symbol: Character in ["🇩🇪", "e\u{301}", "👩‍💻", "a", "日", "\u{FFFD}"] {
            #expect(Cell(symbol).symbol == symbol)
        }
        #expect(Cell("🇩🇪") == Cell("🇩🇪"))
        #expect(Cell("🇩🇪") != Cell("🇫🇷"))
        #expect(Cell("e\u{301}").scalar == nil && Cell("é").scalar == "é")
        var buffer = Buffer(width: 6, height: 1)
        buffer.put("e\u{301}x\u{308}", x: 0, y: 0) // combining marks are kept (see TerminalText.sanitize)
        #expect(buffer.line(0) == "e\u{301}x\u{308}    ")
        #expect(buffer[0, 0] != Cell("e") && buffer[0, 0] == Cell("e\u{301}"))
    }

    /// Styles keep each attribute apart.
    @Test func styleAttributesAreIndependent() {
        var style = Style(.value, bold: true)
        style.underline = true
        style.bold = false
        #expect(!style.bold && style.underline && !style.reverse && style.role == .value)
        #expect(style == Style(.value, underline: true))
        #expect(style != Style(.value, bold: true, underline: true))
    }
}
