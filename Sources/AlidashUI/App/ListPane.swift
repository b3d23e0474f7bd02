/// What the shared key and click handling needs of a list pane's layout.
protocol ListPaneLayout: Sendable {
    /// The pane's whole area.
    var area: Rect { get }
    /// Where the list's rows are.
    var list: Rect { get }
}

/// A pane built on the shared list (`FilteredList`): measuring, keys and clicks come from here; the pane
/// gives how many entries it has, how tall each one is, its layout, and which rows of an entry are
/// headings rather than the entry.
protocol ListPane: PaneModel {
    associatedtype Layout: ListPaneLayout
    var list: FilteredList { get set }
    var kept: KeptLayout<Layout> { get set }
    func entryCount(_ context: RenderContext) -> Int
    /// The id of the entry with index `index`, which names it across reloads and in the remembered state.
    func entryID(_ index: Int, context: RenderContext) -> String
    func heights(_ context: RenderContext) -> FilteredList.Height
    func measure(area: Rect, context: RenderContext) -> Layout
    /// Whether row `row` (from the top of its entry) of the shown entry `shown` is the entry itself; a heading drawn above
    /// it is not, and a click there selects nothing.
    func isEntryRow(_ row: Int, of shown: FilteredList.Visible, context: RenderContext) -> Bool
}

extension ListPane {
    public func selectionID(context: RenderContext) -> String? {
        list.selectedEntry(total: entryCount(context)).map { entryID($0, context: context) }
    }

    public mutating func restoreSelection(_ id: String, context: RenderContext) {
        let total = entryCount(context)
        let pane = self
        list.reload(selectedID: id, total: total, id: { pane.entryID($0, context: context) }, keeps: { _ in true })
    }

    mutating func measureLayout(area: Rect, context: RenderContext) {
        let pane = self
        kept.keep(for: context.layoutKey(area), list: list) { pane.measure(area: area, context: context) }
    }

    /// The kept layout when it is for this area and state, else a new one (for drawing without `layout`).
    func currentLayout(area: Rect, context: RenderContext) -> Layout {
        kept.layout(for: context.layoutKey(area), list: list) { measure(area: area, context: context) }
    }

    mutating func handleListAction(_ action: Action, context: RenderContext) -> Bool {
        guard let layout = kept.layout else { return false }
        let total = entryCount(context)
        guard list.apply(action, total: total, rows: layout.list.height, height: heights(context)) else { return false }
        // The detail box may have changed height, so the window is placed again after the change.
        let after = measure(area: layout.area, context: context)
        list.follow(total: total, rows: after.list.height, height: heights(context))
        return true
    }

    mutating func clickList(x: Int, y: Int, context: RenderContext) -> Bool {
        guard let layout = kept.layout, layout.list.contains(x: x, y: y) else { return false }
        let total = entryCount(context)
        let rows = layout.list.height
        let row = y - layout.list.y
        guard let shown = list.visible(total: total, rows: rows, height: heights(context))
            .first(where: { row >= $0.row && row < $0.row + $0.height }),
              isEntryRow(row - shown.row, of: shown, context: context) else { return false }
        list.select(shown.position, count: list.count(of: total))
        list.follow(total: total, rows: rows, height: heights(context))
        return true
    }
}
