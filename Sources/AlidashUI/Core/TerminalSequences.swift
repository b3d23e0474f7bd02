/// Escape sequences the dashboard writes besides what ncurses draws: the clipboard (OSC 52), links
/// (OSC 8) and synchronized output (DEC mode 2026). Built here, without a terminal, so tests read them.
public enum TerminalSequences {
    /// The longest text `y` copies; a selected figure is far shorter.
    public static let clipboardLimit = 4096

    /// Sets the system clipboard to `text` (OSC 52, base64, so no byte of the text reaches the terminal
    /// as itself).
    public static func clipboard(_ text: String) -> String {
        "\u{1B}]52;c;" + base64(Array(text.utf8.prefix(clipboardLimit))) + "\u{07}"
    }

    public static let beginSynchronizedUpdate = "\u{1B}[?2026h"
    public static let endSynchronizedUpdate = "\u{1B}[?2026l"

    /// A URL that may go into an OSC 8 link: printable ASCII only, so data can never end the sequence
    /// early or smuggle one of its own.
    public static func isLinkable(_ url: String) -> Bool {
        !url.isEmpty && url.utf8.count <= 2048 && url.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// Rewrites the cells of each link as an OSC 8 hyperlink over what ncurses drew (same text, underlined),
    /// the cursor and attributes saved and restored around it so ncurses' idea of the screen holds.
    public static func links(_ links: [Buffer.Link], in frame: Buffer) -> String {
        var output = ""
        for link in links where isLinkable(link.url) && link.y >= 0 && link.y < frame.height {
            let start = max(0, link.x), end = min(frame.width, link.x + link.width)
            guard start < end else { continue }
            var text = ""
            for x in start..<end where frame[x, link.y].width > 0 { text.append(frame[x, link.y].symbol) }
            guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else { continue }
            output += "\u{1B}7\u{1B}[\(link.y + 1);\(start + 1)H\u{1B}[4m\u{1B}]8;;\(link.url)\u{1B}\\" + text
                + "\u{1B}]8;;\u{1B}\\\u{1B}8"
        }
        return output
    }

    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func base64(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            let value = chunk.enumerated().reduce(0) { $0 | (Int($1.element) << (16 - 8 * $1.offset)) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }
}
