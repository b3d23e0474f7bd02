/// What a key asks for, independent of which key it was.
public enum Action: Sendable, Equatable, Hashable {
    case quit, redraw, help, commandLine, filter
    /// `goToPane` carries the pane's number (1…N).
    case nextPane, previousPane, goToPane(Int)
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case open, close
    /// Copies the selected figure (or a source's URL) to the clipboard.
    case copy
    case cycleCurrency, toggleView, cycleLanguage
    /// Revenue: the other section; bars on a log or linear scale.
    case switchSection, toggleScale
}

/// One entry of the key map: the keys, the action, and the words help shows for it.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    /// How the keys are written in help, e.g. "j ↓".
    public var label: String
    public var action: Action
    public var english: String
    public var german: String
}

/// The key map is data, so help is generated from it and can never disagree with it.
public struct KeyMap: Sendable {
    public var bindings: [KeyBinding]

    public static let standard = KeyMap(bindings: [
        KeyBinding(keys: KeyMap.paneDigits.map { .character(Character(String($0))) }, label: PaneRegistry.numberRange,
                   action: .goToPane(1),
                   english: "Go to pane by number", german: "Bereich nach Nummer wählen"),
        KeyBinding(keys: [.tab, .right, .character("l")], label: "Tab → l", action: .nextPane,
                   english: "Next pane", german: "Nächster Bereich"),
        KeyBinding(keys: [.backTab, .left, .character("h")], label: "S-Tab ← h", action: .previousPane,
                   english: "Previous pane", german: "Vorheriger Bereich"),
        KeyBinding(keys: [.down, .character("j")], label: "↓ j", action: .moveDown,
                   english: "Move down / scroll", german: "Nach unten / blättern"),
        KeyBinding(keys: [.up, .character("k")], label: "↑ k", action: .moveUp,
                   english: "Move up / scroll", german: "Nach oben / blättern"),
        KeyBinding(keys: [.pageDown, .control("f"), .control("d")], label: "PgDn C-f C-d", action: .pageDown,
                   english: "Page down", german: "Seite nach unten"),
        KeyBinding(keys: [.pageUp, .control("b"), .control("u")], label: "PgUp C-b C-u", action: .pageUp,
                   english: "Page up", german: "Seite nach oben"),
        KeyBinding(keys: [.home, .character("g")], label: "Home g", action: .top,
                   english: "First item", german: "Erster Eintrag"),
        KeyBinding(keys: [.end, .character("G")], label: "End G", action: .bottom,
                   english: "Last item", german: "Letzter Eintrag"),
        KeyBinding(keys: [.enter], label: "Enter", action: .open,
                   english: "Open details", german: "Details öffnen"),
        KeyBinding(keys: [.escape], label: "Esc", action: .close,
                   english: "Close overlay / clear filter", german: "Overlay schließen / Filter löschen"),
        KeyBinding(keys: [.character("y")], label: "y", action: .copy,
                   english: "Copy the selected figure or URL (OSC 52)", german: "Gewählten Wert oder URL kopieren (OSC 52)"),
        KeyBinding(keys: [.character("/")], label: "/", action: .filter,
                   english: "Filter the list", german: "Liste filtern"),
        KeyBinding(keys: [.character("c")], label: "c", action: .cycleCurrency,
                   english: "Currency: as reported, RMB, USD, EUR", german: "Währung: wie gemeldet, RMB, USD, EUR"),
        KeyBinding(keys: [.character("t")], label: "t", action: .toggleView,
                   english: "Chart or table", german: "Diagramm oder Tabelle"),
        KeyBinding(keys: [.character("s")], label: "s", action: .switchSection,
                   english: "Revenue: Singles' Day or quarters", german: "Umsatz: Singles' Day oder Quartale"),
        KeyBinding(keys: [.character("z")], label: "z", action: .toggleScale,
                   english: "Revenue: log or linear scale", german: "Umsatz: logarithmische oder lineare Skala"),
        KeyBinding(keys: [.character("L")], label: "L", action: .cycleLanguage,
                   english: "English / Deutsch", german: "English / Deutsch"),
        KeyBinding(keys: [.character(":")], label: ":", action: .commandLine,
                   english: "Command line (:hubs, :revenue …)", german: "Befehlszeile (:hubs, :revenue …)"),
        KeyBinding(keys: [.character("?")], label: "?", action: .help,
                   english: "This help", german: "Diese Hilfe"),
        KeyBinding(keys: [.control("l")], label: "C-l", action: .redraw,
                   english: "Redraw the screen", german: "Bildschirm neu zeichnen"),
        KeyBinding(keys: [.character("q"), .control("c")], label: "q C-c", action: .quit,
                   english: "Quit", german: "Beenden"),
    ])

    /// The digits that reach a pane: one per pane, at most 1–9.
    static var paneDigits: ClosedRange<Int> { 1...max(1, min(9, PaneRegistry.panes.count)) }

    /// The action for a key, if any. Digits carry their pane number.
    public func action(for key: Key) -> Action? {
        if case .character(let character) = key, let digit = character.wholeNumberValue, KeyMap.paneDigits.contains(digit) {
            return .goToPane(digit)
        }
        return bindings.first { $0.keys.contains(key) }?.action
    }
}
