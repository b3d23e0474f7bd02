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

// MARK: - Section views

/// One section as drawn: fixed lines above and below a body of slots that scrolls.
private struct SectionView {
    /// Shown only when both sections are stacked.
    var title: StyledLine
    var header: [StyledLine]
    var footer: [StyledLine]
    var itemCount: Int
    var slotCount: Int
    /// Screen rows per slot (a quarter takes two: Alibaba's bar and Amazon's).
    var slotHeight: Int
    /// Rows the body takes besides its slots (a table's column headings).
    var bodyChrome: Int
    var slotOfItem: (Int) -> Int
    /// Draws the visible slots from the given first slot into the body's area.
    var drawBody: (inout Buffer, Rect, Int) -> Void

    var naturalBodyHeight: Int { bodyChrome + slotCount * slotHeight }
    var naturalHeight: Int { header.count + naturalBodyHeight + footer.count }
}

/// Text and styles shared by both sections.
private struct Notation {
    var context: RenderContext

    /// The amount as a compact or full money string, "≈" in front when the data calls it approximate.
    func amount(_ amount: ConvertedAmount?, approximate: Bool = false, compact: Bool) -> String {
        guard let amount else { return "–" }
        return (approximate ? "≈ " : "") + context.formatter.money(millions: amount.millions, currency: amount.currency,
                                                                     compact: compact)
    }

    /// "▲ +27%"; a growth we computed carries the calculated mark.
    func growth(_ percent: Double?, computed: Bool) -> (span: Span, mark: String) {
        guard let percent else { return (Span("–", Style(.dim)), "") }
        let arrow = percent > 0 ? context.glyphs.up + " " : (percent < 0 ? context.glyphs.down + " " : "")
        return (Span(arrow + context.formatter.percentChange(percent), Style(percent < 0 ? .negative : .positive)),
                computed ? Confidence.derived.mark : "")
    }

    /// The stored rates used for conversions; every period is converted at the same rate.
    private func rateFootnote(_ origins: [AmountOrigin], width: Int) -> [StyledLine] {
        guard let note = RateNote.text(for: RateNote.rates(behind: origins, context: context), context: context)
        else { return [] }
        let text = note + " " + context.glyphs.separator + " "
            + context.t("one rate for every period", "ein Kurs für alle Zeiträume")
        return TextLines.wrapped(text, width: width.saturatingSubtract(2), style: Style(.dim))
    }

    /// The rates behind converted amounts, then what the marks mean.
    func closingLines(_ origins: [AmountOrigin], width: Int) -> [StyledLine] {
        let legend = context.t("≈ approximate  ~ rounded  = calculated or converted  ? unverified",
                               "≈ ungefähr  ~ gerundet  = berechnet oder umgerechnet  ? unbestätigt")
        let room = width.saturatingSubtract(2)
        // Wrapping would close up the double spaces between the marks, so only a legend too wide is wrapped.
        return rateFootnote(origins, width: width) + (TerminalText.width(of: legend) <= room
            ? [[Span(legend, Style(.dim))]] : TextLines.wrapped(legend, width: room, style: Style(.dim)))
    }

    /// The selected item's notes, at most two lines.
    func detail(_ text: String, width: Int) -> [StyledLine] {
        var lines = TerminalText.wrap("> " + text, width: width.saturatingSubtract(2))
        if lines.count > 2 {
            lines = [lines[0], TerminalText.truncate(lines[1] + " " + lines[2], to: width.saturatingSubtract(2),
                                                     ellipsis: context.glyphs.ellipsis)]
        }
        return lines.map { [Span($0, Style(.normal))] }
    }
}

/// Column widths of a bar chart row: marker, label, bar, right-aligned amount, mark, growth, then
/// sources and tag. The bar gets what is left, up to a width that still reads as one chart.
private struct BarRowLayout {
    static let maximumBarWidth = 100
    var labelWidth: Int
    var valueWidth: Int
    var growthWidth: Int
    var chart: BarChart

    init(width: Int, labelWidth: Int, valueWidth: Int, growthWidth: Int, trailingWidth: Int, maximum: Double) {
        self.labelWidth = labelWidth
        self.valueWidth = valueWidth
        self.growthWidth = growthWidth
        let fixed = 1 + 2 + labelWidth + 1 + 1 + valueWidth + 3 + (growthWidth > 0 ? growthWidth + 2 : 0)
        let barWidth = min(BarRowLayout.maximumBarWidth, width.saturatingSubtract(fixed + trailingWidth))
        chart = BarChart(maximum: maximum, width: barWidth)
    }
}

/// What one bar chart row shows.
private struct BarRow {
    var label: String
    var value: Double?
    var barStyle: Style
    var amount: String
    var confidence: Confidence
    var growth: (span: Span, mark: String)?
    var sources: String
    var tag: String

    func draw(into buffer: inout Buffer, y: Int, area: Rect, layout: BarRowLayout, selected: Bool, marker: Bool,
              glyphs: Glyphs) {
        var x = area.x + 1
        if marker { buffer.put(">", x: x, y: y, style: Style(.selection, bold: true), clip: area) }
        x += 2
        buffer.put(TerminalText.pad(label, to: layout.labelWidth), x: x, y: y,
                   style: selected ? Style(.selection, bold: true) : Style(.label), clip: area)
        x += layout.labelWidth + 1
        if let value { layout.chart.render(value, into: &buffer, x: x, y: y, style: barStyle, glyphs: glyphs, clip: area) }
        x += layout.chart.width + 1
        x += buffer.put(TerminalText.pad(amount, to: layout.valueWidth, alignRight: true), x: x, y: y,
                        style: Style(.value), clip: area) + 1
        buffer.put(confidence.mark, x: x, y: y, style: Style(confidence == .unverified ? .unverified : .dim), clip: area)
        x += 2
        if let growth {
            buffer.put(TerminalText.pad(growth.span.text, to: layout.growthWidth, alignRight: true), x: x, y: y,
                       style: growth.span.style, clip: area)
            buffer.put(growth.mark, x: x + layout.growthWidth, y: y, style: Style(.dim), clip: area)
            x += layout.growthWidth + 2
        }
        x += buffer.put(sources, x: x, y: y, style: Style(.source), clip: area)
        if !tag.isEmpty { buffer.put(" " + tag, x: x, y: y, style: Style(.unverified), clip: area) }
    }
}

// MARK: - Singles' Day

/// Singles' Day GMV by year, with the break where the figure turns into the 11-day campaign.
private struct SinglesDayContent {
    var context: RenderContext

    private enum Line {
        case year(Int)
        /// The line before the first year whose scope (24 hours or 11 days) differs from the year before.
        case scopeBreak(Int)
    }

    private var years: [SinglesDayYear] { context.data.singlesDay.years }

    private var lines: [Line] {
        var lines: [Line] = []
        for index in years.indices {
            if index > 0, years[index].scope.isElevenDayCampaign != years[index - 1].scope.isElevenDayCampaign {
                lines.append(.scopeBreak(index))
            }
            lines.append(.year(index))
        }
        return lines
    }

    private func amount(_ year: SinglesDayYear, in currency: Currency) -> ConvertedAmount? {
        context.data.revenue.converter.alibaba(rmbMillions: year.rmbBillions * 1000,
                                               reportedUSD: year.usdBillions.map { $0 * 1000 },
                                               usdConfidence: year.confidence, confidence: year.confidence,
                                               in: currency)
    }

    /// As reported where the data has it, else computed from RMB (nil across the break).
    private func growth(_ year: SinglesDayYear) -> (percent: Double, computed: Bool)? {
        if let reported = year.growthPercent { return (reported, false) }
        return context.data.singlesDay.computedGrowthPercent(for: year.year).map { ($0, true) }
    }

    private var title: StyledLine {
        [Span(context.t("Singles' Day GMV by year in ", "Singles'-Day-GMV je Jahr in ") + context.currency.code,
              Style(.title))]
    }

    private func footer(width: Int, selected: Int, origins: [AmountOrigin]) -> [StyledLine] {
        let notation = Notation(context: context)
        var footer: [StyledLine] = []
        if years.indices.contains(selected) {
            let year = years[selected]
            let notes = [year.scopeNote, year.note].compactMap { $0.map(context.text) }
            footer += notation.detail("\(year.year): " + notes.joined(separator: ". "), width: width)
        }
        if case .scopeBreak(let index)? = lines.first(where: { if case .scopeBreak = $0 { true } else { false } }) {
            let year = years[index]
            let scope = year.scopeNote.map(context.text) ?? ""
            footer += TextLines.wrapped(String(context.glyphs.horizontal) + " \(year.year): " + scope,
                                        width: width.saturatingSubtract(2), style: Style(.warning))
        }
        return footer + notation.closingLines(origins, width: width)
    }

    // MARK: Chart

    func chart(width: Int, selected: Int) -> SectionView {
        let context = self.context
        let notation = Notation(context: context)
        let currency = context.currency
        let lines = self.lines
        let amounts = years.map { amount($0, in: currency) }
        let maximum = amounts.compactMap { $0?.millions }.max() ?? 0
        let largest = amounts.compactMap { $0 }.max { $0.millions < $1.millions }
        let widestAmount = notation.amount(largest, approximate: years.contains { $0.isApproximate }, compact: true)
        let widestGrowth = years.compactMap { growth($0) }.map { notation.growth($0.percent, computed: $0.computed) }
            .map { TerminalText.width(of: $0.span.text) }.max() ?? 0
        let trailing = zip(years, amounts).map { year, amount in
            TerminalText.width(of: context.cite(year.sources))
                + (amount?.confidence == .unverified ? 1 + TerminalText.width(of: context.confidenceTag(.unverified)) : 0)
        }.max() ?? 0
        let layout = BarRowLayout(width: width, labelWidth: 4, valueWidth: TerminalText.width(of: widestAmount),
                                  growthWidth: widestGrowth, trailingWidth: trailing, maximum: maximum)
        let lineOfYear = { (index: Int) in lines.firstIndex { if case .year(index) = $0 { true } else { false } } ?? 0 }
        let breakLabel = context.t("above: 24 hours on 11 Nov", "oben: 24 Stunden am 11.11.") + " "
            + context.glyphs.separator + " " + context.t("below: 11-day campaign", "unten: 11-tägige Aktion")
        return SectionView(
            title: title, header: [],
            footer: footer(width: width, selected: selected, origins: amounts.compactMap { $0?.origin }),
            itemCount: years.count, slotCount: lines.count, slotHeight: 1, bodyChrome: 0,
            slotOfItem: lineOfYear,
            drawBody: { buffer, area, first in
                for (row, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
                    let y = area.y + row
                    switch line {
                    case .scopeBreak:
                        let rule = String(repeating: String(context.glyphs.horizontal), count: area.width.saturatingSubtract(2))
                        buffer.put(rule, x: area.x + 1, y: y, style: Style(.warning), clip: area)
                        buffer.put(" " + breakLabel + " ", x: area.x + 3 + layout.labelWidth, y: y,
                                   style: Style(.warning, bold: true), clip: area)
                    case .year(let index):
                        let year = years[index]
                        let amount = amounts[index]
                        let confidence = amount?.confidence ?? year.confidence
                        let growth = self.growth(year)
                        BarRow(label: String(year.year), value: amount?.millions, barStyle: Style(.barPrimary),
                               amount: notation.amount(amount, approximate: year.isApproximate, compact: true),
                               confidence: confidence,
                               growth: notation.growth(growth?.percent, computed: growth?.computed ?? false),
                               sources: context.cite(year.sources),
                               tag: confidence == .unverified ? context.confidenceTag(.unverified) : "")
                            .draw(into: &buffer, y: y, area: area, layout: layout, selected: index == selected,
                                  marker: index == selected, glyphs: context.glyphs)
                    }
                }
            })
    }

    // MARK: Table

    func table(width: Int, selected: Int) -> SectionView {
        let context = self.context
        let notation = Notation(context: context)
        let formatter = context.formatter
        let years = self.years
        let columns = [
            TableColumn(context.t("Year", "Jahr"), width: 4),
            TableColumn(context.t("Scope", "Umfang"), width: 7),
            TableColumn(context.t("RMB bn", "RMB Mrd."), width: 9, alignRight: true),
            TableColumn(context.t("USD bn", "USD Mrd."), width: 9, alignRight: true),
            TableColumn(context.t("EUR bn", "EUR Mrd."), width: 9, alignRight: true),
            TableColumn(context.t("y/y", "ggü. Vj."), width: 11, alignRight: true),
            TableColumn(context.t("Sources", "Quellen"), width: 10, flexible: true),
        ]
        let cell: @Sendable (SinglesDayYear, Currency) -> TableCell = { year, currency in
            guard let amount = amount(year, in: currency) else { return TableCell("–", style: Style(.dim)) }
            let billions = amount.millions / 1000
            let digits = amount.origin == .reported ? nil : (billions < 10 ? 2 : 1)
            let number = digits.map { formatter.number(billions, fractionDigits: $0) } ?? formatter.number(natural: billions)
            return TableCell((year.isApproximate ? "≈ " : "") + number + amount.confidence.mark,
                             style: Style(amount.confidence == .unverified ? .unverified : .value))
        }
        let table = Table(columns: columns, rowCount: years.count, selected: selected, offset: 0) { index in
            let year = years[index]
            let growth = self.growth(year)
            let growthSpan = notation.growth(growth?.percent, computed: growth?.computed ?? false)
            return [
                TableCell(String(year.year), style: Style(.label)),
                TableCell(year.scope.isElevenDayCampaign ? context.t("11 days", "11 Tage") : context.t("24 h", "24 Std."),
                          style: Style(year.scope.isElevenDayCampaign ? .warning : .normal)),
                cell(year, .rmb), cell(year, .usd), cell(year, .eur),
                TableCell(growthSpan.span.text + growthSpan.mark, style: growthSpan.span.style),
                TableCell(context.cite(year.sources), style: Style(.source)),
            ]
        }
        let origins = years.flatMap { year in [Currency.usd, .eur].compactMap { amount(year, in: $0)?.origin } }
        return SectionView(
            title: title, header: [],
            footer: footer(width: width, selected: selected, origins: origins),
            itemCount: years.count, slotCount: years.count, slotHeight: 1, bodyChrome: 1,
            slotOfItem: { $0 },
            drawBody: { buffer, area, first in
                var shown = table
                shown.offset = first
                shown.render(into: &buffer, area: area.inset(horizontal: 1, vertical: 0), glyphs: context.glyphs)
            })
    }
}

// MARK: - Quarterly revenue

/// Alibaba's fiscal quarters, each paired with Amazon's calendar quarter of the same months.
private struct QuarterlyContent {
    var context: RenderContext

    private var quarters: [AlibabaQuarter] { context.data.revenue.alibabaQuarters }

    private func fiscalLabel(_ quarter: AlibabaQuarter) -> String {
        context.t("FY", "GJ") + "\(quarter.fiscalYear) Q\(quarter.fiscalQuarter)"
    }

    private func amazonAmount(_ quarter: AmazonQuarter?, in currency: Currency) -> ConvertedAmount? {
        quarter.flatMap {
            context.data.revenue.converter.amazon(usdMillions: $0.usdMillions, confidence: $0.confidence, in: currency)
        }
    }

    private func footer(width: Int, selected: Int, origins: [AmountOrigin]) -> [StyledLine] {
        let notation = Notation(context: context)
        var footer: [StyledLine] = []
        if quarters.indices.contains(selected) {
            let quarter = quarters[selected]
            let calendar = quarter.period.calendarQuarter
            let usdTag = quarter.usdConfidence == .unverified
                ? " " + context.glyphs.separator + " USD " + Confidence.unverified.mark + context.confidenceTag(.unverified) : ""
            let text = context.formatter.fiscalQuarter(quarter.period) + " = Amazon " + calendar.label + usdTag
                + (quarter.note.map { ": " + context.text($0) } ?? "")
            footer += notation.detail(text, width: width)
        }
        return footer + notation.closingLines(origins, width: width)
    }

    // MARK: Chart

    func chart(width: Int, selected: Int) -> SectionView {
        let context = self.context
        let notation = Notation(context: context)
        let revenue = context.data.revenue
        let converter = revenue.converter
        let currency = context.currency
        let quarters = self.quarters
        let amazon = quarters.map(revenue.amazonQuarter(matching:))
        let alibabaAmounts = quarters.map { converter.alibaba($0, in: currency) }
        let amazonAmounts = amazon.map { amazonAmount($0, in: currency) }
        let allAmounts = (alibabaAmounts + amazonAmounts).compactMap { $0 }
        let maximum = allAmounts.map(\.millions).max() ?? 0
        let widestAmount = notation.amount(allAmounts.max { $0.millions < $1.millions }, compact: false)
        let unverifiedTag = context.confidenceTag(.unverified)
        let missing = context.t("no figure in the data", "kein Wert in den Daten")
        let trailing = zip(quarters, alibabaAmounts).map { quarter, amount in
            TerminalText.width(of: context.cite(quarter.sources))
                + (amount?.confidence == .unverified ? 1 + TerminalText.width(of: unverifiedTag) : 0)
        } + amazon.map { TerminalText.width(of: $0.map { context.cite($0.sources) } ?? missing) }
        let labels = quarters.map { context.formatter.calendarQuarter($0.period.calendarQuarter) }
        let labelWidth = (labels + quarters.map(fiscalLabel)).map { TerminalText.width(of: $0) }.max() ?? 0
        let layout = BarRowLayout(width: width, labelWidth: labelWidth, valueWidth: TerminalText.width(of: widestAmount),
                                  growthWidth: 0, trailingWidth: trailing.max() ?? 0, maximum: maximum)
        let glyphs = context.glyphs
        let legend: StyledLine = [
            Span(String(glyphs.barFull), Style(.barPrimary)),
            Span(context.t(" Alibaba revenue (FY: April–March)   ", " Alibaba-Umsatz (GJ: April–März)   "), Style(.label)),
            Span(String(glyphs.barFull), Style(.barSecondary)),
            Span(context.t(" Amazon net sales (calendar quarters)", " Amazon-Nettoumsatz (Kalenderquartale)"), Style(.label)),
        ]
        let title: StyledLine = [Span(context.t("Alibaba and Amazon by quarter, same months side by side, in ",
                                                "Alibaba und Amazon je Quartal, gleiche Monate nebeneinander, in ")
                                      + currency.code, Style(.title))]
        return SectionView(
            title: title, header: [legend],
            footer: footer(width: width, selected: selected, origins: allAmounts.map(\.origin)),
            itemCount: quarters.count, slotCount: quarters.count, slotHeight: 2, bodyChrome: 0,
            slotOfItem: { $0 },
            drawBody: { buffer, area, first in
                let visible = area.height / 2
                for (row, index) in quarters.indices.dropFirst(first).prefix(visible).enumerated() {
                    let y = area.y + row * 2
                    let quarter = quarters[index]
                    let alibaba = alibabaAmounts[index]
                    let alibabaConfidence = alibaba?.confidence ?? quarter.confidence
                    BarRow(label: fiscalLabel(quarter), value: alibaba?.millions, barStyle: Style(.barPrimary),
                           amount: notation.amount(alibaba, compact: false), confidence: alibabaConfidence, growth: nil,
                           sources: context.cite(quarter.sources),
                           tag: alibabaConfidence == .unverified ? unverifiedTag : "")
                        .draw(into: &buffer, y: y, area: area, layout: layout, selected: index == selected,
                              marker: index == selected, glyphs: glyphs)
                    let amazonQuarter = amazon[index]
                    let amazonValue = amazonAmounts[index]
                    let amazonConfidence = amazonValue?.confidence ?? .verified
                    BarRow(label: labels[index], value: amazonValue?.millions, barStyle: Style(.barSecondary),
                           amount: notation.amount(amazonValue, compact: false), confidence: amazonConfidence,
                           growth: nil, sources: amazonQuarter.map { context.cite($0.sources) } ?? missing,
                           tag: amazonConfidence == .unverified ? unverifiedTag : "")
                        .draw(into: &buffer, y: y + 1, area: area, layout: layout, selected: index == selected,
                              marker: false, glyphs: glyphs)
                }
            })
    }

    // MARK: Table

    func table(width: Int, selected: Int) -> SectionView {
        let context = self.context
        let notation = Notation(context: context)
        let formatter = context.formatter
        let revenue = context.data.revenue
        let converter = revenue.converter
        let quarters = self.quarters
        let showMonths = width >= 100
        var columns = [
            TableColumn(context.t("Company", "Firma"), width: 7),
            TableColumn(context.t("Period", "Zeitraum"), width: 9),
        ]
        if showMonths { columns.append(TableColumn(context.t("Months", "Monate"), width: 14)) }
        columns += [
            TableColumn(context.t("RMB m", "RMB Mio."), width: 9, alignRight: true),
            TableColumn(context.t("USD m", "USD Mio."), width: 9, alignRight: true),
            TableColumn(context.t("EUR m", "EUR Mio."), width: 9, alignRight: true),
            TableColumn(context.t("y/y", "ggü. Vj."), width: 8, alignRight: true),
            TableColumn(context.t("Sources", "Quellen"), width: 10, flexible: true),
        ]
        let cell: @Sendable (ConvertedAmount?) -> TableCell = { amount in
            guard let amount else { return TableCell("–", style: Style(.dim)) }
            return TableCell(formatter.number(amount.millions) + amount.confidence.mark,
                             style: Style(amount.confidence == .unverified ? .unverified : .value))
        }
        let table = Table(columns: columns, rowCount: quarters.count * 2, selected: selected * 2, offset: 0) { row in
            let quarter = quarters[row / 2]
            let months = formatter.monthRange(from: quarter.period.start, to: quarter.period.end)
            var cells: [TableCell]
            let amounts: [ConvertedAmount?]
            let growth: (span: Span, mark: String)
            let sources: String
            if row % 2 == 0 {
                cells = [TableCell("Alibaba", style: Style(.label)), TableCell(fiscalLabel(quarter), style: Style(.label))]
                amounts = [Currency.rmb, .usd, .eur].map { converter.alibaba(quarter, in: $0) }
                let computed = quarter.yoyPercent == nil
                growth = notation.growth(quarter.yoyPercent ?? revenue.computedGrowthPercent(of: quarter), computed: computed)
                sources = context.cite(quarter.sources)
            } else {
                let amazon = revenue.amazonQuarter(matching: quarter)
                cells = [TableCell("Amazon", style: Style(.label)),
                         TableCell(quarter.period.calendarQuarter.label, style: Style(.label))]
                amounts = [Currency.rmb, .usd, .eur].map { amazonAmount(amazon, in: $0) }
                growth = notation.growth(amazon.flatMap(revenue.computedGrowthPercent(of:)), computed: true)
                sources = amazon.map { context.cite($0.sources) } ?? context.t("no figure in the data", "kein Wert in den Daten")
            }
            if showMonths { cells.append(TableCell(months, style: Style(.label))) }
            return cells + amounts.map(cell) + [TableCell(growth.span.text + growth.mark, style: growth.span.style),
                                                TableCell(sources, style: Style(.source))]
        }
        let origins = quarters.flatMap { quarter in
            [Currency.rmb, .usd, .eur].flatMap { currency in
                [converter.alibaba(quarter, in: currency), amazonAmount(revenue.amazonQuarter(matching: quarter), in: currency)]
                    .compactMap { $0?.origin }
            }
        }
        return SectionView(
            title: [Span(context.t("Alibaba revenue and Amazon net sales by quarter",
                                   "Alibaba-Umsatz und Amazon-Nettoumsatz je Quartal"), Style(.title))],
            header: [],
            footer: footer(width: width, selected: selected, origins: origins),
            itemCount: quarters.count, slotCount: quarters.count, slotHeight: 2, bodyChrome: 1,
            slotOfItem: { $0 },
            drawBody: { buffer, area, first in
                var shown = table
                shown.offset = first * 2
                let inner = area.inset(horizontal: 1, vertical: 0)
                let rows = inner.height.saturatingSubtract(1) / 2 * 2
                shown.render(into: &buffer, area: inner.splitTop(1 + rows).top, glyphs: context.glyphs)
                // The pair is one item: Amazon's row shares the selection.
                let amazonRow = inner.y + 1 + (selected - first) * 2 + 1
                if selected >= first, amazonRow < inner.y + 1 + rows {
                    buffer.setStyle(Rect(x: inner.x, y: amazonRow, width: inner.width, height: 1), style: Style(.selection))
                }
            })
    }
}
