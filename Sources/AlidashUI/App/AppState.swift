import AlidashModel

/// An overlay drawn over the panes and taking the keys while open.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case commandLine(text: String)
    case filter(text: String)
}

/// The whole dashboard: state, `update(event)` and `render()` (the Elm architecture).
public struct AppState: Sendable {
    public static let minimumWidth = 40
    public static let minimumHeight = 10

    public private(set) var data: DataSet
    public var language: Language
    public var glyphs: Glyphs
    /// The currency chosen with `c`; nil (the start) shows every figure as reported.
    public var currency: Currency?
    public var showTable = false
    public private(set) var active: PaneID = .overview
    public private(set) var overlay: Overlay?
    public private(set) var width: Int
    public private(set) var height: Int
    /// A message in the status line; errors stay until the next key.
    public private(set) var status: (text: String, isError: Bool)?

    /// Text `y` asked to copy, for the run loop to send to the terminal (`takeClipboard`).
    private var pendingClipboard: String?

    /// The text to put on the clipboard now, once.
    public mutating func takeClipboard() -> String? {
        defer { pendingClipboard = nil }
        return pendingClipboard
    }

    /// Opens the Revenue charts on a log or a linear scale.
    public mutating func setLogScale(_ on: Bool) {
        let index = PaneID.revenue.index
        guard var revenue = panes[index] as? RevenuePane else { return }
        revenue.setLogScale(on)
        panes[index] = revenue
        measureActivePane()
    }

    /// Says something once on the status line (until the next key), such as which terminal entry is used;
    /// a second notice waits for the key that ends the first.
    /// A problem (`isError`) is drawn as errors are, wrapped over as many rows as it needs.
    public mutating func announce(_ text: String, isError: Bool = false) {
        if status == nil { status = (text, isError) } else { waitingNotices.append((text, isError)) }
    }
    private var waitingNotices: [(text: String, isError: Bool)] = []
    /// Why the data on screen is older than the files (a `--watch` reload failed); kept until one succeeds.
    public private(set) var staleDataError: String?
    public var keyMap = KeyMap.standard
    /// Counts data reloads (see `RenderContext.dataVersion`).
    public private(set) var dataVersion = 0

    /// Each pane's state, in `PaneRegistry` order.
    public private(set) var panes: [any PaneModel] = PaneRegistry.panes.map { $0.make() }

    /// True from a start with `firstFrameOnly` until `completeLayout`: panes lay out only what the first
    /// frame shows, as `less` shows a file before it has counted its lines.
    public private(set) var firstFrameOnly = false

    public init(data: DataSet, language: Language, glyphs: Glyphs = .unicode, width: Int, height: Int,
                pane: PaneID = .overview, firstFrameOnly: Bool = false) {
        self.firstFrameOnly = firstFrameOnly
        self.data = data
        self.language = language
        self.glyphs = glyphs
        self.width = max(0, width)
        self.height = max(0, height)
        self.active = pane
        measureActivePane()
    }

    public var context: RenderContext {
        var context = RenderContext(data: data, language: language, glyphs: glyphs, currency: currency, showTable: showTable,
                                    dataVersion: dataVersion)
        context.keyMap = keyMap
        context.firstFrameOnly = firstFrameOnly
        return context
    }

    /// Lays out what the first frame left out; true when the screen may change, so it is drawn again.
    public mutating func completeLayout() -> Bool {
        guard firstFrameOnly else { return false }
        firstFrameOnly = false
        measureActivePane()
        return true
    }

    /// The state of the pane of type `type` (for tests and `print`).
    public func pane<Pane: PaneModel>(_ type: Pane.Type) -> Pane? {
        panes.lazy.compactMap { $0 as? Pane }.first
    }

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    /// The rectangle panes draw in: between the tab bar and the status line.
    public var paneArea: Rect { Rect(x: 0, y: 1, width: width, height: height.saturatingSubtract(2)) }

    // MARK: - Update

    public mutating func update(_ event: Event) -> Effect {
        let effect = apply(event)
        // Measured here, once, so drawing the frame finds the layout ready.
        if effect != .none { measureActivePane() }
        return effect
    }

    private mutating func apply(_ event: Event) -> Effect {
        switch event {
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
            return .redraw
        case .dataReloaded(let newData):
            let old = context
            data = newData
            dataVersion += 1
            staleDataError = nil
            status = (context.t("Data reloaded", "Daten neu geladen"), false)
            let new = context
            for pane in PaneID.allCases {
                updatePane(pane) { $0.dataReloaded(from: old, to: new) }
            }
            return .redraw
        case .dataReloadFailed(let message):
            staleDataError = message
            status = (context.t("Reload failed, showing last good data: ", "Neu laden fehlgeschlagen, letzte gültige Daten: ") + message, true)
            return .redraw
        case .settingsChanged(let old, let new, let problems):
            applyChangedSettings(old: old, new: new)
            status = (SettingsNotice.text(for: problems, language: language)
                      ?? SettingsNotice.reloaded(old: old, new: new, language: language), !problems.isEmpty)
            return .redraw
        case .mouse(let mouse):
            return handleMouse(mouse)
        case .key(let key):
            if let overlay { return handleOverlayKey(key, overlay: overlay) }
            let hadStatus = status != nil
            status = waitingNotices.isEmpty ? nil : waitingNotices.removeFirst()
            guard let action = keyMap.action(for: key) else { return hadStatus ? .redraw : .none }
            let effect = perform(action)
            return effect == .none && hadStatus ? .redraw : effect
        }
    }

    /// Runs an action and reports what must be redrawn.
    public mutating func perform(_ action: Action) -> Effect {
        let context = self.context
        switch action {
        case .quit: return .quit
        case .redraw: return .fullRedraw
        case .help:
            overlay = .help(scroll: 0)
            return .redraw
        case .commandLine:
            overlay = .commandLine(text: "")
            return .redraw
        case .filter:
            guard active.entry.features.contains(.filter) else {
                status = (context.t("This pane has no list to filter", "Dieser Bereich hat keine Liste zum Filtern"), false)
                return .redraw
            }
            overlay = .filter(text: paneFilter(active))
            return .redraw
        case .nextPane:
            return select(PaneID(number: active.number % PaneRegistry.panes.count + 1) ?? active)
        case .previousPane:
            return select(PaneID(number: (active.index + PaneRegistry.panes.count - 1) % PaneRegistry.panes.count + 1) ?? active)
        case .goToPane(let number):
            guard let pane = PaneID(number: number) else { return .none }
            return select(pane)
        case .cycleCurrency:
            // As reported, then RMB, USD, EUR, and back.
            let all: [Currency?] = [nil, .rmb, .usd, .eur]
            currency = all[((all.firstIndex(of: currency) ?? 0) + 1) % all.count]
            status = (context.t("Currency: ", "Währung: ") + (currency?.code ?? context.t("as reported", "wie gemeldet")), false)
            return .redraw
        case .toggleView:
            showTable.toggle()
            return .redraw
        case .copy:
            guard let text = model(of: active).copyText(context: context) else {
                status = (context.t("Nothing selected to copy here", "Hier ist nichts zum Kopieren gewählt"), false)
                return .redraw
            }
            pendingClipboard = text
            status = (context.t("Copied: ", "Kopiert: ") + text, false)
            return .redraw
        case .cycleLanguage:
            language = language == .en ? .de : .en
            return .redraw
        case .close:
            if active.entry.features.contains(.filter), !paneFilter(active).isEmpty {
                setPaneFilter(active, "")
                return .redraw
            }
            return routeToPane(action)
        default:
            return routeToPane(action)
        }
    }

    private mutating func select(_ pane: PaneID) -> Effect {
        guard pane != active else { return .none }
        active = pane
        return .redraw
    }

    private mutating func routeToPane(_ action: Action) -> Effect {
        let area = paneArea
        let context = self.context
        let handled = updatePane(active) { pane in
            pane.layout(area: area, context: context)
            return pane.handle(action, context: context)
        }
        return handled ? .redraw : .none
    }

    /// Puts `pane` in place of the active pane's state (for `print`).
    mutating func replaceActivePane(with pane: any PaneModel) {
        panes[active.index] = pane
        measureActivePane()
    }

    /// Lets the active pane measure itself for the current size, language and data (a no-op when nothing changed).
    mutating func measureActivePane() {
        let area = paneArea
        let context = self.context
        updatePane(active) { $0.layout(area: area, context: context) }
    }

    // MARK: - Overlays

    private mutating func handleOverlayKey(_ key: Key, overlay: Overlay) -> Effect {
        switch overlay {
        case .help(let scroll):
            switch key {
            case .escape, .character("?"), .character("q"), .enter: self.overlay = nil
            case .control("c"): return .quit
            default:
                // The list keys scroll the help: j/k, arrows, PgUp/PgDn, Home/End.
                let help = HelpOverlay(keyMap: keyMap, scroll: scroll)
                guard let action = keyMap.action(for: key),
                      let next = TextScroll.offset(after: action, from: scroll,
                                                   maxOffset: help.maximumScroll(in: paneArea, context: context),
                                                   pageSize: help.visibleLines(in: paneArea, context: context) - 1),
                      next != scroll else { return .none }
                self.overlay = .help(scroll: next)
            }
            return .redraw
        case .commandLine(let text):
            switch key {
            case .escape: self.overlay = nil
            case .control("c"): return .quit
            case .enter:
                self.overlay = nil
                return runCommand(text)
            case .tab:
                self.overlay = .commandLine(text: CommandLine.complete(text))
            case .backspace:
                if text.isEmpty { self.overlay = nil } else { self.overlay = .commandLine(text: String(text.dropLast())) }
            case .character(let character):
                self.overlay = .commandLine(text: String((text + String(character)).prefix(80)))
            default: return .none
            }
            return .redraw
        case .filter(let text):
            switch key {
            case .escape:
                self.overlay = nil
                setPaneFilter(active, "")
            case .control("c"): return .quit
            case .enter: self.overlay = nil
            case .backspace:
                let shorter = String(text.dropLast())
                self.overlay = .filter(text: shorter)
                setPaneFilter(active, shorter)
            case .character(let character):
                let longer = String((text + String(character)).prefix(60))
                self.overlay = .filter(text: longer)
                setPaneFilter(active, longer)
            case .up, .down, .pageUp, .pageDown:
                _ = routeToPane(keyMap.action(for: key) ?? .moveDown)
            default: return .none
            }
            return .redraw
        }
    }

    private mutating func runCommand(_ text: String) -> Effect {
        let context = self.context
        switch CommandLine.parse(text) {
        case .pane(let pane):
            active = pane
        case .quit:
            return .quit
        case .help:
            overlay = .help(scroll: 0)
        case .currency(let value):
            currency = value
        case .language(let value):
            language = value
        case .table(let value):
            showTable = value
        case .empty:
            return .redraw
        case .unknown(let word):
            status = (context.t("Unknown command: ", "Unbekannter Befehl: ") + word + context.t(" (try :help)", " (siehe :help)"), true)
        }
        return .redraw
    }

    // MARK: - Pane helpers

    /// The model of pane `id`.
    func model(of id: PaneID) -> any PaneModel { panes[id.index] }

    /// Runs `body` on the model of pane `id` and keeps what it changed.
    @discardableResult
    mutating func updatePane<Result>(_ id: PaneID, _ body: (inout any PaneModel) -> Result) -> Result {
        body(&panes[id.index])
    }

    private func paneFilter(_ pane: PaneID) -> String { model(of: pane).filter }

    private mutating func setPaneFilter(_ pane: PaneID, _ text: String) {
        let context = self.context
        updatePane(pane) { $0.setFilter(text, context: context) }
    }

    // MARK: - Mouse

    private mutating func handleMouse(_ mouse: MouseEvent) -> Effect {
        guard overlay == nil, !isTooSmall else { return .none }
        switch mouse {
        case .click(let x, let y):
            if y == 0 {
                for tab in TabBar.layout(width: width, language: language, active: active) where tab.columns.contains(x) {
                    return select(tab.pane)
                }
                return .none
            }
            let area = paneArea
            guard area.contains(x: x, y: y) else { return .none }
            let context = self.context
            let handled = updatePane(active) { pane in
                pane.layout(area: area, context: context)
                return pane.click(x: x, y: y, context: context)
            }
            return handled ? .redraw : .none
        case .scrollUp:
            var effect = Effect.none
            for _ in 0..<3 where routeToPane(.moveUp) == .redraw { effect = .redraw }
            return effect
        case .scrollDown:
            var effect = Effect.none
            for _ in 0..<3 where routeToPane(.moveDown) == .redraw { effect = .redraw }
            return effect
        }
    }
}
