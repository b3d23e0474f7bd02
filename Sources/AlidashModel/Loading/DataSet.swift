/// Everything in `Data/`, decoded and validated. The only way the UI and the output modes see the data.
public struct DataSet: Sendable {
    public var sourceCatalog: SourceCatalog
    public var hubCatalog: HubCatalog {
        didSet { indexHubs() }
    }
    public var singlesDay: SinglesDayHistory
    public var revenue: RevenueHistory
    public var comparison: Comparison
    public var timeline: Timeline
    public var profiles: Profiles
    public var overview: Overview
    public var claimCatalog: ClaimCatalog
    /// "bundled", or the folder the data came from.
    public var origin: String

    private var sourcesByID: [String: Source] = [:]
    private var factsByID: [String: Fact] = [:]
    // Hub lookups run for every row on screen, so they must not walk the list.
    private var hubIndexByID: [String: Int] = [:]
    private var headquartersIndex: Int?
    /// Every hub's coordinates, in hub order: a map of many hubs reads these instead of whole hub records.
    public private(set) var hubCoordinates: [Coordinates] = []

    public init(sourceCatalog: SourceCatalog, hubCatalog: HubCatalog, singlesDay: SinglesDayHistory, revenue: RevenueHistory,
                comparison: Comparison, timeline: Timeline, profiles: Profiles, overview: Overview, claimCatalog: ClaimCatalog,
                origin: String) {
        self.sourceCatalog = sourceCatalog
        self.hubCatalog = hubCatalog
        self.singlesDay = singlesDay
        self.revenue = revenue
        self.comparison = comparison
        self.timeline = timeline
        self.profiles = profiles
        self.overview = overview
        self.claimCatalog = claimCatalog
        self.origin = origin
        for source in sourceCatalog.sources where sourcesByID[source.id] == nil {
            sourcesByID[source.id] = source
        }
        // In the order of `locatedFacts`, without making its paths: this runs at every start.
        let allFacts = [hubCatalog.hubs.flatMap(\.facts), singlesDay.facts, comparison.facts,
                        profiles.companies.flatMap(\.facts), profiles.people.flatMap(\.facts)].joined()
        for fact in allFacts where factsByID[fact.id] == nil {
            factsByID[fact.id] = fact
        }
        indexHubs()
    }

    private mutating func indexHubs() {
        hubIndexByID = [:]
        for (index, hub) in hubs.enumerated() where hubIndexByID[hub.id] == nil {
            hubIndexByID[hub.id] = index
        }
        headquartersIndex = hubs.firstIndex { $0.kind == .headquarters }
        hubCoordinates = hubs.map(\.location.coordinates)
    }

    public var sources: [Source] { sourceCatalog.sources }
    public var errata: [Erratum] { sourceCatalog.errata }
    public var hubs: [Hub] { hubCatalog.hubs }
    /// The article's claims, in the article's order.
    public var claims: [Claim] { claimCatalog.claims }

    public func source(id: String) -> Source? { sourcesByID[id] }
    public func fact(id: String) -> Fact? { factsByID[id] }
    public func erratum(id: String) -> Erratum? { errata.first { $0.id == id } }
    public func hub(id: String) -> Hub? { hubIndexByID[id].map { hubs[$0] } }

    /// A fact together with the file and JSON path it came from (for validation messages).
    public struct LocatedFact: Sendable {
        public var file: String
        public var path: String
        public var fact: Fact
    }

    /// Every fact in every file, in file order.
    public var locatedFacts: [LocatedFact] {
        var result: [LocatedFact] = []
        for (h, hub) in hubs.enumerated() {
            for (f, fact) in hub.facts.enumerated() {
                result.append(LocatedFact(file: "hubs.json", path: "hubs[\(h)].facts[\(f)]", fact: fact))
            }
        }
        for (f, fact) in singlesDay.facts.enumerated() {
            result.append(LocatedFact(file: "singles-day.json", path: "facts[\(f)]", fact: fact))
        }
        for (f, fact) in comparison.facts.enumerated() {
            result.append(LocatedFact(file: "comparison.json", path: "facts[\(f)]", fact: fact))
        }
        for (group, profiles) in [("companies", profiles.companies), ("people", profiles.people)] {
            for (p, profile) in profiles.enumerated() {
                for (f, fact) in profile.facts.enumerated() {
                    result.append(LocatedFact(file: "profiles.json", path: "\(group)[\(p)].facts[\(f)]", fact: fact))
                }
            }
        }
        return result
    }

    /// The Hangzhou headquarters, from which hub distances are measured.
    public var headquarters: Hub? { headquartersIndex.map { hubs[$0] } }
}
