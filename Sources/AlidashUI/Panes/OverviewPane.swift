import AlidashModel

/// The story at a glance: headline cards, each figure with its source, and where the article was wrong.
extension PaneID {
    public static let overview = PaneID("overview")
}

public struct OverviewPane: PaneModel {
    public private(set) var scroll = 0
    /// The content laid out for the last area and the view's height (see `layout`): measuring needs the
    /// whole layout, so it is kept for drawing rather than done twice.
    private var measured: (key: LayoutKey, content: Content, viewHeight: Int)?

    public init() {}

    public mutating func layout(area: Rect, context: RenderContext) {
        let key = context.layoutKey(area)
        guard measured?.key != key || measured?.content.complete == false && !context.firstFrameOnly else { return }
        // For the first frame, the cards only as far as the view reaches (about 1 ms of the start).
        let content = OverviewPane.content(width: area.width, context: context,
                                           rows: context.firstFrameOnly ? scroll.saturatingAdd(area.height) : nil)
        measured = (key, content, OverviewPane.viewHeight(of: content, area: area))
    }

    /// Rows that show content: all of `area`, or all but the last row when that row is needed for
    /// the "more lines" hint (a hint never covers text).
    private static func viewHeight(of content: Content, area: Rect) -> Int {
        !content.complete || content.height > area.height ? area.height.saturatingSubtract(1) : area.height
    }

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        guard let (_, content, view) = measured, content.complete else { return false }
        guard let next = TextScroll.offset(after: action, from: scroll, maxOffset: content.height.saturatingSubtract(view),
                                           pageSize: view - 1) else { return false }
        defer { scroll = next }
        return next != scroll
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let content = measured.flatMap { $0.key == context.layoutKey(area) ? $0.content : nil }
            ?? OverviewPane.content(width: area.width, context: context)
        let view = OverviewPane.viewHeight(of: content, area: area)
        let offset = min(scroll, content.height.saturatingSubtract(view))
        // Only the rows in view are drawn.
        var window = Buffer(width: area.width, height: min(view, content.height))
        OverviewPane.draw(content, into: &window, top: offset, context: context)
        buffer.blit(window, sourceRow: 0, into: Rect(x: area.x, y: area.y, width: area.width, height: view))
        guard view < area.height else { return }
        // Say where the view is and how much is left, as pagers do, on a row of its own.
        let hidden = content.height.saturatingSubtract(offset + view)
        var hint = " " + (offset > 0 ? context.glyphs.up + " " : "")
        if !content.complete {
            // Until the rest is laid out (right after the first frame) the count is not known.
            hint += context.glyphs.down + " " + context.t("more lines · j/k scroll", "weitere Zeilen · j/k blättern")
        } else {
            hint += hidden > 0
                ? context.glyphs.down + " " + context.t("\(hidden) more lines · j/k scroll", "\(hidden) weitere Zeilen · j/k blättern")
                : context.t("end · k scrolls back", "Ende · k blättert zurück")
        }
        buffer.put(hint, x: area.x, y: area.maxY - 1, style: Style(.accent), clip: area)
    }

    // MARK: - Print

    /// The story, then every card with all its figures and errata.
    public func printDocument(width: Int, context: RenderContext) -> PrintDocument {
        var document = PrintDocument()
        document.heading(PaneID.overview.title(context.language), level: 1)
        document.lines(OverviewPane.storyLines(width: width, context: context))
        for card in context.data.overview.cards {
            document.heading(context.text(card.title), level: 2)
            document.lines(OverviewPane.cardLines(card, width: width, context: context))
        }
        return document
    }

    private static func storyLines(width: Int, context: RenderContext) -> [StyledLine] {
        let overview = context.data.overview
        return TextLines.wrapped(spans: [Span(context.text(overview.story)),
                                         Span(context.cite(overview.storySources), Style(.source))], width: width)
    }

    // MARK: - Layout

    private static func columnCount(width: Int) -> Int {
        width >= 150 ? 3 : (width >= 100 ? 2 : 1)
    }

    private static func cardLines(_ card: OverviewCard, width: Int, context: RenderContext) -> [StyledLine] {
        var lines: [StyledLine] = []
        for reference in card.figures {
            guard let figure = context.data.resolve(reference) else { continue }
            lines += FigureLines.lines(for: figure, width: width, context: context)
        }
        for id in card.errata ?? [] {
            guard let erratum = context.data.erratum(id: id) else { continue }
            lines += FigureLines.lines(for: erratum, width: width, context: context)
        }
        return lines
    }

    /// One line per card with its headline figure: the headline numbers before any scrolling. What the
    /// figure is (its label, and where the article printed another number) follows on the line, or on a
    /// line of its own below when it does not fit, so every figure says what it is at any width.
    private static func glanceLines(width: Int, context: RenderContext) -> [StyledLine] {
        let cards = context.data.overview.cards
        // Whole titles where they fit; very narrow windows shorten them.
        let titleLimit = width >= 70 ? 26 : 12
        let titleWidth = min(titleLimit, cards.map { TerminalText.width(of: context.text($0.title)) }.max() ?? 0)
        let ellipsis = context.glyphs.ellipsis
        return cards.flatMap { card -> [StyledLine] in
            guard let figure = card.headlineFigure.flatMap({ context.data.resolve($0) })
                    ?? card.figures.lazy.compactMap({ context.data.resolve($0) }).first else { return [] }
            // Words may be shortened, and a second amount dropped, so the source ids never fall off the line.
            let reserved = titleWidth + 2 + 3 + TerminalText.width(of: context.cite(figure.sources))
                + (context.confidenceSpan(figure.confidence).map { TerminalText.width(of: $0.text) } ?? 0)
            var value: String
            if figure.quantities.isEmpty {
                value = TerminalText.truncate(context.text(figure.text ?? figure.label), to: max(8, width - reserved),
                                              ellipsis: ellipsis)
            } else {
                value = figure.quantities.enumerated()
                    .map { context.formatter.quantity($0.element) + figure.ownMark(ofQuantityAt: $0.offset) }
                    .joined(separator: " \(context.glyphs.separator) ")
                if TerminalText.width(of: value) > width - reserved, let first = figure.quantities.first {
                    value = context.formatter.quantity(first) + figure.ownMark(ofQuantityAt: 0)
                }
            }
            let title = TerminalText.truncate(context.text(card.title), to: titleWidth, ellipsis: ellipsis)
            var line: StyledLine = [Span(TerminalText.pad(title, to: titleWidth) + "  ", Style(.label)),
                                    Span(value, Style(.value, bold: true))]
            if let mark = context.confidenceSpan(figure.confidence) { line.append(mark) }
            line.append(Span(" " + context.cite(figure.sources), Style(.source)))
            // What the figure is, and where the article printed a different number in the same unit.
            var about: [Span] = []
            if !figure.quantities.isEmpty { about.append(Span(context.text(figure.label), Style(.dim))) }
            for erratum in (card.errata ?? []).compactMap(context.data.erratum(id:)) {
                guard let said = erratum.articleSaid, !figure.quantities.contains(said),
                      figure.quantities.contains(where: { $0.unit == said.unit }) else { continue }
                about.append(Span(context.t("≠ article: ", "≠ Artikel: ") + context.formatter.quantity(said), Style(.warning)))
            }
            guard !about.isEmpty else { return [line] }
            let used = line.reduce(0) { $0 + TerminalText.width(of: $1.text) }
            let aboutWidth = about.reduce(0) { $0 + 2 + TerminalText.width(of: $1.text) }
            if used + aboutWidth <= width {
                return [line + about.map { Span("  " + $0.text, $0.style) }]
            }
            let indent = String(repeating: " ", count: titleWidth + 2)
            return [line] + TextLines.wrapped(spans: about, width: width, indent: indent + "  ", firstIndent: indent)
        }
    }

    /// What the pane shows for `width` cells, measured but not drawn: the glance lines and story, then
    /// the cards in rows, each row as tall as its tallest card.
    private struct Content {
        var width: Int
        var story: [StyledLine]
        var columns: Int
        var cardWidth: Int
        var cards: [(card: OverviewCard, lines: [StyledLine])]
        var rowHeights: [Int]
        /// False when the cards below the first frame's view are still to be laid out.
        var complete = true

        var header: Int { story.count + 1 }
        var height: Int { width > 4 ? header + rowHeights.reduce(0, +) : 0 }
    }

    /// The whole content, or with `rows`, the cards only until that many rows are laid out.
    private static func content(width: Int, context: RenderContext, rows: Int? = nil) -> Content {
        guard width > 4 else { return Content(width: width, story: [], columns: 1, cardWidth: 0, cards: [], rowHeights: []) }
        let glance = glanceLines(width: width - 2, context: context)
        let overview = context.data.overview
        let story = glance + [[]] + storyLines(width: width - 2, context: context)
        let columns = OverviewPane.columnCount(width: width)
        let cardWidth = (width - (columns - 1)) / columns
        var cards: [(card: OverviewCard, lines: [StyledLine])] = []
        var rowHeights: [Int] = []
        var complete = true
        var laidOut = story.count + 1
        for start in stride(from: 0, to: overview.cards.count, by: columns) {
            if let rows, laidOut >= rows {
                complete = false
                break
            }
            let row = overview.cards[start..<min(overview.cards.count, start + columns)].map { card in
                (card: card, lines: cardLines(card, width: cardWidth - 4, context: context))
            }
            cards += row
            let height = (row.map(\.lines.count).max() ?? 0) + 2
            rowHeights.append(height)
            laidOut += height
        }
        return Content(width: width, story: story, columns: columns, cardWidth: cardWidth, cards: cards, rowHeights: rowHeights,
                       complete: complete)
    }

    /// Draws the content from its row `top` on: the buffer's first row shows that row, and whatever
    /// falls outside the buffer is clipped by it.
    private static func draw(_ content: Content, into canvas: inout Buffer, top: Int, context: RenderContext) {
        guard content.height > 0, canvas.height > 0 else { return }
        for (index, line) in content.story.enumerated() where index >= top && index - top < canvas.height {
            TextLines.draw(line, into: &canvas, x: 1, y: index - top, area: canvas.area)
        }
        var y = content.header - top
        for (rowIndex, height) in content.rowHeights.enumerated() {
            defer { y += height }
            guard y + height > 0, y < canvas.height else { continue }
            if y >= 0 {
                drawCards(row: rowIndex, of: content, into: &canvas, y: y, height: height, context: context)
            } else {
                // Rectangles cannot start above the buffer: the row cut by the top edge is drawn whole
                // on its own and its lower part copied in.
                var whole = Buffer(width: canvas.width, height: height)
                drawCards(row: rowIndex, of: content, into: &whole, y: 0, height: height, context: context)
                canvas.blit(whole, sourceRow: -y, into: Rect(x: 0, y: 0, width: canvas.width, height: height + y))
            }
        }
    }

    private static func drawCards(row rowIndex: Int, of content: Content, into canvas: inout Buffer, y: Int, height: Int,
                                  context: RenderContext) {
        for column in 0..<content.columns {
            let index = rowIndex * content.columns + column
            guard index < content.cards.count else { break }
            let (card, lines) = content.cards[index]
            let box = Rect(x: column * (content.cardWidth + 1), y: y, width: content.cardWidth, height: height)
            let inner = Block(title: context.text(card.title)).render(into: &canvas, area: box, glyphs: context.glyphs)
            TextLines.drawScrolled(lines, offset: 0, into: &canvas, area: inner.inset(horizontal: 1, vertical: 0))
        }
    }
}
