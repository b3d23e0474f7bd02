/// The data sets `alidash export` writes, each as one flat table (English text).
public enum ExportDataset: String, Sendable, CaseIterable {
    case revenue
    case years
    case singlesDay = "singles-day"
    case hubs, timeline, sources, claims

    public func table(from data: DataSet) -> ExportTable {
        switch self {
        case .revenue: return Self.revenue(data.revenue)
        case .years: return Self.years(data.revenue)
        case .singlesDay: return Self.singlesDay(data.singlesDay)
        case .hubs: return Self.hubs(data.hubs)
        case .timeline: return Self.timeline(data.timeline)
        case .sources: return Self.sources(data.sources)
        case .claims: return Self.claims(data.claims)
        }
    }

    // MARK: - Tables

    /// Fiscal-year totals: Alibaba's (April–March) and Amazon's (calendar years).
    static func years(_ revenue: RevenueHistory) -> ExportTable {
        let columns = ["company", "fiscal_year", "start", "end", "rmb_millions", "usd_millions", "usd_confidence",
                       "confidence", "sources"]
        var rows: [[ExportValue]] = revenue.alibabaFiscalYears.map { year in
            [.text("alibaba"), .text("FY\(year.fiscalYear)"), .text(year.start.description), .text(year.end.description),
             .number(year.rmbMillions), optional(year.usdMillions), optional(year.usdConfidence?.rawValue),
             .text(year.confidence.rawValue), .list(year.sources)]
        }
        rows += revenue.amazonYears.map { year in
            [.text("amazon"), .text("FY\(year.year)"), .text("\(year.year)-01-01"), .text("\(year.year)-12-31"), .empty,
             .number(year.usdMillions), .text(year.confidence.rawValue), .text(year.confidence.rawValue), .list(year.sources)]
        }
        return ExportTable(columns: columns, rows: rows)
    }

    /// Alibaba's fiscal quarters, then Amazon's calendar quarters: one row per quarter, both labels.
    static func revenue(_ revenue: RevenueHistory) -> ExportTable {
        let columns = ["company", "fiscal_label", "calendar_label", "start", "end", "rmb_millions", "usd_millions",
                       "usd_confidence", "yoy_percent", "confidence", "sources"]
        var rows: [[ExportValue]] = revenue.alibabaQuarters.map { quarter in
            [.text("alibaba"), .text(quarter.period.label), .text(quarter.period.calendarQuarter.label),
             .text(quarter.start.description), .text(quarter.end.description), .number(quarter.rmbMillions),
             optional(quarter.usdMillions), optional(quarter.usdConfidence?.rawValue), optional(quarter.yoyPercent),
             .text(quarter.confidence.rawValue), .list(quarter.sources)]
        }
        rows += revenue.amazonQuarters.map { quarter in
            // Amazon's fiscal year is the calendar year.
            let period = quarter.period
            let end = PartialDate(year: period.year, month: period.lastMonth,
                                  day: PartialDate.daysIn(month: period.lastMonth, year: period.year))
            return [.text("amazon"), .text("FY\(period.year) Q\(period.quarter)"), .text(period.label),
                    .text(PartialDate(year: period.year, month: period.firstMonth, day: 1).description),
                    .text(end.description), .empty, .number(quarter.usdMillions), .text(quarter.confidence.rawValue),
                    .empty, .text(quarter.confidence.rawValue), .list(quarter.sources)]
        }
        return ExportTable(columns: columns, rows: rows)
    }

    static func singlesDay(_ history: SinglesDayHistory) -> ExportTable {
        ExportTable(
            columns: ["year", "rmb_billions", "usd_billions", "approximate", "scope", "growth_percent", "confidence",
                      "sources", "note"],
            rows: history.years.map { year in
                [.number(Double(year.year)), .number(year.rmbBillions), optional(year.usdBillions),
                 .bool(year.isApproximate), .text(year.scope.rawValue), optional(year.growthPercent),
                 .text(year.confidence.rawValue), .list(year.sources), optional(year.note?.english)]
            }
        )
    }

    static func hubs(_ hubs: [Hub]) -> ExportTable {
        ExportTable(
            columns: ["id", "name", "place", "country", "country_code", "kind", "role", "lat", "lon", "status",
                      "location_confidence", "sources"],
            rows: hubs.map { hub in
                [.text(hub.id), .text(hub.name.english), .text(hub.place.english), .text(hub.country.english),
                 .text(hub.countryCode), .text(hub.kind.rawValue), .text(hub.role.english), .number(hub.location.lat),
                 .number(hub.location.lon), .text(hub.status.english), .text(hub.location.confidence.rawValue),
                 .list(hub.location.sources)]
            }
        )
    }

    static func timeline(_ timeline: Timeline) -> ExportTable {
        ExportTable(
            columns: ["id", "date", "category", "title", "detail", "confidence", "sources"],
            rows: timeline.events.map { event in
                [.text(event.id), .text(event.date.description), .text(event.category.rawValue),
                 .text(event.title.english), optional(event.detail?.english), .text(event.confidence.rawValue),
                 .list(event.sources)]
            }
        )
    }

    static func sources(_ sources: [Source]) -> ExportTable {
        ExportTable(
            columns: ["id", "title", "publisher", "date", "url"],
            rows: sources.map { source in
                [.text(source.id), .text(source.title), .text(source.publisher), optional(source.date?.description),
                 .text(source.url)]
            }
        )
    }

    /// The article check: one row per claim, in the article's order.
    static func claims(_ claims: [Claim]) -> ExportTable {
        ExportTable(
            columns: ["id", "kind", "quote", "summary", "verdict", "evidence", "sources", "later", "later_sources", "errata"],
            rows: claims.map { claim in
                [.text(claim.id), .text(claim.kind.rawValue), .text(claim.quote), .text(claim.summary.english),
                 .text(claim.verdict.rawValue), .text(claim.evidence.english), .list(claim.sources),
                 optional(claim.later?.english), claim.laterSources.map(ExportValue.list) ?? .empty,
                 claim.errata.map(ExportValue.list) ?? .empty]
            }
        )
    }

    private static func optional(_ number: Double?) -> ExportValue { number.map(ExportValue.number) ?? .empty }
    private static func optional(_ text: String?) -> ExportValue { text.map(ExportValue.text) ?? .empty }
}
