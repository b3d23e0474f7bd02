/// The two companies compared.
public enum Company: String, Decodable, Sendable {
    case amazon, alibaba
}

/// One row of the side-by-side comparison.
public struct ComparisonRow: Decodable, Sendable, Identifiable {
    public var id: String
    public var topic: LocalizedText
    public var amazon: LocalizedText
    public var alibaba: LocalizedText
    public var confidence: Confidence
    public var sources: [String]

    public init(id: String, topic: LocalizedText, amazon: LocalizedText, alibaba: LocalizedText,
                confidence: Confidence, sources: [String]) {
        self.id = id
        self.topic = topic
        self.amazon = amazon
        self.alibaba = alibaba
        self.confidence = confidence
        self.sources = sources
    }
}

/// A total split into parts (for example Amazon's net sales by group).
public struct Breakdown: Decodable, Sendable, Identifiable {
    public struct Part: Decodable, Sendable {
        public var label: LocalizedText
        public var value: Double

        public init(label: LocalizedText, value: Double) {
            self.label = label
            self.value = value
        }
    }

    public var id: String
    public var company: Company
    public var title: LocalizedText
    public var period: LocalizedText
    public var unit: Currency
    public var scale: Scale
    public var total: Double
    public var parts: [Part]
    public var confidence: Confidence
    public var sources: [String]

    public init(id: String, company: Company, title: LocalizedText, period: LocalizedText, unit: Currency,
                scale: Scale, total: Double, parts: [Part], confidence: Confidence, sources: [String]) {
        self.id = id
        self.company = company
        self.title = title
        self.period = period
        self.unit = unit
        self.scale = scale
        self.total = total
        self.parts = parts
        self.confidence = confidence
        self.sources = sources
    }
}

/// `comparison.json`.
public struct Comparison: Decodable, Sendable {
    public var caveat: LocalizedText
    public var rows: [ComparisonRow]
    public var breakdowns: [Breakdown]
    public var facts: [Fact]

    public init(caveat: LocalizedText, rows: [ComparisonRow], breakdowns: [Breakdown], facts: [Fact]) {
        self.caveat = caveat
        self.rows = rows
        self.breakdowns = breakdowns
        self.facts = facts
    }
}
