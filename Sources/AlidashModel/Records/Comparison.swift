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
}

/// A total split into parts (for example Amazon's net sales by group).
public struct Breakdown: Decodable, Sendable, Identifiable {
    public struct Part: Decodable, Sendable {
        public var label: LocalizedText
        public var value: Double
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
}

/// `comparison.json`.
public struct Comparison: Decodable, Sendable {
    public var caveat: LocalizedText
    public var rows: [ComparisonRow]
    public var breakdowns: [Breakdown]
    public var facts: [Fact]
}
