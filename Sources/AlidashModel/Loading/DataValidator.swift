/// Checks what decoding cannot: references, uniqueness, ranges, periods and sums.
struct DataValidator {
    let data: DataSet
    private var found: [DataProblem] = []

    init(data: DataSet) {
        self.data = data
    }

    func problems() -> [DataProblem] {
        var validator = self
        validator.checkSources()
        validator.checkFacts()
        validator.checkHubs()
        validator.checkSinglesDay()
        validator.checkAlibabaRevenue()
        validator.checkAmazonRevenue()
        validator.checkExchangeRates()
        validator.checkComparison()
        validator.checkTimeline()
        validator.checkOverview()
        validator.checkClaims()
        return validator.found
    }

    /// A number as the data file writes it: 376844, 213.5 (no "376844.0").
    private func shown(_ value: Double, digits: Int? = nil) -> String {
        guard value.isFinite, abs(value) < 1e15 else { return String(value) }
        if let digits { return Formatter(language: .en).number(value, fractionDigits: digits).replacing(",", with: "") }
        return Formatter(language: .en).number(natural: value).replacing(",", with: "")
    }

    private mutating func report(_ file: String, _ path: String, _ message: String) {
        found.append(DataProblem(file: file, path: path, message: message))
    }

    private mutating func checkCitations(_ file: String, _ path: String, sources: [String], confidence: Confidence) {
        if sources.isEmpty, confidence != .unverified {
            report(file, path + ".sources", "a \(confidence.rawValue) figure needs at least one source id")
        }
        for (index, id) in sources.enumerated() where data.source(id: id) == nil {
            report(file, path + ".sources[\(index)]", "unknown source id \"\(id)\" (not in sources.json)")
        }
    }

    /// Larger than any figure in this story, and small enough that every later step stays exact.
    static let largestAmount = 1e15

    private mutating func checkAmount(_ file: String, _ path: String, _ value: Double) {
        if !value.isFinite {
            report(file, path, "expected a finite number")
        } else if value > DataValidator.largestAmount {
            report(file, path, "expected at most 1e15, found \(shown(value))")
        } else if value < 0 {
            report(file, path, "expected an amount of zero or more, found \(shown(value))")
        }
    }

    private mutating func checkUnique(_ file: String, _ path: String, ids: [String], what: String) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() {
            if id.isEmpty { report(file, "\(path)[\(index)].id", "expected a non-empty id") }
            if !seen.insert(id).inserted { report(file, "\(path)[\(index)].id", "duplicate \(what) id \"\(id)\"") }
        }
    }

    // MARK: - Files

    private mutating func checkClaims() {
        let file = "claims.json"
        checkUnique(file, "claims", ids: data.claims.map(\.id), what: "claim")
        var carried: Set<String> = []
        for (index, claim) in data.claims.enumerated() {
            let path = "claims[\(index)]"
            let length = claim.quote.count
            if length == 0 || length > Claim.maximumQuoteLength {
                report(file, path + ".quote", "expected the few words under check (1 to \(Claim.maximumQuoteLength) characters), found \(length)")
            }
            checkCitations(file, path, sources: claim.sources, confidence: .verified)
            if (claim.later == nil) != (claim.laterSources == nil) {
                report(file, path + ".laterSources", "\"later\" and \"laterSources\" come together")
            }
            if let later = claim.laterSources { checkCitations(file, path + ".later", sources: later, confidence: .verified) }
            for (e, id) in (claim.errata ?? []).enumerated() {
                if data.erratum(id: id) == nil {
                    report(file, path + ".errata[\(e)]", "unknown erratum id \"\(id)\" (not in sources.json)")
                }
                carried.insert(id)
            }
        }
        for (index, erratum) in data.errata.enumerated() where !carried.contains(erratum.id) {
            report("sources.json", "errata[\(index)].id", "no claim in claims.json carries erratum \"\(erratum.id)\"")
        }
    }

    private mutating func checkSources() {
        checkUnique("sources.json", "sources", ids: data.sources.map(\.id), what: "source")
        checkUnique("sources.json", "errata", ids: data.errata.map(\.id), what: "erratum")
        for (index, erratum) in data.errata.enumerated() {
            checkCitations("sources.json", "errata[\(index)]", sources: erratum.sources, confidence: .verified)
            if erratum.quote.isEmpty || erratum.quote.count > Claim.maximumQuoteLength {
                report("sources.json", "errata[\(index)].quote",
                       "expected the few words under check (1 to \(Claim.maximumQuoteLength) characters), found \(erratum.quote.count)")
            }
            for (key, quantity) in [("corrected", erratum.corrected), ("articleSaid", erratum.articleSaid)] {
                if let quantity { checkQuantity("sources.json", "errata[\(index)].\(key)", quantity) }
            }
        }
    }

    private mutating func checkQuantity(_ file: String, _ path: String, _ quantity: Quantity) {
        checkAmount(file, path + ".value", quantity.value)
        if quantity.unit == .rank, quantity.value.rounded() != quantity.value {
            report(file, path + ".value", "expected a whole number for a rank, found \(quantity.value)")
        }
        if let top = quantity.upTo {
            checkAmount(file, path + ".upTo", top)
            if top < quantity.value { report(file, path + ".upTo", "the top of a range must not be below its value") }
        }
    }

    private mutating func checkFacts() {
        var seen: Set<String> = []
        for located in data.locatedFacts {
            let fact = located.fact
            if !seen.insert(fact.id).inserted {
                report(located.file, located.path + ".id", "duplicate fact id \"\(fact.id)\" (fact ids are unique across all files)")
            }
            if fact.quantity == nil && fact.text == nil {
                report(located.file, located.path, "a fact needs a quantity, a text, or both")
            }
            if let quantity = fact.quantity { checkQuantity(located.file, located.path + ".quantity", quantity) }
            checkCitations(located.file, located.path, sources: fact.sources, confidence: fact.confidence)
            if let topic = fact.topic, let problem = DataValidator.mismatch(of: topic, with: fact) {
                report(located.file, located.path + ".topic", problem)
            }
        }
    }

    /// Why a fact cannot carry `topic`: a signing or an opening needs a date, an area an area unit, an
    /// investment a currency, jobs a count.
    static func mismatch(of topic: FactTopic, with fact: Fact) -> String? {
        let unit = fact.quantity?.unit
        switch topic {
        case .signed, .opened:
            return fact.date == nil ? "a \"\(topic.rawValue)\" fact needs a date" : nil
        case .area:
            return [.squareMetres, .hectares, .acres, .squareFeet].contains(unit) ? nil
                : "an \"area\" fact needs an amount in m2, ha, acre or sqft"
        case .investment:
            return unit?.currency != nil ? nil : "an \"investment\" fact needs an amount in a currency"
        case .jobs:
            return unit == .count ? nil : "a \"jobs\" fact needs a count"
        }
    }

    private mutating func checkHubs() {
        checkUnique("hubs.json", "hubs", ids: data.hubs.map(\.id), what: "hub")
        for (index, hub) in data.hubs.enumerated() {
            let path = "hubs[\(index)]"
            if !hub.location.lat.isFinite || abs(hub.location.lat) > 90 {
                report("hubs.json", path + ".location.lat", "expected a latitude from -90 to 90, found \(hub.location.lat)")
            }
            if !hub.location.lon.isFinite || abs(hub.location.lon) > 180 {
                report("hubs.json", path + ".location.lon", "expected a longitude from -180 to 180, found \(hub.location.lon)")
            }
            checkCitations("hubs.json", path + ".location", sources: hub.location.sources, confidence: hub.location.confidence)
            checkCitations("hubs.json", path + ".status", sources: hub.statusSources, confidence: .verified)
            for (c, change) in hub.changes.enumerated() {
                checkCitations("hubs.json", path + ".changes[\(c)]", sources: change.sources, confidence: change.confidence)
            }
        }
        if data.hubs.filter({ $0.kind == .headquarters }).count > 1 {
            report("hubs.json", "hubs", "expected at most one hub of kind \"headquarters\"")
        }
    }

    private mutating func checkSinglesDay() {
        var previous: Int?
        for (index, year) in data.singlesDay.years.enumerated() {
            let path = "years[\(index)]"
            checkAmount("singles-day.json", path + ".rmbBillions", year.rmbBillions)
            if let usd = year.usdBillions { checkAmount("singles-day.json", path + ".usdBillions", usd) }
            checkCitations("singles-day.json", path, sources: year.sources, confidence: year.confidence)
            if let previous, year.year <= previous {
                report("singles-day.json", path + ".year", "years must be in order without repeats: \(year.year) follows \(previous)")
            } else if let previous, year.year != previous + 1 {
                report("singles-day.json", path + ".year", "gap: no figure for \(previous + 1) between \(previous) and \(year.year)")
            }
            if let reported = year.growthPercent, let computed = data.singlesDay.computedGrowthPercent(for: year.year),
               abs(reported - computed) > 1.0 {
                report("singles-day.json", path + ".growthPercent", "reported growth \(shown(reported))% does not match \(shown(computed, digits: 1))% computed from the year before")
            }
            if let sameScope = year.previousScopeRmbBillions {
                checkAmount("singles-day.json", path + ".previousScopeRmbBillions", sameScope)
                if sameScope > year.rmbBillions {
                    report("singles-day.json", path + ".previousScopeRmbBillions",
                           "expected a part of the year's \(shown(year.rmbBillions)), found \(shown(sameScope))")
                }
            }
            previous = year.year
        }
    }

    private mutating func checkAlibabaRevenue() {
        let file = "revenue.json"
        var previous: AlibabaQuarter?
        for (index, quarter) in data.revenue.alibabaQuarters.enumerated() {
            let path = "alibabaQuarters[\(index)]"
            checkAmount(file, path + ".rmbMillions", quarter.rmbMillions)
            if let usd = quarter.usdMillions { checkAmount(file, path + ".usdMillions", usd) }
            checkCitations(file, path, sources: quarter.sources, confidence: quarter.confidence)
            guard (1...4).contains(quarter.fiscalQuarter) else {
                report(file, path + ".fiscalQuarter", "expected 1 to 4, found \(quarter.fiscalQuarter)")
                continue
            }
            let expected = quarter.period
            if quarter.start != expected.start || quarter.end != expected.end {
                report(file, path, "\(expected.label) runs \(expected.start) to \(expected.end) (Alibaba's fiscal year starts in April), found \(quarter.start) to \(quarter.end)")
            }
            if let previous {
                if quarter.start <= previous.end {
                    report(file, path + ".start", "\(expected.label) overlaps \(previous.period.label)")
                } else if previous.end.nextDay != quarter.start {
                    report(file, path + ".start", "gap between \(previous.period.label) (ends \(previous.end)) and \(expected.label) (starts \(quarter.start))")
                }
            }
            previous = quarter
            if let reported = quarter.yoyPercent, let computed = data.revenue.computedGrowthPercent(of: quarter),
               abs(reported - computed) > 1.0 {
                report(file, path + ".yoyPercent", "reported growth \(shown(reported))% does not match \(shown(computed, digits: 1))% computed from the quarter a year earlier")
            }
        }
        let sums = Self.quarterSums(data.revenue.alibabaQuarters.map { ($0.fiscalYear, $0.rmbMillions) })
        for (index, year) in data.revenue.alibabaFiscalYears.enumerated() {
            let path = "alibabaFiscalYears[\(index)]"
            if let usd = year.usdMillions { checkAmount(file, path + ".usdMillions", usd) }
            checkCitations(file, path, sources: year.sources, confidence: year.confidence)
            checkYearTotal(path + ".rmbMillions", name: "FY\(year.fiscalYear)", total: year.rmbMillions,
                           quarters: sums[year.fiscalYear])
        }
    }

    /// Count and sum of the quarters of each year.
    private static func quarterSums(_ quarters: [(year: Int, amount: Double)]) -> [Int: (count: Int, sum: Double)] {
        var sums: [Int: (count: Int, sum: Double)] = [:]
        for quarter in quarters {
            let entry = sums[quarter.year] ?? (0, 0)
            sums[quarter.year] = (entry.count + 1, entry.sum + quarter.amount)
        }
        return sums
    }

    /// A year's total must be a valid amount and, when all four quarters are there, their sum.
    private mutating func checkYearTotal(_ path: String, name: String, total: Double, quarters: (count: Int, sum: Double)?) {
        checkAmount("revenue.json", path, total)
        guard let (count, sum) = quarters, count == 4, abs(sum - total) > 0.5 else { return }
        report("revenue.json", path, "\(name) total is \(shown(total)) but its quarters add up to \(shown(sum))")
    }

    private mutating func checkAmazonRevenue() {
        let file = "revenue.json"
        var previous: CalendarQuarter?
        for (index, quarter) in data.revenue.amazonQuarters.enumerated() {
            let path = "amazonQuarters[\(index)]"
            checkAmount(file, path + ".usdMillions", quarter.usdMillions)
            checkCitations(file, path, sources: quarter.sources, confidence: quarter.confidence)
            guard (1...4).contains(quarter.quarter) else {
                report(file, path + ".quarter", "expected 1 to 4, found \(quarter.quarter)")
                continue
            }
            if let previous {
                if quarter.period <= previous {
                    report(file, path, "\(quarter.period.label) overlaps or comes before \(previous.label)")
                } else if quarter.period != previous.next {
                    report(file, path, "gap between \(previous.label) and \(quarter.period.label)")
                }
            }
            previous = quarter.period
        }
        let sums = Self.quarterSums(data.revenue.amazonQuarters.map { ($0.year, $0.usdMillions) })
        for (index, year) in data.revenue.amazonYears.enumerated() {
            let path = "amazonYears[\(index)]"
            checkCitations(file, path, sources: year.sources, confidence: year.confidence)
            checkYearTotal(path + ".usdMillions", name: String(year.year), total: year.usdMillions, quarters: sums[year.year])
        }
    }

    private mutating func checkExchangeRates() {
        let file = "revenue.json"
        checkUnique(file, "exchangeRates", ids: data.revenue.exchangeRates.map(\.id), what: "exchange rate")
        for (index, rate) in data.revenue.exchangeRates.enumerated() {
            if !(rate.rate.isFinite && rate.rate > 0) {
                report(file, "exchangeRates[\(index)].rate", "expected a rate above zero, found \(rate.rate)")
            }
            if rate.quote != .rmb {
                report(file, "exchangeRates[\(index)].quote", "rates are stored as RMB per unit of another currency")
            }
            checkCitations(file, "exchangeRates[\(index)]", sources: rate.sources, confidence: rate.confidence)
        }
    }

    private mutating func checkComparison() {
        let file = "comparison.json"
        checkUnique(file, "rows", ids: data.comparison.rows.map(\.id), what: "row")
        checkUnique(file, "breakdowns", ids: data.comparison.breakdowns.map(\.id), what: "breakdown")
        for (index, row) in data.comparison.rows.enumerated() {
            checkCitations(file, "rows[\(index)]", sources: row.sources, confidence: row.confidence)
        }
        for (index, fact) in data.comparison.facts.enumerated() where fact.company == nil {
            report(file, "facts[\(index)].company", "expected \"amazon\" or \"alibaba\": whose figure this is")
        }
        for (index, breakdown) in data.comparison.breakdowns.enumerated() {
            let path = "breakdowns[\(index)]"
            checkAmount(file, path + ".total", breakdown.total)
            checkCitations(file, path, sources: breakdown.sources, confidence: breakdown.confidence)
            for (p, part) in breakdown.parts.enumerated() { checkAmount(file, path + ".parts[\(p)].value", part.value) }
            let sum = breakdown.parts.reduce(0) { $0 + $1.value }
            if abs(sum - breakdown.total) > 0.5 {
                report(file, path + ".parts", "parts add up to \(shown(sum)), not the total \(shown(breakdown.total))")
            }
        }
    }

    private mutating func checkTimeline() {
        let file = "timeline.json"
        checkUnique(file, "events", ids: data.timeline.events.map(\.id), what: "event")
        var previous: PartialDate?
        for (index, event) in data.timeline.events.enumerated() {
            checkCitations(file, "events[\(index)]", sources: event.sources, confidence: event.confidence)
            if let previous, event.date < previous {
                report(file, "events[\(index)].date", "events must be in date order: \(event.date) follows \(previous)")
            }
            previous = event.date
        }
    }

    private mutating func checkOverview() {
        let file = "overview.json"
        checkUnique(file, "cards", ids: data.overview.cards.map(\.id), what: "card")
        checkCitations(file, "story", sources: data.overview.storySources, confidence: .verified)
        for (index, card) in data.overview.cards.enumerated() {
            for (f, reference) in card.figures.enumerated() where data.resolve(reference) == nil {
                report(file, "cards[\(index)].figures[\(f)]", "reference \"\(reference)\" names no figure in the data")
            }
            if let headline = card.headline, !card.figures.contains(headline) {
                report(file, "cards[\(index)].headline", "reference \"\(headline)\" is not one of the card's figures")
            }
            for (e, id) in (card.errata ?? []).enumerated() where data.erratum(id: id) == nil {
                report(file, "cards[\(index)].errata[\(e)]", "unknown erratum id \"\(id)\" (not in sources.json)")
            }
        }
    }
}
