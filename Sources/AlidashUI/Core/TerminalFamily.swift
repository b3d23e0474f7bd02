/// What is known of a terminal from its TERM name alone, for terminals whose terminfo entry this system
/// may lack (Debian's base terminfo has no kitty, alacritty, ghostty, foot or wezterm entry).
public enum TerminalFamily {
    /// Names of terminals that speak xterm's language, by the start of their TERM name.
    static let xtermCompatible = ["xterm", "kitty", "alacritty", "ghostty", "foot", "wezterm", "st-", "st",
                                  "rxvt", "konsole", "gnome", "vte", "iterm", "contour", "mintty", "terminator",
                                  "tilix", "putty", "rio", "warp"]

    /// An entry to draw with when `term` has none here: xterm-256color (or xterm where the name does
    /// not promise 256 colours), screen-256color or screen for tmux and screen names; nil for names no
    /// entry can stand in for ("dumb", empty, or unknown families), which stay refused.
    public static func fallback(for term: String) -> String? {
        let name = term.lowercased()
        guard !name.isEmpty, name != "dumb", name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.+".contains($0) }) else {
            return nil
        }
        let manyColours = ["256", "direct", "truecolor", "kitty", "alacritty", "ghostty", "foot", "wezterm", "contour", "rio"]
            .contains { TerminalText.includes(name, $0) }
        if name.hasPrefix("tmux") || name.hasPrefix("screen") {
            return manyColours ? "screen-256color" : "screen"
        }
        guard xtermCompatible.contains(where: { name == $0 || name.hasPrefix($0 + "-") || ($0.hasSuffix("-") && name.hasPrefix($0)) }) else {
            return nil
        }
        return manyColours ? "xterm-256color" : "xterm"
    }
}

extension TerminalFamily {
    /// Environment variables that say more about the terminal than TERM does.
    public static let variables = ["TMUX", "STY", "TERM_PROGRAM", "VTE_VERSION", "WT_SESSION"]

    /// Terminals known to take OSC 8 hyperlinks and DEC mode 2026, by TERM name.
    static let modernTerms = ["kitty", "wezterm", "foot", "ghostty", "alacritty", "contour"]

    private static func isModern(_ term: String) -> Bool {
        let name = term.lowercased()
        return modernTerms.contains { TerminalText.includes(name, $0) }
    }

    /// Inside tmux or screen, which pass neither links nor synchronized output on here (tmux 3.3a).
    private static func isMultiplexed(term: String, environment: [String: String]) -> Bool {
        let name = term.lowercased()
        return !(environment["TMUX"] ?? "").isEmpty || !(environment["STY"] ?? "").isEmpty
            || name.hasPrefix("tmux") || name.hasPrefix("screen")
    }

    /// Whether URLs may be written as OSC 8 links: kitty, WezTerm, foot, Ghostty, Alacritty, iTerm2,
    /// VTE 0.50+ (GNOME Terminal), Windows Terminal; never inside tmux or screen, on the Linux console or
    /// an unknown terminal (a terminal that does not know OSC 8 may show it as text).
    public static func supportsHyperlinks(term: String, environment: [String: String]) -> Bool {
        guard !isMultiplexed(term: term, environment: environment) else { return false }
        if isModern(term) { return true }
        if ["iTerm.app", "WezTerm", "ghostty", "vscode"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        return !(environment["WT_SESSION"] ?? "").isEmpty
    }

    /// Whether frames may be wrapped in synchronized output (DEC mode 2026), so a terminal shows each whole.
    public static func supportsSynchronizedOutput(term: String, environment: [String: String]) -> Bool {
        guard !isMultiplexed(term: term, environment: environment) else { return false }
        if isModern(term) { return true }
        if ["iTerm.app", "WezTerm", "ghostty"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
        return !(environment["WT_SESSION"] ?? "").isEmpty
    }
}
