import AlidashModel

/// What the article got wrong (errata first), then every source with its id; the selected entry's
/// details, with a source's full URL, in a box below. One list: errata, then sources.
extension PaneID {
    public static let sources = PaneID("sources")
}

public struct SourcesPane: PaneModel {
    public private(set) var selection = ExpandableList()
    public private(set) var filter = ""
    /// Indices of the errata and sources the filter kept; nil when nothing is filtered.
    private var matches: (errata: [Int], sources: [Int])?

    public init() {}

    /// The pane's area, from the last `layout`.
    private var area = Rect.zero

    public mutating func layout(area: Rect, context: RenderContext) { self.area = area }

    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        let selectedID = Entries(matches: matches, data: old.data).entry(at: selection.list.selected).map { entry in
            switch entry {
            case .erratum(let index): return old.data.errata[index].id
            case .source(let index): return old.data.sources[index].id
            }
        }
        setFilter(filter, context: new)
        let entries = Entries(matches: matches, data: new.data)
        let position = (0..<entries.count).first { position in
            switch entries.entry(at: position) {
            case .erratum(let index): return new.data.errata[index].id == selectedID
            case .source(let index): return new.data.sources[index].id == selectedID
            case nil: return false
            }
        }
        if let position { selection.list = ListState(selected: position) }
    }

    public mutating func setFilter(_ text: String, context: RenderContext) {
        let before = Entries(matches: matches, data: context.data).entry(at: selection.list.selected)
        filter = text
        if text.trimmingSpaces().isEmpty {
            matches = nil
        } else {
            let errata = context.data.errata, sources = context.data.sources
            matches = (errata.indices.filter { SourcesPane.matches(errata[$0], filter: text) },
                       sources.indices.filter { SourcesPane.matches(sources[$0], filter: text) })
        }
        let entries = Entries(matches: matches, data: context.data)
        let kept = before.flatMap { entry in (0..<entries.count).first { entries.entry(at: $0) == entry } }
        selection.list = ListState(selected: kept ?? 0)
    }

    private static func matches(_ erratum: Erratum, filter: String) -> Bool {
        let texts = [erratum.problem, erratum.correction].flatMap { [$0.english, $0.german ?? ""] }
        return filterMatches(filter, [erratum.id, erratum.quote] + texts + erratum.sources)
    }

    private static func matches(_ source: Source, filter: String) -> Bool {
        filterMatches(filter, [source.id, source.title, source.publisher, source.url, source.date?.description ?? ""])
    }

    // MARK: - Keys and mouse

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        let entries = Entries(matches: matches, data: context.data)
        let pageSize = max(1, Layout(pane: self, area: area, context: context).list.height - 1)
        guard selection.apply(action, count: entries.count, pageSize: pageSize) else { return false }
        let layout = Layout(pane: self, area: area, context: context)
        selection.list.offset = firstRow(entries: entries, height: layout.list.height)
        return true
    }

    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool {
        let entries = Entries(matches: matches, data: context.data)
        let layout = Layout(pane: self, area: area, context: context)
        guard layout.list.contains(x: x, y: y),
              let position = entries.position(atRow: firstRow(entries: entries, height: layout.list.height) + y - layout.list.y)
        else { return false }
        selection.list.select(position, count: entries.count)
        selection.list.offset = firstRow(entries: entries, height: layout.list.height)
        return true
    }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let entries = Entries(matches: matches, data: context.data)
        let layout = Layout(pane: self, area: area, context: context)
        let content = layout.list.inset(horizontal: 1, vertical: 0).splitLeft(layout.list.width.saturatingSubtract(3)).left
        let first = firstRow(entries: entries, height: layout.list.height)
        for index in 0..<layout.list.height {
            let row = first + index
            guard row < entries.rowCount else { break }
            drawRow(row, entries: entries, y: layout.list.y + index, area: content, context: context, into: &buffer)
        }
        ScrollMarks.draw(into: &buffer, area: layout.list, moreAbove: first > 0,
                         moreBelow: first + layout.list.height < entries.rowCount, glyphs: context.glyphs)
        if let detail = layout.detail, let panel = detailPanel(entries: entries, width: detail.width, context: context) {
            panel.render(into: &buffer, area: detail, context: context)
        }
    }

    private func drawRow(_ row: Int, entries: Entries, y: Int, area: Rect, context: RenderContext,
                         into buffer: inout Buffer) {
        let line = Rect(x: area.x, y: y, width: area.width, height: 1)
        switch entries.part(ofRow: row) {
        case .errataHeading:
            let count = matches == nil ? "\(entries.errataCount)"
                : context.t("\(entries.errataCount) of \(context.data.errata.count)", "\(entries.errataCount) von \(context.data.errata.count)")
            buffer.put(context.t("What the article got wrong", "Was der Artikel falsch hat") + " (\(count))",
                       x: line.x, y: y, style: Style(.title, bold: true), clip: line)
        case .sourcesHeading:
            let count = matches == nil ? "\(entries.sourceCount)"
                : context.t("\(entries.sourceCount) of \(context.data.sources.count)", "\(entries.sourceCount) von \(context.data.sources.count)")
            buffer.put(context.t("Sources", "Quellen") + " (\(count))", x: line.x, y: y,
                       style: Style(.title, bold: true), clip: line)
        case .columnHeading:
            let titles = [context.t("Id", "ID"), context.t("Publisher", "Herausgeber"), context.t("Date", "Datum"),
                          context.t("Title", "Titel")]
            var x = line.x
            for (title, width) in zip(titles, columnWidths(line.width, context: context)) where width > 0 {
                buffer.put(TerminalText.pad(title, to: width), x: x, y: y, style: Style(.header), clip: line)
                x += width + 1
            }
        case .gap:
            break
        case .erratum(let position, let secondLine):
            guard case .erratum(let index) = entries.entry(at: position) else { return }
            let erratum = context.data.errata[index]
            let selected = position == selection.list.selected
            if selected { buffer.fill(line, style: Style(.selection)) }
            let spans = secondLine ? correctionLine(erratum, width: line.width, context: context)
                : quoteLine(erratum, width: line.width, context: context)
            TextLines.draw(selected ? spans.map { Span($0.text, Style(.selection, bold: $0.style.bold)) } : spans,
                           into: &buffer, x: line.x, y: y, area: line)
        case .source(let position):
            guard case .source(let index) = entries.entry(at: position) else { return }
            let source = context.data.sources[index]
            let selected = position == selection.list.selected
            if selected { buffer.fill(line, style: Style(.selection)) }
            let date = source.date.map(context.formatter.date) ?? "–"
            let cells = [(source.id, Role.source), (source.publisher, .label), (date, .accent), (source.title, .normal)]
            var x = line.x
            for ((text, role), width) in zip(cells, columnWidths(line.width, context: context)) where width > 0 {
                buffer.put(TerminalText.truncate(text, to: width, ellipsis: context.glyphs.ellipsis), x: x, y: y,
                           style: selected ? Style(.selection) : Style(role), clip: line)
                x += width + 1
            }
        }
    }

    private func columnWidths(_ width: Int, context: RenderContext) -> [Int] {
        Table.layout([TableColumn("", width: 5), TableColumn("", width: width >= 100 ? 26 : 18),
                      TableColumn("", width: context.language == .de ? 13 : 11), TableColumn("", width: 10, flexible: true)],
                     total: width)
    }

    /// "E1  „the article's words“  what is wrong".
    private func quoteLine(_ erratum: Erratum, width: Int, context: RenderContext) -> StyledLine {
        let ellipsis = context.glyphs.ellipsis
        let quote = TerminalText.truncate("„" + erratum.quote + "“", to: width.saturatingSubtract(5), ellipsis: ellipsis)
        let problem = context.text(erratum.problem)
        let room = width.saturatingSubtract(5 + TerminalText.width(of: quote) + 2)
        return [Span(TerminalText.pad(erratum.id, to: 5), Style(.source, bold: true)), Span(quote, Style(.warning)),
                Span("  " + TerminalText.truncate(problem, to: room, ellipsis: ellipsis), Style(.dim))]
    }

    /// "     USD 30.7 → USD 30.8 bn · the correction [S31]": what the article said, what is right, the sources.
    private func correctionLine(_ erratum: Erratum, width: Int, context: RenderContext) -> StyledLine {
        var middle: [Span] = []
        if let said = erratum.articleSaid {
            middle.append(Span(context.formatter.quantity(said), Style(.warning)))
            middle.append(Span(" → "))
        } else {
            middle.append(Span("→ "))
        }
        if let corrected = erratum.corrected {
            middle.append(Span(context.formatter.quantity(corrected), Style(.positive, bold: true)))
            middle.append(Span(" \(context.glyphs.separator) "))
        }
        middle.append(Span(context.text(erratum.correction)))
        // The source ids always stay whole at the end; the text between gives way.
        let cite = " " + context.cite(erratum.sources)
        let room = width.saturatingSubtract(5 + TerminalText.width(of: cite))
        return [Span(String(repeating: " ", count: 5))]
            + truncated(middle, to: room, ellipsis: context.glyphs.ellipsis) + [Span(cite, Style(.source))]
    }

    /// The spans cut to `width` cells, the last one kept ending in the ellipsis.
    private func truncated(_ spans: [Span], to width: Int, ellipsis: String) -> [Span] {
        guard spans.reduce(0, { $0 + TerminalText.width(of: $1.text) }) > width else { return spans }
        var result: [Span] = []
        var room = width
        for span in spans {
            let spanWidth = TerminalText.width(of: span.text)
            if spanWidth < room {
                result.append(span)
                room -= spanWidth
            } else {
                // A trailing space forces the ellipsis even when this span alone would just fit.
                result.append(Span(TerminalText.truncate(span.text + " ", to: room, ellipsis: ellipsis), span.style))
                break
            }
        }
        return result
    }

    /// The box below the list: a source's full URL (and, expanded, all it is), or an erratum's correction.
    private func detailPanel(entries: Entries, width: Int, context: RenderContext) -> DetailPanel? {
        let room = width.saturatingSubtract(4)
        let formatter = context.formatter
        switch entries.entry(at: selection.list.selected) {
        case .erratum(let index):
            let erratum = context.data.errata[index]
            var lines: [StyledLine] = []
            if selection.expanded {
                lines += TextLines.wrapped(context.t("Article: ", "Artikel: ") + "„" + erratum.quote + "“", width: room,
                                           style: Style(.warning))
                lines += TextLines.wrapped(context.t("Problem: ", "Fehler: ") + context.text(erratum.problem), width: room)
                if let said = erratum.articleSaid {
                    lines += TextLines.wrapped(context.t("The article said ", "Im Artikel: ") + formatter.quantity(said),
                                               width: room, style: Style(.warning))
                }
                if let corrected = erratum.corrected {
                    lines += TextLines.wrapped(context.t("Right: ", "Richtig: ") + formatter.quantity(corrected),
                                               width: room, style: Style(.positive, bold: true))
                }
            }
            lines += TextLines.wrapped(context.text(erratum.correction), width: room)
            lines.append([Span(context.cite(erratum.sources), Style(.source))])
            if selection.expanded {
                lines += sourceLines(erratum.sources, width: room, context: context)
            }
            return DetailPanel(title: erratum.id + " " + context.t("correction", "Korrektur"), lines: lines)
        case .source(let index):
            let source = context.data.sources[index]
            var lines: [StyledLine] = []
            if selection.expanded {
                lines += TextLines.wrapped(source.title, width: room, style: Style(.value, bold: true))
                lines += TextLines.wrapped(source.publisher, width: room, style: Style(.label))
                lines += TextLines.wrapped(source.date.map(formatter.date) ?? context.t("no date", "ohne Datum"),
                                           width: room, style: Style(.accent))
            }
            // The URL is never cut, only wrapped, so it can be copied whole.
            lines += TerminalText.wrap(source.url, width: room).map { [Span($0, Style(.source, underline: true))] }
            let title = [source.id, source.publisher, source.date.map(formatter.date)].compactMap { $0 }
                .joined(separator: " \(context.glyphs.separator) ")
            return DetailPanel(title: title, lines: lines)
        case nil:
            return nil
        }
    }

    private func sourceLines(_ ids: [String], width: Int, context: RenderContext) -> [StyledLine] {
        ids.flatMap { id -> [StyledLine] in
            guard let source = context.data.source(id: id) else { return [] }
            return TextLines.wrapped(id + " " + source.publisher + ": " + source.title, width: width,
                                     style: Style(.dim), indent: "  ")
        }
    }

    // MARK: - Layout

    /// The list on top and the detail box below it; collapsed, the box keeps one height so the list stays put.
    private struct Layout {
        var list: Rect
        var detail: Rect?

        init(pane: SourcesPane, area: Rect, context: RenderContext) {
            let entries = Entries(matches: pane.matches, data: context.data)
            let natural = pane.detailPanel(entries: entries, width: area.width, context: context)?.naturalHeight ?? 0
            let cap = pane.selection.expanded ? area.height.saturatingSubtract(4) : min(6, area.height / 2)
            var height = natural > 0 ? (pane.selection.expanded ? min(natural, cap) : cap) : 0
            if height < 3 { height = 0 } // a box needs a row inside its borders
            let (top, below) = area.splitTop(min(entries.rowCount, area.height.saturatingSubtract(height)))
            list = top
            detail = height > 0 ? below.splitTop(height).top : nil
        }
    }

    // MARK: - Rows

    /// The first row on screen: the stored one, moved just enough to show all of the selected entry.
    private func firstRow(entries: Entries, height: Int) -> Int {
        guard height > 0, entries.count > 0 else { return 0 }
        let selected = min(selection.list.selected, entries.count - 1)
        let top = entries.firstRow(of: selected)
        let bottom = top + entries.height(of: selected) - 1
        var first = min(selection.list.offset, entries.rowCount.saturatingSubtract(height))
        // Moving up to the first entry of a section also shows the section's headings.
        let headings = selected == 0 ? top : (selected == entries.errataCount ? 3 : 0)
        if top - headings < first { first = max(0, top - headings) }
        if bottom >= first + height { first = bottom - height + 1 }
        return max(0, first)
    }
}

/// The errata and sources the pane lists, and where each sits among the rows (pure arithmetic, so
/// finding a row never walks the list, and an unfiltered list is never copied).
private struct Entries {
    enum Entry: Equatable {
        case erratum(Int)
        case source(Int)
    }

    enum Part {
        case errataHeading, gap, sourcesHeading, columnHeading
        case erratum(position: Int, secondLine: Bool)
        case source(position: Int)
    }

    /// Indices the filter kept; nil for all.
    var errataMatches: [Int]?
    var sourceMatches: [Int]?
    var data: DataSet

    init(matches: (errata: [Int], sources: [Int])?, data: DataSet) {
        errataMatches = matches?.errata
        sourceMatches = matches?.sources
        self.data = data
    }

    var errataCount: Int { errataMatches?.count ?? data.errata.count }
    var sourceCount: Int { sourceMatches?.count ?? data.sources.count }
    var count: Int { errataCount + sourceCount }

    /// A heading, the errata (two rows each), a gap, a heading and column titles, the sources (a row each).
    var rowCount: Int { 4 + 2 * errataCount + sourceCount }

    /// The entry at a list position: an index into the errata or the sources.
    func entry(at position: Int) -> Entry? {
        if position >= 0, position < errataCount {
            let index = errataMatches?[position] ?? position
            return index < data.errata.count ? .erratum(index) : nil
        }
        let offset = position - errataCount
        guard offset >= 0, offset < sourceCount else { return nil }
        let index = sourceMatches?[offset] ?? offset
        return index < data.sources.count ? .source(index) : nil
    }

    func firstRow(of position: Int) -> Int {
        position < errataCount ? 1 + 2 * position : 4 + 2 * errataCount + (position - errataCount)
    }

    func height(of position: Int) -> Int { position < errataCount ? 2 : 1 }

    func part(ofRow row: Int) -> Part {
        let sourcesStart = 4 + 2 * errataCount
        switch row {
        case 0: return .errataHeading
        case 1..<(1 + 2 * errataCount): return .erratum(position: (row - 1) / 2, secondLine: (row - 1) % 2 == 1)
        case sourcesStart - 3: return .gap
        case sourcesStart - 2: return .sourcesHeading
        case sourcesStart - 1: return .columnHeading
        default: return .source(position: errataCount + row - sourcesStart)
        }
    }

    func position(atRow row: Int) -> Int? {
        switch part(ofRow: row) {
        case .erratum(let position, _): return position
        case .source(let position): return position < count ? position : nil
        default: return nil
        }
    }
}
