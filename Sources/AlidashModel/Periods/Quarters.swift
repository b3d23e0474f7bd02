/// A calendar quarter (Amazon reports by these).
public struct CalendarQuarter: Sendable, Hashable, Comparable {
    public var year: Int
    public var quarter: Int

    public init(year: Int, quarter: Int) {
        self.year = year
        self.quarter = quarter
    }

    public var firstMonth: Int { (quarter - 1) * 3 + 1 }
    public var lastMonth: Int { firstMonth + 2 }

    /// The quarter after this one.
    public var next: CalendarQuarter {
        quarter == 4 ? CalendarQuarter(year: year + 1, quarter: 1) : CalendarQuarter(year: year, quarter: quarter + 1)
    }

    /// "Q3 2018".
    public var label: String { "Q\(quarter) \(year)" }

    public static func < (lhs: CalendarQuarter, rhs: CalendarQuarter) -> Bool {
        (lhs.year, lhs.quarter) < (rhs.year, rhs.quarter)
    }
}

/// A quarter of Alibaba's fiscal year, which runs 1 April–31 March: FY2019 Q2 is July–September 2018.
public struct AlibabaFiscalQuarter: Sendable, Hashable, Comparable {
    public var fiscalYear: Int
    public var quarter: Int

    public init(fiscalYear: Int, quarter: Int) {
        self.fiscalYear = fiscalYear
        self.quarter = quarter
    }

    /// The calendar quarter with the same months.
    public var calendarQuarter: CalendarQuarter {
        quarter == 4
            ? CalendarQuarter(year: fiscalYear, quarter: 1)
            : CalendarQuarter(year: fiscalYear - 1, quarter: quarter + 1)
    }

    public init(calendarQuarter: CalendarQuarter) {
        if calendarQuarter.quarter == 1 {
            self.init(fiscalYear: calendarQuarter.year, quarter: 4)
        } else {
            self.init(fiscalYear: calendarQuarter.year + 1, quarter: calendarQuarter.quarter - 1)
        }
    }

    /// First and last day of the quarter.
    public var start: PartialDate {
        let calendar = calendarQuarter
        return PartialDate(year: calendar.year, month: calendar.firstMonth, day: 1)
    }

    public var end: PartialDate {
        let calendar = calendarQuarter
        let month = calendar.lastMonth
        return PartialDate(year: calendar.year, month: month, day: PartialDate.daysIn(month: month, year: calendar.year))
    }

    public var next: AlibabaFiscalQuarter { AlibabaFiscalQuarter(calendarQuarter: calendarQuarter.next) }

    /// "FY2019 Q2".
    public var label: String { "FY\(fiscalYear) Q\(quarter)" }

    public static func < (lhs: AlibabaFiscalQuarter, rhs: AlibabaFiscalQuarter) -> Bool {
        (lhs.fiscalYear, lhs.quarter) < (rhs.fiscalYear, rhs.quarter)
    }
}
