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
    /// This year's GMV in the previous year's scope, where the scope changed and a source gives it
    /// (2011: Tmall alone), so growth can still be shown like for like.
    public var previousScopeRmbBillions: Double?
    public var confidence: Confidence
    public var sources: [String]
    public var note: LocalizedText?

    public init(year: Int, rmbBillions: Double, usdBillions: Double?, approx: Bool?, scope: SinglesDayScope,
                scopeNote: LocalizedText?, growthPercent: Double?, previousScopeRmbBillions: Double?,
                confidence: Confidence, sources: [String], note: LocalizedText?) {
        self.year = year
        self.rmbBillions = rmbBillions
        self.usdBillions = usdBillions
        self.approx = approx
        self.scope = scope
        self.scopeNote = scopeNote
        self.growthPercent = growthPercent
        self.previousScopeRmbBillions = previousScopeRmbBillions
        self.confidence = confidence
        self.sources = sources
        self.note = note
    }

    public var isApproximate: Bool { approx ?? false }
}

/// A year's growth on the year before, compared like with like.
public enum SinglesDayGrowth: Sendable, Equatable {
    /// As the source reported it.
    case reported(Double)
    /// Computed from the two years' RMB figures, of the same scope.
    case computed(Double, approximate: Bool)
    /// The scope changed; computed on the part of this year that has last year's scope.
    case likeForLike(Double, approximate: Bool)
    /// The scope changed and no like-for-like figure is stored: no growth can be given.
    case scopeChanged
    /// The first year, or a gap before it.
    case none
}

/// `singles-day.json`.
public struct SinglesDayHistory: Decodable, Sendable {
    public var years: [SinglesDayYear]
    public var facts: [Fact]

    public init(years: [SinglesDayYear], facts: [Fact]) {
        self.years = years
        self.facts = facts
    }

    public func year(_ year: Int) -> SinglesDayYear? { years.first { $0.year == year } }

    /// Growth on the year before, computed from RMB where both years have the same scope; nil across a
    /// change of scope or a gap.
    public func computedGrowthPercent(for year: Int) -> Double? {
        guard let current = self.year(year), let previous = self.year(year - 1), current.scope == previous.scope,
              previous.rmbBillions > 0 else { return nil }
        return (current.rmbBillions / previous.rmbBillions - 1) * 100
    }

    /// How a year compares with the one before: only like with like. Growth on an approximate year is approximate.
    public func growth(for year: Int) -> SinglesDayGrowth {
        guard let current = self.year(year), let previous = self.year(year - 1), previous.rmbBillions > 0 else { return .none }
        let approximate = current.isApproximate || previous.isApproximate
        if current.scope != previous.scope {
            guard let sameScope = current.previousScopeRmbBillions else { return .scopeChanged }
            return .likeForLike((sameScope / previous.rmbBillions - 1) * 100, approximate: approximate)
        }
        if let reported = current.growthPercent { return .reported(reported) }
        return .computed((current.rmbBillions / previous.rmbBillions - 1) * 100, approximate: approximate)
    }
}
