import AlidashUI
import Testing

@Suite struct ThemeTests {
    /// With eight colours, 7 is white and 0 black: text in either vanishes on a background of that colour.
    @Test func eightColoursNeverDrawTextInWhiteOrBlackOnTheTerminalsBackground() {
        let theme = Theme(scheme: .colors8)
        for role in Role.allCases {
            let look = theme.appearance(for: Style(role))
            guard look.background == .terminalDefault else { continue } // a colour of its own behind it
            #expect(look.foreground != .basic(7) && look.foreground != .basic(0), "\(role) is drawn in \(look.foreground)")
        }
        #expect(theme.appearance(for: Style(.label)).foreground == .terminalDefault)
        #expect(theme.appearance(for: Style(.dim)).dim, "dim text stays apart from normal text")
    }

    /// The light theme never draws text on the terminal's background in the pale shades the dark one uses.
    @Test(arguments: [Theme.Scheme.colors256, .colors16, .colors8])
    func lightBackgroundsGetDarkShades(scheme: Theme.Scheme) {
        let pale: Set<Color> = [.indexed(221), .indexed(215), .indexed(80), .indexed(114), .indexed(255), .indexed(245),
                                .indexed(203), .indexed(75), .indexed(176),
                                .basic(7), .basic(15), .basic(11), .basic(14), .basic(10), .basic(9), .basic(12), .basic(13)]
        let theme = Theme(scheme: scheme, background: .light)
        for role in Role.allCases {
            let look = theme.appearance(for: Style(role))
            guard look.background == .terminalDefault else { continue }
            #expect(!pale.contains(look.foreground), "\(role) is drawn in \(look.foreground) on a light background")
        }
    }

    @Test func autoReadsCOLORFGBG() {
        #expect(ThemeChoice.auto.background(environment: ["COLORFGBG": "0;15"]) == .light)
        #expect(ThemeChoice.auto.background(environment: ["COLORFGBG": "0;default;7"]) == .light)
        #expect(ThemeChoice.auto.background(environment: ["COLORFGBG": "15;0"]) == .dark)
        #expect(ThemeChoice.auto.background(environment: [:]) == .dark)
        #expect(ThemeChoice.light.background(environment: ["COLORFGBG": "15;0"]) == .light)
    }
}

@Suite struct TerminalRepliesTests {
    private func replies(_ text: String) -> TerminalReplies { TerminalReplies(Array(text.utf8)) }

    @Test func backgroundFromOSC11() {
        #expect(replies("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\").background == .light)
        #expect(replies("\u{1B}]11;rgb:0000/0000/0000\u{07}").background == .dark)
        #expect(replies("\u{1B}]11;rgb:28/2c/34\u{1B}\\").background == .dark, "two-digit components")
        #expect(replies("\u{1B}]11;rgb:fdf6/e3e3/c8c8\u{1B}\\").background == .light, "solarized light")
        #expect(replies("\u{1B}]11;rgb:zz/00/00\u{07}").background == nil)
        #expect(replies("").background == nil)
    }

    @Test func synchronizedOutputFromDECRPMAndTheEndFromDA1() {
        let kitty = replies("\u{1B}]11;rgb:0000/0000/0000\u{1B}\\\u{1B}[?2026;2$y\u{1B}[?62;c")
        #expect(kitty.synchronizedOutput == true && kitty.complete && kitty.background == .dark)
        let old = replies("\u{1B}[?2026;0$y\u{1B}[?1;2c")
        #expect(old.synchronizedOutput == false && old.complete)
        let partial = replies("\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\")
        #expect(!partial.complete && partial.synchronizedOutput == nil)
        #expect(!replies("\u{1B}[?c").complete, "DA1 has parameters")
    }

    /// Keys typed while the answers are awaited (the first frame is on screen by then) are kept, in order.
    @Test func keysTypedAmongTheAnswersAreKept() {
        func typed(_ text: String) -> String { String(decoding: TerminalReplies.typed(Array(text.utf8)), as: UTF8.self) }
        #expect(typed("2\u{1B}]11;rgb:ffff/ffff/ffff\u{1B}\\\u{1B}[?2026;2$yj\u{1B}[?62;22cq") == "2jq")
        #expect(typed("\u{1B}]11;rgb:0000/0000/0000\u{07}\u{1B}[A") == "\u{1B}[A", "an arrow key stays whole")
        #expect(typed("\u{1B}") == "\u{1B}", "a lone Esc is a key")
        #expect(typed("x\u{1B}]11;rgb:00") == "x", "an answer cut off is left out")
        #expect(typed("\u{1B}[?62;") == "", "so is a DA1 cut off")
        #expect(typed("") == "")
    }

    /// Typed keys go back as ncurses reads them: bytes as they are, escape sequences as key codes.
    @Test func typedKeysGoBackAsKeyCodes() {
        let known: [String: Int32] = ["\u{1B}[A": 259, "\u{1B}OB": 258, "\u{1B}[5~": 339, "\u{1B}[M": 409]
        func keys(_ text: String, limit: Int = 128) -> [Int32] {
            TerminalReplies.keys(typed: Array(text.utf8), limit: limit) { sequence in
                known[String(decoding: sequence, as: UTF8.self)].flatMap { $0 == 409 ? nil : $0 }
            }
        }
        #expect(keys("2\u{1B}[Aj") == [50, 259, 106], "an arrow between two keys")
        #expect(keys("\u{1B}OB\u{1B}[5~") == [258, 339], "two sequences in a row")
        #expect(keys("x\u{1B}[99zq") == [120], "an unknown sequence ends what is kept")
        #expect(keys("j\u{1B}[M !!k") == [106], "so does a mouse report")
        #expect(keys("k\u{1B}") == [107, 27], "a lone Esc at the end is Esc")
        #expect(keys("\u{1B}[5~x") == [339, 120], "a whole sequence, not a prefix of it")
        #expect(keys("jjjj", limit: 3) == [106, 106, 106])
        #expect(keys("") == [])
    }
}
