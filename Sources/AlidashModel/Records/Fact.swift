/// One sourced statement: a labelled figure, a value in words, or both.
public struct Fact: Decodable, Sendable, Identifiable {
    public var id: String
    public var label: LocalizedText
    public var quantity: Quantity?
    public var text: LocalizedText?
    public var date: PartialDate?
    public var dateConfidence: Confidence?
    public var confidence: Confidence
    public var sources: [String]
    public var note: LocalizedText?
    /// What a hub's key fact measures, for the Hubs summary; nil for the facts shown only in full.
    public var topic: FactTopic?
    /// Whose figure a comparison fact is (required in comparison.json).
    public var company: Company?

    public init(id: String, label: LocalizedText, quantity: Quantity?, text: LocalizedText?, date: PartialDate?,
                dateConfidence: Confidence?, confidence: Confidence, sources: [String], note: LocalizedText?,
                topic: FactTopic?, company: Company?) {
        self.id = id
        self.label = label
        self.quantity = quantity
        self.text = text
        self.date = date
        self.dateConfidence = dateConfidence
        self.confidence = confidence
        self.sources = sources
        self.note = note
        self.topic = topic
        self.company = company
    }
}

/// What a hub's key fact measures.
public enum FactTopic: String, Decodable, Sendable, CaseIterable {
    case signed, opened, area, investment, jobs
}

/// A publication a figure was read in.
public struct Source: Decodable, Sendable, Identifiable {
    public var id: String
    public var title: String
    public var publisher: String
    public var date: PartialDate?
    public var url: String

    public init(id: String, title: String, publisher: String, date: PartialDate?, url: String) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
    }
}

/// Something the article got wrong, and the corrected figure.
public struct Erratum: Decodable, Sendable, Identifiable {
    public var id: String
    /// The article's own words (German).
    public var quote: String
    public var problem: LocalizedText
    public var correction: LocalizedText
    public var corrected: Quantity?
    public var articleSaid: Quantity?
    public var sources: [String]
    /// A plain error, or a weak point (facts.md §12 says which).
    public var kind: ErratumKind

    public init(id: String, quote: String, problem: LocalizedText, correction: LocalizedText, corrected: Quantity?,
                articleSaid: Quantity?, sources: [String], kind: ErratumKind) {
        self.id = id
        self.quote = quote
        self.problem = problem
        self.correction = correction
        self.corrected = corrected
        self.articleSaid = articleSaid
        self.sources = sources
        self.kind = kind
    }
}

/// `sources.json`.
public struct SourceCatalog: Decodable, Sendable {
    public var sources: [Source]
    public var errata: [Erratum]

    public init(sources: [Source], errata: [Erratum]) {
        self.sources = sources
        self.errata = errata
    }
}
