import Testing
import AlidashModel
import AlidashUI
import TestSupport

@Suite struct ComparisonPaneTests {
    // MARK: - Expected screens

    @Test(arguments: [(80, 24, Language.en), (80, 24, .de), (120, 40, .en), (120, 40, .de), (200, 60, .en)])
    func screen(width: Int, height: Int, language: Language) {
        #expect(PaneTest.screenMismatch(.comparison, name: "comparison", width: width, height: height, language: language) == nil)
    }

    @Test func theCaveatFoldsToOneLineAndEnterOpensIt() {
        var app = TestData.app(width: 80, height: 24, pane: .comparison)
        let folded = app.render()
        let area = app.paneArea
        #expect(folded.line(area.y).contains("Caveat: Revenue and GMV") && folded.line(area.y).contains("(Enter: all)"))
        #expect(!folded.line(area.y + 1).contains("fees"), "one line only")
        #expect(app.update(.key(.enter)) == .redraw)
        let open = PaneTest.text(app.render())
        #expect(open.contains("gross merchandise volume"), "the whole caveat")
        #expect(app.update(.key(.escape)) == .redraw)
        #expect(!app.comparison.caveatOpen)
    }

    @Test func screenScrolledToTheBreakdowns() {
        var app = TestData.app(width: 80, height: 24, pane: .comparison)
                // Scroll until the first breakdown's title reaches the top of the body.
        for _ in 0..<100 where PaneTest.row(of: "Amazon net sales by group", in: app.render()) != 6 {
            _ = app.update(.key(.down))
        }
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "comparison-80x24-en-breakdowns") == nil)
    }

    @Test func screenFiltered() {
        var app = TestData.app(width: 120, height: 40, language: .de, pane: .comparison)
        PaneTest.applyFilter("FBA", to: &app)
        #expect(app.comparison.filter == "FBA")
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "comparison-120x40-de-filter-fba") == nil)
    }

    // MARK: - Real data

    @Test func showsSharesComputedFromTheBreakdowns() {
        // A tall area, as `alidash print` uses: everything at once.
        var buffer = Buffer(width: 120, height: 200)
        ComparisonPane().render(into: &buffer, area: buffer.area, context: TestData.app(width: 120, height: 40).context)
        let screen = PaneTest.text(buffer)
        // Online stores: 122,987 of 232,887 million USD is 52.8%.
        #expect(screen.contains("52.8%"), "Amazon's online stores share")
        #expect(screen.contains("38.7%"), "Alibaba's customer-management share of FY2019 revenue")
        #expect(screen.contains("USD 122,987 m"))
        #expect(screen.contains("[S87]"))
    }

    @Test func tableViewShowsTheSharesWithoutBars() {
        var app = TestData.app(width: 80, height: 24, pane: .comparison)
        PaneTest.applyFilter("online", to: &app)
        #expect(PaneTest.text(app.render()).contains("█"))
        _ = app.update(.key(.character("t")))
        let screen = PaneTest.text(app.render())
        #expect(!screen.contains("█"))
        #expect(screen.contains("Online stores                  52.8%  USD 122,987 m"))
    }

    @Test func keyFiguresRowCitesItsSources() {
        let screen = PaneTest.text(TestData.app(width: 120, height: 40, pane: .comparison).render())
        #expect(screen.contains("Singles' Day GMV RMB 213.5 bn"))
        #expect(screen.contains("[S84, S87, S76, S31]"))
        #expect(screen.contains("~ source's rounding"), "the key figures row is only verified to rounding")
    }

    /// A year's total is the sum of its converted quarters or not shown; these have no quarters, so they
    /// stay as reported and say why, in any currency.
    @Test func yearTotalsAreNeverConvertedAtOneDaysRate() {
        var app = TestData.app(width: 120, height: 40, pane: .comparison)
        PaneTest.press(.character("c"), times: 2, on: &app) // as reported → RMB → USD
        PaneTest.applyFilter("FY2019", to: &app)
        let screen = PaneTest.text(app.render())
        #expect(!screen.contains("= USD 54.9 bn"), "FY2019 at one quarter-end rate")
        #expect(screen.contains("RMB 376,844 m") || screen.contains("RMB 376.8 bn"), "\(screen)")
        #expect(screen.contains("As reported: a year's total is not converted at one day's rate."))
        #expect(!screen.contains("6.8679"))
    }

    @Test func caveatStaysVisibleWhileScrolling() {
        var app = TestData.app(width: 80, height: 24, pane: .comparison)
        PaneTest.press(.character("G"), on: &app)
        let screen = app.render()
        #expect(screen.line(1).hasPrefix(" Caveat: Revenue and GMV measure different things."))
        #expect(app.comparison.scroll > 0)
    }

    // MARK: - Keys

    @Test func scrollKeys() {
        var app = TestData.app(width: 80, height: 24, pane: .comparison)
        #expect(app.update(.key(.up)) == .none, "already at the top")
        #expect(app.update(.key(.down)) == .redraw)
        #expect(app.comparison.scroll == 1)
        _ = app.update(.key(.pageDown))
        #expect(app.comparison.scroll > 10)
        _ = app.update(.key(.character("G")))
        let bottom = app.comparison.scroll
        #expect(app.update(.key(.down)) == .none, "already at the bottom")
        #expect(app.comparison.scroll == bottom)
        _ = app.update(.key(.pageUp))
        #expect(app.comparison.scroll < bottom)
        _ = app.update(.key(.character("g")))
        #expect(app.comparison.scroll == 0)
    }

    @Test func filterNarrowsRowsAndEscapeClearsIt() {
        var app = TestData.app(width: 80, height: 24, pane: .comparison)
        PaneTest.applyFilter("Liège", to: &app)
        let filtered = PaneTest.text(app.render())
        #expect(filtered.contains("Filter “Liège”: 2 of 8 rows"))
        #expect(filtered.contains("Europe"))
        #expect(!filtered.contains("Role"))
        _ = app.update(.key(.escape))
        #expect(app.comparison.filter.isEmpty)
        #expect(PaneTest.text(app.render()).contains("Role"))
    }

    @Test func filterMatchingNothingSaysSo() {
        var app = TestData.app(width: 80, height: 24, pane: .comparison)
        PaneTest.applyFilter("zzzz", to: &app)
        #expect(PaneTest.text(app.render()).contains("Nothing matches the filter."))
    }

    // MARK: - Small areas

    @Test func tinyAreasDoNotTrapAndStayInside() {
        PaneTest.expectSafeInTinyAreas { ComparisonPane() }
    }
}
