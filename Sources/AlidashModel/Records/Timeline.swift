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

    public init(id: String, date: PartialDate, title: LocalizedText, detail: LocalizedText?, category: EventCategory,
                confidence: Confidence, dateConfidence: Confidence?, sources: [String]) {
        self.id = id
        self.date = date
        self.title = title
        self.detail = detail
        self.category = category
        self.confidence = confidence
        self.dateConfidence = dateConfidence
        self.sources = sources
    }
}

/// `timeline.json`.
public struct Timeline: Decodable, Sendable {
    public var events: [TimelineEvent]

    public init(events: [TimelineEvent]) {
        self.events = events
    }
}

/// A company or person with their sourced facts.
public struct Profile: Decodable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var summary: LocalizedText
    public var facts: [Fact]

    public init(id: String, name: LocalizedText, summary: LocalizedText, facts: [Fact]) {
        self.id = id
        self.name = name
        self.summary = summary
        self.facts = facts
    }
}

/// `profiles.json`.
public struct Profiles: Decodable, Sendable {
    public var companies: [Profile]
    public var people: [Profile]

    public init(companies: [Profile], people: [Profile]) {
        self.companies = companies
        self.people = people
    }
}

/// A headline card on the overview: references to figures held elsewhere.
public struct OverviewCard: Decodable, Sendable, Identifiable {
    public var id: String
    public var title: LocalizedText
    public var figures: [FigureReference]
    /// The figure shown in the overview's first lines (one of `figures`); nil for the first.
    public var headline: FigureReference?
    public var errata: [String]?

    public init(id: String, title: LocalizedText, figures: [FigureReference], headline: FigureReference?,
                errata: [String]?) {
        self.id = id
        self.title = title
        self.figures = figures
        self.headline = headline
        self.errata = errata
    }

    /// The figure the card leads with.
    public var headlineFigure: FigureReference? { headline ?? figures.first }
}

/// `overview.json`.
public struct Overview: Decodable, Sendable {
    public var story: LocalizedText
    /// Sources for the figures the story mentions.
    public var storySources: [String]
    public var cards: [OverviewCard]

    public init(story: LocalizedText, storySources: [String], cards: [OverviewCard]) {
        self.story = story
        self.storySources = storySources
        self.cards = cards
    }
}
