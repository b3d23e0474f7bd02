import AlidashUI
import Testing

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
}
