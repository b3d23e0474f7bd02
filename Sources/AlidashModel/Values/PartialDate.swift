/// A calendar date known to the year, the month or the day ("2018", "2018-11", "2018-11-11").
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int?
    public let day: Int?

    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count),
              parts[0].count == 4, let year = Int(parts[0]), year >= 1900, year <= 2100
        else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3, let month {
            guard parts[2].count == 2, let value = Int(parts[2]),
                  (1...PartialDate.daysIn(month: month, year: year)).contains(value) else { return nil }
            day = value
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The day after this one (for full dates); used to check that periods meet without a gap.
    public var nextDay: PartialDate? {
        guard let month, let day else { return nil }
        if day < PartialDate.daysIn(month: month, year: year) { return PartialDate(year: year, month: month, day: day + 1) }
        if month < 12 { return PartialDate(year: year, month: month + 1, day: 1) }
        return PartialDate(year: year + 1, month: 1, day: 1)
    }

    public var description: String {
        var text = String(year)
        if let month { text += "-" + (month < 10 ? "0" : "") + String(month) }
        if let day { text += "-" + (day < 10 ? "0" : "") + String(day) }
        return text
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }
}

extension PartialDate: Decodable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = PartialDate(text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists, found \"\(text)\""
            )
        }
        self = date
    }
}
