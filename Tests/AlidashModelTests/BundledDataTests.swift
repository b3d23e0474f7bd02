import AlidashModel
import Testing
import TestSupport

/// The bundled figures that the story rests on: a wrong number in Data/ fails here.
@Suite struct BundledDataTests {
    let data = TestData.bundled

    @Test func bundledDataLoadsAndValidates() throws {
        let loaded = try DataLoader.load(.bundled)
        #expect(loaded.origin == "bundled")
        #expect(loaded.sources.count > 100)
        #expect(!loaded.errata.isEmpty)
        #expect(loaded.hubs.count >= 5)
    }

    /// The binary carries Data/ as Swift values written at build time; they must be what the JSON says.
    @Test func theBuiltInValuesAreTheDecodedFiles() throws {
        let builtIn = Self.lines(of: try DataLoader.load(.bundled))
        let decoded = Self.lines(of: try DataLoader.decodeBundledText())
        #expect(builtIn.count > 5_000)
        // The first line that differs, not two pages of dump.
        let difference = zip(builtIn, decoded).enumerated().first { $0.element.0 != $0.element.1 }
        #expect(difference == nil, "line \(difference?.offset ?? 0): built in \(difference?.element.0 ?? ""), decoded \(difference?.element.1 ?? "")")
        #expect(builtIn.count == decoded.count)
    }

    /// Every stored value, one line each with its path. Dictionaries are lookups derived from the rest,
    /// and their order differs from one instance to the next, so they are left out.
    static func lines(of value: Any, path: String = "") -> [String] {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .dictionary { return [] }
        // A leaf: a number, a string, an enum case without payload, nil, an empty list.
        if mirror.children.isEmpty || value is String { return ["\(path) = \(String(reflecting: value))"] }
        return mirror.children.enumerated().flatMap { index, child in
            lines(of: child.value, path: path + "." + (child.label ?? String(index)))
        }
    }

    @Test func singlesDay2018() throws {
        let year = try #require(data.singlesDay.year(2018))
        #expect(year.rmbBillions == 213.5)
        #expect(year.usdBillions == 30.8)
        #expect(year.scope == .alipay24h)
        #expect(year.sources.contains("S31"))
        #expect(year.confidence == .verified)
    }

    @Test func singlesDayMarksTheElevenDayCampaign() throws {
        #expect(try #require(data.singlesDay.year(2019)).scope.isElevenDayCampaign == false)
        #expect(try #require(data.singlesDay.year(2020)).scope.isElevenDayCampaign)
        // Growth is not computed across the change of scope.
        #expect(data.singlesDay.computedGrowthPercent(for: 2020) == nil)
        let growth2018 = try #require(data.singlesDay.computedGrowthPercent(for: 2018))
        #expect(abs(growth2018 - 26.93) < 0.01)
    }

    @Test func septemberQuarter2018() throws {
        let quarter = try #require(data.revenue.alibabaQuarter(fiscalYear: 2019, quarter: 2))
        #expect(quarter.rmbMillions == 85_148)
        #expect(quarter.usdMillions == 12_398)
        #expect(quarter.start == PartialDate("2018-07-01"))
        #expect(quarter.end == PartialDate("2018-09-30"))
        #expect(quarter.yoyPercent == 54)
        #expect(quarter.sources == ["S56"])
    }

    @Test func fiscalYearsAreTheSumOfTheirQuarters() throws {
        let expected: [Int: Double] = [2017: 158_273, 2018: 250_266, 2019: 376_844, 2020: 509_711]
        for (fiscalYear, total) in expected {
            let quarters = data.revenue.alibabaQuarters.filter { $0.fiscalYear == fiscalYear }
            #expect(quarters.count == 4)
            #expect(quarters.reduce(0) { $0 + $1.rmbMillions } == total)
            let year = try #require(data.revenue.alibabaFiscalYears.first { $0.fiscalYear == fiscalYear })
            #expect(year.rmbMillions == total)
        }
    }

    @Test func amazonYearsAreTheSumOfTheirQuarters() throws {
        let expected: [Int: Double] = [2016: 135_987, 2017: 177_866, 2018: 232_887, 2019: 280_522]
        for (year, total) in expected {
            let quarters = data.revenue.amazonQuarters.filter { $0.year == year }
            #expect(quarters.count == 4)
            #expect(quarters.reduce(0) { $0 + $1.usdMillions } == total)
        }
    }

    @Test func alibabaQuarterMatchesAmazonCalendarQuarter() throws {
        let alibaba = try #require(data.revenue.alibabaQuarter(fiscalYear: 2019, quarter: 2))
        let amazon = try #require(data.revenue.amazonQuarter(matching: alibaba))
        #expect(amazon.year == 2018 && amazon.quarter == 3)
        #expect(amazon.usdMillions == 56_576)
    }

    @Test func liegeHub() throws {
        let liege = try #require(data.hub(id: "liege"))
        #expect(liege.countryCode == "BE")
        #expect(abs(liege.location.lat - 50.6374) < 0.001)
        #expect(abs(liege.location.lon - 5.44322) < 0.001)
        let lease = try #require(data.fact(id: "liege.lease-area")?.quantity)
        #expect(lease.value == 220_000 && lease.unit == .squareMetres)
        let investment = try #require(data.fact(id: "liege.investment-2018")?.quantity)
        #expect(investment.value == 75 && investment.unit == .eur && investment.scale == .million)
    }

    @Test func everyOverviewReferenceResolves() {
        for card in data.overview.cards {
            for reference in card.figures {
                #expect(data.resolve(reference) != nil, "\(reference) in card \(card.id)")
            }
        }
    }

    @Test func unverifiedFiguresAreNeverPlainFacts() {
        // A figure without a source must be marked unverified.
        for located in data.locatedFacts where located.fact.sources.isEmpty {
            #expect(located.fact.confidence == .unverified, "\(located.fact.id)")
        }
    }

    @Test func articleErrataIncludeTheMissingBillion() throws {
        let erratum = try #require(data.errata.first { $0.quote.contains("30,7") })
        #expect(erratum.corrected?.value == 30.8)
        #expect(erratum.corrected?.scale == .billion)
        #expect(erratum.sources.contains("S31"))
    }
}

/// Singles' Day growth compares like with like (facts.md §3b lists where the scope changes).
@Suite struct SinglesDayGrowthTests {
    let history = TestData.bundled.singlesDay

    @Test func acrossAScopeChangeOnlyTheLikeForLikeFigureOrNone() throws {
        // 2011: Taobao + Tmall against Tmall alone the year before; Tmall alone grew from 0.936 to 3.36.
        guard case .likeForLike(let percent, false) = history.growth(for: 2011) else {
            Issue.record("2011: \(history.growth(for: 2011))")
            return
        }
        #expect(abs(percent - (3.36 / 0.936 - 1) * 100) < 0.01)
        #expect(abs(percent - 259) < 1, "not the +456% of the whole 2011 figure")
        // 2014 and 2015 change definitions; 2020 starts the 11-day campaigns.
        for year in [2014, 2015, 2020] { #expect(history.growth(for: year) == .scopeChanged, "\(year)") }
        #expect(history.computedGrowthPercent(for: 2014) == nil)
    }

    @Test func growthOnAnApproximateBaseIsApproximate() {
        guard case .computed(let percent, let approximate) = history.growth(for: 2010) else {
            Issue.record("2010: \(history.growth(for: 2010))")
            return
        }
        #expect(approximate, "2009's RMB 50 million is approximate")
        #expect(percent > 1700)
        #expect(history.growth(for: 2009) == .none)
    }

    @Test func reportedGrowthStaysWhereTheScopeHolds() {
        #expect(history.growth(for: 2018) == .reported(27))
        #expect(history.growth(for: 2021) == .reported(8.45), "both 11-day campaigns")
    }
}

@Suite struct FigurePartsTests {
    @Test func eachAmountKeepsItsOwnConfidenceMark() throws {
        // FY2017: RMB 158,273 m is verified, its USD 22,960 m only rounded (press figures).
        let figure = try #require(TestData.bundled.resolve(.alibabaYear(fiscalYear: 2017)))
        #expect(figure.confidence == .verified)
        #expect(figure.ownMark(ofQuantityAt: 0) == "")
        #expect(figure.ownMark(ofQuantityAt: 1) == Confidence.rounded.mark)
    }
}
