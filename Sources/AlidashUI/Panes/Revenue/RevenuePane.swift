import AlidashModel

/// Singles' Day GMV by year, and Alibaba's quarterly revenue beside Amazon's net sales, as bar charts or
/// tables (`t`) in the chosen currency. `s` switches section (when the area is tall enough for both they
/// are stacked and `s` moves the selection between them); Enter shows the selected entry's notes in full;
/// `z` puts the bars on a log scale.
extension PaneID {
    public static let revenue = PaneID("revenue")
}

public struct RevenuePane: PaneModel {
    public enum Section: Sendable, Equatable, CaseIterable {
        case singlesDay, quarterly
    }

    public private(set) var section: Section = .singlesDay
    /// `selected` is a year's index; `offset` the first visible slot of the current view.
    public private(set) var singlesDayList = ListState()
    /// `selected` is a quarter's index; `offset` the first visible slot of the current view.
    public private(set) var quarterList = ListState()
    /// The selected year's or quarter's notes in full, not cut to two lines.
    public private(set) var expanded = false
    /// Bars on a log scale (Singles' Day spans RMB 52 million to RMB 268 billion).
    public private(set) var logScale = false

    /// What moving needs of the active section, measured for the last area and state (see `layout`).
    private var measured: Measured?

    private struct Measured {
        var key: LayoutKey
        var section: Section
        var lists: [ListState]
        var expanded: Bool
        var logScale: Bool
        var itemCount: Int
        /// Where each section shown has its rows, for clicks.
        var bodies: [SectionBody]
        var slotCount: Int
        var visibleSlots: Int
        /// The slot each item sits in.
        var slots: [Int]
    }

    /// A section's rows on screen: which slot is at the top and which item each slot shows.
    private struct SectionBody {
        var section: Section
        var body: Rect
        var chrome: Int
        var slotHeight: Int
        var firstSlot: Int
        var slots: [Int]
    }

    public init() {}

    /// The scale to open with (the settings file's `log_scale`).
    public mutating func setLogScale(_ on: Bool) { logScale = on }

    /// "singles-day/2018" or "quarter/FY2019Q3": the section and the entry selected in it.
    public func selectionID(context: RenderContext) -> String? {
        switch section {
        case .singlesDay:
            let years = context.data.singlesDay.years
            return years.indices.contains(singlesDayList.selected) ? "singles-day/\(years[singlesDayList.selected].year)" : nil
        case .quarterly:
            let quarters = context.data.revenue.alibabaQuarters
            guard quarters.indices.contains(quarterList.selected) else { return nil }
            let quarter = quarters[quarterList.selected]
            return "quarter/FY\(quarter.fiscalYear)Q\(quarter.fiscalQuarter)"
        }
    }

    public mutating func restoreSelection(_ id: String, context: RenderContext) {
        let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return }
        switch parts[0] {
        case "singles-day":
            let years = context.data.singlesDay.years
            guard let index = years.firstIndex(where: { "\($0.year)" == parts[1] }) else { return }
            section = .singlesDay
            singlesDayList = ListState(selected: index)
        case "quarter":
            let quarters = context.data.revenue.alibabaQuarters
            guard let index = quarters.firstIndex(where: { "FY\($0.fiscalYear)Q\($0.fiscalQuarter)" == parts[1] }) else { return }
            section = .quarterly
            quarterList = ListState(selected: index)
        default:
            return
        }
    }

    public mutating func layout(area: Rect, context: RenderContext) {
        let key = context.layoutKey(area)
        let lists = [singlesDayList, quarterList]
        guard measured?.key != key || measured?.section != section || measured?.lists != lists
                || measured?.expanded != expanded || measured?.logScale != logScale else { return }
        let placements = arrange(area: area, context: context).sections
        guard let placement = placements.first(where: { $0.section == section }) else {
            measured = nil
            return
        }
        let view = placement.view
        measured = Measured(key: key, section: section, lists: lists, expanded: expanded, logScale: logScale,
                            itemCount: view.itemCount,
                            bodies: placements.map { shown in
                                SectionBody(section: shown.section, body: shown.body, chrome: shown.view.bodyChrome,
                                            slotHeight: shown.view.slotHeight, firstSlot: shown.firstSlot(for: list(for: shown.section)),
                                            slots: (0..<shown.view.itemCount).map(shown.view.slotOfItem))
                            },
                            slotCount: view.slotCount,
                            visibleSlots: placement.visibleSlots, slots: (0..<view.itemCount).map(view.slotOfItem))
    }

    public func list(for section: Section) -> ListState {
        section == .singlesDay ? singlesDayList : quarterList
    }

    // MARK: - Keys and clicks

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        switch action {
        case .open:
            expanded.toggle()
            return true
        case .close:
            guard expanded else { return false }
            expanded = false
            return true
        case .switchSection:
            section = section == .singlesDay ? .quarterly : .singlesDay
            expanded = false
            return true
        case .toggleScale:
            // Only the Singles' Day chart has a log scale: the quarterly bars stay linear, so z does nothing there.
            guard section == .singlesDay else { return false }
            logScale.toggle()
            return true
        default:
            break
        }
        guard let measured, measured.section == section else { return false }
        var list = list(for: section)
        let before = list
        guard list.apply(action, count: measured.itemCount, pageSize: max(1, measured.visibleSlots)) else {
            return false
        }
        let selected = min(list.selected, measured.itemCount.saturatingSubtract(1))
        list.offset = ListState(selected: measured.slots.isEmpty ? 0 : measured.slots[selected], offset: list.offset)
            .visibleOffset(height: measured.visibleSlots, count: measured.slotCount)
        store(list)
        return list != before
    }

    private mutating func store(_ list: ListState) {
        if section == .singlesDay { singlesDayList = list } else { quarterList = list }
    }

    /// A tab switches section; a row of the chart or table selects its year or quarter.
    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool {
        guard let measured else { return false }
        let area = measured.key.area
        if y == area.y {
            for tab in sectionTabs(area: area, context: context) where tab.columns.contains(x) {
                guard tab.section != section else { return false }
                section = tab.section
                expanded = false
                return true
            }
            return false
        }
        guard let shown = measured.bodies.first(where: { $0.body.contains(x: x, y: y) }),
              y >= shown.body.y + shown.chrome else { return false }
        let slot = shown.firstSlot + (y - shown.body.y - shown.chrome) / max(1, shown.slotHeight)
        guard let item = shown.slots.firstIndex(of: slot) else { return false } // a scope break line
        let switched = shown.section != section
        if switched {
            section = shown.section
            expanded = false
        }
        var list = list(for: section)
        guard switched || list.selected != item else { return false }
        list.selected = item
        list.offset = shown.firstSlot
        store(list)
        return true
    }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let arrangement = arrange(area: area, context: context)
        renderSectionBar(into: &buffer, area: area, context: context)
        if arrangement.top.height > 1 {
            let caveat = context.text(context.data.comparison.caveat)
            let line: StyledLine = [Span("! ", Style(.warning)),
                                    Span(TerminalText.truncate(caveat, to: area.width.saturatingSubtract(3),
                                                               ellipsis: context.glyphs.ellipsis), Style(.label))]
            TextLines.draw(line, into: &buffer, x: area.x + 1, y: area.y + 1, area: area)
        }
        for placement in arrangement.sections {
            for (index, line) in placement.view.header.prefix(placement.header.height).enumerated() {
                TextLines.draw(line, into: &buffer, x: area.x + 1, y: placement.header.y + index, area: placement.header)
            }
            let first = placement.firstSlot(for: list(for: placement.section))
            placement.view.drawBody(&buffer, placement.body, first)
            if !context.showTable { // a table draws its own scroll marks
                ScrollMarks.draw(into: &buffer, area: placement.body, moreAbove: first > 0,
                                 moreBelow: first + placement.visibleSlots < placement.view.slotCount, glyphs: context.glyphs)
            }
            for (index, line) in placement.view.footer.prefix(placement.footer.height).enumerated() {
                TextLines.draw(line, into: &buffer, x: area.x + 1, y: placement.footer.y + index, area: placement.footer)
            }
        }
    }

    /// The tabs' titles and columns: short titles when the full ones leave no room for the Enter hint.
    private func sectionTabs(area: Rect, context: RenderContext) -> [(title: String, section: Section, columns: Range<Int>)] {
        let fullWidth = Section.allCases.reduce(1) { $0 + TerminalText.width(of: sectionTitle($1, short: false, context: context)) + 3 }
        let short = fullWidth + TerminalText.width(of: shortHint(context)) + 2 > area.width
        var column = area.x + 1
        return Section.allCases.map { tab in
            let title = " " + sectionTitle(tab, short: short, context: context) + " "
            let width = TerminalText.width(of: title)
            defer { column += width + 1 }
            return (title, tab, column..<(column + width))
        }
    }

    private func sectionTitle(_ section: Section, short: Bool, context: RenderContext) -> String {
        switch (section, short) {
        case (.singlesDay, false): return context.t("Singles' Day GMV", "Singles'-Day-GMV")
        case (.singlesDay, true): return "Singles' Day"
        case (.quarterly, false): return context.t("Quarterly revenue", "Quartalsumsatz")
        case (.quarterly, true): return context.t("Quarters", "Quartale")
        }
    }

    /// The hint that stays on the section bar at any width that holds the tabs: s switches sections.
    private func shortHint(_ context: RenderContext) -> String { context.key(.switchSection) + " ⇄" }

    private func renderSectionBar(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        var end = area.x
        for (title, tab, columns) in sectionTabs(area: area, context: context) {
            let isActive = tab == section
            buffer.put(title, x: columns.lowerBound, y: area.y,
                       style: Style(isActive ? .tabActive : .tabInactive, bold: isActive), clip: row)
            end = columns.upperBound
        }
        let dot = " " + context.glyphs.separator + " "
        let view = context.showTable ? context.t("chart", "Diagramm") : context.t("table", "Tabelle")
        let notes = expanded ? context.key(.close) + context.t(" shorter notes", " kürzere Notizen")
            : context.key(.open) + context.t(" all notes", " alle Notizen")
        let scale = context.showTable || section != .singlesDay ? ""
            : dot + context.key(.toggleScale) + " " + (logScale ? context.t("linear", "linear") : context.t("log scale", "log. Skala"))
        let section = context.key(.switchSection) + context.t(" section", " Teil")
        let hints = [section + dot + notes + dot + context.key(.toggleView) + " " + view + scale,
                     section + dot + notes,
                     shortHint(context)]
        let room = area.maxX.saturatingSubtract(end + 2)
        if let hint = hints.first(where: { TerminalText.width(of: $0) + 1 <= room }) {
            buffer.put(hint, x: area.maxX - TerminalText.width(of: hint) - 1, y: area.y, style: Style(.dim), clip: row)
        }
    }

    /// `s` for the other section, and `z` while the Singles' Day chart is shown, named for what it switches to.
    public func keyHints(context: RenderContext) -> [(action: Action, word: String)] {
        [(.switchSection, context.t("section", "Teil"))]
            + (context.showTable || section != .singlesDay ? []
                : [(.toggleScale, logScale ? context.t("linear", "linear") : context.t("log", "log"))])
    }

    /// The selected year's GMV, or the selected quarter's revenue with Amazon's of the same months.
    public func copyText(context: RenderContext) -> String? {
        let data = context.data
        switch section {
        case .singlesDay:
            let years = data.singlesDay.years
            guard years.indices.contains(singlesDayList.selected),
                  let figure = data.resolve(.singlesDay(year: years[singlesDayList.selected].year)) else { return nil }
            return FigureLines.plainText(for: figure, context: context)
        case .quarterly:
            let quarters = data.revenue.alibabaQuarters
            guard quarters.indices.contains(quarterList.selected) else { return nil }
            let quarter = quarters[quarterList.selected]
            return [data.resolve(.alibabaQuarter(quarter.period)), data.resolve(.amazonQuarter(quarter.period.calendarQuarter))]
                .compactMap { $0.map { FigureLines.plainText(for: $0, context: context) } }.joined(separator: "; ")
        }
    }

    // MARK: - Print

    /// The caveat, then both sections in full: every year and quarter in a table, with every note.
    public func printDocument(width: Int, context: RenderContext) -> PrintDocument {
        var document = PrintDocument()
        document.heading(PaneID.revenue.title(context.language), level: 1)
        document.lines(TextLines.wrapped(ComparisonPane.caveatText(context), width: width, style: Style(.warning)))
        SinglesDayContent(context: context).print(into: &document, width: width)
        QuarterlyContent(context: context).print(into: &document, width: width)
        return document
    }

    // MARK: - Arrangement

    /// Where one section's header, body and footer go, and which part of its body is visible.
    private struct Placement {
        var section: Section
        var view: SectionView
        var header: Rect
        var body: Rect
        var footer: Rect

        var visibleSlots: Int {
            body.height.saturatingSubtract(view.bodyChrome) / max(1, view.slotHeight)
        }

        /// The first visible slot: the stored offset, moved just enough to keep the selection in view.
        func firstSlot(for list: ListState) -> Int {
            let selected = min(list.selected, view.itemCount.saturatingSubtract(1))
            return ListState(selected: view.slotOfItem(selected), offset: list.offset)
                .visibleOffset(height: visibleSlots, count: view.slotCount)
        }
    }

    private struct Arrangement {
        var top: Rect
        var sections: [Placement]
    }

    /// Section bar and caveat on top; then both sections stacked when they fit whole, else the active one.
    private func arrange(area: Rect, context: RenderContext) -> Arrangement {
        let (top, content) = area.splitTop(2)
        // A chart keeps its last column free for the scroll marks.
        let width = context.showTable ? area.width : area.width.saturatingSubtract(1)
        let views = Section.allCases.map { ($0, view(for: $0, width: width, context: context)) }
        // Stacked, each section carries its title; alone, the section bar names it.
        let stackedHeight = views.reduce(views.count - 1) { $0 + 1 + $1.1.naturalHeight }
        if stackedHeight <= content.height {
            var rest = content
            let sections = views.map { section, view in
                var titled = view
                titled.header.insert(view.title, at: 0)
                let parts = rest.rows([titled.header.count, view.naturalBodyHeight, view.footer.count, 1, rest.height])
                rest = parts[4]
                return Placement(section: section, view: titled, header: parts[0], body: parts[1], footer: parts[2])
            }
            return Arrangement(top: top, sections: sections)
        }
        guard var view = views.first(where: { $0.0 == section })?.1 else { return Arrangement(top: top, sections: []) }
        // Room to spare: the selected entry's notes in full, then the other entries' notes, each whole.
        let full = self.view(for: section, width: width, context: context, expanded: true)
        if full.naturalHeight <= content.height { view = full }
        var spare = content.height.saturatingSubtract(view.naturalHeight + 1)
        var more: [StyledLine] = []
        for note in view.otherNotes where note.count <= spare {
            more += note
            spare -= note.count
        }
        if !more.isEmpty { view.footer += [[]] + more }
        // Too little room: the footer gives way first, then the header, so the body keeps at least one slot.
        let minimumBody = view.bodyChrome + view.slotHeight
        let headerRows = min(view.header.count, content.height.saturatingSubtract(minimumBody))
        let footerRows = min(view.footer.count, content.height.saturatingSubtract(minimumBody + headerRows))
        let room = content.height.saturatingSubtract(headerRows + footerRows)
        let wholeSlots = room.saturatingSubtract(view.bodyChrome) / max(1, view.slotHeight) * view.slotHeight
        let bodyRows = min(view.naturalBodyHeight, max(minimumBody, view.bodyChrome + wholeSlots), room)
        let parts = content.rows([headerRows, bodyRows, footerRows, 0])
        return Arrangement(top: top, sections: [Placement(section: section, view: view, header: parts[0], body: parts[1],
                                                          footer: parts[2])])
    }

    private func view(for section: Section, width: Int, context: RenderContext, expanded: Bool? = nil) -> SectionView {
        let selected = list(for: section).selected
        let expanded = expanded ?? (self.expanded && section == self.section)
        let singlesDay = SinglesDayContent(context: context, logScale: logScale)
        switch (section, context.showTable) {
        case (.singlesDay, false): return singlesDay.chart(width: width, selected: selected, expanded: expanded)
        case (.singlesDay, true): return singlesDay.table(width: width, selected: selected, expanded: expanded)
        case (.quarterly, false): return QuarterlyContent(context: context).chart(width: width, selected: selected, expanded: expanded)
        case (.quarterly, true): return QuarterlyContent(context: context).table(width: width, selected: selected, expanded: expanded)
        }
    }
}
