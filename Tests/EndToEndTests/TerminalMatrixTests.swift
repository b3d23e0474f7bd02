import AlidashModel
import AlidashUI
import Foundation
import Testing
import TestSupport

/// The dashboard under the TERM names people bring, many of them without a terminfo entry on Debian:
/// drawn, switched and quit on each, and told which entry stood in where the system has none.
@Suite("Terminals people use", .serialized)
struct TerminalMatrixTests {
    static let terms = ["xterm-kitty", "alacritty", "xterm-ghostty", "foot", "wezterm", "tmux-256color", "screen-256color",
                        "screen", "linux", "vt100", "xterm", "rxvt-unicode-256color", "st-256color"]

    @Test(arguments: terms)
    func drawnSwitchedAndQuit(term: String) async throws {
        let session = try TmuxSession(width: 80, height: 24, environment: "TERM=\(term)")
        try await session.waitForActive(.overview)
        let first = try session.screen()
        let known = (try? Spawn.run(["infocmp", term]))?.status == 0
        if known {
            #expect(!first[23].contains("no terminfo entry"), "\(term) has its own entry: \(first[23])")
        } else if let fallback = TerminalFamily.fallback(for: term) {
            #expect(first[23].contains("TERM=\(term) has no terminfo entry here; drawn as \(fallback)"), "\(first[23])")
        }
        try session.type("2")
        try await session.waitForActive(.hubs)
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
        #expect(try await session.terminalModesAfterExit().contains("icanon"), "the terminal is given back")
    }

    /// Inside GNU screen (inside tmux): screen sets its own TERM, and the dashboard is drawn, switched and quit.
    @Test func insideGNUScreen() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/screen") else {
            Issue.record("GNU screen is missing: run make deps")
            return
        }
        let session = try TmuxSession(width: 80, height: 24, environment: "TERM=tmux-256color screen -q -e ^Oo")
        try await session.waitForActive(.overview)
        try session.type("5")
        try await session.waitForActive(.timeline)
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
    }

    /// `y` sends one OSC 52 sequence; tmux with set-clipboard on keeps what it carried as a paste buffer.
    @Test func yCopiesTheSelectedFigureThroughTmux() async throws {
        let session = try TmuxSession(width: 80, height: 24, arguments: ["--pane", "revenue"])
        _ = try session.tmux(["set-option", "-g", "set-clipboard", "on"])
        try await session.waitForActive(.revenue)
        try session.type("G") // 2021
        try session.type("y")
        _ = try await session.waitFor("Copied: Singles' Day 2021")
        let buffer = try session.tmux(["show-buffer"])
        #expect(buffer == "Singles' Day 2021 (GMV): RMB 540.3 bn (USD 84.54 bn) [S52, S53]", "\(buffer)")
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
    }

    /// The bytes the dashboard writes, under `script` (a bare pty that answers no query): Sources with OSC 8
    /// links and synchronized frames on kitty, neither on vt100 nor with --no-links/--no-sync.
    @Test(arguments: [("xterm-kitty", "", true), ("vt100", "", false), ("xterm-kitty", "--no-links --no-sync", false)])
    func linksAndSynchronizedOutputInTheRawOutput(term: String, options: String, expected: Bool) throws {
        let folder = try TemporaryDirectory()
        let typescript = folder.file("typescript")
        // Settings and state in the test's folder, as TmuxSession does: the user's stay untouched.
        let command = "env ALIDASH_CONFIG= XDG_CONFIG_HOME=\(folder.path)/config XDG_STATE_HOME=\(folder.path)/state "
            + "TERM=\(term) LANG=C.UTF-8 \(try Binary.path()) --pane sources \(options)"
        let result = try Spawn.run(["sh", "-c", "(sleep 1.5; printf q) | script -qfec \"$0\" \"$1\" > /dev/null", command, typescript])
        #expect(result.status == 0)
        let output = String(decoding: try Data(contentsOf: URL(fileURLWithPath: typescript)), as: UTF8.self)
        let url = TestData.bundled.sources[0].url
        #expect(output.contains("\u{1B}]8;;\(url)\u{1B}\\") == expected, "OSC 8 link for \(term) \(options)")
        #expect(output.contains("\u{1B}[?2026h") == expected, "synchronized output for \(term) \(options)")
        #expect(output.contains("\u{1B}[?2026l") == expected)
    }

    @Test func unusableTermsStayRefusedWithAReason() async throws {
        let session = try TmuxSession(width: 80, height: 24, environment: "TERM=dumb")
        #expect(try await session.exitStatus() == 2)
    }
}
