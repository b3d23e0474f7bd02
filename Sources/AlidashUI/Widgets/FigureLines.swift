import AlidashModel

/// Lines that show a sourced figure: its label, its amounts, how sure it is, and its sources.
public enum FigureLines {
    public static func lines(for figure: Figure, width: Int, context: RenderContext) -> [StyledLine] {
        let formatter = context.formatter
        var lines: [StyledLine] = TextLines.wrapped(context.text(figure.label), width: width, style: Style(.label))
        var valueLine: StyledLine = [Span("  ")]
        let amounts = figure.quantities.map(formatter.quantity).joined(separator: " \(context.glyphs.separator) ")
        if !amounts.isEmpty {
            valueLine.append(Span(amounts, Style(.value, bold: true)))
        }
        let tag = context.confidenceTag(figure.confidence)
        if !tag.isEmpty {
            valueLine.append(Span(" " + figure.confidence.mark + tag,
                                  Style(figure.confidence == .unverified ? .unverified : .dim)))
        }
        valueLine.append(Span(" " + context.cite(figure.sources), Style(.source)))
        if amounts.isEmpty, let text = figure.text {
            lines += TextLines.wrapped(context.text(text), width: width, style: Style(.value), indent: "  ")
            lines.append(valueLine)
        } else {
            lines.append(valueLine)
        }
        return lines
    }

    /// What the article said and the corrected statement.
    public static func lines(for erratum: Erratum, width: Int, context: RenderContext) -> [StyledLine] {
        var lines = TextLines.wrapped(context.t("Article: ", "Artikel: ") + "„" + erratum.quote + "“",
                                      width: width, style: Style(.warning))
        lines += TextLines.wrapped(context.text(erratum.correction) + " " + context.cite(erratum.sources),
                                   width: width, style: Style(.normal), indent: "  ")
        return lines
    }
}
