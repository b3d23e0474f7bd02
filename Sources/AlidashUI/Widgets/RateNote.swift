import AlidashModel

/// The footnote for converted amounts: "= converted at 1 USD = 6.8679 RMB (30 Sep 2018, derived) [S56]",
/// naming each stored rate by what it is, never by its id.
public enum RateNote {
    /// The stored rates behind `origins`, each once, in order of first use.
    public static func rates(behind origins: [AmountOrigin], context: RenderContext) -> [ExchangeRate] {
        var ids: [String] = []
        for case .converted(let rateIDs) in origins {
            for id in rateIDs where !ids.contains(id) { ids.append(id) }
        }
        return ids.compactMap(context.data.revenue.exchangeRate(id:))
    }

    /// "= converted at …" for the given rates; nil when nothing was converted.
    public static func text(for rates: [ExchangeRate], context: RenderContext) -> String? {
        guard !rates.isEmpty else { return nil }
        let formatter = context.formatter
        let described = rates.map { rate in
            let when = [formatter.date(rate.date), confidenceWord(rate.confidence, context: context)]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            return "1 \(rate.base.code) = \(formatter.number(rate.rate, fractionDigits: 4)) \(rate.quote.code) (\(when)) "
                + context.cite(rate.sources)
        }
        return Confidence.derived.mark + " " + context.t("converted at ", "umgerechnet zu ")
            + described.joined(separator: "; ")
    }

    /// How far the rate itself can be trusted, in a word ("" when verified).
    private static func confidenceWord(_ confidence: Confidence, context: RenderContext) -> String {
        confidence == .derived ? context.t("derived", "abgeleitet") : context.confidenceTag(confidence)
    }
}
