/// `claims.json`: the article's checkable claims, in the article's order, each with a verdict and its evidence.
public struct ClaimCatalog: Decodable, Sendable {
    public var claims: [Claim]

    public init(claims: [Claim]) {
        self.claims = claims
    }
}

/// One claim of the article: the few words under check, what they say, and how they hold up.
public struct Claim: Decodable, Sendable, Identifiable {
    public var id: String
    public var kind: ClaimKind
    /// The article's own words under check (German, short).
    public var quote: String
    /// What the words claim, in our own words.
    public var summary: LocalizedText
    public var verdict: Verdict
    public var evidence: LocalizedText
    public var sources: [String]
    /// What happened afterwards, where it matters.
    public var later: LocalizedText?
    public var laterSources: [String]?
    /// The errata (sources.json) this claim carries.
    public var errata: [String]?

    public init(id: String, kind: ClaimKind, quote: String, summary: LocalizedText, verdict: Verdict,
                evidence: LocalizedText, sources: [String], later: LocalizedText?, laterSources: [String]?,
                errata: [String]?) {
        self.id = id
        self.kind = kind
        self.quote = quote
        self.summary = summary
        self.verdict = verdict
        self.evidence = evidence
        self.sources = sources
        self.later = later
        self.laterSources = laterSources
        self.errata = errata
    }

    /// Quotes longer than this are refused: the check quotes the words under check, nothing more.
    public static let maximumQuoteLength = 60
}

/// A claim about the world, or the article's wording (spelling, a missing word).
public enum ClaimKind: String, Decodable, Sendable, CaseIterable {
    case claim, wording
}

/// How a claim holds up against the sources.
public enum Verdict: String, Decodable, Sendable, CaseIterable {
    case correct
    /// Correct but imprecise, ambiguous or misleading.
    case imprecise
    case wrong
    /// Cannot be checked with the sources here.
    case unverifiable
}

/// Whether an erratum is a plain error (a wrong or missing word or figure) or a weak point (imprecise,
/// ambiguous or misleading framing of facts that are themselves about right).
public enum ErratumKind: String, Decodable, Sendable, CaseIterable {
    case error
    case weakPoint
}
