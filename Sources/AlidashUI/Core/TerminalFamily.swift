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
        let manyColours = name.contains("256") || name.contains("direct") || name.contains("truecolor")
            || ["kitty", "alacritty", "ghostty", "foot", "wezterm", "contour", "rio"].contains { name.contains($0) }
        if name.hasPrefix("tmux") || name.hasPrefix("screen") {
            return manyColours ? "screen-256color" : "screen"
        }
        guard xtermCompatible.contains(where: { name == $0 || name.hasPrefix($0 + "-") || ($0.hasSuffix("-") && name.hasPrefix($0)) }) else {
            return nil
        }
        return manyColours ? "xterm-256color" : "xterm"
    }
}
