import AlidashModel

// MARK: - Singles' Day

/// Singles' Day GMV by year, with the break where the figure turns into the 11-day campaign.
struct SinglesDayContent {
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
