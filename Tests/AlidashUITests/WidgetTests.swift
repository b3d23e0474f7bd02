import AlidashModel
import AlidashUI
import Testing
import TestSupport

/// Each widget alone, on a small buffer pre-filled with "x", so a cell it forgot to draw (or drew
/// outside its area) shows in the expected lines.
@Suite struct WidgetTests {
    static func canvas(_ width: Int, _ height: Int) -> Buffer { Buffer(width: width, height: height, filling: Cell("x")) }
    static let context = TestData.app(width: 80, height: 24).context

    // MARK: - Block

    @Test func blockDrawsItsBorderAndTitleAndReturnsTheInside() {
        var buffer = WidgetTests.canvas(12, 4)
        let inner = Block(title: "Hubs").render(into: &buffer, area: Rect(x: 1, y: 0, width: 10, height: 3), glyphs: .unicode)
        #expect(inner == Rect(x: 2, y: 1, width: 8, height: 1))
        #expect(buffer.lines == ["x┌ Hubs ──┐x", "x│xxxxxxxx│x", "x└────────┘x", "xxxxxxxxxxxx"])
    }

    @Test func blockInATinyAreaDrawsNothing() {
        var buffer = WidgetTests.canvas(3, 2)
        #expect(Block(title: "T").render(into: &buffer, area: Rect(width: 1, height: 2), glyphs: .unicode) == .zero)
        #expect(buffer.lines == ["xxx", "xxx"])
    }

    // MARK: - ScrollMarks

    @Test func scrollMarksSitAtTheRightEdge() {
        var buffer = WidgetTests.canvas(5, 3)
        ScrollMarks.draw(into: &buffer, area: Rect(x: 0, y: 0, width: 4, height: 3), moreAbove: true, moreBelow: true,
                         glyphs: .unicode)
        #expect(buffer.lines == ["xxx▲x", "xxxxx", "xxx▼x"])
        var none = WidgetTests.canvas(5, 3)
        ScrollMarks.draw(into: &none, area: none.area, moreAbove: false, moreBelow: false, glyphs: .ascii)
        #expect(none.lines == ["xxxxx", "xxxxx", "xxxxx"])
    }

    // MARK: - DetailPanel

    @Test func detailPanelSaysWhenLinesAreHidden() {
        let lines: [StyledLine] = ["one", "two", "three"].map { [Span($0)] }
        var fits = WidgetTests.canvas(20, 5)
        DetailPanel(title: "D", lines: lines).render(into: &fits, area: fits.area, context: WidgetTests.context)
        #expect(fits.lines == ["┌ D ───────────────┐", "│ one              │", "│ two              │",
                               "│ three            │", "└──────────────────┘"])
        var cut = WidgetTests.canvas(20, 4)
        DetailPanel(title: "D", lines: lines).render(into: &cut, area: cut.area, context: WidgetTests.context)
        #expect(cut.lines == ["┌ D ───────────────┐", "│ one              │", "│ … Enter shows al │",
                              "└──────────────────┘"])
    }

    // MARK: - Table

    @Test func tableDrawsHeaderRowsAndItsScrollIndicator() {
        var buffer = WidgetTests.canvas(10, 4)
        let table = Table(columns: [TableColumn("N", width: 2), TableColumn("Name", width: 4, flexible: true)],
                          rowCount: 5, selected: 1, offset: 0) { index in
            [TableCell(String(index)), TableCell("row\(index)")]
        }
        table.render(into: &buffer, area: Rect(x: 0, y: 0, width: 9, height: 4), glyphs: .unicode)
        #expect(buffer.lines == ["N  Name  x", "0  row0  x", "1  row1 │x", "2  row2 ▼x"])
    }

    // MARK: - TabBar

    @Test func tabBarNumbersEveryPaneOfTheRegistry() {
        let tabs = TabBar.layout(width: 200, language: .en)
        #expect(tabs.map(\.pane) == PaneID.allCases)
        #expect(tabs.map(\.text).first == " 1 Overview ")
        // Narrow: numbers only, with the active pane's short title, so every pane stays reachable.
        let narrow = TabBar.layout(width: 40, language: .en, active: .hubs)
        #expect(narrow.count == PaneRegistry.panes.count)
        #expect(narrow.last.map { $0.columns.upperBound <= 40 } == true)
        var buffer = WidgetTests.canvas(40, 2)
        TabBar.render(into: &buffer, y: 0, width: 40, active: .hubs, language: .en, glyphs: .unicode)
        #expect(buffer.lines[1] == String(repeating: "x", count: 40), "only its own row")
        #expect(buffer.lines[0].contains("2 Hubs"))
    }

    // MARK: - FilteredList

    /// Entries of uneven height: entry i takes 1 + i % 2 rows (2 at the top of the window when even).
    static func height(_ position: Int, _ atTop: Bool) -> Int { position % 2 == 0 || atTop ? 2 : 1 }

    @Test func listWindowFollowsTheSelectionWithUnevenHeights() {
        var list = FilteredList()
        var moved = false
        // Rows: 0:2, 1:1, 2:2, 3:1 … in a window of 5 rows: entries 0, 1, 2 fit (2 + 1 + 2).
        #expect(list.visible(total: 10, rows: 5, height: WidgetTests.height).map(\.position) == [0, 1, 2])
        moved = list.apply(.moveDown, total: 10, rows: 5, height: WidgetTests.height)
        #expect(moved)
        moved = list.apply(.moveDown, total: 10, rows: 5, height: WidgetTests.height)
        #expect(moved)
        #expect(list.first == 0, "entry 2 still fits")
        moved = list.apply(.moveDown, total: 10, rows: 5, height: WidgetTests.height)
        #expect(moved)
        #expect(list.selected == 3)
        let shown = list.visible(total: 10, rows: 5, height: WidgetTests.height)
        #expect(shown.last?.position == 3 && shown.last.map { $0.row + $0.height } ?? 99 <= 5, "the selection is whole on screen")
        moved = list.apply(.bottom, total: 10, rows: 5, height: WidgetTests.height)
        #expect(moved)
        let end = list.visible(total: 10, rows: 5, height: WidgetTests.height)
        #expect(end.last?.position == 9)
        #expect(list.hidden(total: 10, rows: 5, height: WidgetTests.height) == (above: true, below: false))
        moved = list.apply(.moveDown, total: 10, rows: 5, height: WidgetTests.height)
        #expect(!moved, "nothing below: no change")
    }

    @Test func listClicksHitTheEntryOnThatRow() {
        let list = FilteredList()
        #expect(list.position(atRow: 0, total: 10, rows: 5, height: WidgetTests.height) == 0)
        #expect(list.position(atRow: 1, total: 10, rows: 5, height: WidgetTests.height) == 0)
        #expect(list.position(atRow: 2, total: 10, rows: 5, height: WidgetTests.height) == 1)
        #expect(list.position(atRow: 4, total: 10, rows: 5, height: WidgetTests.height) == 2)
        #expect(list.position(atRow: 5, total: 10, rows: 5, height: WidgetTests.height) == nil)
    }

    @Test func listKeepsTheSelectionByIDAcrossFilteringAndReloads() {
        let names = ["liege", "kuala-lumpur", "kigali", "addis-ababa", "hangzhou"]
        var list = FilteredList()
        list.select(2, count: names.count) // kigali
        list.setFilter("k", total: names.count) { names[$0].contains("k") }
        #expect(list.matches == [1, 2])
        #expect(list.selectedEntry(total: names.count) == 2, "kigali stays selected")
        #expect(list.shownCount(below: 2, total: names.count) == 1)
        // The data changes order; the same id stays selected.
        let reloaded = ["kigali", "hangzhou", "kuala-lumpur"]
        list.reload(selectedID: "kigali", total: reloaded.count, id: { reloaded[$0] }, keeps: { reloaded[$0].contains("k") })
        #expect(list.matches == [0, 2])
        #expect(list.selectedEntry(total: reloaded.count) == 0)
        // Gone: the selection starts at the top and the detail closes.
        list.expanded = true
        list.reload(selectedID: "kigali", total: 1, id: { _ in "liege" }, keeps: { _ in true })
        #expect(list.selected == 0 && !list.expanded)
    }

    @Test func listDetailHeightKeepsOneHeightWhileCollapsed() {
        var list = FilteredList()
        #expect(list.detailHeight(natural: 20, available: 22, collapsedRows: 8) == 8)
        #expect(list.detailHeight(natural: 2, available: 22, collapsedRows: 8) == 8, "the list does not jump")
        #expect(list.detailHeight(natural: 20, available: 4, collapsedRows: 8) == 0, "no room for a box")
        list.expanded = true
        #expect(list.detailHeight(natural: 20, available: 22, collapsedRows: 8) == 18)
        #expect(list.detailHeight(natural: 5, available: 22, collapsedRows: 8) == 5)
    }

    @Test func emptyAndTinyListsNeverTrap() {
        var list = FilteredList()
        for action in [Action.moveDown, .pageDown, .bottom, .open, .top] {
            _ = list.apply(action, total: 0, rows: 0, height: WidgetTests.height)
            _ = list.apply(action, total: 3, rows: 1, height: WidgetTests.height)
        }
        #expect(list.visible(total: 0, rows: 5, height: WidgetTests.height).isEmpty)
        #expect(list.visible(total: 3, rows: 1, height: WidgetTests.height).count == 1)
        #expect(list.rowsNeeded(total: 0, limit: 5, height: WidgetTests.height) == 0)
    }
}
