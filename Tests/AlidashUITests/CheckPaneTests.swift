import Foundation
import Testing
import AlidashModel
import AlidashUI
import TestSupport

@Suite struct CheckPaneTests {
    // MARK: - Expected screens

    @Test(arguments: [(80, 24, Language.en), (80, 24, .de), (120, 40, .en), (120, 40, .de), (200, 60, .en)])
    func screen(width: Int, height: Int, language: Language) {
        #expect(PaneTest.screenMismatch(.check, name: "check", width: width, height: height, language: language) == nil)
    }

    @Test func screenWithFullDetailOfTheSinglesDayClaim() {
        var app = TestData.app(width: 80, height: 24, pane: .check)
        PaneTest.applyFilter("30,7", to: &app)
        _ = app.update(.key(.enter))
        #expect(ExpectedScreen.mismatch(app.renderPane(), named: "check-80x24-en-detail-singles-day") == nil)
    }

    // MARK: - Real data

    @Test func everyClaimIsInTheArticlesOrderAndQuotesItVerbatim() throws {
        // The article sits in the shared reference folder beside the repository (as in CI).
        let article = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/reference/article-de.txt")
        guard let text = try? String(contentsOf: article, encoding: .utf8) else {
            Issue.record("no article at \(article.path)")
            return
        }
        var last = text.startIndex
        for claim in TestData.bundled.claims {
            let found = try #require(text.range(of: claim.quote), "\(claim.id): “\(claim.quote)” is not in the article")
            #expect(found.lowerBound >= last, "\(claim.id) is out of the article's order")
            last = found.lowerBound
            #expect(claim.quote.count <= Claim.maximumQuoteLength)
        }
    }

    @Test func verdictsSourcesAndErrataResolve() {
        let data = TestData.bundled
        #expect(data.claims.count >= 20)
        for claim in data.claims {
            #expect(!claim.sources.isEmpty, "\(claim.id)")
            for id in claim.sources + (claim.laterSources ?? []) { #expect(data.source(id: id) != nil, "\(claim.id): \(id)") }
            for id in claim.errata ?? [] { #expect(data.erratum(id: id) != nil, "\(claim.id): \(id)") }
        }
        let carried = Set(data.claims.flatMap { $0.errata ?? [] })
        #expect(Set(data.errata.map(\.id)) == carried, "every erratum is part of a claim")
        #expect(Set(data.claims.map(\.verdict)) == Set(Verdict.allCases), "all four verdicts occur")
    }

    @Test func headerCountsErrorsApartFromWeakPoints() {
        let errata = TestData.bundled.errata
        let errors = errata.filter { $0.kind == .error }.count
        #expect(errors == 7 && errata.count - errors == 8, "facts.md §12: items 1–4 and 9 are errors (4 holds three typos)")
        let screen = PaneTest.text(TestData.app(width: 200, height: 30, pane: .check).renderPane())
        #expect(screen.contains("errata: \(errors) errors, \(errata.count - errors) weak points"))
        #expect(!screen.contains("got wrong"), "not everything is an error")
    }

    @Test func theMissingRankIsSaidToBeMissing() throws {
        let erratum = try #require(TestData.bundled.erratum(id: "E2"))
        #expect(erratum.corrected == nil, "no rank for January 2019 is verified, so none fills the gap")
        #expect(erratum.correction.english.contains("number is missing"))
        #expect(erratum.correction.english.contains("31 Mar 2018") && erratum.correction.english.contains("31 Mar 2019"))
        var app = TestData.app(width: 80, height: 24, pane: .check)
        PaneTest.applyFilter("Weltrangliste", to: &app)
        let screen = PaneTest.text(app.renderPane())
        #expect(screen.contains("✗ wrong"))
        #expect(!screen.contains("→ 7th"))
    }

    @Test func theLeasedAreaIsRightWithAWeakPoint() throws {
        var app = TestData.app(width: 120, height: 40, pane: .check)
        PaneTest.applyFilter("220.000", to: &app)
        let screen = PaneTest.text(app.renderPane())
        #expect(screen.contains("✓ correct"))
        #expect(screen.contains("E8 weak point"))
        #expect(screen.contains("30,000 m²"), "what was built, later")
    }

    @Test func verdictsAreWordsAndMarksNotColourAlone() {
        var ascii = TestData.app(width: 80, height: 24, pane: .check, glyphs: .ascii)
        let text = PaneTest.text(ascii.renderPane())
        #expect(text.contains("+ correct") && text.contains("x wrong"))
        PaneTest.applyFilter("Ladengeschäfte", to: &ascii)
        #expect(PaneTest.text(ascii.renderPane()).contains("? unverifiable"))
        let german = PaneTest.text(TestData.app(width: 80, height: 24, language: .de, pane: .check).renderPane())
        #expect(german.contains("✓ richtig") && german.contains("✗ falsch"))
    }

    @Test func printHasEveryClaimInFull() {
        let lines = AppState.plainText(pane: .check, width: 80, data: TestData.bundled, language: .en)
        let text = lines.joined(separator: "\n")
        for claim in TestData.bundled.claims {
            #expect(lines.contains { $0.hasPrefix(claim.id + " · ") }, "\(claim.id) has its own heading")
            #expect(text.contains(claim.quote.prefix(20)), "\(claim.id)'s quote")
        }
        #expect(!text.contains("Enter"), "no key hints in print")
    }

    // MARK: - Keys and mouse

    @Test func keysMoveAndEnterOpensTheSourcesToo() {
        var app = TestData.app(width: 80, height: 24, pane: .check)
        _ = app.update(.key(.down))
        let second = TestData.bundled.claims[1]
        #expect(PaneTest.text(app.renderPane()).contains(second.id + " · 2 of"))
        _ = app.update(.key(.enter))
        let source = TestData.bundled.source(id: second.sources[0])
        #expect(PaneTest.text(app.renderPane()).contains(second.sources[0] + " " + (source?.publisher ?? "?")))
        _ = app.update(.key(.escape))
        #expect(app.update(.key(.escape)) == .none)
    }

    @Test func registryGivesTheSeventhPaneItsKeyAndCommand() {
        var app = TestData.app(width: 100, height: 30)
        _ = app.update(.key(.character(Character(String(PaneID.check.number)))))
        #expect(app.active == .check)
        #expect(CommandLine.parse("check") == .pane(.check))
        #expect(CommandLine.parse("errata") == .pane(.check))
        #expect(PaneID(word: "claims") == .check)
    }

    @Test func tinyAreasDoNotTrapAndStayInside() {
        PaneTest.expectSafeInTinyAreas { CheckPane() }
    }
}
