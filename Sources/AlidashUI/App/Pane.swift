import AlidashModel

/// A pane's name, as the command line, `--pane`, `print` and serve know it ("hubs"). Each pane's file
/// declares its own; the order, titles and numbers come from `PaneRegistry`.
public struct PaneID: Hashable, Sendable, CaseIterable, CustomStringConvertible {
    public let name: String

    public init(_ name: String) { self.name = name }

    /// Every pane, in tab order.
    public static var allCases: [PaneID] { PaneRegistry.panes.map(\.id) }

    /// The pane with number `number` as shown in the tab bar (1…N); nil for any other number.
    public init?(number: Int) {
        guard number >= 1, number <= PaneRegistry.panes.count else { return nil }
        self = PaneRegistry.panes[number - 1].id
    }

    /// The pane a command-line word names: a command name or a number.
    public init?(word: String) {
        let word = word.lowercased()
        if let number = Int(word) {
            self.init(number: number)
        } else if let entry = PaneRegistry.panes.first(where: { $0.commandNames.contains(word) }) {
            self = entry.id
        } else {
            return nil
        }
    }

    /// Where the pane sits in the tab order, from 0.
    public var index: Int { PaneRegistry.panes.firstIndex { $0.id == self } ?? 0 }
    /// The number shown in the tab bar and typed to reach it, from 1.
    public var number: Int { index + 1 }
    public var entry: PaneRegistry.Entry { PaneRegistry.panes[index] }

    public func title(_ language: Language) -> String { language == .de ? entry.title.german : entry.title.english }
    /// A short title for narrow windows.
    public func shortTitle(_ language: Language) -> String {
        language == .de ? entry.shortTitle.german : entry.shortTitle.english
    }
    /// Names the command line accepts for this pane (the first is the canonical one).
    public var commandNames: [String] { entry.commandNames }
    public var description: String { name }
}

/// What a pane offers besides moving and scrolling; the status line, help and `/` follow it.
public struct PaneFeatures: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `/` narrows what the pane lists.
    public static let filter = PaneFeatures(rawValue: 1)
    /// `c` changes the currency of converted figures.
    public static let currency = PaneFeatures(rawValue: 2)
    /// `t` switches between chart and table.
    public static let table = PaneFeatures(rawValue: 4)
    /// Enter opens the selected entry's full detail.
    public static let detail = PaneFeatures(rawValue: 8)
}

/// A pane: its own state, how it reacts to actions, and how it draws itself.
/// Panes never touch the terminal; `render` must not change state.
public protocol PaneModel: Sendable {
    /// Measures the pane for `area` and `context` (content heights, wrapped lines, list windows), when
    /// either changed since the last call. The app calls it before every action, so `handle` and `click`
    /// use what it kept; `render` measures for itself when what was kept is for another size.
    mutating func layout(area: Rect, context: RenderContext)
    /// Reacts to an action; returns false when the action is not the pane's to handle.
    mutating func handle(_ action: Action, context: RenderContext) -> Bool
    func render(into buffer: inout Buffer, area: Rect, context: RenderContext)
    /// The filter now applied (for panes with `.filter`).
    var filter: String { get }
    mutating func setFilter(_ text: String, context: RenderContext)
    /// A click inside the pane's area (already in buffer coordinates).
    mutating func click(x: Int, y: Int, context: RenderContext) -> Bool
    /// The data was reloaded (`old` holds the data before): keep the filter, and the selection on the
    /// same entry, by id, where it still exists.
    mutating func dataReloaded(from old: RenderContext, to new: RenderContext)
    /// Everything the pane holds, for `alidash print`: every entry with its full detail, in the words the
    /// pane draws, wrapped at `width` (`PrintDocument.unwrapped` for output that wraps nothing).
    func printDocument(width: Int, context: RenderContext) -> PrintDocument
    /// Keys of the pane's own for the status line, each with a word for what it does now.
    func keyHints(context: RenderContext) -> [(action: Action, word: String)]
    /// What `y` copies: the selected figure with its period, confidence and sources, or a source's URL;
    /// nil when nothing is selected.
    func copyText(context: RenderContext) -> String?
    /// The selected entry's id, kept in the remembered state; nil where the pane selects nothing.
    func selectionID(context: RenderContext) -> String?
    /// Selects the entry with this id, where it exists (the remembered state, at start).
    mutating func restoreSelection(_ id: String, context: RenderContext)
}

extension PaneModel {
    public mutating func layout(area: Rect, context: RenderContext) {}
    public var filter: String { "" }
    public func keyHints(context: RenderContext) -> [(action: Action, word: String)] { [] }
    public func copyText(context: RenderContext) -> String? { nil }
    public func selectionID(context: RenderContext) -> String? { nil }
    public mutating func restoreSelection(_ id: String, context: RenderContext) {}
    public mutating func setFilter(_ text: String, context: RenderContext) {}
    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool { false }
    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        setFilter(filter, context: new)
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
