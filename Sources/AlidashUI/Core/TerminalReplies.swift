/// What a terminal answered to the start-up questions: its background colour (OSC 11), whether it takes
/// synchronized output (DECRQM for mode 2026), and its device attributes (DA1), which every terminal
/// answers, so the answer to DA1 ends the wait instead of a timeout.
public struct TerminalReplies: Sendable, Equatable {
    public static let query = "\u{1B}]11;?\u{1B}\\" + "\u{1B}[?2026$p" + "\u{1B}[c"

    public var background: Theme.Background?
    public var synchronizedOutput: Bool?
    /// DA1 came back: every answer the terminal will give is in.
    public var complete = false

    public init(_ bytes: [UInt8]) {
        if let start = Self.find(Array("\u{1B}]11;rgb:".utf8), in: bytes) {
            let rest = bytes[start...].prefix { Self.isHexDigit($0) || $0 == UInt8(ascii: "/") }
            let parts = rest.split(separator: UInt8(ascii: "/"))
            let levels = parts.compactMap { part -> Double? in
                guard !part.isEmpty, part.count <= 4 else { return nil }
                let value = part.reduce(0) { $0 * 16 + Self.hexValue($1) }
                return Double(value) / Double((1 << (4 * part.count)) - 1)
            }
            if parts.count == 3, levels.count == 3 {
                let luminance = 0.2126 * levels[0] + 0.7152 * levels[1] + 0.0722 * levels[2]
                background = luminance > 0.5 ? .light : .dark
            }
        }
        if let start = Self.find(Array("\u{1B}[?2026;".utf8), in: bytes), start + 2 < bytes.count,
           bytes[start + 1] == UInt8(ascii: "$"), bytes[start + 2] == UInt8(ascii: "y") {
            synchronizedOutput = bytes[start] == UInt8(ascii: "1") || bytes[start] == UInt8(ascii: "2")
        }
        // DA1: ESC [ ? digits and semicolons, then c.
        var from = 0
        while let start = Self.find(Array("\u{1B}[?".utf8), in: bytes, from: from) {
            var end = start
            while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == UInt8(ascii: ";") { end += 1 }
            if end > start, end < bytes.count, bytes[end] == UInt8(ascii: "c") {
                complete = true
                break
            }
            from = start
        }
    }

    /// The bytes of `bytes` that are not answers: keys typed while the answers were awaited (the first
    /// frame is on screen by then), to be read as keys. Left out: OSC strings (ESC ] … BEL or ESC \\) and
    /// CSI ? … c or $ y, none of which a key sends; a sequence cut off at the end is left out too.
    public static func typed(_ bytes: [UInt8]) -> [UInt8] {
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == 0x1B, index + 1 < bytes.count else {
                kept.append(bytes[index])
                index += 1
                continue
            }
            if bytes[index + 1] == UInt8(ascii: "]") {
                // An OSC answer ends at BEL or at ESC \.
                var end = index + 2
                while end < bytes.count, bytes[end] != 0x07, !(bytes[end] == 0x1B && end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\\")) {
                    end += 1
                }
                index = end >= bytes.count ? bytes.count : end + (bytes[end] == 0x07 ? 1 : 2)
                continue
            }
            if bytes[index + 1] == UInt8(ascii: "["), index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: "?") {
                var end = index + 3
                while end < bytes.count, (bytes[end] >= 0x30 && bytes[end] <= 0x39) || bytes[end] == UInt8(ascii: ";") { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "$") { end += 1 }
                if end >= bytes.count { break } // cut off: an answer still coming
                if bytes[end] == UInt8(ascii: "c") || bytes[end] == UInt8(ascii: "y") {
                    index = end + 1
                    continue
                }
            }
            kept.append(bytes[index])
            index += 1
        }
        return kept
    }

    /// What keys typed while the answers were awaited (`typed`) give back to the key reader, in order:
    /// a byte as itself, an escape sequence as the key code `keyCode` knows it by (ncurses' `key_defined`;
    /// nil for none, and for a mouse report, whose bytes follow its prefix), a lone Esc at the end as Esc.
    /// An escape sequence not known ends it: what follows could be the rest of it, read as keys. At most
    /// `limit` keys.
    public static func keys(typed: [UInt8], limit: Int, keyCode: ([UInt8]) -> Int32?) -> [Int32] {
        var keys: [Int32] = []
        var index = 0
        while index < typed.count, keys.count < limit {
            guard typed[index] == 0x1B else {
                keys.append(Int32(typed[index]))
                index += 1
                continue
            }
            guard index + 1 < typed.count else {
                keys.append(0x1B)
                break
            }
            // The shortest known sequence from here (ncurses' key_defined also takes a known key followed
            // by anything as that key, so shortest first). Key sequences are short: 16 bytes is plenty.
            var end = index + 2
            var known: Int32?
            while end <= min(typed.count, index + 16) {
                if let code = keyCode(Array(typed[index..<end])) {
                    known = code
                    break
                }
                end += 1
            }
            guard let known else { break }
            keys.append(known)
            index = end
        }
        return keys
    }

    /// Where the bytes after the first `pattern` at or after `from` start.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int = 0) -> Int? {
        guard pattern.count <= bytes.count, from <= bytes.count - pattern.count else { return nil }
        for index in from...(bytes.count - pattern.count) where bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
            return index + pattern.count
        }
        return nil
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        switch byte {
        case 0x30...0x39: return Int(byte - 0x30)
        case 0x41...0x46: return Int(byte - 0x41 + 10)
        default: return Int(byte - 0x61 + 10)
        }
    }
}
