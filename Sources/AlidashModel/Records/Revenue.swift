/// One quarter of Alibaba's revenue, labelled by its fiscal year (April–March).
public struct AlibabaQuarter: Decodable, Sendable {
    public var fiscalYear: Int
    public var fiscalQuarter: Int
    public var start: PartialDate
    public var end: PartialDate
    public var rmbMillions: Double
    public var usdMillions: Double?
    public var usdConfidence: Confidence?
    public var yoyPercent: Double?
    public var confidence: Confidence
    public var sources: [String]
    public var note: LocalizedText?

    public init(fiscalYear: Int, fiscalQuarter: Int, start: PartialDate, end: PartialDate, rmbMillions: Double,
                usdMillions: Double?, usdConfidence: Confidence?, yoyPercent: Double?, confidence: Confidence,
                sources: [String], note: LocalizedText?) {
        self.fiscalYear = fiscalYear
        self.fiscalQuarter = fiscalQuarter
        self.start = start
        self.end = end
        self.rmbMillions = rmbMillions
        self.usdMillions = usdMillions
        self.usdConfidence = usdConfidence
        self.yoyPercent = yoyPercent
        self.confidence = confidence
        self.sources = sources
        self.note = note
    }

    public var period: AlibabaFiscalQuarter { AlibabaFiscalQuarter(fiscalYear: fiscalYear, quarter: fiscalQuarter) }
}

/// One of Alibaba's fiscal years.
public struct AlibabaFiscalYear: Decodable, Sendable {
    public var fiscalYear: Int
    public var start: PartialDate
    public var end: PartialDate
    public var rmbMillions: Double
    public var usdMillions: Double?
    public var usdConfidence: Confidence?
    public var confidence: Confidence
    public var sources: [String]

    public init(fiscalYear: Int, start: PartialDate, end: PartialDate, rmbMillions: Double, usdMillions: Double?,
                usdConfidence: Confidence?, confidence: Confidence, sources: [String]) {
        self.fiscalYear = fiscalYear
        self.start = start
        self.end = end
        self.rmbMillions = rmbMillions
        self.usdMillions = usdMillions
        self.usdConfidence = usdConfidence
        self.confidence = confidence
        self.sources = sources
    }
}

/// One calendar quarter of Amazon's net sales.
public struct AmazonQuarter: Decodable, Sendable {
    public var year: Int
    public var quarter: Int
    public var usdMillions: Double
    public var confidence: Confidence
    public var sources: [String]

    public init(year: Int, quarter: Int, usdMillions: Double, confidence: Confidence, sources: [String]) {
        self.year = year
        self.quarter = quarter
        self.usdMillions = usdMillions
        self.confidence = confidence
        self.sources = sources
    }

    public var period: CalendarQuarter { CalendarQuarter(year: year, quarter: quarter) }
}

/// One calendar year of Amazon's net sales.
public struct AmazonYear: Decodable, Sendable {
    public var year: Int
    public var usdMillions: Double
    public var confidence: Confidence
    public var sources: [String]

    public init(year: Int, usdMillions: Double, confidence: Confidence, sources: [String]) {
        self.year = year
        self.usdMillions = usdMillions
        self.confidence = confidence
        self.sources = sources
    }
}

/// A stored exchange rate: 1 `base` = `rate` `quote`.
public struct ExchangeRate: Decodable, Sendable, Identifiable {
    public var id: String
    public var date: PartialDate
    public var base: Currency
    public var quote: Currency
    public var rate: Double
    public var confidence: Confidence
    public var sources: [String]
    public var note: LocalizedText?

    public init(id: String, date: PartialDate, base: Currency, quote: Currency, rate: Double, confidence: Confidence,
                sources: [String], note: LocalizedText?) {
        self.id = id
        self.date = date
        self.base = base
        self.quote = quote
        self.rate = rate
        self.confidence = confidence
        self.sources = sources
        self.note = note
    }
}

/// `revenue.json`.
public struct RevenueHistory: Decodable, Sendable {
    public var alibabaQuarters: [AlibabaQuarter]
    public var alibabaFiscalYears: [AlibabaFiscalYear]
    public var amazonQuarters: [AmazonQuarter]
    public var amazonYears: [AmazonYear]
    public var exchangeRates: [ExchangeRate]

    // Lookups by period, built once after decoding so that growth and sums stay n log n in the data.
    // Sorted arrays rather than dictionaries: the first dictionary of a key type costs the runtime a
    // search of every conformance in the binary (even for Int), a noticeable part of the start.
    private var alibabaIndex = QuarterIndex()
    private var amazonIndex = QuarterIndex()

    private enum CodingKeys: String, CodingKey {
        case alibabaQuarters, alibabaFiscalYears, amazonQuarters, amazonYears, exchangeRates
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(alibabaQuarters: try container.decode([AlibabaQuarter].self, forKey: .alibabaQuarters),
                  alibabaFiscalYears: try container.decode([AlibabaFiscalYear].self, forKey: .alibabaFiscalYears),
                  amazonQuarters: try container.decode([AmazonQuarter].self, forKey: .amazonQuarters),
                  amazonYears: try container.decode([AmazonYear].self, forKey: .amazonYears),
                  exchangeRates: try container.decode([ExchangeRate].self, forKey: .exchangeRates))
    }

    public init(alibabaQuarters: [AlibabaQuarter], alibabaFiscalYears: [AlibabaFiscalYear], amazonQuarters: [AmazonQuarter],
                amazonYears: [AmazonYear], exchangeRates: [ExchangeRate]) {
        self.alibabaQuarters = alibabaQuarters
        self.alibabaFiscalYears = alibabaFiscalYears
        self.amazonQuarters = amazonQuarters
        self.amazonYears = amazonYears
        self.exchangeRates = exchangeRates
        alibabaIndex = QuarterIndex(keys: alibabaQuarters.map { RevenueHistory.quarterKey($0.fiscalYear, $0.fiscalQuarter) })
        amazonIndex = QuarterIndex(keys: amazonQuarters.map { RevenueHistory.quarterKey($0.year, $0.quarter) })
    }

    /// Positions in a list by `quarterKey`, the first of equal keys winning; nil keys are left out.
    struct QuarterIndex: Sendable {
        private var entries: [(key: Int, position: Int)] = []

        init() {}

        init(keys: [Int?]) {
            // Sorted by key, then position, so the first of equal keys comes first and stays.
            let sorted = keys.enumerated().compactMap { item in item.element.map { (key: $0, position: item.offset) } }
                .sorted { $0.key != $1.key ? $0.key < $1.key : $0.position < $1.position }
            for entry in sorted where entries.last?.key != entry.key { entries.append(entry) }
        }

        subscript(key: Int) -> Int? {
            var low = 0, high = entries.count
            while low < high {
                let middle = low + (high - low) / 2
                if entries[middle].key < key { low = middle + 1 } else { high = middle }
            }
            return low < entries.count && entries[low].key == key ? entries[low].position : nil
        }
    }

    /// One Int per (year, quarter 1–4); nil for a quarter outside 1–4 or a year too large to count in.
    private static func quarterKey(_ year: Int, _ quarter: Int) -> Int? {
        guard (1...4).contains(quarter) else { return nil }
        let (times, overflow) = year.multipliedReportingOverflow(by: 4)
        let (key, carry) = times.addingReportingOverflow(quarter - 1)
        return overflow || carry ? nil : key
    }

    public func alibabaQuarter(fiscalYear: Int, quarter: Int) -> AlibabaQuarter? {
        RevenueHistory.quarterKey(fiscalYear, quarter).flatMap { alibabaIndex[$0] }.map { alibabaQuarters[$0] }
    }

    public func amazonQuarter(year: Int, quarter: Int) -> AmazonQuarter? {
        RevenueHistory.quarterKey(year, quarter).flatMap { amazonIndex[$0] }.map { amazonQuarters[$0] }
    }

    /// The Amazon quarter covering the same calendar months as an Alibaba fiscal quarter.
    public func amazonQuarter(matching alibaba: AlibabaQuarter) -> AmazonQuarter? {
        let calendar = alibaba.period.calendarQuarter
        return amazonQuarter(year: calendar.year, quarter: calendar.quarter)
    }

    /// Year-over-year growth computed from RMB (nil without the quarter a year earlier).
    public func computedGrowthPercent(of quarter: AlibabaQuarter) -> Double? {
        guard let previous = alibabaQuarter(fiscalYear: quarter.fiscalYear - 1, quarter: quarter.fiscalQuarter),
              previous.rmbMillions > 0 else { return nil }
        return (quarter.rmbMillions / previous.rmbMillions - 1) * 100
    }

    public func computedGrowthPercent(of quarter: AmazonQuarter) -> Double? {
        guard let previous = amazonQuarter(year: quarter.year - 1, quarter: quarter.quarter),
              previous.usdMillions > 0 else { return nil }
        return (quarter.usdMillions / previous.usdMillions - 1) * 100
    }

    /// The Alibaba quarter covering the same calendar months as an Amazon quarter.
    public func alibabaQuarter(matching amazon: AmazonQuarter) -> AlibabaQuarter? {
        // Jan–Mar closes Alibaba's fiscal year of that year; Apr–Dec are Q1–Q3 of the next one.
        amazon.quarter == 1 ? alibabaQuarter(fiscalYear: amazon.year, quarter: 4)
            : alibabaQuarter(fiscalYear: amazon.year + 1, quarter: amazon.quarter - 1)
    }

    /// Ids of the rates taken from Alibaba's own quarterly translations start with this.
    static let quarterRatePrefix = "alibaba-usd-rmb-"

    /// A stored rate, or one taken from an Alibaba quarter's own translation (see `CurrencyConverter`).
    public func exchangeRate(id: String) -> ExchangeRate? {
        if id.hasPrefix(RevenueHistory.quarterRatePrefix) {
            return alibabaQuarters.lazy.compactMap(converter.dollarRate(of:)).first { $0.id == id }
        }
        return exchangeRates.first { $0.id == id }
    }

    public var converter: CurrencyConverter { CurrencyConverter(revenue: self) }
}
