import AlidashModel

/// Lines that show a sourced figure: its label, its amounts, how sure it is, and its sources.
public enum FigureLines {
    public static func lines(for figure: Figure, width: Int, context: RenderContext) -> [StyledLine] {
        let formatter = context.formatter
        // A fact's date follows its label ("Official inauguration · 8 Nov 2021"); periods of revenue
        // figures are already in their labels.
        var label = context.text(figure.label)
        // …unless the label already names that year ("3P share (2018)").
        if case .fact = figure.reference, let date = figure.date,
           date.day != nil || !TerminalText.includes(label, String(date.year)) {
            label += " \(context.glyphs.separator) " + context.formatter.date(date)
                + (figure.dateConfidence == .unverified ? " (" + context.t("date unverified", "Datum unbestätigt") + ")" : "")
        }
        var lines: [StyledLine] = TextLines.wrapped(label, width: width, style: Style(.label))
        var valueLine: StyledLine = [Span("  ")]
        let amounts = figure.quantities.enumerated()
            .map { formatter.quantity($0.element) + figure.ownMark(ofQuantityAt: $0.offset) }
            .joined(separator: " \(context.glyphs.separator) ")
        if !amounts.isEmpty {
            valueLine.append(Span(amounts, Style(.value, bold: true)))
        }
        if let mark = context.confidenceSpan(figure.confidence) { valueLine.append(mark) }
        valueLine.append(Span(" " + context.cite(figure.sources), Style(.source)))
        if amounts.isEmpty, let text = figure.text {
            lines += wrappedWithCitation(context.text(text), style: Style(.value), tail: Array(valueLine.dropFirst()),
                                         width: width)
        } else {
            lines.append(valueLine)
        }
        return lines
    }

    /// A figure as one line of plain text for the clipboard: label, amounts with their marks, the
    /// confidence in words where it is not plain verified, and the source ids.
    public static func plainText(for figure: Figure, context: RenderContext) -> String {
        let amounts = figure.quantities.enumerated()
            .map { context.formatter.quantity($0.element) + figure.ownMark(ofQuantityAt: $0.offset) }
        let value = amounts.first.map { $0 + (amounts.count > 1 ? " (" + amounts.dropFirst().joined(separator: ", ") + ")" : "") }
        var text = context.text(figure.label) + ": " + (value ?? context.text(figure.text ?? figure.label))
        let tag = context.confidenceTag(figure.confidence)
        if !tag.isEmpty { text += " (" + tag + ")" }
        return text + " " + context.cite(figure.sources)
    }

    /// What the article said and the corrected statement.
    public static func lines(for erratum: Erratum, width: Int, context: RenderContext) -> [StyledLine] {
        var lines = TextLines.wrapped(context.t("Article: ", "Artikel: ") + "„" + erratum.quote + "“",
                                      width: width, style: Style(.warning))
        lines += wrappedWithCitation(context.text(erratum.correction), style: Style(.normal),
                                     tail: [Span(" " + context.cite(erratum.sources), Style(.source))], width: width)
        return lines
    }

    /// Wraps `text` indented by two cells and puts `tail` (marks and sources) after its last line,
    /// or on a line of its own when it does not fit there.
    static func wrappedWithCitation(_ text: String, style: Style, tail: [Span], width: Int) -> [StyledLine] {
        var lines = TextLines.wrapped(text, width: width, style: style, indent: "  ")
        let tailWidth = tail.reduce(0) { $0 + TerminalText.width(of: $1.text) }
        if let last = lines.last, last.reduce(0, { $0 + TerminalText.width(of: $1.text) }) + tailWidth <= width {
            lines[lines.count - 1] = last + tail
        } else {
            lines.append([Span(" ")] + tail)
        }
        return lines
    }
}
