import AlidashModel
import AlidashUI
import Testing
import TestSupport

@Suite("Copy (OSC 52), links (OSC 8) and synchronized output")
struct ClipboardAndLinkTests {
    @Test func yCopiesTheSelectedSinglesDayYearWithItsSources() {
        var app = TestData.app(width: 80, height: 24, pane: .revenue)
        for _ in 0..<9 { _ = app.update(.key(.down)) } // 2018
        #expect(app.update(.key(.character("y"))) == .redraw)
        let text = app.takeClipboard()
        #expect(text == "Singles' Day 2018 (GMV): RMB 213.5 bn (USD 30.8 bn) [S31, S32, S33]")
        #expect(app.takeClipboard() == nil, "copied once")
        #expect(app.render().line(23).contains("Copied: Singles' Day 2018"))
    }

    @Test func yCopiesAQuarterBesideAmazonsAndASourcesURL() {
        var app = TestData.app(width: 80, height: 24, pane: .revenue)
        _ = app.update(.key(.character("s")))
        _ = app.update(.key(.character("y")))
        let quarter = app.takeClipboard() ?? ""
        #expect(quarter.hasPrefix("Alibaba revenue FY2017 Q1 (Apr–Jun 2016): RMB 32,154 m (USD 4,838 m) [S58]; Amazon"), "\(quarter)")
        var sources = TestData.app(width: 80, height: 24, pane: .sources)
        _ = sources.update(.key(.character("y")))
        #expect(sources.takeClipboard() == TestData.bundled.sources[0].url)
        var overview = TestData.app(width: 80, height: 24)
        _ = overview.update(.key(.character("y")))
        #expect(overview.takeClipboard() == nil)
        #expect(overview.render().line(23).contains("Nothing selected to copy here"))
    }

    @Test func theClipboardSequenceIsOneOSC52WithTheTextInBase64() {
        let sequence = TerminalSequences.clipboard("RMB 213.5 bn [S31]")
        #expect(sequence == "\u{1B}]52;c;Uk1CIDIxMy41IGJuIFtTMzFd\u{07}")
        #expect(TerminalSequences.clipboard("a\u{1B}]0;x\u{07}").filter { $0 == "\u{1B}" }.count == 1, "the text's own ESC is encoded")
        #expect(TerminalSequences.clipboard("") == "\u{1B}]52;c;\u{07}")
        #expect(TerminalSequences.clipboard("ab") == "\u{1B}]52;c;YWI=\u{07}")
    }

    @Test func theSourcesPaneMarksItsURLAsALink() {
        let app = TestData.app(width: 80, height: 24, pane: .sources)
        let frame = app.render()
        let url = TestData.bundled.sources[0].url
        #expect(!frame.links.isEmpty && frame.links.allSatisfy { $0.url == url })
        let written = TerminalSequences.links(frame.links, in: frame)
        #expect(written.contains("\u{1B}]8;;\(url)\u{1B}\\"))
        #expect(written.components(separatedBy: "\u{1B}]8;;\u{1B}\\").count - 1 == frame.links.count, "every link closed")
        // Help drawn over the pane covers the link: none is written then.
        var help = app
        _ = help.update(.key(.character("?")))
        #expect(help.render().links.isEmpty)
    }

    @Test func dataCannotSmuggleEscapesThroughALink() {
        #expect(!TerminalSequences.isLinkable("https://example.org/\u{1B}]8;;evil"))
        #expect(!TerminalSequences.isLinkable("https://example.org/a b"))
        #expect(TerminalSequences.isLinkable("https://example.org/a%20b"))
    }

    @Test(arguments: [("xterm-kitty", true), ("wezterm", true), ("foot", true), ("xterm-ghostty", true), ("alacritty", true),
                      ("vt100", false), ("linux", false), ("xterm", false), ("tmux-256color", false), ("screen", false)])
    func linksAndSynchronizedOutputOnlyWhereTheTerminalTakesThem(term: String, supported: Bool) {
        #expect(TerminalFamily.supportsHyperlinks(term: term, environment: [:]) == supported)
        #expect(TerminalFamily.supportsSynchronizedOutput(term: term, environment: [:]) == supported)
        #expect(!TerminalFamily.supportsHyperlinks(term: term, environment: ["TMUX": "/tmp/tmux-0/default,1,0"]))
    }

    @Test func gnomeTerminalAndITermAreKnownByTheirVariables() {
        #expect(TerminalFamily.supportsHyperlinks(term: "xterm-256color", environment: ["VTE_VERSION": "7006"]))
        #expect(TerminalFamily.supportsHyperlinks(term: "xterm-256color", environment: ["TERM_PROGRAM": "iTerm.app"]))
        #expect(!TerminalFamily.supportsHyperlinks(term: "xterm-256color", environment: ["VTE_VERSION": "3405"]))
    }
}
