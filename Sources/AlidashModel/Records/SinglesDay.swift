/// What a year's Singles' Day figure covers; the scope widened over time.
public enum SinglesDayScope: String, Decodable, Sendable {
    case tmall
    case taobaoTmall = "taobao-tmall"
    case marketplaces
    case alipay24h = "alipay-24h"
    case campaign11Day = "campaign-11-day"

    /// True for the 1–11 November campaign figures, which cannot be compared with one day's.
    public var isElevenDayCampaign: Bool { self == .campaign11Day }
}

/// Gross merchandise volume on 11 November of one year.
public struct SinglesDayYear: Decodable, Sendable {
    public var year: Int
    public var rmbBillions: Double
    public var usdBillions: Double?
    public var approx: Bool?
    public var scope: SinglesDayScope
    public var scopeNote: LocalizedText?
    public var growthPercent: Double?
    public var confidence: Confidence
    public var sources: [String]
    public var note: LocalizedText?

    public var isApproximate: Bool { approx ?? false }
}

/// `singles-day.json`.
public struct SinglesDayHistory: Decodable, Sendable {
    public var years: [SinglesDayYear]
    public var facts: [Fact]

    public func year(_ year: Int) -> SinglesDayYear? { years.first { $0.year == year } }

    /// Growth on the year before, computed from RMB; nil across a change of scope or a gap.
    public func computedGrowthPercent(for year: Int) -> Double? {
        guard let current = self.year(year), let previous = self.year(year - 1),
              current.scope.isElevenDayCampaign == previous.scope.isElevenDayCampaign,
              previous.rmbBillions > 0 else { return nil }
        return (current.rmbBillions / previous.rmbBillions - 1) * 100
    }
}
