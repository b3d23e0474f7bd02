import AlidashModel
@testable import AlidashUI
import Testing

@Suite struct LoadingScreenTests {
    private func text(_ buffer: Buffer) -> [String] { (0..<buffer.height).map { buffer.line($0) } }

    @Test func showsWhereFromTheBarTheFileAndHowToQuit() {
        let step = DataLoadStep(phase: .decoding, file: "hubs.json", fileNumber: 2, fileCount: 10, done: 50, total: 100)
        let screen = LoadingScreen(folder: "/data/big", step: step, language: .en).render(width: 40, height: 9, glyphs: .ascii)
        #expect(text(screen) == [
            "                                        ",
            "+ Loading data ------------------------+",
            "| /data/big                            |",
            "|                                      |",
            "| ###############===============  50 % |",
            "| decoding hubs.json (2/10)            |",
            "| q or Ctrl-C quits                    |",
            "+--------------------------------------+",
            "                                        ",
        ])
    }

    @Test func germanAndTinyTerminalsDoNotCrash() {
        let step = DataLoadStep(phase: .validating, file: "", fileNumber: 10, fileCount: 10, done: 100, total: 100)
        let german = LoadingScreen(folder: "/d", step: step, language: .de).render(width: 50, height: 10, glyphs: .unicode)
        #expect(german.contains("Daten werden geladen") && german.contains("100 %") && german.contains("prüfe alle Verweise"))
        for (width, height) in [(1, 1), (0, 0), (5, 2), (12, 4)] {
            _ = LoadingScreen(folder: "/data", step: step, language: .en).render(width: width, height: height, glyphs: .ascii)
        }
        #expect(DataLoadStep(phase: .reading, file: "a", fileNumber: 1, fileCount: 1, done: 7, total: 0).fraction == 0)
        #expect(DataLoadStep(phase: .reading, file: "a", fileNumber: 1, fileCount: 1, done: 9, total: 4).fraction == 1)
    }
}
