extension TextLines {
    /// Word-wraps styled spans to `width` cells, each word keeping its span's style. The first line starts
    /// with `firstIndent`, the lines after it with `indent` (a hanging indent). Over-long words are cut by `wrap`.
    public static func wrapped(spans: StyledLine, width: Int, indent: String = "", firstIndent: String = "") -> [StyledLine] {
        let room = width.saturatingSubtract(TerminalText.width(of: indent))
        guard room > 0 else { return [] }
        var lines: [StyledLine] = []
        var line: StyledLine = []
        var used = 0
        var hasWords = false
        func begin(with prefix: String) {
            line = prefix.isEmpty ? [] : [Span(prefix)]
            used = TerminalText.width(of: prefix)
            hasWords = false
        }
        begin(with: firstIndent)
        for span in spans {
            for word in TerminalText.words(span.text, maxWidth: room) {
                for piece in TerminalText.wrap(word, width: room) {
                    let pieceWidth = TerminalText.width(of: piece)
                    if hasWords, used + 1 + pieceWidth > width {
                        lines.append(line)
                        begin(with: indent)
                    }
                    line.append(Span((hasWords ? " " : "") + piece, span.style))
                    used += (hasWords ? 1 : 0) + pieceWidth
                    hasWords = true
                }
            }
        }
        if hasWords { lines.append(line) }
        return lines
    }
}
