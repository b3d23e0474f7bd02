import AlidashModel
import Testing
import TestSupport

@Suite struct CurrencyTests {
    let revenue = TestData.bundled.revenue

    @Test func dwTenPointEightBillionEuroIsTheSeptemberQuarter() throws {
        // DW's "10,8 Milliarden Euro" matches Jul–Sep 2018 at the stored August 2018 rate.
        let quarter = try #require(revenue.alibabaQuarter(fiscalYear: 2019, quarter: 2))
        let euro = try #require(revenue.converter.alibaba(quarter, in: .eur))
        let rate = try #require(revenue.converter.rmbPerEuro)
        #expect(euro.millions == quarter.rmbMillions / rate.rate)
        #expect(euro.millions > 10_650 && euro.millions < 10_880)
        #expect(euro.confidence == .derived)
        #expect(euro.origin == .converted(rateIDs: [rate.id]))
    }

    @Test func reportedDollarsAreUsedAsReported() throws {
        let quarter = try #require(revenue.alibabaQuarter(fiscalYear: 2019, quarter: 2))
        let dollars = try #require(revenue.converter.alibaba(quarter, in: .usd))
        #expect(dollars.millions == 12_398)
        #expect(dollars.origin == .reported)
    }

    @Test func amazonInRenminbiGoesThroughTheStoredRate() throws {
        let quarter = try #require(revenue.amazonQuarter(year: 2018, quarter: 3))
        let rate = try #require(revenue.converter.rmbPerDollar)
        let rmb = try #require(revenue.converter.amazon(usdMillions: quarter.usdMillions, confidence: quarter.confidence, in: .rmb))
        #expect(rmb.millions == quarter.usdMillions * rate.rate)
        #expect(rmb.confidence == .derived)
    }
}
