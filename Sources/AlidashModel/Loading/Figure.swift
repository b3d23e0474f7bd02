/// A figure ready to show: label, one or more amounts (RMB and USD, say), confidence and sources.
public struct Figure: Sendable {
    public var reference: FigureReference
    public var label: LocalizedText
    public var quantities: [Quantity]
    public var text: LocalizedText?
    public var date: PartialDate?
    /// Set when only the date is less sure than the figure.
    public var dateConfidence: Confidence? = nil
    public var confidence: Confidence
    public var sources: [String]
    public var note: LocalizedText?
    /// Each amount's own confidence where it differs from the figure's (FY2017's USD is rounded while its
    /// RMB is verified); empty when all share `confidence`.
    public var quantityConfidences: [Confidence] = []

    /// The mark an amount carries of its own: "~" for a rounded USD beside a verified RMB; "" otherwise.
    public func ownMark(ofQuantityAt index: Int) -> String {
        guard index < quantityConfidences.count, quantityConfidences[index] != confidence else { return "" }
        return quantityConfidences[index].mark
    }
}

extension DataSet {
    private func bothLanguages(_ make: (Formatter) -> String) -> LocalizedText {
        LocalizedText(make(Formatter(language: .en)), german: make(Formatter(language: .de)))
    }

    /// Looks up the figure a reference names, or nil when nothing matches.
    public func resolve(_ reference: FigureReference) -> Figure? {
        switch reference {
        case .fact(let id):
            guard let fact = fact(id: id) else { return nil }
            return Figure(reference: reference, label: fact.label, quantities: fact.quantity.map { [$0] } ?? [],
                          text: fact.text, date: fact.date, dateConfidence: fact.dateConfidence,
                          confidence: fact.confidence, sources: fact.sources, note: fact.note)
        case .singlesDay(let year):
            guard let entry = singlesDay.year(year) else { return nil }
            var amounts = [Quantity(value: entry.rmbBillions, unit: .rmb, scale: .billion,
                                    qualifier: entry.isApproximate ? .about : nil)]
            if let usd = entry.usdBillions { amounts.append(Quantity(value: usd, unit: .usd, scale: .billion)) }
            return Figure(reference: reference,
                          label: LocalizedText("Singles' Day \(year) (GMV)", german: "Singles' Day \(year) (GMV)"),
                          quantities: amounts, text: entry.scopeNote, date: PartialDate(year: year, month: 11, day: 11),
                          confidence: entry.confidence, sources: entry.sources, note: entry.note)
        case .alibabaQuarter(let period):
            guard let quarter = revenue.alibabaQuarter(fiscalYear: period.fiscalYear, quarter: period.quarter) else { return nil }
            var amounts = [Quantity(value: quarter.rmbMillions, unit: .rmb, scale: .million)]
            if let usd = quarter.usdMillions, quarter.usdConfidence != .unverified {
                amounts.append(Quantity(value: usd, unit: .usd, scale: .million))
            }
            return Figure(reference: reference,
                          label: bothLanguages { ($0.language == .de ? "Alibaba-Umsatz " : "Alibaba revenue ") + $0.fiscalQuarter(period) },
                          quantities: amounts, text: nil, date: quarter.end, confidence: quarter.confidence,
                          sources: quarter.sources, note: quarter.note,
                          quantityConfidences: [quarter.confidence, quarter.usdConfidence ?? quarter.confidence].prefix(amounts.count).map { $0 })
        case .alibabaYear(let fiscalYear):
            guard let year = revenue.alibabaFiscalYears.first(where: { $0.fiscalYear == fiscalYear }) else { return nil }
            var amounts = [Quantity(value: year.rmbMillions, unit: .rmb, scale: .million)]
            if let usd = year.usdMillions, year.usdConfidence != .unverified {
                amounts.append(Quantity(value: usd, unit: .usd, scale: .million))
            }
            return Figure(reference: reference,
                          label: bothLanguages { ($0.language == .de ? "Alibaba-Umsatz GJ" : "Alibaba revenue FY") + String(fiscalYear) + " (" + $0.monthRange(from: year.start, to: year.end) + ")" },
                          quantities: amounts, text: nil, date: year.end, confidence: year.confidence,
                          sources: year.sources, note: nil,
                          quantityConfidences: [year.confidence, year.usdConfidence ?? year.confidence].prefix(amounts.count).map { $0 })
        case .amazonQuarter(let period):
            guard let quarter = revenue.amazonQuarter(year: period.year, quarter: period.quarter) else { return nil }
            return Figure(reference: reference,
                          label: bothLanguages { ($0.language == .de ? "Amazon-Nettoumsatz " : "Amazon net sales ") + $0.calendarQuarter(period) },
                          quantities: [Quantity(value: quarter.usdMillions, unit: .usd, scale: .million)], text: nil,
                          date: nil, confidence: quarter.confidence, sources: quarter.sources, note: nil)
        case .amazonYear(let year):
            guard let entry = revenue.amazonYears.first(where: { $0.year == year }) else { return nil }
            return Figure(reference: reference,
                          label: LocalizedText("Amazon net sales \(year)", german: "Amazon-Nettoumsatz \(year)"),
                          quantities: [Quantity(value: entry.usdMillions, unit: .usd, scale: .million)], text: nil,
                          date: nil, confidence: entry.confidence, sources: entry.sources, note: nil)
        }
    }
}
