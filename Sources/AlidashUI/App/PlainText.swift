import AlidashModel

extension AppState {
    /// The height `plainText` renders at: tall enough for any pane, so nothing is cut at the bottom.
    public static let plainTextHeight = 400

    /// A pane as plain lines for `alidash print`: rendered `width` wide into a tall area, only the pane's
    /// rows (no tab bar, no status line), trailing spaces and trailing blank rows removed.
    /// With `asciiOnly` every character is folded to ASCII (for locales that are not UTF-8).
    public static func plainText(pane: PaneID, width: Int, data: DataSet, language: Language,
                                 asciiOnly: Bool = false) -> [String] {
        let state = AppState(data: data, language: language, glyphs: asciiOnly ? .ascii : .unicode,
                             width: width, height: plainTextHeight, pane: pane)
        // Cell-by-cell folding keeps the columns of tables aligned.
        let screen = asciiOnly ? ASCIIFolding.fold(state.render()) : state.render()
        let area = state.paneArea
        var lines = Array(screen.lines[area.y..<min(area.maxY, screen.height)])
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
