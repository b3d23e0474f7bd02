/// Text from data files or the command line, made safe to write to a terminal or a CSV file:
/// control characters (C0, DEL, C1, line/paragraph separators) become U+FFFD and bidi controls vanish,
/// so no escape sequence or reordering reaches whoever reads the output.
public enum InertText {
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029
    }

    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `text` with controls replaced and bidi controls removed; `keepNewlines` leaves "\n" alone.
    public static func make(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) || isBidiControl($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) { continue }
            if isControl(scalar), !(keepNewlines && scalar == "\n") {
                scalars.append("\u{FFFD}")
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
