import AlidashUI
import Testing

@Suite("Terminals without a terminfo entry")
struct TerminalFamilyTests {
    @Test(arguments: [("xterm-kitty", "xterm-256color"), ("alacritty", "xterm-256color"), ("xterm-ghostty", "xterm-256color"),
                      ("foot", "xterm-256color"), ("wezterm", "xterm-256color"), ("st-256color", "xterm-256color"),
                      ("rxvt-unicode-256color", "xterm-256color"), ("xterm-direct", "xterm-256color"), ("st", "xterm"),
                      ("tmux-256color", "screen-256color"), ("tmux", "screen"), ("screen.xterm-256color", "screen-256color")])
    func compatibleNamesFallBack(term: String, fallback: String) {
        #expect(TerminalFamily.fallback(for: term) == fallback)
    }

    @Test(arguments: ["", "dumb", "DUMB", "unknown-thing", "vt52", "xterm\u{1B}[31m", "../../etc/passwd"])
    func unusableOrUnknownNamesStayRefused(term: String) {
        #expect(TerminalFamily.fallback(for: term) == nil)
    }
}
