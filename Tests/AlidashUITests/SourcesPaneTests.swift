import Testing
import AlidashModel
import AlidashUI
import TestSupport

@Suite struct SourcesPaneTests {
    // MARK: - Expected screens

    @Test(arguments: [(80, 24, Language.en), (80, 24, .de), (120, 40, .en), (120, 40, .de), (200, 60, .en)])
    func screen(width: Int, height: Int, language: Language) {
        #expect(PaneTest.screenMismatch(.sources, name: "sources", width: width, height: height, language: language) == nil)
    }

    @Test func screenFiltered() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter("zalando", to: &app)
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "sources-80x24-en-filter-zalando") == nil)
    }

    @Test func screenWithFullDetailOfASource() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter("S31", to: &app)
        PaneTest.press(.character("G"), on: &app)
        _ = app.update(.key(.enter))
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "sources-80x24-en-detail-s31") == nil)
    }

    // MARK: - Real data

    @Test func theListIsTheBibliographyAlone() {
        let screen = PaneTest.text(TestData.app(width: 80, height: 24, pane: .sources).renderPane())
        #expect(screen.hasPrefix(" Sources (\(TestData.bundled.sources.count))"))
        #expect(!screen.contains("E1 "), "the errata are on the Article check pane")
    }

    @Test func selectedSourceShowsItsWholeURL() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter("risnews", to: &app)
        PaneTest.press(.character("G"), on: &app)
        let screen = PaneTest.text(app.render())
        #expect(screen.contains("S31   RIS News"))
        #expect(screen.contains("┌ S31 "))
        #expect(screen.contains("│ RIS News · 14 Nov 2018"))
        // On a row of its own, from the first column, with no border around it.
        #expect(app.render().lines.contains("https://risnews.com/alibabas-singles-day-sales-hit-308-billion-24-hours"))
    }

    @Test func titleAndPublisherAreWholeInTheBox() throws {
        let source = try #require(TestData.bundled.sources.max { $0.title.count < $1.title.count })
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter(source.id, to: &app)
        let screen = PaneTest.text(app.render())
        for piece in TerminalText.wrap(source.title, width: 76) { #expect(screen.contains("│ " + piece)) }
    }

    @Test func longURLsContinueOnRowsOfTheirOwnWithoutBorders() throws {
        let source = try #require(TestData.bundled.sources.max { $0.url.count < $1.url.count })
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        PaneTest.applyFilter(source.url, to: &app)
        PaneTest.press(.character("G"), on: &app)
        let lines = app.render().lines
        let pieces = TerminalText.wrap(source.url, width: 80)
        #expect(pieces.count > 1, "the longest URL is wider than the window")
        for piece in pieces { #expect(lines.contains(piece), "\(piece)") }
    }

    // MARK: - Keys and mouse

    @Test func selectionKeysRunThroughTheSources() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        let sources = TestData.bundled.sources.count
        #expect(app.update(.key(.up)) == .none, "already at the top: nothing changes, nothing is drawn")
        #expect(app.sources.list.selected == 0)
        #expect(PaneTest.text(app.render()).contains("│ Deutsche Welle · Jan 2019"))
        _ = app.update(.key(.character("G")))
        #expect(app.sources.list.selected == sources - 1)
        let last = TestData.bundled.sources[sources - 1]
        #expect(PaneTest.text(app.render()).contains(last.url))
        _ = app.update(.key(.pageUp))
        #expect(app.sources.list.selected < sources - 1)
        _ = app.update(.key(.character("g")))
        #expect(app.sources.list.selected == 0)
        #expect(PaneTest.text(app.render()).contains("Sources (\(sources))"), "the heading comes back with the first source")
    }

    @Test func enterTogglesAndEscapeClosesTheFullDetail() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        let first = TestData.bundled.sources[0]
        _ = app.update(.key(.enter))
        #expect(app.sources.list.expanded)
        #expect(PaneTest.text(app.renderPane()).contains("│ " + first.publisher))
        _ = app.update(.key(.escape))
        #expect(!app.sources.list.expanded)
        #expect(app.update(.key(.escape)) == .none, "nothing left to close")
    }

    @Test func filterKeepsTheSelection() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        let index = try? #require(TestData.bundled.sources.firstIndex { $0.id == "S13" })
        PaneTest.press(.down, times: index ?? 0, on: &app)
        PaneTest.applyFilter("S13", to: &app)
        let screen = PaneTest.text(app.render())
        #expect(screen.contains("Sources (2 of \(TestData.bundled.sources.count))"), "S13 and S13b")
        #expect(app.sources.list.selected == 0, "S13 stays selected")
        _ = app.update(.key(.escape))
        #expect(app.sources.list.selected == index)
        PaneTest.applyFilter("no source is called this", to: &app)
        #expect(PaneTest.text(app.render()).contains("Sources (0 of \(TestData.bundled.sources.count))"))
    }

    @Test func clickSelectsTheEntryOnThatRow() {
        var app = TestData.app(width: 80, height: 24, pane: .sources)
        guard let row = PaneTest.row(of: "S3    Aviation24.be", in: app.render()) else {
            Issue.record("S3 is not on screen")
            return
        }
        #expect(app.update(.mouse(.click(x: 20, y: row))) == .redraw)
        #expect(PaneTest.text(app.render()).contains("┌ S3 "))
        let heading = PaneTest.row(of: "Sources (", in: app.render()) ?? 0
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
        // The list's rows above the box, except the heading that counts the sources.
        let rows = { (app: AppState) in app.render().lines[2..<17].filter { !$0.hasPrefix(" Sources (") } }
        #expect(rows(small).contains { $0.contains("S1    Deutsche Welle") })
        #expect(rows(large) == rows(small))
        _ = large.update(.key(.character("G")))
        #expect(PaneTest.text(large.render()).contains("┌ X4999 "))
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
