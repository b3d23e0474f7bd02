import AlidashModel

/// The dated events on a vertical line, with year headings; the selected event's detail and sources in a box.
/// Drawing walks only the rows on screen, so it costs the same for thirty events or thirty thousand.
extension PaneID {
    public static let timeline = PaneID("timeline")
}

public struct TimelinePane: ListPane {
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
        let oldEvents = old.data.timeline.events
        let selectedID = list.selectedEntry(total: oldEvents.count).map { oldEvents[$0].id }
        let events = new.data.timeline.events
        let filter = list.filter
        list.reload(selectedID: selectedID, total: events.count, id: { events[$0].id },
                    keeps: { TimelinePane.matches(events[$0], filter: filter) })
    }

    public mutating func setFilter(_ text: String, context: RenderContext) {
        let events = context.data.timeline.events
        list.setFilter(text, total: events.count) { TimelinePane.matches(events[$0], filter: text) }
    }

    private static func matches(_ event: TimelineEvent, filter: String) -> Bool {
        var fields = [event.title.english, event.title.german ?? "", event.category.rawValue,
                      categoryTag(event.category, language: .en), categoryTag(event.category, language: .de),
                      event.date.description]
        if let detail = event.detail { fields += [detail.english, detail.german ?? ""] }
        return filterMatches(filter, fields + event.sources)
    }

    /// Year headings only where the pane is tall enough to spare their rows; every date names its year anyway.
    static func showsYears(in area: Rect) -> Bool { area.height >= 30 }

    /// Rows an event takes: its own, and with `years` its year's heading above it where the year changes
    /// or at the top.
    private func heights(_ events: [TimelineEvent], years: Bool) -> FilteredList.Height {
        let list = self.list
        guard years else { return { _, _ in 1 } }
        return { position, atTop in
            guard let index = list.entry(at: position, total: events.count) else { return 1 }
            guard !atTop, let previous = list.entry(at: position - 1, total: events.count) else { return 2 }
            return events[previous].date.year == events[index].date.year ? 1 : 2
        }
    }

    // MARK: - Keys and mouse

    func entryCount(_ context: RenderContext) -> Int { context.data.timeline.events.count }

    func entryID(_ index: Int, context: RenderContext) -> String { context.data.timeline.events[index].id }

    func heights(_ context: RenderContext) -> FilteredList.Height {
        heights(context.data.timeline.events, years: kept.layout.map { TimelinePane.showsYears(in: $0.area) } ?? true)
    }

    /// The year heading above an event is not the event.
    func isEntryRow(_ row: Int, of shown: FilteredList.Visible, context: RenderContext) -> Bool { row == shown.height - 1 }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let events = context.data.timeline.events
        let layout = currentLayout(area: area, context: context)
        buffer.put(summary(context: context), x: layout.summary.x + 1, y: layout.summary.y,
                   style: Style(filter.isEmpty ? .label : .accent), clip: layout.summary)
        let content = layout.list.splitLeft(layout.list.width.saturatingSubtract(2)).left // a gap, then the scroll marks
        let heights = heights(events, years: TimelinePane.showsYears(in: area))
        for shown in list.visible(total: events.count, rows: layout.list.height, height: heights) {
            guard let index = list.entry(at: shown.position, total: events.count) else { continue }
            let event = events[index]
            let full = heights(shown.position, shown.row == 0)
            // A heading always comes with its event: a one-row window shows the event, a cut last entry nothing.
            if shown.height < full, shown.row > 0 { continue }
            var y = layout.list.y + shown.row
            if full == 2, shown.height == 2 {
                drawYear(event.date.year, y: y, area: content, context: context, into: &buffer)
                y += 1
            }
            drawEvent(event, selected: shown.position == list.selected, y: y, area: content, context: context, into: &buffer)
        }
        let hidden = list.hidden(total: events.count, rows: layout.list.height, height: heights)
        ScrollMarks.draw(into: &buffer, area: layout.list, moreAbove: hidden.above, moreBelow: hidden.below,
                         glyphs: context.glyphs)
        if let detail = layout.detail, let panel = detailPanel(width: detail.width, context: context) {
            panel.render(into: &buffer, area: detail, context: context)
        }
    }

    private func summary(context: RenderContext) -> String {
        let all = context.data.timeline.events
        let shownCount = list.count(of: all.count)
        guard let start = all.first?.date.year, let end = all.last?.date.year else {
            return context.t("No events", "Keine Ereignisse")
        }
        if filter.isEmpty {
            return context.t("\(context.count(all.count)) events, \(start)–\(end)", "\(context.count(all.count)) Ereignisse, \(start)–\(end)")
        }
        if shownCount == 0 {
            return context.t("No event matches “\(filter)”", "Kein Ereignis passt zu „\(filter)“")
        }
        return context.t("Filter “\(filter)”: \(context.count(shownCount)) of \(context.count(all.count)) events",
                         "Filter „\(filter)“: \(context.count(shownCount)) von \(context.count(all.count)) Ereignissen")
    }

    private func drawYear(_ year: Int, y: Int, area: Rect, context: RenderContext, into buffer: inout Buffer) {
        var x = area.x + 1
        x += buffer.put(String(context.glyphs.vertical), x: x, y: y, style: Style(.border), clip: area)
        x += buffer.put(" \(year) ", x: x, y: y, style: Style(.title, bold: true), clip: area)
        let rule = String(repeating: context.glyphs.horizontal, count: area.maxX.saturatingSubtract(x))
        buffer.put(rule, x: x, y: y, style: Style(.border), clip: area)
    }

    private func drawEvent(_ event: TimelineEvent, selected: Bool, y: Int, area: Rect, context: RenderContext,
                           into buffer: inout Buffer) {
        let row = Rect(x: area.x, y: y, width: area.width, height: 1)
        if selected { buffer.fill(row, style: Style(.selection)) }
        func style(_ role: Role, bold: Bool = false) -> Style { selected ? Style(.selection, bold: bold) : Style(role, bold: bold) }
        let marker = String(selected ? context.glyphs.selectedMarker : context.glyphs.marker)
        let dateWidth = context.language == .de ? 13 : 11
        // An unsure date carries "?" after it; the event itself may still be verified.
        let date = TerminalText.pad(context.formatter.date(event.date) + (event.dateConfidence == .unverified ? "?" : ""),
                                    to: dateWidth)
        // No tag where the title starts with the same word ("Alibaba debuts on the NYSE").
        let categoryTag = TimelinePane.categoryTag(event.category, language: context.language)
        let title = context.text(event.title)
        let tag = TerminalText.pad(title.hasPrefix(categoryTag + " ") ? "" : categoryTag, to: 7)
        var x = row.x + 1
        x += buffer.put(marker, x: x, y: y, style: style(.mapMarker, bold: true), clip: row)
        x += buffer.put(" " + date + "  ", x: x, y: y, style: style(.accent), clip: row)
        x += buffer.put(tag + " ", x: x, y: y, style: style(.label), clip: row)
        let warning = event.confidence == .unverified
            ? " " + event.confidence.mark + " " + context.confidenceTag(event.confidence) : ""
        let titleRoom = row.maxX.saturatingSubtract(x).saturatingSubtract(TerminalText.width(of: warning))
        x += buffer.put(TerminalText.truncate(title, to: titleRoom, ellipsis: context.glyphs.ellipsis),
                        x: x, y: y, style: style(.normal, bold: selected), clip: row)
        buffer.put(warning, x: x, y: y, style: style(.unverified), clip: row)
    }

    /// The detail box: title, text, confidence and sources; expanded, each source's publisher and title too.
    private func detailPanel(width: Int, context: RenderContext) -> DetailPanel? {
        let events = context.data.timeline.events
        guard let index = list.selectedEntry(total: events.count) else { return nil }
        let event = events[index]
        let room = width.saturatingSubtract(4)
        let lines = TextLines.wrapped(context.text(event.title), width: room, style: Style(.value, bold: true))
            + TimelinePane.detailLines(event, width: room, withSources: list.expanded, context: context)
        let count = list.count(of: events.count)
        let position = context.t("\(context.count(list.selected + 1)) of \(context.count(count))",
                                 "\(context.count(list.selected + 1)) von \(context.count(count))")
        let title = [TimelinePane.dateText(event, context: context), TimelinePane.categoryTag(event.category, language: context.language),
                     position].joined(separator: " \(context.glyphs.separator) ")
        return DetailPanel(title: title, lines: lines, expanded: list.expanded)
    }

    private static func dateText(_ event: TimelineEvent, context: RenderContext) -> String {
        context.formatter.date(event.date)
            + (event.dateConfidence == .unverified ? " (" + context.t("date unverified", "Datum unbestätigt") + ")" : "")
    }

    /// An event's text, its confidence and source ids, and with `withSources` each source's publisher and title.
    private static func detailLines(_ event: TimelineEvent, width: Int, withSources: Bool, context: RenderContext) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let detail = event.detail {
            lines += TextLines.wrapped(context.text(detail), width: width)
        }
        var meta: StyledLine = []
        if var mark = context.confidenceSpan(event.confidence, leading: "") {
            mark.text += " "
            meta.append(mark)
        }
        meta.append(Span(context.cite(event.sources), Style(.source)))
        lines += TextLines.wrapped(spans: meta, width: width)
        if withSources {
            for id in event.sources {
                guard let source = context.data.source(id: id) else { continue }
                let dated = source.date.map { " (" + context.formatter.date($0) + ")" } ?? ""
                lines += TextLines.wrapped(id + " " + source.publisher + dated + ": " + source.title, width: width,
                                           style: Style(.dim), indent: "  ")
            }
        }
        return lines
    }

    /// The selected event: date, title, confidence and sources.
    public func copyText(context: RenderContext) -> String? {
        let events = context.data.timeline.events
        guard let index = list.selectedEntry(total: events.count) else { return nil }
        let event = events[index]
        let tag = context.confidenceTag(event.confidence)
        return TimelinePane.dateText(event, context: context) + ": " + context.text(event.title)
            + (tag.isEmpty ? "" : " (" + tag + ")") + " " + context.cite(event.sources)
    }

    // MARK: - Print

    /// Every event under its year, each with its full detail and its sources.
    public func printDocument(width: Int, context: RenderContext) -> PrintDocument {
        var document = PrintDocument()
        document.heading(PaneID.timeline.title(context.language), level: 1)
        document.lines([[Span(summary(context: context))]])
        var year: Int?
        for event in context.data.timeline.events {
            if event.date.year != year {
                year = event.date.year
                document.heading(String(event.date.year), level: 2)
            }
            document.heading([TimelinePane.dateText(event, context: context),
                              TimelinePane.categoryTag(event.category, language: context.language),
                              context.text(event.title)].joined(separator: " \(context.glyphs.separator) "), level: 3)
            document.lines(TimelinePane.detailLines(event, width: width, withSources: true, context: context))
        }
        return document
    }

    static func categoryTag(_ category: EventCategory, language: Language) -> String {
        switch (category, language) {
        case (.alibaba, _): return "Alibaba"
        case (.cainiao, _): return "Cainiao"
        case (.ewtp, _): return "eWTP"
        case (.liege, .en): return "Liège"
        case (.liege, .de): return "Lüttich"
        case (.amazon, _): return "Amazon"
        case (.zalando, _): return "Zalando"
        case (.article, .en): return "Article"
        case (.article, .de): return "Artikel"
        }
    }

    // MARK: - Layout

    /// A summary line, the list, and the detail box below the list (narrow) or beside it (wide).
    struct Layout: ListPaneLayout {
        var area: Rect
        var summary: Rect
        var list: Rect
        var detail: Rect?

        init(pane: TimelinePane, area: Rect, context: RenderContext) {
            self.area = area
            let events = context.data.timeline.events
            let heights = pane.heights(events, years: TimelinePane.showsYears(in: area))
            let (summary, rest) = area.splitTop(1)
            self.summary = summary
            if area.width >= 100 {
                let (left, right) = rest.splitLeft(area.width * 3 / 5)
                let box = right.splitLeft(1).rest
                let height = pane.detailPanel(width: box.width, context: context)?.naturalHeight ?? 0
                list = Rect(x: left.x, y: left.y, width: left.width,
                            height: pane.list.rowsNeeded(total: events.count, limit: left.height, height: heights))
                detail = height > 0 ? box.splitTop(height).top : nil
                return
            }
            let natural = pane.detailPanel(width: rest.width, context: context)?.naturalHeight ?? 0
            let height = pane.list.detailHeight(natural: natural, available: rest.height, collapsedRows: 8)
            let listHeight = pane.list.rowsNeeded(total: events.count, limit: rest.height.saturatingSubtract(height), height: heights)
            let (top, below) = rest.splitTop(listHeight)
            list = top
            detail = height > 0 ? below.splitTop(height).top : nil
        }
    }
}
