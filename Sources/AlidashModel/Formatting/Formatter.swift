/// Formats numbers, amounts, percentages and dates for one language, without ICU:
/// "EUR 10.8 bn" / "10,8 Mrd. EUR", "1,234" / "1.234", "5 Dec 2018" / "5. Dez. 2018".
public struct Formatter: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    private var decimalSeparator: Character { language == .de ? "," : "." }
    private var groupingSeparator: Character { language == .de ? "." : "," }

    // MARK: - Numbers

    /// A number with grouping and exactly `fractionDigits` decimals.
    public func number(_ value: Double, fractionDigits: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let digits = max(0, min(fractionDigits, 6))
        var scaled = (abs(value) * Formatter.powerOfTen(digits)).rounded()
        if scaled > 9e17 { scaled = 9e17 } // beyond Int64: clamp rather than trap
        let whole = Int64(scaled)
        let divisor = Int64(Formatter.powerOfTen(digits))
        let integerPart = String(whole / divisor)
        var grouped = ""
        for (index, character) in integerPart.enumerated() {
            if index > 0, (integerPart.count - index) % 3 == 0 { grouped.append(groupingSeparator) }
            grouped.append(character)
        }
        var text = (value < 0 && whole != 0 ? "-" : "") + grouped
        if digits > 0 {
            let fraction = String(whole % divisor)
            text.append(decimalSeparator)
            text += String(repeating: "0", count: digits - fraction.count) + fraction
        }
        return text
    }

    /// A number with as many decimals as it was written with (213.5 → 1, 84.54 → 2), at most 3.
    public func number(natural value: Double) -> String {
        number(value, fractionDigits: Formatter.naturalFractionDigits(value))
    }

    static func naturalFractionDigits(_ value: Double) -> Int {
        for digits in 0...3 {
            let scaled = value * powerOfTen(digits)
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, abs(scaled)) { return digits }
        }
        return 3
    }

    static func powerOfTen(_ digits: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, digits) { result *= 10 }
        return result
    }

    // MARK: - Amounts

    public func scaleWord(_ scale: Scale) -> String {
        switch (scale, language) {
        case (.one, _): return ""
        case (.thousand, .en): return "k"
        case (.thousand, .de): return "Tsd."
        case (.million, .en): return "m"
        case (.million, .de): return "Mio."
        case (.billion, .en): return "bn"
        case (.billion, .de): return "Mrd."
        }
    }

    public func unitSymbol(_ unit: Unit) -> String {
        switch unit {
        case .squareMetres: return "m²"
        case .hectares: return "ha"
        case .acres: return language == .de ? "Acre" : "acres"
        case .squareFeet: return language == .de ? "Quadratfuß" : "sq ft"
        case .percent: return "%"
        case .km: return "km"
        case .count, .rank, .year: return ""
        default: return unit.rawValue
        }
    }

    private func qualifierPrefix(_ qualifier: Qualifier?) -> String {
        switch qualifier {
        case nil: return ""
        case .about: return "≈ "
        case .moreThan: return "> "
        case .atLeast: return "≥ "
        case .upTo: return "≤ "
        }
    }

    /// A quantity as people write it: "RMB 213.5 bn" ("213,5 Mrd. RMB"), "220,000 m²", "USD 320–350 m", "> 200", "7th".
    public func quantity(_ quantity: Quantity) -> String {
        var figure = number(natural: quantity.value)
        if let top = quantity.upTo { figure += "–" + number(natural: top) }
        let scale = scaleWord(quantity.scale)
        let prefix = qualifierPrefix(quantity.qualifier)
        if let currency = quantity.unit.currency {
            // German writes the unit after the number: "213,5 Mrd. RMB", "75 Mio. EUR".
            if language == .de { return prefix + figure + (scale.isEmpty ? "" : " " + scale) + " " + currency.code }
            return prefix + currency.code + " " + figure + (scale.isEmpty ? "" : " " + scale)
        }
        switch quantity.unit {
        case .percent:
            return prefix + figure + (language == .de ? " %" : "%")
        case .rank:
            let whole = Int(exactly: quantity.value.rounded()) ?? 0
            return prefix + (language == .de ? figure + "." : figure + Formatter.ordinalSuffix(whole))
        case .year:
            let word = language == .de ? (quantity.value == 1 ? "Jahr" : "Jahre") : (quantity.value == 1 ? "year" : "years")
            return prefix + figure + " " + word
        default:
            let symbol = unitSymbol(quantity.unit)
            let parts = [figure, scale, symbol].filter { !$0.isEmpty }
            return prefix + parts.joined(separator: " ")
        }
    }

    static func ordinalSuffix(_ value: Int) -> String {
        let lastTwo = value % 100
        if (11...13).contains(lastTwo) { return "th" }
        switch value % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }

    /// An amount held in millions, shown in millions ("RMB 85,148 m") or, compactly, in billions ("RMB 85.1 bn").
    public func money(millions: Double, currency: Currency, compact: Bool = false) -> String {
        if compact, abs(millions) >= 1000 {
            return quantity(Quantity(value: (millions / 100).rounded() / 10, unit: currency.unit, scale: .billion))
        }
        let figure = number(millions, fractionDigits: 0) + " " + scaleWord(.million)
        return language == .de ? figure + " " + currency.code : currency.code + " " + figure
    }

    /// "+27%" / "+27 %", with a sign always, so a change never depends on colour alone.
    public func percentChange(_ value: Double, fractionDigits: Int = 0) -> String {
        let sign = value > 0 ? "+" : (value < 0 ? "−" : "±")
        return sign + number(abs(value), fractionDigits: fractionDigits) + (language == .de ? " %" : "%")
    }

    // MARK: - Dates

    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let germanMonths = ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."]

    public func monthName(_ month: Int) -> String {
        let names = language == .de ? Formatter.germanMonths : Formatter.englishMonths
        return names[max(1, min(12, month)) - 1]
    }

    /// "5 Dec 2018", "Dec 2018", "2018" (English); "5. Dez. 2018", "Dez. 2018", "2018" (German).
    public func date(_ date: PartialDate) -> String {
        guard let month = date.month else { return String(date.year) }
        let monthYear = monthName(month) + " " + String(date.year)
        guard let day = date.day else { return monthYear }
        return language == .de ? "\(day). " + monthYear : "\(day) " + monthYear
    }

    /// The months of a period: "Jul–Sep 2018", or "Oct 2018–Mar 2019" across a year.
    public func monthRange(from start: PartialDate, to end: PartialDate) -> String {
        guard let first = start.month, let last = end.month else { return "\(start.year)–\(end.year)" }
        if start.year == end.year {
            return monthName(first) + "–" + monthName(last) + " " + String(end.year)
        }
        return monthName(first) + " " + String(start.year) + "–" + monthName(last) + " " + String(end.year)
    }

    /// An Alibaba fiscal quarter with its months, so "Q2" is never ambiguous: "FY2019 Q2 (Jul–Sep 2018)".
    public func fiscalQuarter(_ quarter: AlibabaFiscalQuarter) -> String {
        let fiscal = language == .de ? "GJ\(quarter.fiscalYear) Q\(quarter.quarter)" : quarter.label
        return fiscal + " (" + monthRange(from: quarter.start, to: quarter.end) + ")"
    }

    /// A calendar quarter with its months: "Q3 2018 (Jul–Sep)".
    public func calendarQuarter(_ quarter: CalendarQuarter) -> String {
        "Q\(quarter.quarter) \(quarter.year) (" + monthName(quarter.firstMonth) + "–" + monthName(quarter.lastMonth) + ")"
    }
}

extension Currency {
    var unit: Unit { Unit(rawValue: rawValue)! }
}
