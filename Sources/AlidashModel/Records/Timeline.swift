/// What a timeline event is about.
public enum EventCategory: String, Decodable, Sendable, CaseIterable {
    case alibaba, cainiao, ewtp, liege, amazon, zalando, article
}

/// A dated event in the story.
public struct TimelineEvent: Decodable, Sendable, Identifiable {
    public var id: String
    public var date: PartialDate
    public var title: LocalizedText
    public var detail: LocalizedText?
    public var category: EventCategory
    public var confidence: Confidence
    /// Set when only the date is less sure than the event.
    public var dateConfidence: Confidence?
    public var sources: [String]
}

/// `timeline.json`.
public struct Timeline: Decodable, Sendable {
    public var events: [TimelineEvent]
}

/// A company or person with their sourced facts.
public struct Profile: Decodable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var summary: LocalizedText
    public var facts: [Fact]
}

/// `profiles.json`.
public struct Profiles: Decodable, Sendable {
    public var companies: [Profile]
    public var people: [Profile]
}

/// A headline card on the overview: references to figures held elsewhere.
public struct OverviewCard: Decodable, Sendable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var figures: [FigureReference]
    /// The figure shown in the overview's first lines (one of `figures`); nil for the first.
    public var headline: FigureReference?
    public var errata: [String]?

    /// The figure the card leads with.
    public var headlineFigure: FigureReference? { headline ?? figures.first }
}

/// `overview.json`.
public struct Overview: Decodable, Sendable {
    public var story: LocalizedText
    /// Sources for the figures the story mentions.
    public var storySources: [String]
    public var cards: [OverviewCard]
}
