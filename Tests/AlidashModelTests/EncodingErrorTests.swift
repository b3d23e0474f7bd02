@testable import AlidashModelCore
import AlidashModel
import Testing
import TestSupport

/// Bytes a JSON decoder refuses below the syntax get a name and a place, not "not usable JSON".
@Suite struct EncodingErrorTests {
    private func problem(in name: String, replacing target: String, with bytes: [UInt8]) throws -> DataProblem {
        var files = TestData.bundledFiles
        var original = try #require(files[name])
        let needle = Array(target.utf8)
        let start = try #require(original.indices.first { original[$0...].starts(with: needle) })
        original.replaceSubrange(start..<(start + needle.count), with: bytes)
        files[name] = original
        do {
            _ = try DataLoader.decode(files, origin: "test")
            Issue.record("decoded despite the edit")
            return DataProblem(file: name, path: "", message: "")
        } catch {
            return try #require(error.problems.first)
        }
    }

    @Test func invalidUTF8NamesTheByteWithLineAndColumn() throws {
        let found = try problem(in: "hubs.json", replacing: "Liège", with: Array("Li".utf8) + [0xFF] + Array("ge".utf8))
        #expect(found.message == "not UTF-8: the byte 0xff does not start or continue a character here")
        #expect(found.line != nil && found.column != nil)
        let text = String(decoding: TestData.bundledFiles["hubs.json"]!, as: UTF8.self)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("Liège") }!
        #expect(found.line == line + 1)
    }

    @Test func aLoneSurrogateEscapeIsNamed() throws {
        let found = try problem(in: "hubs.json", replacing: "Liège", with: Array("Li\\ud800ge".utf8))
        #expect(found.message == "\\ud800 is the first half of a UTF-16 pair without the other half; it is not a character")
        #expect(found.line != nil)
        let second = try problem(in: "hubs.json", replacing: "Liège", with: Array("Li\\udc01ge".utf8))
        #expect(second.message.hasPrefix("\\udc01 is the second half"))
    }

    @Test func theScannerKnowsPairsEscapedBackslashesAndEveryUTF8Rule() {
        #expect(JSONText.firstLoneSurrogate(in: Array(#"["\ud83d\ude00", "\\ud800"]"#.utf8)) == nil)
        #expect(JSONText.firstInvalidUTF8(in: Array("Liège €😀".utf8)) == nil)
        #expect(JSONText.firstInvalidUTF8(in: [0x41, 0xC0, 0x80]) == 1)       // overlong
        #expect(JSONText.firstInvalidUTF8(in: [0xED, 0xA0, 0x80]) == 1)       // an encoded surrogate
        #expect(JSONText.firstInvalidUTF8(in: [0xF4, 0x90, 0x80, 0x80]) == 1) // above U+10FFFF
        #expect(JSONText.firstInvalidUTF8(in: [0x41, 0xE2, 0x82]) == 1)       // cut short
    }

    @Test func jsonExportEscapesBidiControlsAndLineSeparators() {
        let table = ExportTable(columns: ["a"], rows: [[.text("x\u{202E}y\u{2066}z\u{200F}\u{2028}")]])
        #expect(table.json() == "[\n  {\"a\": \"x\\u202ey\\u2066z\\u200f\\u2028\"}\n]\n")
    }
}
