import AlidashModel

/// The row of pane tabs, with their numbers; also tells which columns each tab covers (for clicks).
public enum TabBar {
    public struct Tab: Sendable {
        public var pane: PaneID
        public var text: String
        public var columns: Range<Int>
    }

    /// How much of a title a tab shows.
    private enum Form: CaseIterable { case full, short, numbers }

    /// Where each tab sits for a window `width` wide: full titles when they fit, then short ones, then
    /// numbers only (with the active pane's short title), so every pane stays reachable by click.
    public static func layout(width: Int, language: Language, active: PaneID = .overview) -> [Tab] {
        var tabs: [Tab] = []
        for form in Form.allCases {
            tabs = []
            var x = 0
            for pane in PaneID.allCases {
                let title: String
                switch form {
                case .full: title = " " + pane.title(language)
                case .short: title = " " + pane.shortTitle(language)
                case .numbers: title = pane == active ? " " + pane.shortTitle(language) : ""
                }
                let text = " \(pane.number)\(title) "
                let cells = TerminalText.width(of: text)
                tabs.append(Tab(pane: pane, text: text, columns: x..<(x + cells)))
                x += cells + 1
            }
            if x - 1 <= width { return tabs }
        }
        return tabs
    }

    public static func render(into buffer: inout Buffer, y: Int, width: Int, active: PaneID, language: Language,
                              glyphs: Glyphs) {
        let row = Rect(x: 0, y: y, width: width, height: 1)
        buffer.fill(row)
        for tab in layout(width: width, language: language, active: active) {
            let isActive = tab.pane == active
            let style = Style(isActive ? .tabActive : .tabInactive, bold: isActive)
            buffer.put(tab.text, x: tab.columns.lowerBound, y: y, style: style, clip: row)
            if !isActive {
                // The number in its own colour, so it reads as the key to press.
                buffer.put(String(tab.pane.number), x: tab.columns.lowerBound + 1, y: y, style: Style(.tabNumber), clip: row)
            }
            if tab.pane != PaneID.allCases.last, tab.columns.upperBound < width {
                buffer.put(String(glyphs.vertical), x: tab.columns.upperBound, y: y, style: Style(.border), clip: row)
            }
        }
    }
}
