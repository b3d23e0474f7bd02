import AlidashModel
import Testing

@Suite struct PeriodTests {
    @Test func fiscalQuarterToCalendar() {
        #expect(AlibabaFiscalQuarter(fiscalYear: 2019, quarter: 1).calendarQuarter == CalendarQuarter(year: 2018, quarter: 2))
        #expect(AlibabaFiscalQuarter(fiscalYear: 2019, quarter: 2).calendarQuarter == CalendarQuarter(year: 2018, quarter: 3))
        #expect(AlibabaFiscalQuarter(fiscalYear: 2019, quarter: 4).calendarQuarter == CalendarQuarter(year: 2019, quarter: 1))
    }

    @Test func calendarQuarterToFiscal() {
        for fiscalYear in 2016...2021 {
            for quarter in 1...4 {
                let fiscal = AlibabaFiscalQuarter(fiscalYear: fiscalYear, quarter: quarter)
                #expect(AlibabaFiscalQuarter(calendarQuarter: fiscal.calendarQuarter) == fiscal)
            }
        }
    }

    @Test func fiscalQuarterDates() {
        let q4 = AlibabaFiscalQuarter(fiscalYear: 2020, quarter: 4)
        #expect(q4.start == PartialDate(year: 2020, month: 1, day: 1))
        #expect(q4.end == PartialDate(year: 2020, month: 3, day: 31))
        #expect(q4.next == AlibabaFiscalQuarter(fiscalYear: 2021, quarter: 1))
    }

    @Test func partialDates() {
        #expect(PartialDate("2018") == PartialDate(year: 2018))
        #expect(PartialDate("2018-11")?.month == 11)
        #expect(PartialDate("2020-02-29") != nil)
        #expect(PartialDate("2019-02-29") == nil)
        #expect(PartialDate("2018-13") == nil)
        #expect(PartialDate("18-01-01") == nil)
        #expect(PartialDate("2018-1-1") == nil)
        #expect(PartialDate(year: 2018, month: 12, day: 31).nextDay == PartialDate(year: 2019, month: 1, day: 1))
    }

    @Test func figureReferencesRoundTrip() {
        for text in ["fact:liege.lease-area", "singles-day:2018", "alibaba-quarter:FY2019Q2", "alibaba-year:FY2019",
                     "amazon-quarter:2018Q3", "amazon-year:2018"] {
            #expect(FigureReference(text)?.description == text)
        }
        #expect(FigureReference("alibaba-quarter:FY2019Q5") == nil)
        #expect(FigureReference("nonsense") == nil)
        #expect(FigureReference("fact:") == nil)
    }
}

@Suite struct FormatterTests {
    let english = Formatter(language: .en)
    let german = Formatter(language: .de)

    @Test func amountsInBothLanguages() {
        let amount = Quantity(value: 10.8, unit: .eur, scale: .billion)
        #expect(english.quantity(amount) == "EUR 10.8 bn")
        #expect(german.quantity(amount) == "10,8 Mrd. EUR")
        #expect(english.quantity(Quantity(value: 220_000, unit: .squareMetres)) == "220,000 m²")
        #expect(german.quantity(Quantity(value: 220_000, unit: .squareMetres)) == "220.000 m²")
        #expect(english.quantity(Quantity(value: 320, unit: .usd, scale: .million, upTo: 350)) == "USD 320–350 m")
        #expect(english.quantity(Quantity(value: 200, unit: .count, qualifier: .moreThan)) == "> 200")
        #expect(english.quantity(Quantity(value: 7, unit: .rank)) == "7th")
        #expect(german.quantity(Quantity(value: 7, unit: .rank)) == "7.")
        #expect(english.quantity(Quantity(value: 84.54, unit: .usd, scale: .billion)) == "USD 84.54 bn")
    }

    @Test func numbers() {
        #expect(english.number(1_234_567.891, fractionDigits: 2) == "1,234,567.89")
        #expect(german.number(1_234_567.891, fractionDigits: 2) == "1.234.567,89")
        #expect(english.number(-0.04, fractionDigits: 1) == "0.0")
        #expect(english.number(.infinity) == "–")
        #expect(english.number(natural: 213.5) == "213.5")
        #expect(english.money(millions: 85_148, currency: .rmb) == "RMB 85,148 m")
        #expect(english.money(millions: 85_148, currency: .rmb, compact: true) == "RMB 85.1 bn")
        #expect(german.money(millions: 85_148, currency: .rmb, compact: true) == "85,1 Mrd. RMB")
    }

    @Test func changesCarryASign() {
        #expect(english.percentChange(27) == "+27%")
        #expect(english.percentChange(-3.5, fractionDigits: 1) == "−3.5%")
        #expect(german.percentChange(27) == "+27 %")
    }

    @Test func datesKeepTheirPrecision() throws {
        #expect(english.date(try #require(PartialDate("2018-12-05"))) == "5 Dec 2018")
        #expect(german.date(try #require(PartialDate("2018-12-05"))) == "5. Dez. 2018")
        #expect(english.date(try #require(PartialDate("2018-11"))) == "Nov 2018")
        #expect(english.date(try #require(PartialDate("2019"))) == "2019")
        let quarter = AlibabaFiscalQuarter(fiscalYear: 2019, quarter: 2)
        #expect(english.fiscalQuarter(quarter) == "FY2019 Q2 (Jul–Sep 2018)")
        #expect(german.fiscalQuarter(quarter) == "GJ2019 Q2 (Juli–Sep. 2018)")
        #expect(english.calendarQuarter(CalendarQuarter(year: 2018, quarter: 3)) == "Q3 2018 (Jul–Sep)")
    }

    @Test func greatCircleDistance() {
        let origin = Coordinates(latitude: 0, longitude: 0)
        let quarterTurn = origin.distanceKilometres(to: Coordinates(latitude: 0, longitude: 90))
        #expect(abs(quarterTurn - Double.pi / 2 * Coordinates.earthRadiusKilometres) < 0.001)
        #expect(origin.distanceKilometres(to: origin) == 0)
        #expect(Coordinates(latitude: 91, longitude: 0).isValid == false)
    }
}
