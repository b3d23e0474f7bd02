import AlidashModel

// MARK: - Singles' Day

/// Singles' Day GMV by year, with the break where the figure turns into the 11-day campaign.
struct SinglesDayContent {
    var context: RenderContext
    /// Bars on a log scale, so the first years (RMB 52 million in 2009) show beside the 11-day campaigns.
    var logScale = false

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

    /// A year as reported: RMB, and USD where Alibaba or the source gave it. Nothing is converted: no rate
    /// stored in the data is of a Singles' Day's own date, and another period's rate would mislead (2009 at a
    /// 2018 rate). A rate dated 11 Nov of that year, if the data had one, would be used.
    private func amount(_ year: SinglesDayYear, in currency: Currency) -> ConvertedAmount? {
        let confidence = year.confidence
        switch currency {
        case .rmb:
            return ConvertedAmount(millions: year.rmbBillions * 1000, currency: .rmb, origin: .reported, confidence: confidence)
        case .usd where year.usdBillions != nil:
            return ConvertedAmount(millions: (year.usdBillions ?? 0) * 1000, currency: .usd, origin: .reported, confidence: confidence)
        default:
            let day = PartialDate(year: year.year, month: 11, day: 11)
            guard let rate = context.data.revenue.exchangeRates.first(where: {
                $0.base == currency && $0.quote == .rmb && $0.date == day && $0.rate > 0
            }) else { return nil }
            return ConvertedAmount(millions: year.rmbBillions * 1000 / rate.rate, currency: currency,
                                   origin: .converted(rateIDs: [rate.id]), confidence: .derived)
        }
    }

    /// Why some years have no figure in the chosen currency.
    private func missingNote(width: Int) -> [StyledLine] {
        let currency = context.currency
        guard currency != .rmb else { return [] }
        let growthNote = context.t(" Growth is from the RMB figures, as reported.", " Das Wachstum beruht auf den RMB-Werten, wie gemeldet.")
        guard years.contains(where: { amount($0, in: currency) == nil }) else {
            return TextLines.wrapped(growthNote.trimmingPrefixSpace, width: width.saturatingSubtract(2), style: Style(.dim))
        }
        let text = currency == .usd
            ? context.t("USD only where it was reported; no rate of a Singles' Day's date is stored, so nothing is converted.",
                        "USD nur, wo gemeldet; kein Kurs eines Singles'-Day-Datums ist gespeichert, daher wird nichts umgerechnet.")
            : context.t("No \(currency.code) rate of a Singles' Day's date is stored, so nothing is converted; press c for RMB.",
                        "Kein \(currency.code)-Kurs eines Singles'-Day-Datums ist gespeichert, daher wird nichts umgerechnet; c für RMB.")
        return TextLines.wrapped(text + growthNote, width: width.saturatingSubtract(2), style: Style(.warning))
    }

    /// Like for like only: as reported or computed within one scope, across a change of scope on the part
    /// of the year with the old scope, else none.
    private func growth(_ year: SinglesDayYear) -> SinglesDayGrowth {
        context.data.singlesDay.growth(for: year.year)
    }

    private var title: StyledLine {
        [Span(context.t("Singles' Day GMV by year in ", "Singles'-Day-GMV je Jahr in ") + context.currency.code
              + (logScale && !context.showTable ? context.t(", log scale", ", logarithmische Skala") : ""), Style(.title))]
    }

    /// A year's notes as one paragraph ("2011: …. Growth like for like …."), nil when it has none.
    private func yearNote(_ year: SinglesDayYear) -> String? {
        var notes = [year.scopeNote, year.note].compactMap { $0.map(context.text) }
        switch growth(year) {
        case .likeForLike(let percent, _):
            notes.append(context.t("Growth like for like, in the scope of the year before: ",
                                   "Wachstum bei gleichem Umfang wie im Vorjahr: ") + context.formatter.percentChange(percent))
        case .scopeChanged:
            notes.append(context.t("The scope changed from the year before, so no growth is shown",
                                   "Der Umfang änderte sich gegenüber dem Vorjahr, daher kein Wachstum"))
        case .computed(_, approximate: true):
            notes.append(context.t("Growth on an approximate figure is approximate", "Wachstum auf einem ungefähren Wert ist ungefähr"))
        default: break
        }
        guard !notes.isEmpty else { return nil }
        // Each note is a sentence of its own; a note's own full stop is not doubled.
        let sentences = notes.map { $0.hasSuffix(".") ? String($0.dropLast()) : $0 }
        return "\(year.year): " + sentences.joined(separator: ". ") + "."
    }

    /// Every other year's notes, for a window with rows to spare.
    private func otherNotes(width: Int, selected: Int) -> [[StyledLine]] {
        years.indices.filter { $0 != selected }.compactMap { yearNote(years[$0]) }
            .map { TextLines.wrapped($0, width: width.saturatingSubtract(2), style: Style(.dim)) }
    }

    /// The selected year's notes (all of them when `expanded`), then the lines about the whole chart.
    private func footer(width: Int, selected: Int, expanded: Bool, origins: [AmountOrigin]) -> [StyledLine] {
        var footer: [StyledLine] = []
        if years.indices.contains(selected) {
            let year = years[selected]
            footer += Notation(context: context).detail(yearNote(year) ?? "\(year.year).", width: width, expanded: expanded)
        }
        return footer + chartNotes(width: width, origins: origins)
    }

    /// Where the scope changes, which years have no figure in the currency, the rates and the marks.
    private func chartNotes(width: Int, origins: [AmountOrigin]) -> [StyledLine] {
        var lines: [StyledLine] = []
        if case .scopeBreak(let index)? = self.lines.first(where: { if case .scopeBreak = $0 { true } else { false } }) {
            let year = years[index]
            let scope = year.scopeNote.map(context.text) ?? ""
            lines += TextLines.wrapped(String(context.glyphs.horizontal) + " \(year.year): " + scope,
                                       width: width.saturatingSubtract(2), style: Style(.warning))
        }
        return lines + missingNote(width: width) + Notation(context: context).closingLines(origins, width: width)
    }

    // MARK: Print

    /// Every year in a table, every year's notes, then the notes about the whole chart.
    func print(into document: inout PrintDocument, width: Int) {
        document.heading(context.t("Singles' Day GMV by year", "Singles'-Day-GMV je Jahr"), level: 2)
        let table = makeTable(selected: nil)
        document.table(PrintTable(table.table))
        document.lines(years.compactMap(yearNote).flatMap { TextLines.wrapped($0, width: width) })
        document.lines(chartNotes(width: width + 2, origins: table.origins))
    }

    // MARK: Chart

    func chart(width: Int, selected: Int, expanded: Bool) -> SectionView {
        let context = self.context
        let notation = Notation(context: context)
        let currency = context.currency
        let lines = self.lines
        let amounts = years.map { amount($0, in: currency) }
        let maximum = amounts.compactMap { $0?.millions }.max() ?? 0
        let largest = amounts.compactMap { $0 }.max { $0.millions < $1.millions }
        let widestAmount = notation.amount(largest, approximate: years.contains { $0.isApproximate }, compact: true)
        let widestGrowth = years.map { notation.growth(growth($0)) }.map { TerminalText.width(of: $0.span.text) }.max() ?? 0
        let trailing = years.map { TerminalText.width(of: context.cite($0.sources)) }.max() ?? 0
        let smallest = amounts.compactMap { $0?.millions }.filter { $0 > 0 }.min() ?? 0
        let layout = BarRowLayout(width: width, labelWidth: 4, valueWidth: TerminalText.width(of: widestAmount),
                                  growthWidth: widestGrowth, trailingWidth: trailing, maximum: maximum,
                                  logFloor: logScale ? BarChart.logFloor(smallest: smallest) : nil)
        let lineOfYear = { (index: Int) in lines.firstIndex { if case .year(index) = $0 { true } else { false } } ?? 0 }
        let breakLabel = context.t("above: 24 hours on 11 Nov", "oben: 24 Stunden am 11.11.") + " "
            + context.glyphs.separator + " " + context.t("below: 11-day campaign", "unten: 11-tägige Aktion")
        // On a log scale the chart says so above the bars, and where they start; on the linear scale it
        // names the years too small for a bar.
        let scaleNote: [StyledLine]
        if let floor = layout.chart.logFloor {
            scaleNote = TextLines.wrapped(context.t("Log scale from ", "Log. Skala ab ")
                                          + context.formatter.money(millions: floor, currency: currency, compact: true)
                                          + context.t(": each tenfold step as long (", ": jede Verzehnfachung gleich lang (") + context.key(.toggleScale) + ": linear)",
                                          width: width.saturatingSubtract(2), style: Style(.warning))
        } else {
            let hidden = zip(years, amounts).filter { _, amount in
                guard let amount, amount.millions > 0 else { return false }
                return layout.chart.steps(for: amount.millions, glyphs: context.glyphs) == 0
            }.map { String($0.0.year) }
            scaleNote = hidden.isEmpty || layout.chart.width == 0 ? [] : TextLines.wrapped(
                context.t("Too small for a bar at this scale: ", "Zu klein für einen Balken: ") + hidden.joined(separator: ", ")
                    + " (" + context.key(.toggleScale) + context.t(": log scale)", ": log. Skala)"), width: width.saturatingSubtract(2), style: Style(.dim))
        }
        return SectionView(
            title: title, header: scaleNote,
            footer: footer(width: width, selected: selected, expanded: expanded, origins: amounts.compactMap { $0?.origin }),
            itemCount: years.count, slotCount: lines.count, slotHeight: 1, bodyChrome: 0,
            slotOfItem: lineOfYear,
            otherNotes: otherNotes(width: width, selected: selected),
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
                        let confidence = amount?.confidence ?? .verified // no amount, no mark beside the dash
                        let growth = self.growth(year)
                        BarRow(label: String(year.year), value: amount?.millions, barStyle: Style(.barPrimary),
                               amount: notation.amount(amount, approximate: year.isApproximate, compact: true),
                               confidence: confidence,
                               growth: notation.growth(growth),
                               sources: context.cite(year.sources),
                               tag: confidence == .unverified ? context.confidenceTag(.unverified) : "")
                            .draw(into: &buffer, y: y, area: area, layout: layout, selected: index == selected,
                                  marker: index == selected, glyphs: context.glyphs)
                    }
                }
            })
    }

    // MARK: Table

    /// Every year with its scope, RMB, USD and EUR, growth and sources; and how the converted amounts came about.
    private func makeTable(selected: Int?) -> (table: Table, origins: [AmountOrigin]) {
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
            TableColumn(context.t("y/y", "ggü. Vj."), width: 13, alignRight: true),
            TableColumn(context.t("Sources", "Quellen"), width: 10, flexible: true),
        ]
        let cell: @Sendable (SinglesDayYear, Currency) -> TableCell = { year, currency in
            guard let amount = amount(year, in: currency) else { return TableCell("–", style: Style(.dim)) }
            let billions = amount.millions / 1000
            let digits = amount.origin == .reported ? nil : (billions < 10 ? 2 : 1)
            let number = digits.map { formatter.number(billions, fractionDigits: $0) } ?? formatter.number(natural: billions)
            return TableCell((year.isApproximate ? "≈ " : "") + number + amount.confidence.mark(besideApproximate: year.isApproximate),
                             style: Style(amount.confidence == .unverified ? .unverified : .value))
        }
        let table = Table(columns: columns, rowCount: years.count, selected: selected, offset: 0) { index in
            let year = years[index]
            let growthSpan = notation.growth(self.growth(year))
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
        return (table, origins)
    }

    func table(width: Int, selected: Int, expanded: Bool) -> SectionView {
        let context = self.context
        let (table, origins) = makeTable(selected: selected)
        return SectionView(
            title: title, header: [],
            footer: footer(width: width, selected: selected, expanded: expanded, origins: origins),
            itemCount: years.count, slotCount: years.count, slotHeight: 1, bodyChrome: 1,
            slotOfItem: { $0 },
            otherNotes: otherNotes(width: width, selected: selected),
            drawBody: { buffer, area, first in
                var shown = table
                shown.offset = first
                shown.render(into: &buffer, area: area.inset(horizontal: 1, vertical: 0), glyphs: context.glyphs)
            })
    }
}

extension String {
    fileprivate var trimmingPrefixSpace: String { hasPrefix(" ") ? String(dropFirst()) : self }
}
