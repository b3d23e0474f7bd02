import AlidashModel

/// Singles' Day GMV by year, and Alibaba's quarterly revenue beside Amazon's net sales, as bar charts or
/// tables (`t`) in the chosen currency. Enter switches section; when the area is tall enough for both
/// (as in `alidash print`) they are stacked and Enter moves the selection between them.
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

    /// What moving needs of the active section, measured for the last area and state (see `layout`).
    private var measured: Measured?

    private struct Measured {
        var key: LayoutKey
        var section: Section
        var lists: [ListState]
        var itemCount: Int
        var slotCount: Int
        var visibleSlots: Int
        /// The slot each item sits in.
        var slots: [Int]
    }

    public init() {}

    public mutating func layout(area: Rect, context: RenderContext) {
        let key = context.layoutKey(area)
        let lists = [singlesDayList, quarterList]
        guard measured?.key != key || measured?.section != section || measured?.lists != lists else { return }
        guard let placement = arrange(area: area, context: context).sections.first(where: { $0.section == section }) else {
            measured = nil
            return
        }
        let view = placement.view
        measured = Measured(key: key, section: section, lists: lists, itemCount: view.itemCount, slotCount: view.slotCount,
                            visibleSlots: placement.visibleSlots, slots: (0..<view.itemCount).map(view.slotOfItem))
    }

    public func list(for section: Section) -> ListState {
        section == .singlesDay ? singlesDayList : quarterList
    }

    // MARK: - Keys and clicks

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        if action == .open {
            section = section == .singlesDay ? .quarterly : .singlesDay
            return true
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
        if section == .singlesDay { singlesDayList = list } else { quarterList = list }
        return list != before
    }

    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool {
        guard let area = measured?.key.area, y == area.y else { return false }
        for tab in sectionTabs(area: area, context: context) where tab.columns.contains(x) {
            guard tab.section != section else { return false }
            section = tab.section
            return true
        }
        return false
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
        let short = fullWidth + TerminalText.width(of: shortHint) + 2 > area.width
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

    /// The hint that stays on the section bar at any width that holds the tabs: Enter switches sections.
    private var shortHint: String { "Enter ⇄" }

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
        let hints = [context.t("Enter other section", "Enter anderer Teil") + dot + context.t("↑↓ select", "↑↓ wählen")
                        + dot + "t " + view,
                     context.t("Enter switches", "Enter wechselt") + dot + context.t("↑↓ select", "↑↓ wählen"),
                     shortHint]
        let room = area.maxX.saturatingSubtract(end + 2)
        if let hint = hints.first(where: { TerminalText.width(of: $0) + 1 <= room }) {
            buffer.put(hint, x: area.maxX - TerminalText.width(of: hint) - 1, y: area.y, style: Style(.dim), clip: row)
        }
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
        guard let view = views.first(where: { $0.0 == section })?.1 else { return Arrangement(top: top, sections: []) }
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

    private func view(for section: Section, width: Int, context: RenderContext) -> SectionView {
        let selected = list(for: section).selected
        switch (section, context.showTable) {
        case (.singlesDay, false): return SinglesDayContent(context: context).chart(width: width, selected: selected)
        case (.singlesDay, true): return SinglesDayContent(context: context).table(width: width, selected: selected)
        case (.quarterly, false): return QuarterlyContent(context: context).chart(width: width, selected: selected)
        case (.quarterly, true): return QuarterlyContent(context: context).table(width: width, selected: selected)
        }
    }
}
