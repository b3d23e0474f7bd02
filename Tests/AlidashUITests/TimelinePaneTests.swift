import Testing
import AlidashModel
import AlidashUI
import TestSupport

@Suite struct TimelinePaneTests {
    // MARK: - Expected screens

    @Test(arguments: [(80, 24, Language.en), (80, 24, .de), (120, 40, .en), (120, 40, .de), (200, 60, .en)])
    func screen(width: Int, height: Int, language: Language) {
        #expect(PaneTest.screenMismatch(.timeline, name: "timeline", width: width, height: height, language: language) == nil)
    }

    @Test func screenFiltered() {
        var app = TestData.app(width: 80, height: 24, pane: .timeline)
        PaneTest.applyFilter("liège", to: &app)
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "timeline-80x24-en-filter-liege") == nil)
    }

    @Test func screenWithFullDetail() {
        var app = TestData.app(width: 80, height: 24, language: .de, pane: .timeline)
        PaneTest.applyFilter("213", to: &app)
        _ = app.update(.key(.enter))
        #expect(app.timeline.list.expanded)
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "timeline-80x24-de-detail") == nil)
    }

    @Test func screenWideWithFullDetail() {
        var app = TestData.app(width: 120, height: 40, pane: .timeline)
        PaneTest.press(.down, times: 20, on: &app)
        _ = app.update(.key(.enter))
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "timeline-120x40-en-detail") == nil)
    }

    // MARK: - Real data

    @Test func singlesDayEventShowsItsFigureAndSource() {
        var app = TestData.app(width: 80, height: 24, pane: .timeline)
        PaneTest.applyFilter("singles' day: rmb", to: &app)
        let screen = PaneTest.text(app.render())
        #expect(screen.contains("11 Nov 2018  Alibaba Singles' Day: RMB 213.5 bn in 24 hours"))
        #expect(screen.contains("[S31]"))
    }

    /// Year headings only where the pane has rows to spare: at 80×24 every row is an event.
    @Test func yearHeadingsOnlyInTallWindows() {
        let small = PaneTest.text(TestData.app(width: 80, height: 24, pane: .timeline).renderPane())
        #expect(!small.contains("─ 2014 ─") && !small.contains(" 2014 ──"))
        #expect(small.contains("Rwanda: first eWTP hub in Africa"), "thirteen events and more fit at 80×24")
        let tall = PaneTest.text(TestData.app(width: 120, height: 40, pane: .timeline).renderPane())
        #expect(tall.contains(" 2014 ──"))
    }

    @Test func datesKeepTheirPrecision() {
        var buffer = Buffer(width: 120, height: 80)
        TimelinePane().render(into: &buffer, area: buffer.area, context: TestData.app(width: 80, height: 24).context)
        let screen = PaneTest.text(buffer)
        #expect(screen.contains("● Sep 2017     Cainiao Alibaba takes majority of Cainiao"), "a month-only date stays a month")
        #expect(screen.contains("● 2021                 Liège hub starts operations"), "a year-only date stays a year")
        #expect(screen.contains("● 8 Nov 2021           Liège hub officially inaugurated"), "no tag that repeats the title's first word")
    }

    @Test func unverifiedDatesAreMarked() {
        // The opening is sourced; only its month is not confirmed (facts.md: "date U").
        var app = TestData.app(width: 80, height: 24, pane: .timeline)
        PaneTest.applyFilter("aeropolis", to: &app)
        let screen = PaneTest.text(app.render())
        #expect(screen.contains("◉ Nov 2020?    eWTP    Aeropolis eWTP hub opens in Malaysia"))
        #expect(!screen.contains("UNVERIFIED"))
        #expect(screen.contains("Nov 2020 (date unverified)"), "the detail box says which part is unsure")
    }

    // MARK: - Keys and mouse

    @Test func selectionKeys() {
        var app = TestData.app(width: 80, height: 24, pane: .timeline)
        let count = TestData.bundled.timeline.events.count
        #expect(app.update(.key(.down)) == .redraw)
        #expect(app.timeline.list.selected == 1)
        _ = app.update(.key(.character("k")))
        #expect(app.timeline.list.selected == 0)
        _ = app.update(.key(.pageDown))
        #expect(app.timeline.list.selected > 5)
        _ = app.update(.key(.character("G")))
        #expect(app.timeline.list.selected == count - 1)
        let last = TestData.bundled.timeline.events[count - 1]
        #expect(PaneTest.text(app.render()).contains("◉ " + Formatter(language: .en).date(last.date)), "the last event is on screen")
        _ = app.update(.key(.pageUp))
        #expect(app.timeline.list.selected < count - 1)
        _ = app.update(.key(.character("g")))
        #expect(app.timeline.list.selected == 0)
    }

    @Test func enterTogglesAndEscapeClosesTheFullDetail() {
        var app = TestData.app(width: 80, height: 24, pane: .timeline)
        PaneTest.applyFilter("213", to: &app)
        #expect(!PaneTest.text(app.render()).contains("RIS News"))
        _ = app.update(.key(.enter))
        #expect(PaneTest.text(app.render()).contains("S31 RIS News (14 Nov 2018): Alibaba's Singles Day Sales Hit $30.8"))
        _ = app.update(.key(.enter))
        #expect(!app.timeline.list.expanded)
        _ = app.update(.key(.enter))
        _ = app.update(.key(.escape)) // clears the filter first
        #expect(app.timeline.filter.isEmpty)
        #expect(app.timeline.list.expanded)
        _ = app.update(.key(.escape))
        #expect(!app.timeline.list.expanded)
    }

    @Test func filterKeepsTheSelectedEventAndMatchesYearsAndCategories() {
        var app = TestData.app(width: 80, height: 24, pane: .timeline)
        PaneTest.applyFilter("2019", to: &app)
        #expect(PaneTest.text(app.render()).contains("Filter “2019”: 12 of 34 events"))
        _ = app.update(.key(.escape))
        PaneTest.applyFilter("zalando", to: &app)
        #expect(PaneTest.text(app.render()).contains("Zalando shares jump on Alibaba talk"))
        // Clearing the filter keeps the event selected.
        _ = app.update(.key(.escape))
        let zalando = TestData.bundled.timeline.events.firstIndex { $0.id == "zalando-jump" }
        #expect(app.timeline.list.selected == zalando)
        PaneTest.applyFilter("nothing like this", to: &app)
        #expect(PaneTest.text(app.render()).contains("No event matches “nothing like this”"))
        #expect(app.update(.key(.down)) == .none, "nothing to move to, so nothing to draw")
    }

    @Test func clickSelectsTheEventOnThatRow() {
        var app = TestData.app(width: 80, height: 24, pane: .timeline)
        guard let row = PaneTest.row(of: "Cainiao Network founded", in: app.render()) else {
            Issue.record("the event is not on screen")
            return
        }
        #expect(app.update(.mouse(.click(x: 10, y: row))) == .redraw)
        #expect(app.timeline.list.selected == 1)
        #expect(PaneTest.text(app.render()).contains("28 May 2013 · Cainiao · 2 of 34"))
        let heading = PaneTest.row(of: "│ 2013", in: app.render()) ?? 0
        #expect(app.update(.mouse(.click(x: 10, y: heading))) == .none, "a year heading is not an event")
    }

    // MARK: - Long lists

    @Test func thousandsOfEventsDrawTheSameWindowAsAFew() throws {
        let events = (0..<6000).map(syntheticEvent)
        let many = try dataSet(events)
        let few = try dataSet(Array(events.prefix(40)))
        let fewAtTheEnd = try dataSet(Array(events.suffix(40)))
        var large = AppState(data: many, language: .en, width: 80, height: 24, pane: .timeline)
        let small = AppState(data: few, language: .en, width: 80, height: 24, pane: .timeline)
        #expect(listRows(small.render()).contains { $0.contains("Synthetic event 0") })
        #expect(listRows(large.render()) == listRows(small.render()))
        _ = large.update(.key(.character("G")))
        var smallEnd = AppState(data: fewAtTheEnd, language: .en, width: 80, height: 24, pane: .timeline)
        _ = smallEnd.update(.key(.character("G")))
        #expect(listRows(large.render()) == listRows(smallEnd.render()))
        #expect(large.timeline.list.selected == 5999)
        PaneTest.applyFilter("event 5998", to: &large)
        #expect(PaneTest.text(large.render()).contains("Synthetic event 5998"))
    }

    /// The list's rows at 80x24: below the summary line, above the detail box.
    private func listRows(_ buffer: Buffer) -> [String] {
        Array(buffer.lines[2..<15])
    }

    private func syntheticEvent(_ index: Int) -> String {
        // Dates spread evenly over 2013–2021 in order: 336 "days" a year, 28 a month.
        let day: Int = index * 9 * 336 / 6000
        let month: Int = day % 336 / 28 + 1
        let dayOfMonth: Int = day % 28 + 1
        let date = "\(2013 + day / 336)-" + twoDigits(month) + "-" + twoDigits(dayOfMonth)
        let category = ["alibaba", "cainiao", "ewtp", "liege"][index % 4]
        return """
            {"id": "synthetic-\(index)", "date": "\(date)", "title": "Synthetic event \(index)",
             "detail": "Generated for a test.", "category": "\(category)", "confidence": "verified", "sources": ["S1"]}
            """
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private func dataSet(_ events: [String]) throws -> DataSet {
        var files = TestData.bundledFiles
        files["timeline.json"] = Array(("{\"events\": [" + events.joined(separator: ",\n") + "]}").utf8)
        return try DataLoader.decode(files, origin: "synthetic")
    }

    // MARK: - Small areas

    @Test func tinyAreasDoNotTrapAndStayInside() {
        PaneTest.expectSafeInTinyAreas { TimelinePane() }
    }
}
