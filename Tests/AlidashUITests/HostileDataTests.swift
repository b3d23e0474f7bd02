import AlidashModel
import AlidashUI
import Testing
import TestSupport

/// Text in the data may carry terminal control sequences, bidi overrides, wide and combining
/// characters. Every pane must draw it inert (no control character reaches a cell) and aligned.
@Suite struct HostileDataTests {
    /// A JSON string full of trouble: OSC title change, clear screen, CSI via C1, BEL, bidi override,
    /// CJK, emoji, combining marks and a very long word.
    static let hostile = #"Evil\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eXYZ 日本語🚀e\u0301\u0301\u0301 "#
        + String(repeating: "W", count: 300)

    static let data: DataSet = {
        var files = TestData.bundledFiles
        func replace(_ name: String, _ old: String, _ new: String) {
            let text = String(decoding: files[name]!, as: UTF8.self)
            precondition(text.contains(old), "\(old) not in \(name)")
            files[name] = Array(text.replacing(old, with: new, maxReplacements: 1).utf8)
        }
        replace("hubs.json", #""en": "Cainiao eHub Liège""#, #""en": ""# + hostile + #"""#)
        replace("timeline.json", #""en": "First Singles' Day sale""#, #""en": ""# + hostile + #"""#)
        replace("sources.json", #""publisher": "Deutsche Welle""#, #""publisher": ""# + hostile + #"""#)
        replace("overview.json", #""en": "Liège hub""#, #""en": ""# + hostile + #"""#)
        replace("comparison.json", #""en": "Role""#, #""en": ""# + hostile + #"""#)
        do {
            return try DataLoader.decode(files, origin: "hostile")
        } catch {
            fatalError("hostile data should still be valid: \(error)")
        }
    }()

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
            || (0x2066...0x2069).contains(scalar.value)
    }

    @Test(arguments: PaneID.allCases)
    func paneDrawsHostileTextInert(pane: PaneID) {
        for (width, height) in [(80, 24), (120, 40), (33, 12)] {
            var app = AppState(data: Self.data, language: .en, width: width, height: height, pane: pane)
            _ = app.update(.key(.enter)) // detail views show the full text
            let screen = app.render()
            for cell in screen.cells {
                #expect(!cell.symbol.unicodeScalars.contains(where: Self.isControl), "\(pane) \(width)x\(height)")
            }
            for row in 0..<screen.height {
                #expect(TerminalText.width(of: screen.line(row)) == width, "row \(row) of \(pane) is misaligned")
            }
        }
    }

    @Test func hubListColumnsStayAligned() throws {
        let app = AppState(data: Self.data, language: .en, width: 100, height: 30, pane: .hubs)
        let screen = app.render()
        let rows = (0..<screen.height).map(screen.line).filter { $0.contains(" km│") }
        #expect(rows.count == 4)
        let ends = Set(rows.map { TerminalText.width(of: String($0[..<$0.range(of: " km│")!.lowerBound])) })
        #expect(ends.count == 1, "distance column moved: \(rows)")
        #expect(rows.contains { $0.contains("Evil\u{FFFD}]0;owned\u{FFFD}") })
    }
}
