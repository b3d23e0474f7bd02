import AlidashModel

// MARK: - Quarterly revenue

/// Alibaba's fiscal quarters, each paired with Amazon's calendar quarter of the same months.
struct QuarterlyContent {
    var context: RenderContext

    private var quarters: [AlibabaQuarter] { context.data.revenue.alibabaQuarters }

    /// The chosen currency, else USD: Alibaba's dollars as it reported them beside Amazon's, so nothing
    /// is converted until the user asks.
    static func currency(_ context: RenderContext) -> Currency { context.chosenCurrency ?? .usd }

    private func fiscalLabel(_ quarter: AlibabaQuarter) -> String {
        context.t("FY", "GJ") + "\(quarter.fiscalYear) Q\(quarter.fiscalQuarter)"
    }

    private func amazonAmount(_ quarter: AmazonQuarter?, in currency: Currency) -> ConvertedAmount? {
        quarter.flatMap { context.data.revenue.converter.amazon($0, in: currency) }
    }

    /// "Jul–Sep 2018 = Amazon Q3 2018: note", with a tag when Alibaba's USD figure is unverified.
    private func quarterNote(_ quarter: AlibabaQuarter) -> String {
        let calendar = quarter.period.calendarQuarter
        let usdTag = quarter.usdConfidence == .unverified
            ? " " + context.glyphs.separator + " USD " + Confidence.unverified.mark + " " + context.confidenceTag(.unverified) : ""
        return context.formatter.fiscalQuarter(quarter.period) + " = Amazon " + calendar.label + usdTag
            + (quarter.note.map { ": " + context.text($0) } ?? "")
    }

    /// Another period's rate is never borrowed: says when a quarter has none.
    private func missingRate(_ quarter: AlibabaQuarter) -> String? {
        let currency = Self.currency(context)
        guard context.data.revenue.converter.alibaba(quarter, in: currency) == nil else { return nil }
        let months = context.formatter.fiscalQuarter(quarter.period)
        return context.t("No \(currency.code) figure for \(months): no rate of its months is stored.",
                         "Kein \(currency.code)-Wert für \(months): kein Kurs dieser Monate gespeichert.")
    }

    private func footer(width: Int, selected: Int, expanded: Bool, origins: [AmountOrigin]) -> [StyledLine] {
        var footer: [StyledLine] = []
        if quarters.indices.contains(selected) {
            let quarter = quarters[selected]
            footer += Notation(context: context).detail(quarterNote(quarter), width: width, expanded: expanded)
            if let missing = missingRate(quarter) {
                footer += TextLines.wrapped(missing, width: width.saturatingSubtract(2), style: Style(.warning))
            }
        }
        return footer + Notation(context: context).closingLines(origins, width: width)
    }

    // MARK: Print

    /// Both companies' quarters in one table, every quarter's note, then the rates and marks.
    func print(into document: inout PrintDocument, width: Int) {
        document.heading(context.t("Alibaba revenue and Amazon net sales by quarter",
                                   "Alibaba-Umsatz und Amazon-Nettoumsatz je Quartal"), level: 2)
        let table = makeTable(selected: nil, showMonths: false)
        document.table(PrintTable(table.table))
        // Every quarter's months and note, so the table needs no month column.
        document.lines(quarters.flatMap { TextLines.wrapped(quarterNote($0), width: width, indent: "  ") })
        document.lines(quarters.compactMap(missingRate).flatMap { TextLines.wrapped($0, width: width) })
        document.lines(Notation(context: context).closingLines(table.origins, width: width + 2))
    }

    // MARK: Chart

    func chart(width: Int, selected: Int, expanded: Bool) -> SectionView {
        let context = self.context
        let notation = Notation(context: context)
        let revenue = context.data.revenue
        let converter = revenue.converter
        let currency = Self.currency(context)
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
            Span(String(glyphs.barShade), Style(.barSecondary)),
            Span(context.t(" Amazon net sales (calendar quarters)", " Amazon-Nettoumsatz (Kalenderquartale)"), Style(.label)),
        ]
        let title: StyledLine = [Span(context.t("Alibaba and Amazon by quarter, same months side by side, in ",
                                                "Alibaba und Amazon je Quartal, gleiche Monate nebeneinander, in ")
                                      + currency.code, Style(.title))]
        return SectionView(
            title: title, header: [legend],
            footer: footer(width: width, selected: selected, expanded: expanded, origins: allAmounts.map(\.origin)),
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
                              marker: false, glyphs: glyphs.shaded)
                }
            })
    }

    // MARK: Table

    /// Alibaba's quarter above Amazon's of the same months, RMB, USD and EUR, growth and sources; and how
    /// the converted amounts came about.
    private func makeTable(selected: Int?, showMonths: Bool) -> (table: Table, origins: [AmountOrigin]) {
        let context = self.context
        let notation = Notation(context: context)
        let formatter = context.formatter
        let revenue = context.data.revenue
        let converter = revenue.converter
        let quarters = self.quarters
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
        let table = Table(columns: columns, rowCount: quarters.count * 2, selected: selected.map { $0 * 2 }, offset: 0) { row in
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
        return (table, origins)
    }

    func table(width: Int, selected: Int, expanded: Bool) -> SectionView {
        let context = self.context
        let (table, origins) = makeTable(selected: selected, showMonths: width >= 100)
        return SectionView(
            title: [Span(context.t("Alibaba revenue and Amazon net sales by quarter",
                                   "Alibaba-Umsatz und Amazon-Nettoumsatz je Quartal"), Style(.title))],
            header: [],
            footer: footer(width: width, selected: selected, expanded: expanded, origins: origins),
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
