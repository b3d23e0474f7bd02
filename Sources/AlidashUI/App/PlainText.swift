import AlidashModel

extension AppState {
    /// A pane as lines for `alidash print`: everything it holds (every entry with its full detail, every
    /// table row, every source's URL), in one column, `width` wide in `.text`, unwrapped in `.markdown`.
    /// Nothing is cut and there are no key hints, selection marks or boxes. With `asciiOnly` every
    /// character is folded to ASCII (for locales that are not UTF-8).
    public static func plainText(pane: PaneID, width: Int, data: DataSet, language: Language,
                                 currency: Currency? = nil, format: PrintFormat = .text,
                                 asciiOnly: Bool = false) -> [String] {
        var state = AppState(data: data, language: language, glyphs: asciiOnly ? .ascii : .unicode,
                             width: width, height: 24, pane: pane)
        state.currency = currency
        state.showTable = true // print writes tables: bars read aloud say nothing
        let wrapWidth = format == .markdown ? PrintDocument.unwrapped : width
        let document = state.model(of: pane).printDocument(width: wrapWidth, context: state.context)
        return PrintWriter.lines(document, format: format, width: width,
                                 fold: asciiOnly ? { ASCIIFolding.fold($0) } : { $0 })
    }
}
