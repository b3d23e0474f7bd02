import AlidashUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether the dashboard can draw for a visitor's TERM, decided before it starts, so a refusal is worded
/// for the visitor (what to set on their side) rather than for someone at this machine.
public enum TerminalSupport {
    static let terminfoDirectories = ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]

    /// A name with a terminfo entry here, or one a compatible entry stands in for; never "dumb".
    public static func isDrawable(_ term: String) -> Bool {
        guard TerminalRequest.isSafeName(term), term != "dumb" else { return false }
        if TerminalFamily.fallback(for: term) != nil { return true }
        guard let first = term.unicodeScalars.first else { return false }
        let hex = String(first.value, radix: 16)
        return terminfoDirectories.contains { directory in
            access(directory + "/" + String(first) + "/" + term, R_OK) == 0 || access(directory + "/" + hex + "/" + term, R_OK) == 0
        }
    }

    /// What a visitor whose TERM cannot be drawn is told.
    public static func refusal(term: String) -> String {
        """
        alidash serve cannot draw on the terminal type TERM=\(term.isEmpty ? "(empty)" : term).
        Set a common one on your side and connect again, for example:
          TERM=xterm-256color ssh -t HOST
        """
    }
}
