import AlidashModel

/// What the article got wrong (errata first), then every source with its id; the selected entry's
/// details, with a source's full URL, in a box below. One list: errata, then sources.
extension PaneID {
    public static let sources = PaneID("sources")
}

public struct SourcesPane: PaneModel {
    /// One list over the errata and then the sources: entry `i` is erratum `i`, then source `i - errata.count`.
    public private(set) var list = FilteredList()
    public var filter: String { list.filter }
    /// The layout for the last area and state, measured in `layout`.
    private var measured: (key: LayoutKey, list: FilteredList, layout: Layout)?

    public init() {}

    public mutating func layout(area: Rect, context: RenderContext) {
        let key = context.layoutKey(area)
        guard measured?.key != key || measured?.list != list else { return }
        measured = (key, list, Layout(pane: self, area: area, context: context))
    }

    private func currentLayout(area: Rect, context: RenderContext) -> Layout {
        if let measured, measured.key == context.layoutKey(area), measured.list == list { return measured.layout }
        return Layout(pane: self, area: area, context: context)
    }

    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        let selectedID = list.selectedEntry(total: Entries(old.data).count).map { Entries(old.data).id(of: $0) }
        let entries = Entries(new.data)
        let filter = list.filter
        list.reload(selectedID: selectedID, total: entries.count, id: entries.id(of:),
                    keeps: { entries.matches($0, filter: filter) })
    }

    public mutating func setFilter(_ text: String, context: RenderContext) {
        let entries = Entries(context.data)
        list.setFilter(text, total: entries.count) { entries.matches($0, filter: text) }
    }

    /// Rows an entry takes: an erratum two, a source one, and the first of each section its headings too.
    private func heights(_ entries: Entries) -> FilteredList.Height {
        let list = self.list
        return { position, _ in
            Self.rows(at: position, list: list, entries: entries).count
        }
    }

    /// What each row of the entry at `position` shows.
    private static func rows(at position: Int, list: FilteredList, entries: Entries) -> [Part] {
        guard let index = list.entry(at: position, total: entries.count) else { return [] }
        let previous = list.entry(at: position - 1, total: entries.count)
        if entries.isErratum(index) {
            return (previous == nil ? [.errataHeading] : []) + [.quote(index), .correction(index)]
        }
        // The errata heading stays when the filter kept no erratum, so "0 of 10" says so.
        let opensSection = previous.map(entries.isErratum) ?? true
        return (previous == nil ? [.errataHeading] : []) + (opensSection ? [.gap, .sourcesHeading, .columnHeading] : [])
            + [.source(index)]
    }

    /// The rows of a list the filter emptied.
    private static let emptyRows: [Part] = [.errataHeading, .gap, .sourcesHeading, .columnHeading]

    // MARK: - Keys and mouse

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        guard let layout = measured?.layout else { return false }
        let entries = Entries(context.data)
        guard list.apply(action, total: entries.count, rows: layout.list.height, height: heights(entries)) else { return false }
        let after = Layout(pane: self, area: layout.area, context: context)
        list.follow(total: entries.count, rows: after.list.height, height: heights(entries))
        return true
    }

    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool {
        guard let layout = measured?.layout, layout.list.contains(x: x, y: y) else { return false }
        let entries = Entries(context.data)
        let rows = layout.list.height
        let row = y - layout.list.y
        guard let shown = list.visible(total: entries.count, rows: rows, height: heights(entries))
            .first(where: { row >= $0.row && row < $0.row + $0.height }) else { return false }
        // A heading is not an entry.
        switch Self.rows(at: shown.position, list: list, entries: entries)[safe: row - shown.row] {
        case .quote, .correction, .source: break
        default: return false
        }
        list.select(shown.position, count: list.count(of: entries.count))
        list.follow(total: entries.count, rows: rows, height: heights(entries))
        return true
    }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let entries = Entries(context.data)
        let layout = currentLayout(area: area, context: context)
        let content = layout.list.inset(horizontal: 1, vertical: 0).splitLeft(layout.list.width.saturatingSubtract(3)).left
        let heights = heights(entries)
        if list.count(of: entries.count) == 0 { // nothing matched: the headings say "0 of …"
            for (offset, part) in Self.emptyRows.prefix(layout.list.height).enumerated() {
                drawRow(part, selected: false, entries: entries, y: layout.list.y + offset, area: content, context: context,
                        into: &buffer)
            }
        }
        for shown in list.visible(total: entries.count, rows: layout.list.height, height: heights) {
            let parts = Self.rows(at: shown.position, list: list, entries: entries)
            for (offset, part) in parts.prefix(shown.height).enumerated() {
                drawRow(part, selected: shown.position == list.selected, entries: entries,
                        y: layout.list.y + shown.row + offset, area: content, context: context, into: &buffer)
            }
        }
        let hidden = list.hidden(total: entries.count, rows: layout.list.height, height: heights)
        ScrollMarks.draw(into: &buffer, area: layout.list, moreAbove: hidden.above, moreBelow: hidden.below,
                         glyphs: context.glyphs)
        if let detail = layout.detail, let panel = detailPanel(entries: entries, width: detail.width, context: context) {
            panel.render(into: &buffer, area: detail, context: context)
        }
    }

    private func drawRow(_ part: Part, selected: Bool, entries: Entries, y: Int, area: Rect, context: RenderContext,
                         into buffer: inout Buffer) {
        let line = Rect(x: area.x, y: y, width: area.width, height: 1)
        let shownErrata = list.shownCount(below: entries.errata.count, total: entries.count)
        switch part {
        case .errataHeading:
            let all = entries.errata.count
            let count = list.matches == nil ? "\(all)" : context.t("\(shownErrata) of \(all)", "\(shownErrata) von \(all)")
            buffer.put(context.t("What the article got wrong", "Was der Artikel falsch hat") + " (\(count))",
                       x: line.x, y: y, style: Style(.title, bold: true), clip: line)
        case .sourcesHeading:
            let all = entries.sources.count
            let shown = list.count(of: entries.count) - shownErrata
            let count = list.matches == nil ? "\(all)" : context.t("\(shown) of \(all)", "\(shown) von \(all)")
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
        case .quote(let index), .correction(let index):
            let erratum = entries.errata[index]
            if selected { buffer.fill(line, style: Style(.selection)) }
            let spans = part == .correction(index) ? correctionLine(erratum, width: line.width, context: context)
                : quoteLine(erratum, width: line.width, context: context)
            TextLines.draw(selected ? spans.map { Span($0.text, Style(.selection, bold: $0.style.bold)) } : spans,
                           into: &buffer, x: line.x, y: y, area: line)
        case .source(let index):
            let source = entries.sources[index - entries.errata.count]
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
        guard let index = list.selectedEntry(total: entries.count) else { return nil }
        if entries.isErratum(index) {
            let erratum = entries.errata[index]
            var lines: [StyledLine] = []
            if list.expanded {
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
            if list.expanded {
                lines += sourceLines(erratum.sources, width: room, context: context)
            }
            return DetailPanel(title: erratum.id + " " + context.t("correction", "Korrektur"), lines: lines)
        } else {
            let source = entries.sources[index - entries.errata.count]
            var lines: [StyledLine] = []
            if list.expanded {
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
    private struct Layout: Sendable {
        var area: Rect
        var list: Rect
        var detail: Rect?

        init(pane: SourcesPane, area: Rect, context: RenderContext) {
            self.area = area
            let entries = Entries(context.data)
            let natural = pane.detailPanel(entries: entries, width: area.width, context: context)?.naturalHeight ?? 0
            let height = pane.list.detailHeight(natural: natural, available: area.height, collapsedRows: 6)
            let rows = pane.list.count(of: entries.count) == 0 ? min(SourcesPane.emptyRows.count, area.height)
                : pane.list.rowsNeeded(total: entries.count, limit: area.height.saturatingSubtract(height),
                                       height: pane.heights(entries))
            let (top, below) = area.splitTop(rows)
            list = top
            detail = height > 0 ? below.splitTop(height).top : nil
        }
    }
}

/// What a row of the list shows: a heading, or part of an entry (by its index over errata, then sources).
private enum Part: Equatable {
    case errataHeading, gap, sourcesHeading, columnHeading
    case quote(Int), correction(Int)
    case source(Int)
}

/// The errata, then the sources, as one run of entries.
private struct Entries {
    var errata: [Erratum]
    var sources: [Source]

    init(_ data: DataSet) {
        errata = data.errata
        sources = data.sources
    }

    var count: Int { errata.count + sources.count }

    func isErratum(_ index: Int) -> Bool { index < errata.count }

    func id(of index: Int) -> String { isErratum(index) ? errata[index].id : sources[index - errata.count].id }

    func matches(_ index: Int, filter: String) -> Bool {
        if isErratum(index) {
            let erratum = errata[index]
            let texts = [erratum.problem, erratum.correction].flatMap { [$0.english, $0.german ?? ""] }
            return filterMatches(filter, [erratum.id, erratum.quote] + texts + erratum.sources)
        }
        let source = sources[index - errata.count]
        return filterMatches(filter, [source.id, source.title, source.publisher, source.url, source.date?.description ?? ""])
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
