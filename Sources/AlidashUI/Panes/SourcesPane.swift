import AlidashModel

extension PaneID {
    public static let sources = PaneID("sources")
}

/// The bibliography: every source with its id, publisher, date and title; the selected source's full URL
/// (and, opened, all it is) in a box below. What the article got wrong is on the Article check pane.
public struct SourcesPane: ListPane {
    public internal(set) var list = FilteredList()
    public var filter: String { list.filter }
    /// The layout for the last area and state (see `layout`).
    var kept = KeptLayout<Layout>()

    public init() {}

    public mutating func layout(area: Rect, context: RenderContext) { measureLayout(area: area, context: context) }
    public mutating func handle(_ action: Action, context: RenderContext) -> Bool { handleListAction(action, context: context) }
    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool { clickList(x: x, y: y, context: context) }

    func measure(area: Rect, context: RenderContext) -> Layout { Layout(pane: self, area: area, context: context) }

    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        let selectedID = list.selectedEntry(total: old.data.sources.count).map { old.data.sources[$0].id }
        let sources = new.data.sources
        let filter = list.filter
        list.reload(selectedID: selectedID, total: sources.count, id: { sources[$0].id },
                    keeps: { SourcesPane.matches(sources[$0], filter: filter) })
    }

    public mutating func setFilter(_ text: String, context: RenderContext) {
        let sources = context.data.sources
        list.setFilter(text, total: sources.count) { SourcesPane.matches(sources[$0], filter: text) }
    }

    private static func matches(_ source: Source, filter: String) -> Bool {
        filterMatches(filter, [source.id, source.title, source.publisher, source.url, source.date?.description ?? ""])
    }

    /// A source takes one row; the heading and the column titles stay above the list while it scrolls.
    private static func height(_ position: Int, _ atTop: Bool) -> Int { 1 }

    // MARK: - Keys and mouse

    func entryCount(_ context: RenderContext) -> Int { context.data.sources.count }

    func entryID(_ index: Int, context: RenderContext) -> String { context.data.sources[index].id }

    func heights(_ context: RenderContext) -> FilteredList.Height { SourcesPane.height }

    func isEntryRow(_ row: Int, of shown: FilteredList.Visible, context: RenderContext) -> Bool { true }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let sources = context.data.sources
        let layout = currentLayout(area: area, context: context)
        let content = layout.list.inset(horizontal: 1, vertical: 0).splitLeft(layout.list.width.saturatingSubtract(3)).left
        let header = layout.header.inset(horizontal: 1, vertical: 0).splitLeft(layout.header.width.saturatingSubtract(3)).left
        for (offset, part) in [Part.heading, .columnHeading].prefix(layout.header.height).enumerated() {
            drawRow(part, y: layout.header.y + offset, area: header, context: context, into: &buffer)
        }
        for shown in list.visible(total: sources.count, rows: layout.list.height, height: SourcesPane.height) {
            drawRow(.source(shown.position), y: layout.list.y + shown.row, area: content, context: context, into: &buffer)
        }
        let hidden = list.hidden(total: sources.count, rows: layout.list.height, height: SourcesPane.height)
        ScrollMarks.draw(into: &buffer, area: layout.list, moreAbove: hidden.above, moreBelow: hidden.below,
                         glyphs: context.glyphs)
        if let detail = layout.detail, let panel = detailPanel(width: detail.width, context: context) {
            panel.render(into: &buffer, area: detail, context: context)
        }
        let url = list.selectedEntry(total: sources.count).map { sources[$0].url } ?? ""
        for (row, line) in urlLines(width: layout.url.width, context: context).prefix(layout.url.height).enumerated() {
            let cells = buffer.put(line, x: layout.url.x, y: layout.url.y + row, style: Style(.source, underline: true),
                                   clip: layout.url)
            buffer.links.append(Buffer.Link(x: layout.url.x, y: layout.url.y + row, width: cells, url: url))
        }
    }

    private func drawRow(_ part: Part, y: Int, area: Rect, context: RenderContext, into buffer: inout Buffer) {
        let line = Rect(x: area.x, y: y, width: area.width, height: 1)
        let sources = context.data.sources
        switch part {
        case .heading:
            buffer.put(heading(context: context), x: line.x, y: y, style: Style(.title, bold: true), clip: line)
        case .columnHeading:
            let titles = [context.t("Id", "ID"), context.t("Publisher", "Herausgeber"), context.t("Date", "Datum"),
                          context.t("Title", "Titel")]
            var x = line.x
            for (title, width) in zip(titles, columnWidths(line.width, context: context)) where width > 0 {
                buffer.put(TerminalText.pad(title, to: width), x: x, y: y, style: Style(.header), clip: line)
                x += width + 1
            }
        case .source(let position):
            guard let index = list.entry(at: position, total: sources.count) else { return }
            let source = sources[index]
            let selected = position == list.selected
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

    /// The box below the list: the source's title, publisher and date, never cut.
    private func detailPanel(width: Int, context: RenderContext) -> DetailPanel? {
        let sources = context.data.sources
        guard let index = list.selectedEntry(total: sources.count) else { return nil }
        let source = sources[index]
        let room = width.saturatingSubtract(4)
        var lines = TextLines.wrapped(source.title, width: room, style: Style(.value, bold: true))
        lines += TextLines.wrapped(spans: [Span(source.publisher, Style(.label)),
                                           Span(context.glyphs.separator + " " + dateText(source, context: context), Style(.accent))],
                                   width: room)
        return DetailPanel(title: source.id, lines: lines, expanded: list.expanded)
    }

    /// The selected source's URL, below the box and outside its border, so it can be clicked and copied
    /// whole; a URL wider than the window continues on the next row, with nothing else on its rows.
    private func urlLines(width: Int, context: RenderContext) -> [String] {
        let sources = context.data.sources
        guard let index = list.selectedEntry(total: sources.count) else { return [] }
        return TerminalText.wrap(sources[index].url, width: width)
    }

    /// The selected source's URL.
    public func copyText(context: RenderContext) -> String? {
        list.selectedEntry(total: context.data.sources.count).map { context.data.sources[$0].url }
    }

    // MARK: - Print

    /// Every source with its id, title, publisher, date and URL.
    public func printDocument(width: Int, context: RenderContext) -> PrintDocument {
        let sources = context.data.sources
        var document = PrintDocument()
        document.heading(heading(context: context), level: 1)
        for source in sources {
            document.heading(source.id + " " + context.glyphs.separator + " " + source.title, level: 3)
            document.lines(TextLines.wrapped(source.publisher + " " + context.glyphs.separator + " "
                                             + dateText(source, context: context), width: width))
            document.link(source.url)
        }
        return document
    }

    private func dateText(_ source: Source, context: RenderContext) -> String {
        source.date.map(context.formatter.date) ?? context.t("no date", "ohne Datum")
    }

    private func heading(context: RenderContext) -> String {
        let sources = context.data.sources
        let shown = list.count(of: sources.count)
        let count = list.matches == nil ? context.count(sources.count)
            : context.t("\(context.count(shown)) of \(context.count(sources.count))", "\(context.count(shown)) von \(context.count(sources.count))")
        return context.t("Sources", "Quellen") + " (\(count))"
    }

    // MARK: - Layout

    /// The heading and column titles, the list below them, the detail box below that and the URL under
    /// the box; collapsed, the box keeps one height so the list stays put.
    struct Layout: ListPaneLayout {
        var area: Rect
        var header: Rect
        var list: Rect
        var detail: Rect?
        var url: Rect

        init(pane: SourcesPane, area: Rect, context: RenderContext) {
            self.area = area
            let total = context.data.sources.count
            let (header, rest) = area.splitTop(area.height >= 4 ? 2 : 0)
            self.header = header
            // The URL needs a row at least, but never more than a third of the pane.
            let urlRows = min(pane.urlLines(width: area.width, context: context).count, max(1, rest.height / 3))
            let natural = pane.detailPanel(width: area.width, context: context)?.naturalHeight ?? 0
            let height = pane.list.detailHeight(natural: natural, available: rest.height.saturatingSubtract(urlRows),
                                                collapsedRows: 5)
            let rows = pane.list.rowsNeeded(total: total, limit: rest.height.saturatingSubtract(height + urlRows),
                                            height: SourcesPane.height)
            let (top, below) = rest.splitTop(rows)
            list = top
            let (box, under) = below.splitTop(height)
            detail = height > 0 ? box : nil
            url = under.splitTop(urlRows).top
        }
    }
}

/// What a row of the list shows.
private enum Part: Equatable {
    case heading, columnHeading
    case source(Int)
}
