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

/// Shows revenue in RMB, USD or EUR using only the rates stored in `revenue.json`.
public struct CurrencyConverter: Sendable {
    public let rmbPerEuro: ExchangeRate?
    public let rmbPerDollar: ExchangeRate?

    public init(revenue: RevenueHistory) {
        rmbPerEuro = revenue.conversion["EUR"].flatMap(revenue.exchangeRate(id:))
        rmbPerDollar = revenue.conversion["USD"].flatMap(revenue.exchangeRate(id:))
    }

    private func rate(for currency: Currency) -> ExchangeRate? {
        switch currency {
        case .eur: return rmbPerEuro
        case .usd: return rmbPerDollar
        default: return nil
        }
    }

    /// An Alibaba quarter in `currency`: USD as reported where Alibaba gave it, otherwise converted.
    public func alibaba(_ quarter: AlibabaQuarter, in currency: Currency) -> ConvertedAmount? {
        alibaba(rmbMillions: quarter.rmbMillions, reportedUSD: quarter.usdMillions,
                usdConfidence: quarter.usdConfidence ?? quarter.confidence, confidence: quarter.confidence, in: currency)
    }

    public func alibaba(rmbMillions: Double, reportedUSD: Double?, usdConfidence: Confidence, confidence: Confidence,
                        in currency: Currency) -> ConvertedAmount? {
        switch currency {
        case .rmb:
            return ConvertedAmount(millions: rmbMillions, currency: .rmb, origin: .reported, confidence: confidence)
        case .usd where reportedUSD != nil:
            return ConvertedAmount(millions: reportedUSD!, currency: .usd, origin: .reported, confidence: usdConfidence)
        default:
            guard let rate = rate(for: currency), rate.rate > 0 else { return nil }
            return ConvertedAmount(millions: rmbMillions / rate.rate, currency: currency,
                                   origin: .converted(rateIDs: [rate.id]), confidence: .derived)
        }
    }

    /// An Amazon amount (reported in USD) in `currency`, through RMB with the stored rates.
    public func amazon(usdMillions: Double, confidence: Confidence, in currency: Currency) -> ConvertedAmount? {
        if currency == .usd {
            return ConvertedAmount(millions: usdMillions, currency: .usd, origin: .reported, confidence: confidence)
        }
        guard let dollar = rmbPerDollar, dollar.rate > 0 else { return nil }
        let rmb = usdMillions * dollar.rate
        if currency == .rmb {
            return ConvertedAmount(millions: rmb, currency: .rmb, origin: .converted(rateIDs: [dollar.id]), confidence: .derived)
        }
        guard let target = rate(for: currency), target.rate > 0 else { return nil }
        return ConvertedAmount(millions: rmb / target.rate, currency: currency,
                               origin: .converted(rateIDs: [dollar.id, target.id]), confidence: .derived)
    }
}
