import AlidashModel

/// The panes, in tab order.
public enum PaneID: Int, Sendable, CaseIterable {
    case overview, hubs, revenue, comparison, timeline, sources

    /// The pane with number `number` as shown in the tab bar (1–6); nil for any other number.
    public init?(number: Int) {
        guard number >= 1, number <= PaneID.allCases.count else { return nil }
        self.init(rawValue: number - 1)
    }

    public func title(_ language: Language) -> String {
        switch (self, language) {
        case (.overview, .en): return "Overview"
        case (.overview, .de): return "Überblick"
        case (.hubs, _): return "Hubs"
        case (.revenue, .en): return "Revenue"
        case (.revenue, .de): return "Umsatz"
        case (.comparison, _): return "Amazon vs Alibaba"
        case (.timeline, .en): return "Timeline"
        case (.timeline, .de): return "Chronik"
        case (.sources, .en): return "Sources"
        case (.sources, .de): return "Quellen"
        }
    }

    /// A short title for narrow windows.
    public func shortTitle(_ language: Language) -> String {
        switch (self, language) {
        case (.overview, .en): return "Overv."
        case (.overview, .de): return "Überbl."
        case (.hubs, _): return "Hubs"
        case (.revenue, .en): return "Rev."
        case (.revenue, .de): return "Ums."
        case (.comparison, _): return "AMZ/BABA"
        case (.timeline, .en): return "Time"
        case (.timeline, .de): return "Chron."
        case (.sources, .en): return "Src"
        case (.sources, .de): return "Quell."
        }
    }

    /// Names the command line accepts for this pane (the first is the canonical one).
    public var commandNames: [String] {
        switch self {
        case .overview: return ["overview", "home"]
        case .hubs: return ["hubs", "map"]
        case .revenue: return ["revenue", "singles-day", "gmv"]
        case .comparison: return ["comparison", "amazon", "compare"]
        case .timeline: return ["timeline", "events"]
        case .sources: return ["sources", "errata"]
        }
    }
}

/// A pane: its own state, how it reacts to actions, and how it draws itself.
/// Panes never touch the terminal; `render` must not change state.
public protocol PaneModel: Sendable {
    /// Reacts to an action; returns false when the action is not the pane's to handle.
    mutating func handle(_ action: Action, area: Rect, context: RenderContext) -> Bool
    func render(into buffer: inout Buffer, area: Rect, context: RenderContext)
    /// Whether `/` filters this pane, and the filter now applied.
    var supportsFilter: Bool { get }
    var filter: String { get }
    mutating func setFilter(_ text: String, context: RenderContext)
    /// A click inside the pane's area (already in buffer coordinates).
    mutating func click(x: Int, y: Int, area: Rect, context: RenderContext) -> Bool
    /// The data was reloaded (`old` holds the data before): keep the filter, and the selection on the
    /// same entry, by id, where it still exists.
    mutating func dataReloaded(from old: RenderContext, to new: RenderContext)
}

extension PaneModel {
    public var supportsFilter: Bool { false }
    public var filter: String { "" }
    public mutating func setFilter(_ text: String, context: RenderContext) {}
    public mutating func click(x: Int, y: Int, area: Rect, context: RenderContext) -> Bool { false }
    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        if supportsFilter { setFilter(filter, context: new) }
    }
}

/// Case-insensitive, accent-tolerant matching for `/` filters.
public func filterMatches(_ query: String, _ fields: [String]) -> Bool {
    let needle = searchKey(query.trimmingSpaces())
    guard !needle.isEmpty else { return true }
    return fields.contains { searchKey($0).contains(needle) }
}

/// Lower case without accents ("Liège" and "liege" match), other scripts kept as they are.
func searchKey(_ text: String) -> String {
    var key = ""
    for character in text.lowercased() {
        let folded = ASCIIFolding.foldCell(character)
        key.append(folded == ASCIIFolding.unknown && character != ASCIIFolding.unknown ? character : folded)
    }
    return key
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
