/// Everything in `Data/`, decoded and validated. The only way the UI and the output modes see the data.
public struct DataSet: Sendable {
    public var sourceCatalog: SourceCatalog {
        didSet { indexSources() }
    }
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

    // Positions, not copies of the records: the tables stay small (they are built at every start).
    private var sourceIndexByID: [String: Int] = [:]
    /// Every fact in `factLists` order, for `fact(id:)`.
    private var allFacts: [Fact] = []
    private var factIndexByID: [String: Int] = [:]
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
        // The first of equal ids wins (validation reports the others). Sized once and filled last to
        // first, one lookup each: growing and looking up twice was half of building the data at start.
        indexSources()
        // By list, not through `locatedFacts`: this runs at every start, and the path of every fact is
        // only wanted by the checks.
        let lists = factLists
        allFacts.reserveCapacity(lists.reduce(0) { $0 + $1.facts.count })
        for list in lists { allFacts += list.facts }
        factIndexByID.reserveCapacity(allFacts.count)
        for index in allFacts.indices.reversed() { factIndexByID[allFacts[index].id] = index }
        indexHubs()
    }

    private mutating func indexSources() {
        let sources = sourceCatalog.sources
        sourceIndexByID = [:]
        sourceIndexByID.reserveCapacity(sources.count)
        for index in sources.indices.reversed() { sourceIndexByID[sources[index].id] = index }
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

    public func source(id: String) -> Source? { sourceIndexByID[id].map { sourceCatalog.sources[$0] } }
    public func fact(id: String) -> Fact? { factIndexByID[id].map { allFacts[$0] } }
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
        factLists.flatMap { list in
            list.facts.enumerated().map { LocatedFact(file: list.file, path: "\(list.path)[\($0)]", fact: $1) }
        }
    }

    private struct FactList {
        var file: String
        var path: String
        var facts: [Fact]
    }

    /// Every list of facts in the data, with its file and JSON path, in one order for lookups and checks.
    private var factLists: [FactList] {
        hubs.enumerated().map { FactList(file: "hubs.json", path: "hubs[\($0)].facts", facts: $1.facts) }
            + [FactList(file: "singles-day.json", path: "facts", facts: singlesDay.facts),
               FactList(file: "comparison.json", path: "facts", facts: comparison.facts)]
            + profiles.companies.enumerated().map { FactList(file: "profiles.json", path: "companies[\($0)].facts", facts: $1.facts) }
            + profiles.people.enumerated().map { FactList(file: "profiles.json", path: "people[\($0)].facts", facts: $1.facts) }
    }

    /// The Hangzhou headquarters, from which hub distances are measured.
    public var headquarters: Hub? { headquartersIndex.map { hubs[$0] } }
}
