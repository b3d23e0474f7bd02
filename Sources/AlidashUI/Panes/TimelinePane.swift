import AlidashModel

/// The dated events on a vertical line, with year headings; the selected event's detail and sources in a box.
/// Drawing walks only the rows on screen, so it costs the same for thirty events or thirty thousand.
extension PaneID {
    public static let timeline = PaneID("timeline")
}

public struct TimelinePane: PaneModel {
    public private(set) var selection = ExpandableList()
    public private(set) var filter = ""
    /// Indices into `timeline.events` that match the filter, in date order; nil when nothing is filtered.
    private var matches: [Int]?

    public init() {}

    /// The pane's area, from the last `layout`.
    private var area = Rect.zero

    public mutating func layout(area: Rect, context: RenderContext) { self.area = area }

    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        let oldEvents = old.data.timeline.events
        let selectedID = ShownEvents(matches: matches, all: oldEvents).index(at: selection.list.selected).map { oldEvents[$0].id }
        setFilter(filter, context: new)
        let events = new.data.timeline.events
        let shown = ShownEvents(matches: matches, all: events)
        if let selectedID, let position = (0..<shown.count).first(where: { shown.index(at: $0).map { events[$0].id } == selectedID }) {
            selection.list = ListState(selected: position)
        }
    }

    public mutating func setFilter(_ text: String, context: RenderContext) {
        let events = context.data.timeline.events
        let selectedIndex = ShownEvents(matches: matches, all: events).index(at: selection.list.selected)
        filter = text
        if text.trimmingSpaces().isEmpty {
            matches = nil
        } else {
            matches = events.indices.filter { TimelinePane.matches(events[$0], filter: text) }
        }
        let shown = ShownEvents(matches: matches, all: events)
        let kept = selectedIndex.flatMap { index in (0..<shown.count).first { shown.index(at: $0) == index } }
        selection.list = ListState(selected: kept ?? 0)
    }

    private static func matches(_ event: TimelineEvent, filter: String) -> Bool {
        var fields = [event.title.english, event.title.german ?? "", event.category.rawValue,
                      categoryTag(event.category, language: .en), categoryTag(event.category, language: .de),
                      event.date.description]
        if let detail = event.detail { fields += [detail.english, detail.german ?? ""] }
        return filterMatches(filter, fields + event.sources)
    }

    // MARK: - Keys and mouse

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        let events = ShownEvents(matches: matches, all: context.data.timeline.events)
        let pageSize = max(1, Layout(pane: self, area: area, context: context).list.height - 1)
        guard selection.apply(action, count: events.count, pageSize: pageSize) else { return false }
        // The detail box may have changed height, so the window is placed after the change.
        let layout = Layout(pane: self, area: area, context: context)
        selection.list.offset = firstEvent(events: events, height: layout.list.height)
        return true
    }

    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool {
        let events = ShownEvents(matches: matches, all: context.data.timeline.events)
        let layout = Layout(pane: self, area: area, context: context)
        guard layout.list.contains(x: x, y: y) else { return false }
        let rows = visibleRows(events: events, height: layout.list.height)
        guard case .event(let position) = rows[safe: y - layout.list.y] else { return false }
        selection.list.select(position, count: events.count)
        selection.list.offset = firstEvent(events: events, height: layout.list.height)
        return true
    }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let events = ShownEvents(matches: matches, all: context.data.timeline.events)
        let layout = Layout(pane: self, area: area, context: context)
        buffer.put(summary(events: events, context: context), x: layout.summary.x + 1, y: layout.summary.y,
                   style: Style(filter.isEmpty ? .label : .accent), clip: layout.summary)
        let rows = visibleRows(events: events, height: layout.list.height)
        let content = layout.list.splitLeft(layout.list.width.saturatingSubtract(2)).left // a gap, then the scroll marks
        for (index, row) in rows.enumerated() {
            let y = layout.list.y + index
            switch row {
            case .year(let year):
                drawYear(year, y: y, area: content, context: context, into: &buffer)
            case .event(let position):
                guard let event = events.event(at: position) else { continue }
                drawEvent(event, selected: position == selection.list.selected, y: y, area: content, context: context,
                          into: &buffer)
            }
        }
        let first = firstEvent(events: events, height: layout.list.height)
        let lastShown: Int? = rows.last.flatMap { if case .event(let position) = $0 { position } else { nil } }
        ScrollMarks.draw(into: &buffer, area: layout.list, moreAbove: first > 0,
                         moreBelow: (lastShown ?? first) < events.count - 1, glyphs: context.glyphs)
        if let detail = layout.detail, let panel = detailPanel(events: events, width: detail.width, context: context) {
            panel.render(into: &buffer, area: detail, context: context)
        }
    }

    private func summary(events: ShownEvents, context: RenderContext) -> String {
        let all = context.data.timeline.events
        guard let start = all.first?.date.year, let end = all.last?.date.year else {
            return context.t("No events", "Keine Ereignisse")
        }
        if filter.isEmpty {
            return context.t("\(all.count) events, \(start)–\(end)", "\(all.count) Ereignisse, \(start)–\(end)")
        }
        if events.count == 0 {
            return context.t("No event matches “\(filter)”", "Kein Ereignis passt zu „\(filter)“")
        }
        return context.t("Filter “\(filter)”: \(events.count) of \(all.count) events",
                         "Filter „\(filter)“: \(events.count) von \(all.count) Ereignissen")
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
        let tag = TerminalText.pad(TimelinePane.categoryTag(event.category, language: context.language), to: 7)
        var x = row.x + 1
        x += buffer.put(marker, x: x, y: y, style: style(.mapMarker, bold: true), clip: row)
        x += buffer.put(" " + date + "  ", x: x, y: y, style: style(.accent), clip: row)
        x += buffer.put(tag + " ", x: x, y: y, style: style(.label), clip: row)
        let warning = event.confidence == .unverified
            ? " " + event.confidence.mark + " " + context.confidenceTag(event.confidence) : ""
        let titleRoom = row.maxX.saturatingSubtract(x).saturatingSubtract(TerminalText.width(of: warning))
        x += buffer.put(TerminalText.truncate(context.text(event.title), to: titleRoom, ellipsis: context.glyphs.ellipsis),
                        x: x, y: y, style: style(.normal, bold: selected), clip: row)
        buffer.put(warning, x: x, y: y, style: style(.unverified), clip: row)
    }

    /// The detail box: title, text, confidence and sources; expanded, each source's publisher and title too.
    private func detailPanel(events: ShownEvents, width: Int, context: RenderContext) -> DetailPanel? {
        guard let event = events.event(at: selection.list.selected) else { return nil }
        let formatter = context.formatter
        let room = width.saturatingSubtract(4)
        var lines = TextLines.wrapped(context.text(event.title), width: room, style: Style(.value, bold: true))
        if let detail = event.detail {
            lines += TextLines.wrapped(context.text(detail), width: room)
        }
        var meta: StyledLine = []
        if var mark = context.confidenceSpan(event.confidence, leading: "") {
            mark.text += " "
            meta.append(mark)
        }
        meta.append(Span(context.cite(event.sources), Style(.source)))
        lines.append(meta)
        if selection.expanded {
            for id in event.sources {
                guard let source = context.data.source(id: id) else { continue }
                let dated = source.date.map { " (" + formatter.date($0) + ")" } ?? ""
                lines += TextLines.wrapped(id + " " + source.publisher + dated + ": " + source.title, width: room,
                                           style: Style(.dim), indent: "  ")
            }
        }
        let position = context.t("\(selection.list.selected + 1) of \(events.count)", "\(selection.list.selected + 1) von \(events.count)")
        let title = [formatter.date(event.date)
                        + (event.dateConfidence == .unverified ? " (" + context.t("date unverified", "Datum unbestätigt") + ")" : ""), TimelinePane.categoryTag(event.category, language: context.language),
                     position].joined(separator: " \(context.glyphs.separator) ")
        return DetailPanel(title: title, lines: lines)
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
    private struct Layout {
        var summary: Rect
        var list: Rect
        var detail: Rect?

        init(pane: TimelinePane, area: Rect, context: RenderContext) {
            let events = ShownEvents(matches: pane.matches, all: context.data.timeline.events)
            let (summary, rest) = area.splitTop(1)
            self.summary = summary
            if area.width >= 100 {
                let (left, right) = rest.splitLeft(area.width * 3 / 5)
                let box = right.splitLeft(1).rest
                let height = pane.detailPanel(events: events, width: box.width, context: context)?.naturalHeight ?? 0
                list = Rect(x: left.x, y: left.y, width: left.width,
                            height: pane.rowsNeeded(events: events, limit: left.height))
                detail = height > 0 ? box.splitTop(height).top : nil
                return
            }
            let natural = pane.detailPanel(events: events, width: rest.width, context: context)?.naturalHeight ?? 0
            // Collapsed, the box keeps one height while moving, so the list does not jump;
            // expanded, it may take all but a few rows of the list.
            let cap = pane.selection.expanded ? rest.height.saturatingSubtract(4) : min(8, rest.height / 2)
            var height = natural > 0 ? (pane.selection.expanded ? min(natural, cap) : cap) : 0
            if height < 3 { height = 0 } // a box needs a row inside its borders
            let listHeight = pane.rowsNeeded(events: events, limit: rest.height.saturatingSubtract(height))
            let (top, below) = rest.splitTop(listHeight)
            list = top
            detail = height > 0 ? below.splitTop(height).top : nil
        }
    }

    // MARK: - Rows

    private enum Row: Equatable {
        case year(Int)
        case event(Int)
    }

    /// The rows shown from the first visible event: a year heading on top and wherever the year changes.
    private func visibleRows(events: ShownEvents, height: Int) -> [Row] {
        var rows: [Row] = []
        var position = firstEvent(events: events, height: height)
        var previousYear: Int?
        while rows.count < height, let event = events.event(at: position) {
            // A heading always comes with its first event: none on the last row, and a one-row
            // window shows the event rather than its year.
            if event.date.year != previousYear, !(rows.isEmpty && height == 1) {
                if rows.count == height - 1 { break }
                rows.append(.year(event.date.year))
                previousYear = event.date.year
            }
            rows.append(.event(position))
            position += 1
        }
        return rows
    }

    /// How many rows the list needs, counted only up to `limit` (so a long list costs no more than a screen).
    private func rowsNeeded(events: ShownEvents, limit: Int) -> Int {
        let rows = visibleRows(events: events, height: limit)
        guard case .event(let last) = rows.last, last == events.count - 1 else { return rows.isEmpty ? 0 : limit }
        return rows.count
    }

    /// The first event on screen: the stored one, moved just enough to show the selection and fill the window.
    private func firstEvent(events: ShownEvents, height: Int) -> Int {
        guard events.count > 0, height > 0 else { return 0 }
        let selected = min(selection.list.selected, events.count - 1)
        let lowest = min(selection.list.offset, selected)
        // Walk up from the selection while the rows still fit; never past the stored first event.
        var first = selected
        var used = 2 // the selected event and the year heading above it
        while first > lowest, let above = events.event(at: first - 1), let current = events.event(at: first) {
            let cost = above.date.year == current.date.year ? 1 : 2
            guard used + cost <= height else { break }
            used += cost
            first -= 1
        }
        return min(first, lastFirstEvent(events: events, height: height))
    }

    /// The latest first event that still fills the window down to the last event.
    private func lastFirstEvent(events: ShownEvents, height: Int) -> Int {
        var first = events.count - 1
        var used = 2
        while first > 0, let above = events.event(at: first - 1), let current = events.event(at: first) {
            let cost = above.date.year == current.date.year ? 1 : 2
            guard used + cost <= height else { break }
            used += cost
            first -= 1
        }
        return first
    }
}

/// The events a pane shows: all of them, or those the filter kept.
fileprivate struct ShownEvents {
    var matches: [Int]?
    var all: [TimelineEvent]

    var count: Int { matches?.count ?? all.count }

    func index(at position: Int) -> Int? {
        guard position >= 0, position < count else { return nil }
        let index = matches?[position] ?? position
        return index < all.count ? index : nil
    }

    func event(at position: Int) -> TimelineEvent? { index(at: position).map { all[$0] } }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
