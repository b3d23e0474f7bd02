import AlidashModel
import Testing
import TestSupport

/// Every conversion at the rate of the figure's own period, never one rate for all.
@Suite struct CurrencyTests {
    let revenue = TestData.bundled.revenue

    @Test func amazonOctDec2017InRMBIsAtAlibabasOwnRateForThoseMonths() throws {
        let amazon = try #require(revenue.amazonQuarter(year: 2017, quarter: 4))
        let alibaba = try #require(revenue.alibabaQuarter(fiscalYear: 2018, quarter: 3)) // Oct–Dec 2017
        #expect(revenue.alibabaQuarter(matching: amazon)?.period == alibaba.period)
        let rmb = try #require(revenue.converter.amazon(amazon, in: .rmb))
        let rate = alibaba.rmbMillions / (alibaba.usdMillions ?? 0) // 83,028 / 12,761
        #expect(abs(rmb.millions - amazon.usdMillions * rate) < 0.001)
        // Not the single 30 Sep 2018 rate (6.8679) the dashboard used before: about 5.6 % lower.
        #expect(rmb.millions < amazon.usdMillions * 6.8679 * 0.95)
        #expect(rmb.confidence == .derived)
        guard case .converted(let ids) = rmb.origin, let id = ids.first, let used = revenue.exchangeRate(id: id) else {
            Issue.record("no named rate: \(rmb.origin)")
            return
        }
        #expect(used.sources == alibaba.sources, "the rate carries the sources of both figures it comes from")
    }

    @Test func aRateFromAnUnverifiedDollarFigureIsUnverified() throws {
        // FY2018 Q4 (Jan–Mar 2018): its USD 9,873 m is unverified, so Amazon's Q1 2018 in RMB is too.
        let amazon = try #require(revenue.amazonQuarter(year: 2018, quarter: 1))
        #expect(revenue.converter.amazon(amazon, in: .rmb)?.confidence == .unverified)
    }

    @Test func aPeriodWithoutAStoredRateHasNoConvertedFigure() throws {
        let early = try #require(revenue.alibabaQuarter(fiscalYear: 2017, quarter: 1)) // Apr–Jun 2016: no EUR rate stored
        #expect(revenue.converter.alibaba(early, in: .eur) == nil)
        let amazon = try #require(revenue.amazonQuarter(year: 2016, quarter: 2))
        #expect(revenue.converter.amazon(amazon, in: .eur) == nil)
        // Alibaba's dollars are never made up: a quarter without a reported USD figure has none.
        for quarter in revenue.alibabaQuarters where quarter.usdMillions == nil {
            #expect(revenue.converter.alibaba(quarter, in: .usd) == nil)
        }
    }

    @Test func dwTenPointEightBillionEuroIsTheSeptemberQuarterAtItsOwnMonthsRate() throws {
        // DW's "10,8 Milliarden Euro" matches Jul–Sep 2018 at a central parity rate of those months.
        let quarter = try #require(revenue.alibabaQuarter(fiscalYear: 2019, quarter: 2))
        let euro = try #require(revenue.converter.alibaba(quarter, in: .eur))
        #expect(euro.millions > 10_650 && euro.millions < 10_880)
        #expect(euro.confidence == .derived)
        guard case .converted(let ids) = euro.origin, let rate = ids.first.flatMap(revenue.exchangeRate(id:)) else {
            Issue.record("no named rate")
            return
        }
        #expect(rate.date >= quarter.start && rate.date <= quarter.end)
    }

    @Test func reportedFiguresAreUsedAsReported() throws {
        let quarter = try #require(revenue.alibabaQuarter(fiscalYear: 2019, quarter: 2))
        #expect(revenue.converter.alibaba(quarter, in: .usd) == ConvertedAmount(millions: 12_398, currency: .usd, origin: .reported,
                                                                                confidence: .verified))
        let amazon = try #require(revenue.amazonQuarter(year: 2018, quarter: 3))
        #expect(revenue.converter.amazon(amazon, in: .usd)?.origin == .reported)
    }
}
