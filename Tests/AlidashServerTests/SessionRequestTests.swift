@testable import AlidashServer
import Testing

@Suite struct SessionRequestTests {
    // MARK: - Exec words

    @Test func allowedOptionsBecomeDashboardArguments() throws {
        let arguments = try #require(DashboardArguments(command: "hubs --lang de --color=never"))
        #expect(arguments == DashboardArguments(language: "de", color: "never", pane: "hubs"))
        #expect(arguments.commandLine == ["dashboard", "--no-config", "--no-state", "--lang", "de", "--color", "never", "--pane", "hubs"])
        #expect(DashboardArguments(command: "") == DashboardArguments())
        #expect(DashboardArguments(command: "  5\t--lang=en ")?.commandLine == ["dashboard", "--no-config", "--no-state", "--lang", "en", "--pane", "5"])
        #expect(DashboardArguments(command: "")?.commandLine == ["dashboard", "--no-config", "--no-state"])
    }

    @Test(arguments: [
        "rm -rf /", "sh", "/bin/sh -c id", "hubs; id", "$(id)", "`id`", "--lang fr", "--lang", "--color sometimes",
        "hubs hubs", "--lang en --lang de", "--data /etc", "--watch", "print overview", "--pane=hubs", "99",
        "hubs=1", String(repeating: "hubs ", count: 50),
    ])
    func anythingElseIsRefused(command: String) {
        #expect(DashboardArguments(command: command) == nil)
    }

    // MARK: - Terminal

    @Test func plainTerminalNamesAreAccepted() {
        for name in ["xterm-256color", "screen.xterm-256color", "rxvt-unicode+x", "vt100", "tmux_direct"] {
            #expect(TerminalRequest(term: name, columns: 80, rows: 24) != nil, "\(name)")
        }
    }

    @Test(arguments: ["", "../../tmp/evil", "/usr/share/terminfo/x/xterm", "xterm;id", "xterm 256", "-xterm",
                      "x\u{1b}[2J", String(repeating: "x", count: 65), "xtérm"])
    func unsafeTerminalNamesAreRefused(name: String) {
        #expect(TerminalRequest(term: name, columns: 80, rows: 24) == nil)
    }

    @Test func sizesAreBounded() throws {
        let huge = try #require(TerminalRequest(term: "xterm", columns: 100_000, rows: 70_000))
        #expect((huge.columns, huge.rows) == (1000, 500))
        let unknown = try #require(TerminalRequest(term: "xterm", columns: 0, rows: 0))
        #expect((unknown.columns, unknown.rows) == (80, 24))
    }

    // MARK: - Environment

    @Test func environmentIsBuiltFromScratch() {
        var environment = SessionEnvironment()
        let kept = [("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "en_GB.utf8@euro"), ("COLORTERM", "truecolor"), ("NO_COLOR", "1")]
            .map { environment.accept(name: $0.0, value: $0.1) }
        #expect(kept == [true, true, true, true])
        let dropped = [("PATH", "/tmp"), ("LD_PRELOAD", "/tmp/x.so"), ("TERM", "xterm"), ("HOME", "/"),
                       ("LANG", "../../tmp/locale"), ("LC_ALL", "C UTF-8"), ("LC_", "C"), ("LC_all", "C"),
                       ("COLORTERM", "\u{1b}]0;x"), ("NO_COLOR", "$(id)"), ("TERMINFO", "/tmp")]
            .filter { environment.accept(name: $0.0, value: $0.1) }
        #expect(dropped.isEmpty)
        #expect(environment.variables(term: "xterm-256color") == [
            "COLORTERM=truecolor", "LANG=de_DE.UTF-8", "LC_MESSAGES=en_GB.utf8@euro", "NO_COLOR=1",
            "PATH=/usr/bin:/bin", "SWIFT_BACKTRACE=enable=no", "TERM=xterm-256color",
        ])
    }

    // MARK: - Limits and statuses

    @Test func rateLimiterAllowsABurstThenRefillsPerMinute() {
        var limiter = ConnectionRateLimiter(perMinute: 3)
        let answers = [("10.0.0.1", 100.0), ("10.0.0.1", 100), ("10.0.0.1", 100), ("10.0.0.1", 100),
                       ("10.0.0.2", 100), ("10.0.0.1", 110), ("10.0.0.1", 121), ("10.0.0.1", 121)]
            .map { limiter.admit($0.0, now: $0.1) }
        // A burst of three, then none; another address has its own bucket; a token takes 20 s to come back.
        #expect(answers == [true, true, true, false, true, false, true, false])
    }

    @Test func waitStatusesAreDecoded() {
        #expect(ExitStatus(0) == .exited(0))
        #expect(ExitStatus(129 << 8) == .exited(129))
        #expect(ExitStatus(1) == .signaled(1))
        #expect(ExitStatus(9).signalName == "KILL")
        #expect(ExitStatus(9).description == "signal KILL")
        #expect(ExitStatus(2 << 8).description == "exit 2")
    }
}

@Suite("Which visitor terminals can be drawn")
struct TerminalSupportTests {
    @Test(arguments: ["xterm-256color", "xterm", "vt100", "linux", "screen", "xterm-kitty", "alacritty", "foot"])
    func drawable(term: String) {
        #expect(TerminalSupport.isDrawable(term))
    }

    @Test(arguments: ["dumb", "", "no-such-terminal-anywhere", "xterm;rm -rf /", "../../etc/passwd", "x\u{1B}[2J"])
    func refused(term: String) {
        #expect(!TerminalSupport.isDrawable(term))
    }

    @Test func theRefusalTellsTheVisitorWhatToSetOnTheirSide() {
        let text = TerminalSupport.refusal(term: "dumb")
        #expect(text.contains("TERM=dumb") && text.contains("TERM=xterm-256color ssh -t HOST"))
        #expect(!text.contains("alidash print"), "nothing to run on the server's machine")
    }
}
