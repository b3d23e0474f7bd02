/// A name for a figure held in another file: `fact:<id>`, `singles-day:2018`,
/// `alibaba-quarter:FY2019Q2`, `alibaba-year:FY2019`, `amazon-quarter:2018Q3`, `amazon-year:2018`.
public enum FigureReference: Sendable, Hashable, CustomStringConvertible {
    case fact(String)
    case singlesDay(year: Int)
    case alibabaQuarter(AlibabaFiscalQuarter)
    case alibabaYear(fiscalYear: Int)
    case amazonQuarter(CalendarQuarter)
    case amazonYear(Int)

    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = text[..<colon]
        let rest = String(text[text.index(after: colon)...])
        switch kind {
        case "fact" where !rest.isEmpty:
            self = .fact(rest)
        case "singles-day":
            guard let year = Int(rest) else { return nil }
            self = .singlesDay(year: year)
        case "alibaba-quarter":
            guard let (year, quarter) = FigureReference.yearAndQuarter(rest, prefix: "FY") else { return nil }
            self = .alibabaQuarter(AlibabaFiscalQuarter(fiscalYear: year, quarter: quarter))
        case "alibaba-year":
            guard rest.hasPrefix("FY"), let year = Int(rest.dropFirst(2)) else { return nil }
            self = .alibabaYear(fiscalYear: year)
        case "amazon-quarter":
            guard let (year, quarter) = FigureReference.yearAndQuarter(rest, prefix: "") else { return nil }
            self = .amazonQuarter(CalendarQuarter(year: year, quarter: quarter))
        case "amazon-year":
            guard let year = Int(rest) else { return nil }
            self = .amazonYear(year)
        default:
            return nil
        }
    }

    private static func yearAndQuarter(_ text: String, prefix: String) -> (Int, Int)? {
        guard text.hasPrefix(prefix) else { return nil }
        let body = text.dropFirst(prefix.count)
        let parts = body.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, let year = Int(parts[0]), let quarter = Int(parts[1]), (1...4).contains(quarter) else {
            return nil
        }
        return (year, quarter)
    }

    public var description: String {
        switch self {
        case .fact(let id): return "fact:\(id)"
        case .singlesDay(let year): return "singles-day:\(year)"
        case .alibabaQuarter(let q): return "alibaba-quarter:FY\(q.fiscalYear)Q\(q.quarter)"
        case .alibabaYear(let year): return "alibaba-year:FY\(year)"
        case .amazonQuarter(let q): return "amazon-quarter:\(q.year)Q\(q.quarter)"
        case .amazonYear(let year): return "amazon-year:\(year)"
        }
    }
}

extension FigureReference: Decodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let reference = FigureReference(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a reference such as fact:<id>, singles-day:2018 or alibaba-quarter:FY2019Q2, found \"\(text)\""
            )
        }
        self = reference
    }
}
