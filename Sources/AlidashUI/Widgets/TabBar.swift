import AlidashModel

/// The row of pane tabs, with their numbers; also tells which columns each tab covers (for clicks).
public enum TabBar {
    public struct Tab: Sendable {
        public var pane: PaneID
        public var text: String
        public var columns: Range<Int>
    }

    /// Where each tab sits for a window `width` wide: full titles when they fit, short ones otherwise.
    public static func layout(width: Int, language: Language) -> [Tab] {
        for useShort in [false, true] {
            var tabs: [Tab] = []
            var x = 0
            for pane in PaneID.allCases {
                let title = useShort ? pane.shortTitle(language) : pane.title(language)
                let text = " \(pane.rawValue + 1) \(title) "
                let cells = TerminalText.width(of: text)
                tabs.append(Tab(pane: pane, text: text, columns: x..<(x + cells)))
                x += cells + 1
            }
            if x - 1 <= width || useShort { return tabs }
        }
        return []
    }

    public static func render(into buffer: inout Buffer, y: Int, width: Int, active: PaneID, language: Language,
                              glyphs: Glyphs) {
        let row = Rect(x: 0, y: y, width: width, height: 1)
        buffer.fill(row)
        for tab in layout(width: width, language: language) {
            let isActive = tab.pane == active
            let style = Style(isActive ? .tabActive : .tabInactive, bold: isActive)
            buffer.put(tab.text, x: tab.columns.lowerBound, y: y, style: style, clip: row)
            if !isActive {
                // The number in its own colour, so it reads as the key to press.
                buffer.put(String(tab.pane.rawValue + 1), x: tab.columns.lowerBound + 1, y: y, style: Style(.tabNumber), clip: row)
            }
            if tab.columns.upperBound < width {
                buffer.put(String(glyphs.vertical), x: tab.columns.upperBound, y: y, style: Style(.border), clip: row)
            }
        }
    }
}
