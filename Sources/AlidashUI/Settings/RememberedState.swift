import AlidashModel

/// Where the dashboard was left: written to `state.json` at exit, read at the next start. Every field is
/// optional, so a file from an older version, or one with a pane or an entry the data no longer has,
/// restores what it can.
public struct RememberedState: Codable, Sendable, Equatable {
    /// What the file says it is; a file with another format is someone else's and is left alone.
    public static let currentFormat = "alidash-state 1"

    public var format: String
    public var pane: String?
    public var language: String?
    /// "reported", "rmb", "usd" or "eur".
    public var currency: String?
    /// "chart" or "table".
    public var view: String?
    public var logScale: Bool?
    /// Each pane's selected entry, by pane name and the entry's id.
    public var selections: [String: String]?
    /// The background the terminal reported at the last start ("dark" or "light"): the next start draws
    /// its first frame for it, before the terminal has answered again.
    public var background: String?

    public init(format: String = RememberedState.currentFormat) { self.format = format }

    public var startPane: PaneID? { pane.flatMap { name in PaneID.allCases.first { $0.name == name } } }
    public var startLanguage: Language? { language.flatMap(Language.init(rawValue:)) }
    public var reportedBackground: Theme.Background? {
        get { background.flatMap(Theme.Background.init(rawValue:)) }
        set { background = newValue?.rawValue }
    }
    /// nil when the file says nothing; `.some(nil)` for figures as reported.
    public var startCurrency: Currency?? {
        switch currency {
        case "reported": return .some(nil)
        case let code?:
            return [Currency.rmb, .usd, .eur].first { $0.rawValue == code.uppercased() }.map { .some($0) }
        case nil: return nil
        }
    }
}

extension AppState {
    /// What to write to `state.json` now.
    public var remembered: RememberedState {
        var state = RememberedState()
        state.pane = active.name
        state.language = language.rawValue
        state.currency = currency?.rawValue.lowercased() ?? "reported"
        state.view = showTable ? "table" : "chart"
        state.logScale = pane(RevenuePane.self)?.logScale
        let context = self.context
        var selections: [String: String] = [:]
        for (index, pane) in panes.enumerated() {
            if let id = pane.selectionID(context: context) { selections[PaneRegistry.panes[index].id.name] = id }
        }
        state.selections = selections
        return state
    }

    /// Applies a remembered state's view and selections (the start pane and language are chosen with the
    /// options, before the state is made).
    public mutating func restore(_ remembered: RememberedState) {
        if let currency = remembered.startCurrency { self.currency = currency }
        if let view = remembered.view { showTable = view == "table" }
        if let logScale = remembered.logScale { setLogScale(logScale) }
        let context = self.context
        for (name, id) in remembered.selections ?? [:] {
            guard let pane = PaneID.allCases.first(where: { $0.name == name }) else { continue }
            updatePane(pane) { $0.restoreSelection(id, context: context) }
        }
        measureActivePane()
    }
}
