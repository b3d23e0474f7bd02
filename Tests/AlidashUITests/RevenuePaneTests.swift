import AlidashModel
import AlidashUI
import TestSupport
import Testing

@Suite struct RevenuePaneTests {
    // MARK: - Expected screens

    private func revenueApp(width: Int, height: Int, language: Language = .en, currency: Currency = .rmb,
                            table: Bool = false, glyphs: Glyphs = .unicode) -> AppState {
        var app = TestData.app(width: width, height: height, language: language, pane: .revenue, glyphs: glyphs)
        app.currency = currency
        app.showTable = table
        return app
    }

    private func quarterly(_ app: AppState) -> AppState {
        var app = app
        _ = app.update(.key(.character("s")))
        return app
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)], [Language.en, .de])
    func singlesDayChart(size: (Int, Int), language: Language) {
        let app = revenueApp(width: size.0, height: size.1, language: language)
        let name = "revenue-singles-day-\(size.0)x\(size.1)-\(language.rawValue)"
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: name) == nil)
    }

    @Test(arguments: [(80, 24), (120, 40), (200, 60)], [Language.en, .de])
    func quarterlyChart(size: (Int, Int), language: Language) {
        let app = quarterly(revenueApp(width: size.0, height: size.1, language: language))
        let name = "revenue-quarterly-\(size.0)x\(size.1)-\(language.rawValue)"
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: name) == nil)
    }

    @Test(arguments: [Currency.usd, .eur])
    func chartsInOtherCurrencies(currency: Currency) {
        let singlesDay = revenueApp(width: 80, height: 24, currency: currency)
        #expect(ExpectedScreen.mismatch(singlesDay.renderPane(), named: "revenue-singles-day-80x24-\(currency.code)") == nil)
        let quarters = quarterly(revenueApp(width: 80, height: 24, currency: currency))
        #expect(ExpectedScreen.mismatch(quarters.renderPane(), named: "revenue-quarterly-80x24-\(currency.code)") == nil)
    }

    @Test(arguments: [(80, 24), (120, 40)], [Language.en, .de])
    func tables(size: (Int, Int), language: Language) {
        let singlesDay = revenueApp(width: size.0, height: size.1, language: language, table: true)
        let suffix = "\(size.0)x\(size.1)-\(language.rawValue)"
        #expect(ExpectedScreen.mismatch(singlesDay.renderPane(), named: "revenue-singles-day-table-\(suffix)") == nil)
        let quarters = quarterly(revenueApp(width: size.0, height: size.1, language: language, table: true))
        #expect(ExpectedScreen.mismatch(quarters.renderPane(), named: "revenue-quarterly-table-\(suffix)") == nil)
    }

    @Test(arguments: [(40, 10), (60, 15), (200, 50)])
    func otherWindowSizes(width: Int, height: Int) {
        let name = "revenue-singles-day-\(width)x\(height)"
        #expect(ExpectedScreen.mismatch(revenueApp(width: width, height: height).renderPane(), named: name) == nil)
    }

    @Test func asciiGlyphs() {
        let app = revenueApp(width: 80, height: 24, glyphs: .ascii)
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "revenue-singles-day-80x24-ascii") == nil)
    }

    @Test func tallAreaStacksBothSections() {
        let pane = RevenuePane()
        var buffer = Buffer(width: 100, height: 120)
        pane.render(into: &buffer, area: buffer.area, context: revenueApp(width: 100, height: 120).context)
        #expect(ExpectedScreen.mismatch(buffer, named: "revenue-print-100") == nil)
    }
}

extension RevenuePaneTests {
    // MARK: - Real figures

    @Test func singlesDayFiguresAreFormattedFromTheData() {
        let english = revenueApp(width: 80, height: 24).render()
        #expect(english.contains("RMB 213.5 bn"))
        #expect(english.contains("RMB 540.3 bn"))
        #expect(english.contains("≈ RMB 50 m"))
        #expect(english.contains("▲ +27%  [S31, S32, S33]"))
        let german = revenueApp(width: 80, height: 24, language: .de).render()
        #expect(german.contains("213,5 Mrd. RMB"))
        let dollars = revenueApp(width: 80, height: 24, currency: .usd).render()
        #expect(dollars.contains("USD 30.8 bn"))
    }

    @Test func amazonsBarsDifferFromAlibabasWithoutColour() {
        for glyphs in [Glyphs.unicode, .ascii] {
            let lines = quarterly(revenueApp(width: 120, height: 40, glyphs: glyphs)).render().lines
            let (alibaba, amazon) = glyphs == .ascii ? ("#", "=") : ("█", "▒")
            let legend = lines.first { $0.contains("Alibaba revenue (FY") } ?? ""
            #expect(legend.contains(alibaba + " Alibaba revenue") && legend.contains(amazon + " Amazon net sales"), "\(legend)")
            let index = lines.firstIndex { $0.contains("FY2019 Q2 ") } ?? 0
            #expect(lines[index].contains(alibaba + alibaba) && !lines[index].contains(amazon), "\(lines[index])")
            #expect(lines[index + 1].contains(amazon + amazon) && !lines[index + 1].contains(alibaba), "\(lines[index + 1])")
        }
    }

    @Test func theRoundedMarkSaysItIsTheSourcesRounding() {
        // "~" marks figures verified only as far as the source rounded them, not figures rounded here.
        let english = revenueApp(width: 80, height: 24).render()
        #expect(english.contains("~ source's rounding  ="))
        #expect(!english.contains("~ rounded"))
        let german = revenueApp(width: 80, height: 24, language: .de).render()
        #expect(german.contains("~ Rundung der Quelle  ="))
        #expect(!german.contains("gerundet"))
    }

    @Test func anApproximateAmountCarriesOneMark() {
        // 2009 is approximate and rounded: "≈" alone, not "≈ RMB 50 m ~".
        let row = revenueApp(width: 80, height: 24).render().lines.first { $0.contains(" 2009 ") } ?? ""
        #expect(row.contains("≈ RMB 50 m "), "\(row)")
        #expect(!row.contains("~"), "\(row)")
        #expect(Confidence.rounded.mark(besideApproximate: true) == "")
        #expect(Confidence.unverified.mark(besideApproximate: true) == "?")
    }

    @Test func quarterRowShowsTheReportedAndConvertedAmounts() {
        var app = quarterly(revenueApp(width: 120, height: 40))
        let row = { (app: AppState) in
            app.render().lines.first { $0.contains("FY2019 Q2 ") && !$0.contains(">") } ?? ""
        }
        #expect(row(app).contains("RMB 85,148 m"))
        #expect(row(app).contains("[S56]"))
        app.currency = .eur
        // At the latest central parity rate of Jul–Sep 2018: 85,148 / 7.9949 (14 Sep 2018) = 10,650.3, marked.
        #expect(row(app).contains("EUR 10,650 m ="))
        app.currency = .usd
        #expect(row(app).contains("USD 12,398 m"))
        #expect(!row(app).contains("USD 12,398 m ="))
        #expect(app.render().contains("= rate eur-rmb-2018-08-13") == false)
    }

    @Test func amazonSharesTheCalendarMonthsOfItsRow() {
        let lines = quarterly(revenueApp(width: 120, height: 40)).render().lines
        guard let index = lines.firstIndex(where: { $0.contains("FY2019 Q2 ") }) else {
            Issue.record("FY2019 Q2 not on screen")
            return
        }
        // Amazon's Q3 2018 (56,576 USD m) in RMB at Alibaba's own rate for Jul–Sep 2018 (85,148 / 12,398).
        #expect(lines[index + 1].contains("Q3 2018 (Jul–Sep)"))
        #expect(lines[index + 1].contains("RMB 388,557 m ="))
        #expect(lines[index + 1].contains("[S83]"))
    }

    @Test func unverifiedDollarFiguresStayMarked() {
        var app = quarterly(revenueApp(width: 120, height: 40, currency: .usd))
        let screen = app.render()
        let row = screen.lines.first { $0.contains("FY2018 Q4") } ?? ""
        #expect(row.contains("USD 9,873 m ?"))
        #expect(row.contains("UNVERIFIED"))
        app.showTable = true
        let tableRow = app.render().lines.first { $0.contains("FY2018 Q4") } ?? ""
        #expect(tableRow.contains("9,873?"))
    }

    /// Singles' Day is shown as reported: no stored rate is of a Singles' Day's date, and another period's
    /// rate would mislead (2009 at a 2018 rate), so nothing is converted.
    @Test func singlesDayIsNeverConvertedAtAnotherPeriodsRate() {
        let euro = PaneTest.text(revenueApp(width: 120, height: 40, currency: .eur).renderPane())
        #expect(!euro.contains("EUR 27.3 bn"), "2018 at an August 2018 rate")
        #expect(euro.contains("No EUR rate of a Singles' Day's date is stored"))
        let dollar = revenueApp(width: 120, height: 40, currency: .usd).renderPane().lines
        #expect(dollar.first { $0.contains(" 2018 ") }?.contains("USD 30.8 bn") == true, "as reported")
        #expect(dollar.first { $0.contains(" 2010 ") }?.contains("USD") == false, "2010 has no reported USD figure")
        #expect(!PaneTest.text(revenueApp(width: 120, height: 40, currency: .usd).renderPane()).contains("6.8679"))
    }

    @Test func ratesOfEachPeriodAreSaidSoInGerman() {
        let screen = PaneTest.text(quarterly(revenueApp(width: 120, height: 40, language: .de, currency: .eur)).render())
        #expect(screen.contains("jedes Quartal zum Kurs seines Zeitraums umgerechnet"))
        #expect(!screen.contains("usd-rmb"), "rate ids are internal")
        #expect(!screen.contains("ein Kurs für alle Zeiträume"))
    }

    @Test func scopeBreakSitsBetween2019And2020() {
        let lines = revenueApp(width: 80, height: 24).render().lines
        let index2019 = lines.firstIndex { $0.contains(" 2019 ") } ?? -1
        #expect(lines[index2019 + 1].contains("11-day campaign"))
        #expect(lines[index2019 + 2].contains(" 2020 "))
        #expect(lines.contains { $0.contains("2020: 11-day campaign, 1–11 Nov") })
    }

    @Test func caveatIsShownOnOneLine() {
        let screen = revenueApp(width: 80, height: 24).render()
        #expect(screen.line(2).contains("! Revenue and GMV measure different things."))
    }

    // MARK: - Keys

    @Test func sSwitchesSectionAndArrowsMoveTheSelection() {
        var app = revenueApp(width: 80, height: 24)
        #expect(app.revenue.section == .singlesDay)
        #expect(app.update(.key(.down)) == .redraw)
        #expect(app.update(.key(.character("j"))) == .redraw)
        #expect(app.revenue.singlesDayList.selected == 2)
        #expect(app.render().lines.contains { $0.hasPrefix(" > 2011") })
        #expect(app.update(.key(.character("s"))) == .redraw)
        #expect(app.revenue.section == .quarterly)
        #expect(app.update(.key(.up)) == .none) // already at the top
        _ = app.update(.key(.end))
        #expect(app.revenue.quarterList.selected == app.data.revenue.alibabaQuarters.count - 1)
        #expect(app.render().contains("> FY2020 Q4"))
        _ = app.update(.key(.character("s")))
        #expect(app.revenue.section == .singlesDay)
        #expect(app.revenue.singlesDayList.selected == 2) // each section keeps its selection
    }

    @Test func chartScrollsToKeepTheSelectionVisible() {
        var app = quarterly(revenueApp(width: 80, height: 24))
        #expect(!app.render().contains("FY2019 Q2 "))
        for _ in 0..<9 { _ = app.update(.key(.down)) }
        let screen = app.render()
        #expect(screen.contains("> FY2019 Q2 "))
        #expect(!screen.contains("FY2017 Q1 "))
        _ = app.update(.key(.home))
        #expect(app.render().contains("> FY2017 Q1 "))
    }

    @Test func tableScrollsWithTheSelection() {
        var app = revenueApp(width: 80, height: 24, table: true)
        _ = app.update(.key(.pageDown))
        _ = app.update(.key(.end))
        let screen = app.render()
        #expect(screen.contains("2021 11 days"))
        #expect(screen.contains("> 2021: 11-day campaign, 1–11 Nov"))
    }

    @Test func tKeyTogglesTheTable() {
        var app = revenueApp(width: 120, height: 40)
        _ = app.update(.key(.character("t")))
        #expect(app.render().contains("Year Scope"))
        _ = app.update(.key(.character("s")))
        #expect(app.render().contains("Company Period"))
        _ = app.update(.key(.character("t")))
        #expect(app.render().contains("█ Alibaba revenue"))
    }

    @Test func clickOnTheSectionBarSwitches() {
        var app = revenueApp(width: 80, height: 24)
        let y = app.paneArea.y
        // The second tab starts after " Singles' Day GMV " and a gap.
        let x = 1 + TerminalText.width(of: " Singles' Day GMV ") + 2
        #expect(app.render().line(y).dropFirst(x).hasPrefix("Quarterly"))
        #expect(app.update(.mouse(.click(x: x, y: y))) == .redraw)
        #expect(app.revenue.section == .quarterly)
    }

    // MARK: - Sizes

    @Test(arguments: [(40, 10), (60, 15), (80, 24)])
    func sectionBarAlwaysSaysWhichKeySwitches(width: Int, height: Int) {
        let app = revenueApp(width: width, height: height)
        #expect(app.render().line(app.paneArea.y).contains("s "), "\(app.render().line(app.paneArea.y))")
    }

    @Test func enterShowsTheSelectedYearsNotesInFullAndEscShortensThem() {
        var app = revenueApp(width: 80, height: 24)
        _ = app.update(.key(.down)) // 2010
        _ = app.update(.key(.down)) // 2011: three lines of notes at 80 columns
        let cut = PaneTest.text(app.render())
        #expect(cut.contains("…"))
        #expect(app.update(.key(.enter)) == .redraw)
        #expect(app.revenue.expanded)
        let full = PaneTest.text(app.render())
        #expect(full.contains("+259%."), "the last sentence of 2011's notes")
        #expect(app.render().line(app.paneArea.y).contains("Esc"))
        #expect(app.update(.key(.escape)) == .redraw)
        #expect(!app.revenue.expanded)
        _ = app.update(.key(.enter))
        _ = app.update(.key(.character("s")))
        #expect(!app.revenue.expanded, "another section starts with its notes short")
    }

    @Test func everySinglesDayYearHasAVisibleBarOnTheLogScale() {
        var app = revenueApp(width: 80, height: 24)
        let linear = app.render()
        #expect(linear.line(23).contains("s section") && linear.line(23).contains("z log"), "the status line offers the section and log-scale keys: \(linear.line(23))")
        #expect(app.update(.key(.character("z"))) == .redraw)
        #expect(app.render().line(23).contains("z linear"))
        #expect(app.revenue.logScale)
        let screen = app.render()
        #expect(PaneTest.text(screen).contains("Log scale from RMB 10 m"))
        for year in app.data.singlesDay.years {
            guard let row = screen.lines.first(where: { $0.dropFirst(3).hasPrefix(String(year.year)) }) else {
                Issue.record("\(year.year) is not on screen at 80×24")
                continue
            }
            #expect(row.dropFirst(8).prefix(while: { $0 != " " }).contains { "█▉▊▋▌▍▎▏".contains($0) },
                    "\(year.year) has a bar: \(row)")
        }
        // On the linear scale 2009 has none: the reason for the log scale.
        let row2009 = linear.lines.first { $0.dropFirst(3).hasPrefix("2009") } ?? ""
        #expect(!row2009.contains("█") && !row2009.contains("▏"))
        #expect(PaneTest.text(linear).contains("Too small for a bar at this scale: 2009, 2010 (z: log scale)"))
        if let diff = ExpectedScreen.mismatch(app.renderPane(), named: "revenue-singles-day-80x24-log") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test func clickingAChartRowSelectsIt() {
        var app = revenueApp(width: 80, height: 24)
        let screen = app.render()
        guard let y = screen.lines.firstIndex(where: { $0.dropFirst(3).hasPrefix("2015") }) else {
            Issue.record("2015 not on screen")
            return
        }
        #expect(app.update(.mouse(.click(x: 10, y: y))) == .redraw)
        #expect(app.render().lines[y].hasPrefix(" > 2015"))
        var quarters = quarterly(revenueApp(width: 80, height: 24))
        let rows = quarters.render().lines
        guard let amazonRow = rows.firstIndex(where: { $0.contains("Q3 2016") }) else { return }
        _ = quarters.update(.mouse(.click(x: 10, y: amazonRow)))
        #expect(quarters.revenue.quarterList.selected == 1, "Amazon's row selects its pair")
    }

    @Test func cutListShowsScrollMarks() {
        var app = revenueApp(width: 60, height: 15)
        let area = app.paneArea
        let rightColumn = { (app: AppState) in app.render().lines[area.y..<area.maxY].map { String($0.last ?? " ") } }
        #expect(rightColumn(app).contains("▼"))
        #expect(!rightColumn(app).contains("▲"))
        _ = app.update(.key(.end))
        #expect(rightColumn(app).contains("▲"))
    }

    @Test func stacksBothSectionsOnceTheyFitWhole() {
        let context = revenueApp(width: 100, height: 30).context
        var tall = Buffer(width: 100, height: 120)
        RevenuePane().render(into: &tall, area: tall.area, context: context)
        let usedRows = (tall.lines.lastIndex { !$0.allSatisfy { $0 == " " } } ?? 0) + 1
        for (height, stacked) in [(usedRows, true), (usedRows - 1, false)] {
            var buffer = Buffer(width: 100, height: height)
            RevenuePane().render(into: &buffer, area: buffer.area, context: context)
            #expect(PaneTest.text(buffer).contains("Alibaba and Amazon by quarter") == stacked, "height \(height)")
        }
    }

    @Test func barsGrowWithTheWindow() {
        let longestBar = { (width: Int) in
            revenueApp(width: width, height: 50).render().lines.map { line in
                line.split(whereSeparator: { $0 != "█" }).map(\.count).max() ?? 0
            }.max() ?? 0
        }
        #expect(longestBar(120) > 60)
        #expect(longestBar(200) > longestBar(120) + 25)
    }

    @Test(arguments: [(0, 0), (1, 1), (10, 3), (3, 10), (40, 4), (40, 10), (300, 5)])
    func tinyAndOddAreasDoNotCrash(width: Int, height: Int) {
        let context = revenueApp(width: 100, height: 30).context
        for table in [false, true] {
            for section in 0..<2 {
                var pane = RevenuePane()
                var shown = context
                shown.showTable = table
                let area = Rect(x: 0, y: 0, width: width, height: height)
                if section == 1 { pane.layout(area: area, context: shown); _ = pane.handle(.open, context: shown) }
                for action in [Action.moveDown, .pageDown, .bottom, .moveUp, .top] {
                    pane.layout(area: area, context: shown); _ = pane.handle(action, context: shown)
                }
                var buffer = Buffer(width: width, height: height, filling: Cell("x"))
                pane.render(into: &buffer, area: area, context: shown)
                #expect(buffer.width == width)
            }
        }
    }

    @Test func drawsOnlyInsideItsArea() {
        var buffer = Buffer(width: 90, height: 30, filling: Cell("x"))
        let area = Rect(x: 5, y: 3, width: 70, height: 20)
        RevenuePane().render(into: &buffer, area: area, context: revenueApp(width: 90, height: 30).context)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                #expect(buffer[x, y].symbol == "x", "drew outside at \(x),\(y)")
            }
        }
    }
}

extension RevenuePaneTests {
    @Test func selectedQuarterNamesItsUnverifiedDollarFigure() {
        var app = quarterly(revenueApp(width: 80, height: 24, table: true))
        for _ in 0..<7 { _ = app.update(.key(.down)) }
        let screen = app.render()
        #expect(screen.contains("> FY2018 Q4 (Jan–Mar 2018) = Amazon Q1 2018 · USD ? UNVERIFIED"))
    }
}
