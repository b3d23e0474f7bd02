import AlidashUI
import Testing

/// Bar lengths, eighth-block ends, the ASCII fallback and degenerate input.
@Suite struct BarChartTests {
    private func cells(_ text: String) -> Int { TerminalText.width(of: text) }

    @Test func halfTheMaximumIsHalfAsLong() {
        let chart = BarChart(maximum: 200, width: 40)
        #expect(chart.bar(for: 200, glyphs: .unicode) == String(repeating: "█", count: 40))
        #expect(chart.bar(for: 100, glyphs: .unicode) == String(repeating: "█", count: 20))
        #expect(chart.steps(for: 100, glyphs: .unicode) * 2 == chart.steps(for: 200, glyphs: .unicode))
        #expect(cells(chart.bar(for: 100, glyphs: .ascii)) == 20)
    }

    @Test func barsEndInEighthBlocks() {
        // 80 units over 10 cells: one unit is one eighth of a cell.
        let chart = BarChart(maximum: 80, width: 10)
        #expect(chart.bar(for: 1, glyphs: .unicode) == "▏")
        #expect(chart.bar(for: 4, glyphs: .unicode) == "▌")
        #expect(chart.bar(for: 13, glyphs: .unicode) == "█▋")
        #expect(chart.bar(for: 23, glyphs: .unicode) == "██▉")
        #expect(chart.steps(for: 13, glyphs: .unicode) == 13)
    }

    @Test func asciiRoundsToWholeCells() {
        let chart = BarChart(maximum: 80, width: 10)
        #expect(chart.bar(for: 13, glyphs: .ascii) == "##")
        #expect(chart.bar(for: 11, glyphs: .ascii) == "#")
        #expect(chart.bar(for: 3, glyphs: .ascii) == "")
    }

    @Test func zeroNegativeAndUnknownValuesDrawNothing() {
        let chart = BarChart(maximum: 50, width: 20)
        #expect(chart.bar(for: 0, glyphs: .unicode) == "")
        #expect(chart.bar(for: -5, glyphs: .unicode) == "")
        #expect(chart.bar(for: .nan, glyphs: .unicode) == "")
        #expect(chart.bar(for: .infinity, glyphs: .unicode) == "")
        // Values above the maximum are capped at the full width.
        #expect(cells(chart.bar(for: 500, glyphs: .unicode)) == 20)
    }

    @Test func emptyDataAndZeroMaximum() {
        let empty = BarChart(values: [], width: 30)
        #expect(empty.maximum == 0)
        #expect(empty.bar(for: 10, glyphs: .unicode) == "")
        let zeros = BarChart(values: [0, 0], width: 30)
        #expect(zeros.bar(for: 0, glyphs: .unicode) == "")
        #expect(BarChart(values: [3, .nan, 7], width: 7).maximum == 7)
    }

    @Test func oneColumnAndNoColumn() {
        let one = BarChart(maximum: 8, width: 1)
        #expect(one.bar(for: 8, glyphs: .unicode) == "█")
        #expect(one.bar(for: 4, glyphs: .unicode) == "▌")
        #expect(one.bar(for: 4, glyphs: .ascii) == "#")
        let none = BarChart(maximum: 8, width: -3)
        #expect(none.width == 0)
        #expect(none.bar(for: 8, glyphs: .unicode) == "")
    }

    @Test func renderStaysInsideClipAndWidth() {
        var buffer = Buffer(width: 12, height: 3, filling: Cell("x"))
        let chart = BarChart(maximum: 10, width: 5)
        let used = chart.render(10, into: &buffer, x: 2, y: 1, style: Style(.barPrimary), glyphs: .unicode,
                                clip: Rect(x: 0, y: 1, width: 5, height: 1))
        #expect(used == 3)
        #expect(buffer.lines == ["xxxxxxxxxxxx", "xx███xxxxxxx", "xxxxxxxxxxxx"])
        #expect(buffer[2, 1].style == Style(.barPrimary))
    }
}
