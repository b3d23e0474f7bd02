import AlidashModel
import AlidashUI
import Foundation
import Testing
import TestSupport

/// Data that tries to take over the terminal (OSC title, clear screen, C1 CSI, bidi override) must
/// reach the real terminal inert: the window title stays, the screen stays drawn and aligned.
@Suite("Hostile data in a real terminal", .serialized)
struct HostileDataEndToEndTests {
    @Test func escapeSequencesInDataNeverReachTheTerminal() async throws {
        let copy = try DataCopy()
        try copy.edit("hubs.json") { text in
            text.replacing(#""en": "Cainiao eHub Liège""#,
                           with: #""en": "Evil\u001b]0;owned\u0007\u001b[2J\u009b31m\u202eXYZ 日本🚀""#,
                           maxReplacements: 1)
        }
        let session = try TmuxSession(arguments: ["--data", copy.folder.path])
        try await session.waitForActive(.overview)
        let titleBefore = try session.tmux(["display-message", "-p", "-t", "main", "#{pane_title}"])
        try session.press("2")
        let screen = try await session.waitFor("Evil")
        #expect(try session.tmux(["display-message", "-p", "-t", "main", "#{pane_title}"]) == titleBefore)
        #expect(!titleBefore.contains("owned"))
        let row = try #require(screen.first { $0.contains("Evil") })
        #expect(row.contains("]0;owned"), "the sequence is shown as text")
        // The row still ends with its distance and border at the same column as its neighbours.
        let distanceRows = screen.filter { $0.contains(" km│") }
        let ends = Set(distanceRows.map { TerminalText.width(of: String($0[..<$0.range(of: " km│")!.lowerBound])) })
        #expect(distanceRows.count >= 4 && ends.count == 1, "\(distanceRows)")
        #expect(screen.first?.contains("1 Overview") == true, "the tab bar survived (no clear screen)")
    }
}
