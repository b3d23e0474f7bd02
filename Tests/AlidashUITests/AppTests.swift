import AlidashModel
import AlidashUI
import Testing
import TestSupport

/// The dashboard's frame (tabs, status line, overlays) and key handling, without a terminal.
@Suite struct AppTests {
    @Test(arguments: [(80, 24, Language.en), (120, 40, .en), (80, 24, .de), (120, 40, .de), (200, 60, .en)])
    func overviewScreen(width: Int, height: Int, language: Language) {
        let app = TestData.app(width: width, height: height, language: language)
        let mismatch = ExpectedScreen.mismatch(app.render(), named: "overview-\(width)x\(height)-\(language.rawValue)")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// Scrolled part way and to the end, the overview shows the same rows it lays out (only the rows in
    /// view are drawn) and says what is left.
    @Test(arguments: [(6, "middle"), (500, "end")])
    func overviewScrolled(steps: Int, name: String) {
        var app = TestData.app(width: 80, height: 24)
        for _ in 0..<steps { _ = app.update(.key(.character("j"))) }
        let mismatch = ExpectedScreen.mismatch(app.render(), named: "overview-80x24-scrolled-\(name)-en")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    /// A start lays the Overview's cards out only as far as the first frame shows them: that frame is the
    /// full one but for the count of lines below, and after `completeLayout` it is the full one exactly.
    @Test(arguments: [(80, 24, Language.en), (120, 40, .en), (120, 40, .de), (200, 60, .en), (60, 20, .de), (40, 10, .en)])
    func firstFrameLaysOutOnlyWhatItShows(width: Int, height: Int, language: Language) {
        let full = TestData.app(width: width, height: height, language: language).render().lines
        var start = AppState(data: TestData.bundled, language: language, width: width, height: height, firstFrameOnly: true)
        let first = start.render().lines
        let hintRow = height - 2
        #expect(first.count == full.count)
        for row in first.indices where row != hintRow {
            #expect(first[row] == full[row], "row \(row) differs")
        }
        let moreLines = language == .de ? "weitere Zeilen" : "more lines"
        #expect(first[hintRow].contains(moreLines) && !first[hintRow].contains(where: \.isNumber), "\(first[hintRow])")
        #expect(full[hintRow].contains(moreLines) && full[hintRow].contains(where: \.isNumber), "\(full[hintRow])")
        let completed = start.completeLayout()
        #expect(completed)
        #expect(start.render().lines == full)
        let again = start.completeLayout()
        #expect(!again, "once")
    }

    @Test func overviewShowsSourcedHeadlineFigures() {
        let screen = TestData.app(width: 120, height: 40).render()
        #expect(screen.contains("220,000 m²"))
        #expect(screen.contains("EUR 75 m"))
        #expect(screen.contains("RMB 213.5 bn"))
        #expect(screen.contains("USD 30.8 bn"))
        #expect(screen.contains("[S31"))
    }

    /// At 80 columns each headline figure still says what it is, and where the article printed another number.
    @Test func everyGlanceFigureSaysWhatItIsAt80Columns() {
        let app = TestData.app(width: 80, height: 24)
        let screen = app.render()
        let data = app.data
        for card in data.overview.cards {
            guard let figure = card.headlineFigure.flatMap(data.resolve), !figure.quantities.isEmpty else { continue }
            #expect(screen.contains(figure.label.english), "\(card.id): \(figure.label.english)")
        }
        #expect(screen.contains("≠ article: USD 30.7"))
        #expect(screen.contains("FY2019 Q2 (Jul–Sep 2018)"), "the fiscal quarter's months")
        #expect(screen.contains("Revenue by fiscal year    RMB 376,844 m"), "the card leads with its headline year, FY2019")
    }

    @Test func digitsTabsAndArrowsSwitchPanes() {
        var app = TestData.app(width: 100, height: 30)
        #expect(app.update(.key(.character("3"))) == .redraw)
        #expect(app.active == .revenue)
        #expect(app.update(.key(.tab)) == .redraw)
        #expect(app.active == .comparison)
        _ = app.update(.key(.backTab))
        _ = app.update(.key(.left))
        #expect(app.active == .hubs)
        _ = app.update(.key(.character("l")))
        #expect(app.active == .revenue)
        _ = app.update(.key(.character("h")))
        _ = app.update(.key(.character("h")))
        _ = app.update(.key(.character("h")))
        let last = PaneID.allCases[PaneID.allCases.count - 1]
        #expect(app.active == last) // wraps around
        #expect(app.update(.key(.character(Character(String(last.number))))) == .none) // already there: nothing to redraw
    }

    @Test func quitKeys() {
        var app = TestData.app(width: 100, height: 30)
        #expect(app.update(.key(.character("q"))) == .quit)
        #expect(app.update(.key(.control("c"))) == .quit)
        #expect(app.update(.key(.control("l"))) == .fullRedraw)
    }

    @Test func helpIsGeneratedFromTheKeyMapAndEscCloses() {
        var app = TestData.app(width: 100, height: 30)
        _ = app.update(.key(.character("?")))
        #expect(app.overlay == .help(scroll: 0))
        let screen = app.render()
        for binding in app.keyMap.bindings {
            #expect(screen.contains(binding.english), "help lacks \(binding.english)")
        }
        _ = app.update(.key(.escape))
        #expect(app.overlay == nil)
    }

    @Test(arguments: [Language.en, .de])
    func helpAtEightyByTwentyFourSaysItScrolls(language: Language) {
        var app = TestData.app(width: 80, height: 24, language: language)
        _ = app.update(.key(.character("?")))
        let first = app.render()
        #expect(ExpectedScreen.mismatch(first, named: "help-80x24-\(language.rawValue)") == nil)
        #expect(first.contains(language == .de ? "▼ 8 weitere Zeilen" : "▼ 8 more lines"), "\(first.lines.joined(separator: "\n"))")
        #expect(app.update(.key(.pageDown)) == .redraw)
        let end = app.render()
        #expect(ExpectedScreen.mismatch(end, named: "help-80x24-\(language.rawValue)-end") == nil)
        #expect(end.contains(language == .de ? "Zeichen: ≈ ungefähr  ~ Rundung der Quelle" : "Marks: ≈ approximate  ~ source's rounding"))
        #expect(end.contains(language == .de ? "Ende · k blättert zurück" : "end · k scrolls back"))
        #expect(app.update(.key(.pageDown)) == .none, "already at the end")
        _ = app.update(.key(.pageUp))
        #expect(app.overlay == .help(scroll: 0))
        _ = app.update(.key(.end))
        _ = app.update(.key(.character("k")))
        #expect(app.render().contains("▲ ▼"))
    }

    @Test func commandLineJumpsAndCompletes() {
        var app = TestData.app(width: 100, height: 30)
        _ = app.update(.key(.character(":")))
        for character in "hu" { _ = app.update(.key(.character(character))) }
        _ = app.update(.key(.tab))
        #expect(app.overlay == .commandLine(text: "hubs"))
        #expect(app.render().contains(":hubs"))
        _ = app.update(.key(.enter))
        #expect(app.active == .hubs)
        #expect(app.overlay == nil)

        _ = app.update(.key(.character(":")))
        for character in "nonsense" { _ = app.update(.key(.character(character))) }
        _ = app.update(.key(.enter))
        #expect(app.status?.isError == true)
        #expect(app.render().contains("Unknown command: nonsense"))
    }

    @Test func commandLineChangesCurrencyAndLanguage() {
        var app = TestData.app(width: 100, height: 30)
        for command in ["currency eur", "lang de"] {
            _ = app.update(.key(.character(":")))
            for character in command { _ = app.update(.key(.character(character))) }
            _ = app.update(.key(.enter))
        }
        #expect(app.currency == .eur)
        #expect(app.language == .de)
    }

    @Test func currencyCycles() {
        var app = TestData.app(width: 100, height: 30)
        #expect(app.currency == nil, "figures start as reported")
        #expect(app.render().contains("EN · as reported"))
        _ = app.update(.key(.character("c")))
        #expect(app.currency == .rmb)
        _ = app.update(.key(.character("c")))
        #expect(app.currency == .usd)
        #expect(app.render().contains("Currency: USD"))
        _ = app.update(.key(.character("c")))
        _ = app.update(.key(.character("c")))
        #expect(app.currency == nil, "back to as reported")
    }

    @Test func clickingATabSwitchesToIt() throws {
        var app = TestData.app(width: 100, height: 30)
        let tab = try #require(TabBar.layout(width: 100, language: .en).first { $0.pane == .timeline })
        #expect(app.update(.mouse(.click(x: tab.columns.lowerBound + 1, y: 0))) == .redraw)
        #expect(app.active == .timeline)
    }

    @Test func tooSmallWindowSaysWhatItNeedsAndRecovers() {
        var app = TestData.app(width: 100, height: 30)
        _ = app.update(.resize(width: 30, height: 8))
        let small = app.render()
        #expect(small.contains("need 40×10"))
        #expect(small.contains("now 30×8"))
        _ = app.update(.resize(width: 100, height: 30))
        #expect(app.render().contains("1 Overview"))
    }

    @Test func anySizeRendersWithoutCrashing() {
        for pane in PaneID.allCases {
            for (width, height) in [(0, 0), (1, 1), (2, 1), (10, 3), (39, 9), (40, 10), (41, 11), (60, 15), (300, 100)] {
                var app = TestData.app(width: width, height: height, pane: pane)
                let screen = app.render()
                #expect(screen.width == width && screen.height == height)
                for key in [Key.down, .pageDown, .end, .enter, .character("t"), .escape] { _ = app.update(.key(key)) }
                _ = app.render()
            }
        }
    }

    @Test func everyPaneShowsItsFrameAtEightyColumnsInBothLanguages() {
        for language in Language.allCases {
            for pane in PaneID.allCases {
                let app = TestData.app(width: 80, height: 24, language: language, pane: pane)
                let screen = app.render()
                let title = pane.title(language), short = pane.shortTitle(language)
                #expect(screen.lines[0].contains("\(pane.number) \(title)") || screen.lines[0].contains("\(pane.number) \(short)"),
                        "tab bar lacks \(title)")
                #expect(screen.lines[23].contains(language == .de ? "Hilfe" : "help"), "status line missing on \(pane)")
                // Something is drawn in the pane area, not just the frame.
                #expect(screen.lines[1..<23].filter { !$0.isEmpty }.count > 10, "\(pane) is nearly empty")
            }
        }
    }

    @Test func tabBarUsesShortTitlesWhenNarrow() {
        let wide = TabBar.layout(width: 100, language: .en).map(\.text)
        #expect(wide.contains(" 4 Amazon vs Alibaba "))
        let narrow = TabBar.layout(width: 60, language: .en)
        #expect(narrow.last.map { $0.columns.upperBound <= 60 } == true)
        // At the minimum width every tab is still there, as a number, and the active one keeps a name.
        let minimum = TabBar.layout(width: AppState.minimumWidth, language: .en, active: .timeline)
        #expect(minimum.count == PaneID.allCases.count)
        #expect(minimum.last.map { $0.columns.upperBound <= AppState.minimumWidth } == true)
        #expect(minimum.first { $0.pane == .timeline }?.text == " 5 Time ")
        #expect(minimum.first { $0.pane == .hubs }?.text == " 2 ")
    }
}

@Suite struct ReloadTests {
    /// The bundled data with one more event at the start of the timeline.
    static func dataWithAnEarlierEvent() throws -> DataSet {
        var files = TestData.bundledFiles
        let text = String(decoding: files["timeline.json"]!, as: UTF8.self)
        let extra = #"{"id": "test-early", "date": "2001", "title": "Earlier event", "category": "alibaba", "confidence": "verified", "sources": ["S1"]},"#
        let start = try #require(text.range(of: #""events": ["#))
        files["timeline.json"] = Array(text.replacingCharacters(in: start, with: #""events": ["# + extra).utf8)
        return try DataLoader.decode(files, origin: "test")
    }

    @Test func reloadKeepsTheSelectedEventAndShowsTheError() throws {
        var app = TestData.app(width: 100, height: 30, pane: .timeline)
        for _ in 0..<3 { _ = app.update(.key(.down)) }
        let before = app.render()
        #expect(before.contains("22 Sep 2014 · Alibaba · 4 of 34"))
        _ = app.update(.dataReloadFailed("timeline.json:3:5: not valid JSON"))
        _ = app.update(.key(.character("x"))) // a key clears messages, not the stale-data notice
        #expect(app.render().contains("Showing last good data"))
        _ = app.update(.dataReloaded(try Self.dataWithAnEarlierEvent()))
        let after = app.render()
        #expect(after.contains("22 Sep 2014 · Alibaba · 5 of 35"))
        #expect(!after.contains("Showing last good data"))
    }
}

extension ReloadTests {
    @Test func aLongReloadErrorWrapsAtTheWindowWidth() {
        var app = TestData.app(width: 80, height: 24)
        let message = "/home/someone/alidash-data/revenue.json:412:27: alibabaQuarters[11].usdMillions: expected a number, found text (+3 more)"
        _ = app.update(.dataReloadFailed(message))
        let screen = app.render()
        #expect(ExpectedScreen.mismatch(screen, named: "reload-error-80x24") == nil)
        let shown = screen.lines.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(shown.hasSuffix(message), "\(shown)")
        #expect(screen.lines.allSatisfy { TerminalText.width(of: $0) <= 80 })
        _ = app.update(.key(.character("x"))) // the key clears the message; the stale-data notice stays, whole
        let notice = app.render().lines.suffix(3).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(notice.contains("Showing last good data") && notice.hasSuffix("(+3 more)"), "\(notice)")
    }
}

@Suite struct FilterMatchingTests {
    @Test func accentsAndCaseDoNotMatter() {
        #expect(filterMatches("liege", ["DW article on Alibaba in Liège"]))
        #expect(filterMatches("LIÈGE", ["liege airport"]))
        #expect(filterMatches("lüttich", ["Lüttich"]))
        #expect(filterMatches("日本", ["日本語"]))
        #expect(!filterMatches("paris", ["Liège"]))
        #expect(filterMatches("  ", ["anything"]))
    }
}

@Suite struct CommandLineHintTests {
    @Test func completionsSayHowManyMoreThereAre() {
        var app = TestData.app(width: 60, height: 20)
        _ = app.update(.key(.character(":")))
        let screen = app.render()
        let hint = screen.lines[18]
        #expect(hint.hasPrefix("  overview  home"))
        let more = CommandLine.vocabulary.count - hint.split(separator: " ").filter { !$0.hasPrefix("+") }.count
        #expect(hint.hasSuffix("+\(more)"), "\(hint)")
    }
}
