@testable import AlidashUI
import Testing

/// ScreenPainter with readable stand-ins for the terminal's sequences: <r,c> a move, <0> sgr0, <b> <d>
/// <v> <u> the attributes, <f n> <g n> the colours, <op> the terminal's own colours.
@Suite struct ScreenPainterTests {
    static func sequences(dim: Bool = true, colors: Bool = true) -> ScreenPainter.Sequences {
        func text(_ value: String) -> [UInt8] { Array(value.utf8) }
        return ScreenPainter.Sequences(move: { text("<\($0),\($1)>") }, reset: text("<0>"), bold: text("<b>"),
                                       dim: dim ? text("<d>") : nil, reverse: text("<v>"), underline: text("<u>"),
                                       foreground: { colors ? text("<f \($0)>") : nil }, background: { colors ? text("<g \($0)>") : nil },
                                       defaultColors: colors ? text("<op>") : nil)
    }

    /// Paints `cells` (row, column, text, look) on a screen `width` wide, as the terminal backend does.
    static func paint(_ cells: [(Int, Int, String, ScreenPainter.Look)], width: Int = 20, sequences: ScreenPainter.Sequences = sequences()) -> String {
        var painter = ScreenPainter(sequences: sequences)
        for (row, column, text, look) in cells {
            var utf8 = Array(text.utf8)
            if utf8.count == 1 {
                painter.put(byte: utf8[0], row: row, column: column, look: look, lastColumn: width - 1)
            } else {
                let wide = text.unicodeScalars.first!.value >= 0x1100
                utf8.withUnsafeMutableBufferPointer { bytes in
                    painter.put(UnsafeBufferPointer(bytes), scalars: text.unicodeScalars.count, row: row, column: column,
                                width: wide ? 2 : 1, look: look, lastColumn: width - 1)
                }
            }
        }
        return String(decoding: painter.finish(), as: UTF8.self)
    }

    static func word(_ text: String, row: Int, column: Int, _ look: ScreenPainter.Look = .init()) -> [(Int, Int, String, ScreenPainter.Look)] {
        text.enumerated().map { (row, column + $0.offset, String($0.element), look) }
    }

    @Test func plainTextNeedsOneMovePerRowAndNoAttributes() {
        #expect(Self.paint(Self.word("ab", row: 0, column: 0) + Self.word("cd", row: 1, column: 3)) == "<0,0>ab<1,3>cd")
    }

    @Test func blanksAreLeftOrWrittenAsSpacesOnlyWhereTheyShowAsBlanks() {
        let bold = ScreenPainter.Look(bold: true, foreground: 3)
        let reversed = ScreenPainter.Look(reverse: true)
        let underlined = ScreenPainter.Look(underline: true)
        let onBlue = ScreenPainter.Look(background: 4)
        // Four blanks are written as spaces; five are jumped.
        #expect(Self.paint(Self.word("a", row: 0, column: 0) + Self.word("b", row: 0, column: 5)) == "<0,0>a    b")
        #expect(Self.paint(Self.word("a", row: 0, column: 0) + Self.word("b", row: 0, column: 6)) == "<0,0>a<0,6>b")
        // A bold, coloured space shows as a blank: it is not written, and a short gap is spaces in that look.
        #expect(Self.paint(Self.word("a b", row: 0, column: 0, bold)) == "<0,0><b><f 3>a b<0><op>")
        #expect(Self.paint(Self.word("a    ", row: 0, column: 0, bold)) == "<0,0><b><f 3>a<0><op>")
        // Reversed, underlined or on a background, a space shows: written, and a gap after such text is a move.
        #expect(Self.paint(Self.word("a b", row: 0, column: 0, reversed)) == "<0,0><v>a b<0>")
        #expect(Self.paint(Self.word(" ", row: 0, column: 1, underlined)) == "<0,1><u> <0>")
        #expect(Self.paint(Self.word(" ", row: 0, column: 1, onBlue)) == "<0,1><g 4> <0><op>")
        #expect(Self.paint(Self.word("a", row: 0, column: 0, reversed) + Self.word("b", row: 0, column: 2, reversed)) == "<0,0><v>a<0,2>b<0>")
        // Backwards is always a move.
        #expect(Self.paint(Self.word("b", row: 0, column: 4) + Self.word("a", row: 0, column: 1)) == "<0,4>b<0,1>a")
    }

    @Test func attributesAndColoursChangeOnlyWhatDiffers() {
        let title = ScreenPainter.Look(bold: true, foreground: 6)
        let titleOnBlue = ScreenPainter.Look(bold: true, foreground: 6, background: 4)
        let dimGrey = ScreenPainter.Look(dim: true, foreground: 245)
        let painted = Self.paint(Self.word("T", row: 0, column: 0, title) + Self.word("U", row: 0, column: 1, titleOnBlue)
                                 + Self.word("V", row: 0, column: 2, title) + Self.word("w", row: 0, column: 3, dimGrey)
                                 + Self.word("x", row: 0, column: 4))
        // Adding a background is one sequence; taking it away is the terminal's own colours and the
        // foreground again; turning bold off is a reset (and the colours' reset, as sgr0 may keep them).
        #expect(painted == "<0,0><b><f 6>T<g 4>U<op><f 6>V<0><op><d><f 245>w<0><op>x")
    }

    @Test func theEndLeavesThePlainLookAsNcursesExpects() {
        #expect(Self.paint(Self.word("a", row: 0, column: 0, .init(reverse: true))) == "<0,0><v>a<0>")
        #expect(Self.paint(Self.word("a", row: 0, column: 0, .init(foreground: 2))) == "<0,0><f 2>a<0><op>")
        #expect(Self.paint(Self.word("a", row: 0, column: 0)) == "<0,0>a")
    }

    @Test func wideAndComposedCharactersAndTheLastColumnAreFollowedByAMove() {
        // The terminal may count a wide or composed character otherwise: the next one is placed anew.
        #expect(Self.paint([(0, 0, "日", .init()), (0, 2, "x", .init())]) == "<0,0>日<0,2>x")
        #expect(Self.paint([(0, 0, "e\u{301}", .init()), (0, 1, "x", .init())]) == "<0,0>e\u{301}<0,1>x")
        #expect(Self.paint([(0, 0, "é", .init()), (0, 1, "x", .init())]) == "<0,0>éx")
        // After the last column the cursor waits to wrap (or has wrapped): the next row is a move either way.
        #expect(Self.paint(Self.word("ab", row: 0, column: 3) + Self.word("c", row: 1, column: 0), width: 5) == "<0,3>ab<1,0>c")
    }

    @Test func missingSequencesAreLeftOutAsNcursesWould() {
        let painted = Self.paint(Self.word("a", row: 0, column: 0, .init(dim: true, foreground: 3)),
                                 sequences: Self.sequences(dim: false, colors: false))
        #expect(painted == "<0,0>a<0>")
    }
}
