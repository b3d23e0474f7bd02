import AlidashUI
import Testing
import TestSupport

@Suite("ASCII folding for locales without UTF-8")
struct ASCIIFoldingTests {
    @Test func accentedLettersKeepTheirBase() {
        #expect(ASCIIFolding.fold("Liège, São Paulo, Zürich, Ærø, Łódź") == "Liege, Sao Paulo, Zuerich, AEro, Lodz")
    }

    @Test func germanLettersUseTheirSpellingInTextAndOneLetterInACell() {
        #expect(ASCIIFolding.fold("Überblick Größe") == "Ueberblick Groesse")
        #expect(ASCIIFolding.foldCell("ä") == "a")
        #expect(ASCIIFolding.foldCell("ß") == "s")
    }

    @Test func symbolsAndPunctuation() {
        #expect(ASCIIFolding.fold("220.000 m² · „Zitat“ – “quote” … ▲ ▼ €") == "220.000 m2 . \"Zitat\" - \"quote\" ... ^ v EUR")
        #expect(ASCIIFolding.fold("\u{00A0}x\u{2009}y") == " x y")
    }

    @Test func combiningMarksAreDropped() {
        #expect(ASCIIFolding.fold("e\u{0301}") == "e")
        #expect(ASCIIFolding.foldCell("n\u{0303}") == "n")
    }

    @Test func charactersWithoutLikenessBecomeQuestionMarks() {
        #expect(ASCIIFolding.fold("日本 Ω") == "?? ?")
        #expect(ASCIIFolding.foldCell("🚀") == "?")
        #expect(ASCIIFolding.fold("ＡＢ１") == "AB1")
    }

    @Test func nothingIsDroppedAndEverythingIsASCII() {
        let text = "Cainiao · Liège ²³ “ok” 杭州 ✓ ─│┌ █▌ ⣿"
        let folded = ASCIIFolding.fold(text)
        #expect(folded.allSatisfy { $0.isASCII })
        #expect(folded == "Cainiao . Liege 23 \"ok\" ?? v -|+ ## .")
    }

    @Test func bufferKeepsItsLayout() {
        var buffer = Buffer(width: 12, height: 2)
        buffer.put("Liège 日本", x: 0, y: 0, style: Style(.value))
        buffer.put("│ ▲ 5 %", x: 0, y: 1)
        let folded = ASCIIFolding.fold(buffer)
        #expect(folded.lines == ["Liege ? ?", "| ^ 5 %"])
        #expect(folded.cells.allSatisfy { $0.symbol.isASCII && $0.width == 1 })
        #expect(folded[0, 0].style == Style(.value))
        #expect(folded.width == 12 && folded.height == 2)
    }
    @Test func marksKeepTheirMeaning() {
        // "~" is the rounded mark and "<" would say "less than": approximate and up-to need two characters.
        #expect(ASCIIFolding.fold("≤ 6.1% · ≈ RMB 50 m · ≥ 3 · ≠ article") == "<= 6.1% . ~= RMB 50 m . >= 3 . != article")
        for mark: Character in ["≈", "≤", "≥", "≠"] {
            #expect(!["~", "=", "<", ">", "?"].contains(ASCIIFolding.foldCell(mark)), "\(mark) folds to another mark")
        }
    }

    @Test func twoCellMarksTakeABlankBesideThemAndKeepTheColumns() {
        var buffer = Buffer(width: 24, height: 4)
        buffer.put("Zalando  ≤ 6.1% [S35]", x: 0, y: 0)
        buffer.put(" ≈ approximate  ~ round", x: 0, y: 1)
        buffer.put("▲ ≈ +1,772%= [S38]", x: 0, y: 2)
        buffer.put("a≈b c ≈", x: 0, y: 3)
        let folded = ASCIIFolding.fold(buffer)
        #expect(folded.lines == ["Zalando <= 6.1% [S35]", "~= approximate  ~ round", "^ ~=+1,772%= [S38]", "a*b c ~="])
        #expect(folded.width == 24 && folded.cells.allSatisfy { $0.symbol.isASCII && $0.width == 1 })
    }

    @Test func asciiScreensShowApproximateAndUpTo() {
        let overview = ASCIIFolding.fold(TestData.app(width: 80, height: 24).render())
        #expect(overview.contains("<= 6.1% [S35, S99, S100]"), "\(overview.lines.joined(separator: "\n"))")
        let singlesDay = ASCIIFolding.fold(TestData.app(width: 80, height: 24, pane: .revenue, glyphs: .ascii).render())
        let row = singlesDay.lines.first { $0.contains("2009") && $0.contains("RMB") } ?? ""
        #expect(row.contains("~= RMB 50 m"), "\(row)")
    }
}
