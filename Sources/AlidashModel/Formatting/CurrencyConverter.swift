/// How a shown amount came about.
public enum AmountOrigin: Sendable, Equatable {
    /// As the company reported it.
    case reported
    /// Converted by us with stored rates (their ids, in the order applied).
    case converted(rateIDs: [String])
}

/// An amount in millions, in one currency, with where it came from.
public struct ConvertedAmount: Sendable, Equatable {
    public var millions: Double
    public var currency: Currency
    public var origin: AmountOrigin
    public var confidence: Confidence

    public init(millions: Double, currency: Currency, origin: AmountOrigin, confidence: Confidence) {
        self.millions = millions
        self.currency = currency
        self.origin = origin
        self.confidence = confidence
    }
}

/// Shows quarterly revenue in RMB, USD or EUR, each quarter at the rate of its own period, never one rate
/// for all: USD↔RMB at the rate Alibaba itself used for that quarter (its RMB over its USD; Amazon's quarter
/// of the same months gets the same rate), EUR at a stored rate dated within the quarter. Without a rate
/// for the period there is no converted figure. A rate's confidence carries into what it converts.
public struct CurrencyConverter: Sendable {
    let revenue: RevenueHistory

    public init(revenue: RevenueHistory) {
        self.revenue = revenue
    }

    /// Alibaba's own USD translation of `quarter` as a rate: RMB per USD, derived (unverified when its
    /// USD figure is), with the quarter's sources.
    public func dollarRate(of quarter: AlibabaQuarter) -> ExchangeRate? {
        guard let usd = quarter.usdMillions, usd > 0 else { return nil }
        let confidence = weaker(quarter.usdConfidence ?? quarter.confidence, quarter.confidence)
        let label = "FY\(quarter.fiscalYear) Q\(quarter.fiscalQuarter)"
        return ExchangeRate(id: RevenueHistory.quarterRatePrefix + label, date: quarter.end, base: .usd, quote: .rmb,
                            rate: quarter.rmbMillions / usd, confidence: confidence == .verified ? .derived : confidence,
                            sources: quarter.sources,
                            note: LocalizedText("Alibaba's own translation of \(label)", german: "Alibabas eigene Umrechnung für GJ\(quarter.fiscalYear) Q\(quarter.fiscalQuarter)"))
    }

    /// A stored rate of `currency` dated within the quarter's months: the latest, as period-end
    /// translations are; nil when none is stored for that period.
    public func storedRate(of currency: Currency, from start: PartialDate, to end: PartialDate) -> ExchangeRate? {
        revenue.exchangeRates
            .filter { $0.base == currency && $0.quote == .rmb && $0.rate > 0 && $0.date >= start && $0.date <= end }
            .max { $0.date < $1.date }
    }

    /// An Alibaba quarter in `currency`: RMB and USD as reported; EUR at a rate of its own period, if stored.
    public func alibaba(_ quarter: AlibabaQuarter, in currency: Currency) -> ConvertedAmount? {
        switch currency {
        case .rmb:
            return ConvertedAmount(millions: quarter.rmbMillions, currency: .rmb, origin: .reported, confidence: quarter.confidence)
        case .usd:
            guard let usd = quarter.usdMillions else { return nil }
            return ConvertedAmount(millions: usd, currency: .usd, origin: .reported,
                                   confidence: quarter.usdConfidence ?? quarter.confidence)
        default:
            guard let rate = storedRate(of: currency, from: quarter.start, to: quarter.end) else { return nil }
            return ConvertedAmount(millions: quarter.rmbMillions / rate.rate, currency: currency,
                                   origin: .converted(rateIDs: [rate.id]), confidence: derived(quarter.confidence, rate.confidence))
        }
    }

    /// An Amazon quarter in `currency`: USD as reported; RMB at Alibaba's rate for the same months; EUR from
    /// that RMB at a stored rate of those months.
    public func amazon(_ quarter: AmazonQuarter, in currency: Currency) -> ConvertedAmount? {
        if currency == .usd {
            return ConvertedAmount(millions: quarter.usdMillions, currency: .usd, origin: .reported, confidence: quarter.confidence)
        }
        guard let alibaba = revenue.alibabaQuarter(matching: quarter), let dollar = dollarRate(of: alibaba) else { return nil }
        let rmb = quarter.usdMillions * dollar.rate
        let confidence = derived(quarter.confidence, dollar.confidence)
        if currency == .rmb {
            return ConvertedAmount(millions: rmb, currency: .rmb, origin: .converted(rateIDs: [dollar.id]), confidence: confidence)
        }
        guard let target = storedRate(of: currency, from: alibaba.start, to: alibaba.end) else { return nil }
        return ConvertedAmount(millions: rmb / target.rate, currency: currency, origin: .converted(rateIDs: [dollar.id, target.id]),
                               confidence: derived(confidence, target.confidence))
    }

    /// What a conversion of a figure of `figure` confidence with a rate of `rate` confidence is worth:
    /// calculated at best, unverified when either input is.
    private func derived(_ figure: Confidence, _ rate: Confidence) -> Confidence {
        figure == .unverified || rate == .unverified ? .unverified : .derived
    }

    private func weaker(_ first: Confidence, _ second: Confidence) -> Confidence {
        let order = Confidence.allCases
        return (order.firstIndex(of: first) ?? 0) >= (order.firstIndex(of: second) ?? 0) ? first : second
    }
}
