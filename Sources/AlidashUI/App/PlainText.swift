import AlidashModel

extension AppState {
    /// The first height `plainText` renders at; taller data is rendered again taller, up to the limit.
    public static let plainTextHeight = 400
    /// Beyond this many rows `print` stops and says so, so memory stays bounded.
    public static let plainTextMaximumHeight = 25_600

    /// A pane as plain lines for `alidash print`: rendered `width` wide into an area tall enough for
    /// all of it, only the pane's rows (no tab bar, no status line), trailing blank rows removed. Each of
    /// the pane's `printStates` follows the first (Hubs: every hub's full detail, since the screen shows
    /// one hub at a time). With `asciiOnly` every character is folded to ASCII (for locales that are not UTF-8).
    public static func plainText(pane: PaneID, width: Int, data: DataSet, language: Language,
                                 currency: Currency? = nil, table: Bool = false, asciiOnly: Bool = false) -> [String] {
        var state = AppState(data: data, language: language, glyphs: asciiOnly ? .ascii : .unicode,
                             width: width, height: plainTextHeight, pane: pane)
        state.currency = currency
        state.showTable = table
        state.replaceActivePane(with: state.model(of: pane)) // measured again for the view options
        var lines: [String] = []
        for (index, paneState) in state.model(of: pane).printStates(context: state.context).enumerated() {
            var shown = state
            shown.replaceActivePane(with: paneState)
            lines += (index == 0 ? [] : [""]) + paneLines(shown, asciiOnly: asciiOnly)
        }
        return lines
    }

    /// The pane rows of `state`, re-rendered taller while its last row is still in use.
    private static func paneLines(_ state: AppState, asciiOnly: Bool) -> [String] {
        var state = state
        while true {
            // Cell-by-cell folding keeps the columns of tables aligned.
            let screen = asciiOnly ? ASCIIFolding.fold(state.render()) : state.render()
            let area = state.paneArea
            var lines = Array(screen.lines[area.y..<min(area.maxY, screen.height)])
            let full = lines.last?.isEmpty == false
            if full, state.height < plainTextMaximumHeight {
                _ = state.update(.resize(width: state.width, height: min(plainTextMaximumHeight, state.height * 4)))
                continue
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            if full { lines.append("… (cut at \(lines.count) rows)") }
            return lines
        }
    }
}
