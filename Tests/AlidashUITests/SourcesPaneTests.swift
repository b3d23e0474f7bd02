import Testing
import AlidashModel
import AlidashUI
import TestSupport

@Suite struct SourcesPaneTests {
    // MARK: - Expected screens

    @Test(arguments: [(80, 24, Language.en), (80, 24, .de), (120, 40, .en), (120, 40, .de)])
    func screen(width: Int, height: Int, language: Language) {
        #expect(PaneTest.screenMismatch(.sources, name: "sources", width: width, height: height, language: language) == nil)
    }

    @Test func screenFiltered() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter("zalando", to: &app)
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "sources-80x24-en-filter-zalando") == nil)
    }

    @Test func screenWithFullDetailOfAnErratum() {
        var app = TestData.app(width: 120, height: 40, language: .de, pane: .sources)
        PaneTest.press(.down, times: 7, on: &app) // E8, the leased area
        _ = app.update(.key(.enter))
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "sources-120x40-de-detail-e8") == nil)
    }

    @Test func screenWithFullDetailOfASource() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter("S31", to: &app)
        PaneTest.press(.character("G"), on: &app)
        _ = app.update(.key(.enter))
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "sources-80x24-en-detail-s31") == nil)
    }

    // MARK: - Real data

    @Test func firstErratumCorrectsTheSinglesDayFigure() {
        let screen = PaneTest.text(TestData.app(width: 80, height: 24, pane: .sources).render())
        #expect(screen.contains("E1   „einen Umsatz von 30,7 Dollar“"))
        #expect(screen.contains("USD 30.7 → USD 30.8 bn"), "what the article said, and what is right")
        #expect(screen.contains("[S31, S35]"))
    }

    @Test(arguments: [30, 40, 60])
    func narrowCorrectionRowKeepsItsSourceIdsWhole(width: Int) {
        var buffer = Buffer(width: width, height: 10)
        SourcesPane().render(into: &buffer, area: buffer.area, context: TestData.app(width: 80, height: 24, pane: .sources).context)
        let correction = buffer.lines.first { $0.contains("→") } ?? ""
        #expect(String(correction.reversed().drop { $0 == " " }.reversed()).hasSuffix("[S31, S35]"), "\(correction)")
    }

    @Test func selectedSourceShowsItsWholeURL() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter("risnews", to: &app)
        PaneTest.press(.character("G"), on: &app)
        let screen = PaneTest.text(app.render())
        #expect(screen.contains("S31   RIS News"))
        #expect(screen.contains("S31 · RIS News · 14 Nov 2018"))
        #expect(screen.contains("https://risnews.com/alibabas-singles-day-sales-hit-308-billion-24-hours"))
    }

    @Test func longURLsWrapInsteadOfBeingCut() throws {
        let source = try #require(TestData.bundled.sources.max { $0.url.count < $1.url.count })
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter(source.url, to: &app)
        PaneTest.press(.character("G"), on: &app)
        let screen = PaneTest.text(app.render())
        let pieces = TerminalText.wrap(source.url, width: 76)
        #expect(pieces.count > 1, "the longest URL is wider than the box")
        for piece in pieces { #expect(screen.contains("│ " + piece)) }
    }

    // MARK: - Keys and mouse

    @Test func selectionKeysRunFromErrataIntoSources() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        let errata = TestData.bundled.errata.count, sources = TestData.bundled.sources.count
        #expect(app.update(.key(.up)) == .none, "already at the top: nothing changes, nothing is drawn")
        #expect(app.sources.list.selected == 0)
        PaneTest.press(.down, times: errata, on: &app)
        #expect(app.sources.list.selected == errata)
        let screen = PaneTest.text(app.render())
        #expect(screen.contains("Sources (\(sources))"), "the heading scrolls in with the first source")
        #expect(screen.contains("S1 · Deutsche Welle · Jan 2019"))
        _ = app.update(.key(.character("G")))
        #expect(app.sources.list.selected == errata + sources - 1)
        let last = TestData.bundled.sources[sources - 1]
        #expect(PaneTest.text(app.render()).contains(last.url))
        _ = app.update(.key(.pageUp))
        #expect(app.sources.list.selected < errata + sources - 1)
        _ = app.update(.key(.character("g")))
        #expect(app.sources.list.selected == 0)
        #expect(PaneTest.text(app.render()).contains("What the article got wrong (\(errata))"))
    }

    @Test func enterTogglesAndEscapeClosesTheFullDetail() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        #expect(!PaneTest.text(app.render()).contains("Problem: The scale word is missing"))
        _ = app.update(.key(.enter))
        #expect(app.sources.list.expanded)
        #expect(PaneTest.text(app.render()).contains("Problem: The scale word is missing"))
        _ = app.update(.key(.escape))
        #expect(!app.sources.list.expanded)
        #expect(app.update(.key(.escape)) == .none, "nothing left to close")
    }

    @Test func filterCoversErrataAndSourcesAndKeepsTheSelection() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.press(.down, times: 7, on: &app)
        PaneTest.applyFilter("S13", to: &app)
        let screen = PaneTest.text(app.render())
        #expect(screen.contains("(1 of 10)"), "E8 cites S13")
        #expect(screen.contains("E8"))
        #expect(app.sources.list.selected == 0, "E8 stays selected")
        _ = app.update(.key(.escape))
        #expect(app.sources.list.selected == 7)
        PaneTest.applyFilter("no source is called this", to: &app)
        #expect(PaneTest.text(app.render()).contains("Sources (0 of \(TestData.bundled.sources.count))"))
    }

    @Test func clickSelectsTheEntryOnThatRow() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        guard let row = PaneTest.row(of: "→ Xi Jinping.", in: app.render()) else {
            Issue.record("E3 is not on screen")
            return
        }
        #expect(app.update(.mouse(.click(x: 20, y: row))) == .redraw)
        #expect(app.sources.list.selected == 2)
        #expect(PaneTest.text(app.render()).contains("E3 correction"))
        let heading = PaneTest.row(of: "What the article got wrong", in: app.render()) ?? 0
        #expect(app.update(.mouse(.click(x: 20, y: heading))) == .none, "a heading is not an entry")
    }

    // MARK: - Long lists

    @Test func thousandsOfSourcesDrawTheSameWindowAsAFew() throws {
        let many = try dataSet(extraSources: 5000)
        let few = try dataSet(extraSources: 0)
        var large = AppState(data: many, language: .en, width: 80, height: 24, pane: .sources)
        var small = AppState(data: few, language: .en, width: 80, height: 24, pane: .sources)
        PaneTest.press(.down, times: 12, on: &large)
        PaneTest.press(.down, times: 12, on: &small)
        // The list's rows below the errata heading and above the box, except the heading that counts the sources.
        let rows = { (app: AppState) in app.render().lines[2..<17].filter { !$0.hasPrefix(" Sources (") } }
        #expect(rows(small).contains { $0.contains("S1    Deutsche Welle") })
        #expect(rows(large) == rows(small))
        _ = large.update(.key(.character("G")))
        #expect(PaneTest.text(large.render()).contains("X4999 · Synthetic publisher"))
    }

    /// The bundled data with `extraSources` synthetic sources after the real ones.
    private func dataSet(extraSources: Int) throws -> DataSet {
        var files = TestData.bundledFiles
        var text = String(decoding: files["sources.json"] ?? [], as: UTF8.self)
        let extra = (0..<extraSources).map {
            ",{\"id\": \"X\($0)\", \"title\": \"Synthetic source \($0)\", \"publisher\": \"Synthetic publisher\", \"url\": \"https://example.org/\($0)\"}"
        }
        // The sources list is the first in the file: its end is the last "]" before the errata.
        let errata = try #require(text.firstRange(of: "\"errata\""))
        let end = try #require(text[..<errata.lowerBound].lastIndex(of: "]"))
        text.insert(contentsOf: extra.joined(), at: end)
        files["sources.json"] = Array(text.utf8)
        return try DataLoader.decode(files, origin: "test")
    }

    // MARK: - Small areas

    @Test func tinyAreasDoNotTrapAndStayInside() {
        PaneTest.expectSafeInTinyAreas { SourcesPane() }
    }
}
