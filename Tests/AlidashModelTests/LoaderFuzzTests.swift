import AlidashModel
import AlidashUI
import Testing
import TestSupport

/// Thousands of mutated and random documents built from the bundled files: the loader must never
/// crash, and every failure must be a located DataProblem (which the CLI turns into exit 65).
@Suite struct LoaderFuzzTests {
    static let interesting: [[UInt8]] = [
        "{", "}", "[", "]", ",", ":", "\"", "\\", "null", "true", "-", "1e999", "-1", "0", "\u{1B}[2J", "\u{202E}",
        "\"S9999\"", "\"2018-02-30\"", "[[[[[[[[", "{\"a\":", "\u{0}", "日本", "NaN",
    ].map { Array($0.utf8) }

    func mutate(_ bytes: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !result.isEmpty else { break }
            let position = Int.random(in: 0..<result.count, using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: result.remove(at: position)
            case 1: result[position] = UInt8.random(in: 0...255, using: &random)
            case 2: result.insert(contentsOf: Self.interesting.randomElement(using: &random)!, at: position)
            case 3: result.removeSubrange(position..<min(result.count, position + Int.random(in: 1...200, using: &random)))
            default:
                // Swap a digit for another, changing figures without breaking syntax.
                if let digit = result[position...].firstIndex(where: { (48...57).contains($0) }) {
                    result[digit] = UInt8.random(in: 48...57, using: &random)
                }
            }
        }
        return result
    }

    @Test func mutatedFilesFailCleanly() {
        var random = SplitMix64(state: 20_190_103)
        let original = TestData.bundledFiles
        var failures = 0
        for round in 0..<2_000 {
            var files = original
            let name = DataLoader.fileNames[round % DataLoader.fileNames.count]
            files[name] = mutate(files[name]!, using: &random)
            do {
                // Data that passes validation must also draw: every pane, wide and narrow.
                let data = try DataLoader.decode(files, origin: "fuzz")
                if round % 10 == 0 {
                    for pane in PaneID.allCases {
                        for (width, height) in [(120, 40), (41, 11)] {
                            _ = AppState(data: data, language: .en, width: width, height: height, pane: pane).render()
                        }
                    }
                }
            } catch {
                failures += 1
                #expect(error.exitCode == 65)
                #expect(!error.problems.isEmpty)
                for problem in error.problems {
                    #expect(DataLoader.fileNames.contains(problem.file), "round \(round): \(problem)")
                    #expect(!problem.message.isEmpty)
                    #expect(!problem.description.contains("DecodingError"), "round \(round): \(problem)")
                }
            }
        }
        // Most mutations must be caught; the rest changed nothing the schema or checks cover.
        #expect(failures > 1_000)
    }

    @Test func randomBytesFailCleanly() {
        var random = SplitMix64(state: 42)
        for _ in 0..<500 {
            var files = TestData.bundledFiles
            let length = Int.random(in: 0..<512, using: &random)
            files["hubs.json"] = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(throws: DataLoadError.self) { _ = try DataLoader.decode(files, origin: "fuzz") }
        }
    }
}

@Suite struct ExtremeFigureTests {
    /// Figures at the edge of what validation accepts still format and draw; beyond it they are refused.
    @Test func largestAcceptedRankDrawsAndLargerIsRefused() throws {
        var files = TestData.bundledFiles
        let text = String(decoding: files["profiles.json"]!, as: UTF8.self)
        let rank = try #require(text.firstRange(of: /"value": 7,\s*"unit": "rank"/))
        files["profiles.json"] = Array(text.replacingCharacters(in: rank, with: "\"value\": 1e19, \"unit\": \"rank\"").utf8)
        #expect(throws: DataLoadError.self) { _ = try DataLoader.decode(files, origin: "test") }
        files["profiles.json"] = Array(text.replacingCharacters(in: rank, with: "\"value\": 1e15, \"unit\": \"rank\"").utf8)
        let data = try DataLoader.decode(files, origin: "test")
        for pane in PaneID.allCases {
            _ = AppState(data: data, language: .en, width: 120, height: 40, pane: pane).render()
        }
        #expect(Formatter(language: .en).quantity(Quantity(value: 1e15, unit: .rank)).hasSuffix("th"))
    }
}
