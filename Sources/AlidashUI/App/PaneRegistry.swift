import AlidashModel

/// The one list of panes. The tab bar, the digit keys, the command line and its completion, help, the
/// status line's key hints, `print`, `--pane`, serve's pane words and the README check all derive from it:
/// adding a pane is its file, one line here, its data and its tests.
public enum PaneRegistry {
    public struct Words: Sendable {
        public var english: String
        public var german: String
        public init(_ english: String, _ german: String) {
            self.english = english
            self.german = german
        }
    }

    public struct Entry: Sendable {
        public var id: PaneID
        public var title: Words
        public var shortTitle: Words
        /// Words that reach the pane on the command line, `--pane` and over serve; the first is its name.
        public var commandNames: [String]
        public var features: PaneFeatures
        public var make: @Sendable () -> any PaneModel
    }

    public static let panes: [Entry] = [
        Entry(id: .overview, title: Words("Overview", "Überblick"), shortTitle: Words("Overv.", "Überbl."),
              commandNames: ["overview", "home"], features: [], make: { OverviewPane() }),
        Entry(id: .hubs, title: Words("Hubs", "Hubs"), shortTitle: Words("Hubs", "Hubs"),
              commandNames: ["hubs", "map"], features: [.filter, .detail], make: { HubsPane() }),
        Entry(id: .revenue, title: Words("Revenue", "Umsatz"), shortTitle: Words("Rev.", "Ums."),
              commandNames: ["revenue", "singles-day", "gmv"], features: [.currency, .table], make: { RevenuePane() }),
        Entry(id: .comparison, title: Words("Amazon vs Alibaba", "Amazon vs Alibaba"), shortTitle: Words("AMZ/BABA", "AMZ/BABA"),
              commandNames: ["comparison", "amazon", "compare"], features: [.filter, .currency, .table],
              make: { ComparisonPane() }),
        Entry(id: .timeline, title: Words("Timeline", "Chronik"), shortTitle: Words("Time", "Chron."),
              commandNames: ["timeline", "events"], features: [.filter, .detail], make: { TimelinePane() }),
        Entry(id: .sources, title: Words("Sources", "Quellen"), shortTitle: Words("Src", "Quell."),
              commandNames: ["sources", "bibliography"], features: [.filter, .detail], make: { SourcesPane() }),
        Entry(id: .check, title: Words("Article check", "Faktencheck"), shortTitle: Words("Check", "Check"),
              commandNames: ["check", "claims", "errata", "article"], features: [.filter, .detail], make: { CheckPane() }),
    ]

    /// "1–6": the digit keys that reach a pane, as help and the README write them.
    public static var numberRange: String { panes.count == 1 ? "1" : "1–\(panes.count)" }

    /// "overview, hubs, …": every pane by its name.
    public static var names: [String] { panes.compactMap(\.commandNames.first) }
}
