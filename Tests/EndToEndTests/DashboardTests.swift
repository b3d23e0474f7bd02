import AlidashModel
import AlidashUI
import Foundation
import Testing
import TestSupport

/// The real binary in tmux: keys, overlays, resizes and quitting, each step checked on the captured screen.
@Suite("Dashboard in a terminal", .serialized)
struct DashboardTests {
    @Test func firstFrameShowsTabsAndOverviewFigures() async throws {
        let session = try TmuxSession()
        let screen = try await session.waitFor("220,000 m²")
        #expect(screen.count == 30)
        #expect(screen[0].contains("1 Overview") && screen[0].contains("6 Sources"))
        #expect(screen[29].contains("? help") && screen[29].contains("EN · as reported"))
        try await session.waitForActive(.overview)
    }

    @Test func everyKindOfKeySwitchesPanes() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        for pane in PaneID.allCases.reversed() {
            try session.type(String(pane.number))
            try await session.waitForActive(pane)
        }
        for pane in PaneID.allCases.dropFirst() {
            try session.press("Tab")
            try await session.waitForActive(pane)
        }
        try session.press("Tab") // wraps around
        try await session.waitForActive(.overview)
        // Back from the first pane wraps to the last; left and right step between it and the one before.
        let panes = PaneID.allCases
        let last = panes[panes.count - 1], beforeLast = panes[panes.count - 2]
        try session.press("BTab")
        try await session.waitForActive(last)
        try session.press("Left")
        try await session.waitForActive(beforeLast)
        try session.press("Right")
        try await session.waitForActive(last)
        try session.type("h")
        try await session.waitForActive(beforeLast)
        try session.type("l")
        try await session.waitForActive(last)
    }

    /// Only changed cells are written: after each step the terminal must hold exactly the frame the
    /// app state renders, with nothing left over from the frame before.
    /// In a locale without UTF-8 the frame is the ASCII rendering, folded cell by cell.
    @Test(arguments: [("", Language.en, false), ("LANG=de_DE.UTF-8", .de, false), ("LANG=C LC_ALL=C", .en, true)])
    func terminalHoldsExactlyTheRenderedFrame(environment: String, language: Language, ascii: Bool) async throws {
        let session = try TmuxSession(environment: environment)
        var app = TestData.app(width: 100, height: 30, language: language, glyphs: ascii ? .ascii : .unicode)
        func frame() -> [String] { ascii ? ASCIIFolding.fold(app.render()).lines : app.render().lines }
        try await session.waitForScreen("the first frame") { $0 == frame() }
        let steps: [(keys: String, key: Key)] = [("3", .character("3")), ("t", .character("t")), ("2", .character("2")),
                                                 ("6", .character("6")), ("j", .character("j")), ("4", .character("4")),
                                                 ("?", .character("?")), ("Escape", .escape), ("5", .character("5")),
                                                 ("1", .character("1"))]
        for step in steps {
            _ = app.update(.key(step.key))
            try session.press(step.keys)
            let expected = frame()
            try await session.waitForScreen("the frame after \(step.keys)") { $0 == expected }
        }
        for (width, height) in [(60, 15), (120, 40), (100, 30)] {
            _ = app.update(.resize(width: width, height: height))
            try session.resize(width: width, height: height)
            let expected = frame()
            try await session.waitForScreen("the frame at \(width)x\(height)") { $0 == expected }
        }
    }

    @Test func helpOpensAndEscapeClosesItWithoutDelay() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        try session.type("?")
        try await session.waitFor("Go to pane by number")
        let pressed = ContinuousClock.now
        try session.press("Escape")
        try await session.waitForGone("Go to pane by number")
        // ncurses waits a whole second after Esc by default; alidash sets 25 ms.
        #expect(ContinuousClock.now - pressed < .milliseconds(600))
    }

    @Test func commandLineJumpsAndCompletes() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        try session.type(":revenue")
        try await session.waitFor(":revenue")
        try session.press("Enter")
        try await session.waitForActive(.revenue)
        try session.type(":hu")
        try session.press("Tab")
        try await session.waitForScreen("the completed command") { $0.last?.hasPrefix(":hubs") == true }
        try session.press("Enter")
        try await session.waitForActive(.hubs)
    }

    @Test(.enabled(if: PaneID.hubs.entry.features.contains(.filter), "the Hubs pane has no list filter yet"))
    func filterNarrowsTheHubs() async throws {
        let session = try TmuxSession(arguments: ["--pane", "hubs"])
        let names = TestData.bundled.hubs.map { $0.name.english }
        let before = try await session.waitForScreen("hub names") { screen in
            names.filter { name in screen.contains { $0.contains(name) } }.count > 1
        }
        let kept = try #require(names.first { name in before.contains { $0.contains(name) } })
        try session.type("/" + kept)
        let after = try await session.waitFor("/" + kept)
        let paneRows = after.dropFirst().dropLast()
        let visible = names.filter { name in paneRows.contains { $0.contains(name) } }
        #expect(visible.contains(kept))
        #expect(visible.count < names.filter { name in before.contains { $0.contains(name) } }.count)
    }

    @Test func currencyKeyShowsUSD() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        try session.type("c")
        try await session.waitFor("Currency: RMB")
        try session.type("c")
        try await session.waitFor("Currency: USD")
        try session.press("Escape")
        try await session.waitForScreen("USD in the status line") { $0.last?.contains("EN · USD") == true }
    }

    @Test func resizeRedrawsAtEachSize() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        try session.type("3")
        try await session.waitForActive(.revenue)
        for (width, height) in [(60, 15), (100, 30), (60, 15), (100, 30)] {
            try session.resize(width: width, height: height)
            let tabs = TabBar.layout(width: width, language: .en, active: .revenue).map { $0.text.trimmingCharacters(in: .whitespaces) }
            let screen = try await session.waitForScreen("a \(width)x\(height) frame") { screen in
                screen.count == height && tabs.allSatisfy { screen[0].contains($0) } && screen[height - 1].contains("q quit")
            }
            #expect(screen.allSatisfy { TerminalText.width(of: $0) <= width })
            try await session.waitForActive(.revenue)
        }
    }

    @Test func resizeStormEndsAtTheLastSize() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        for step in 0..<120 {
            try session.resize(width: 1 + step % 150, height: 1 + step % 45)
        }
        try session.resize(width: 90, height: 25)
        try await session.waitForScreen("a 90x25 frame") { screen in
            screen.count == 25 && screen[0].contains("\(PaneID.allCases.count) Check") && screen[24].contains("q quit")
        }
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func clickingATabSwitchesToIt() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        // A key handled first: the terminal's answers to the start's questions are read before any key,
        // and a click that arrives while they are awaited is not kept (keys are; see the README).
        try session.type("2")
        try await session.waitForActive(.hubs)
        let tab = try #require(TabBar.layout(width: 100, language: .en).first { $0.pane == .revenue })
        try session.clickX10(x: tab.columns.lowerBound + 2, y: 0)
        try await session.waitForActive(.revenue)
    }

    @Test func tooSmallWindowSaysWhatItNeedsAndRecovers() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        try session.resize(width: 30, height: 8)
        try await session.waitFor("Window too small")
        try await session.waitFor("need \(AppState.minimumWidth)×\(AppState.minimumHeight)")
        try session.resize(width: 100, height: 30)
        try await session.waitFor("220,000 m²")
        try await session.waitForActive(.overview)
    }

    @Test func quitRestoresTheTerminal() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
        let modes = try await session.terminalModesAfterExit()
        #expect(modes.contains("icanon") && modes.contains("echo") && modes.contains("icrnl"))
    }

    @Test func controlCQuits() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        try session.press("C-c")
        #expect(try await session.exitStatus() == 0)
        #expect(try await session.terminalModesAfterExit().contains("icanon"))
    }

    @Test func asciiLocaleFoldsInsteadOfDroppingLetters() async throws {
        let session = try TmuxSession(environment: "LANG=C LC_ALL=C")
        let screen = try await session.waitFor("220,000 m2")
        #expect(screen.joined().allSatisfy { $0.isASCII })
        #expect(screen[0].contains("1 Overview |"))
        #expect(screen.contains { $0.contains("Liege") })
    }
}

@Suite("Output economy", .serialized)
struct OutputTests {
    @Test func idleDashboardWritesNothing() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        let log = session.folder.file("output")
        try session.tmux(["pipe-pane", "-t", "main", "-o", "cat >> " + TmuxSession.quoted(log)])
        // Four input timeouts pass: none of them may redraw.
        try await Task.sleep(for: .milliseconds(1_100))
        #expect((session.folder.read("output") ?? "").isEmpty)
        try session.type("2")
        try await session.waitForActive(.hubs)
        #expect(!(session.folder.read("output") ?? "").isEmpty)
    }
}

@Suite("Colours", .serialized)
struct ColourTests {
    /// True when the captured screen sets a foreground or background colour (not the terminal's default).
    static func hasColour(_ styled: String) -> Bool {
        styled.matches(of: /\x1B\[([0-9;]*)m/).contains { match in
            match.output.1.split(separator: ";").contains { parameter in
                guard let code = Int(parameter) else { return false }
                return (30...38).contains(code) || (40...48).contains(code) || (90...107).contains(code)
            }
        }
    }

    @Test(arguments: [
        ("", [String](), true),
        ("NO_COLOR=1", [], false),
        ("", ["--color", "never"], false),
        ("NO_COLOR=1", ["--color", "always"], true),
    ])
    func colourFollowsNoColorAndTheOption(environment: String, arguments: [String], coloured: Bool) async throws {
        let session = try TmuxSession(arguments: arguments, environment: environment)
        try await session.waitForActive(.overview)
        #expect(Self.hasColour(try session.styledScreen()) == coloured)
    }
}
