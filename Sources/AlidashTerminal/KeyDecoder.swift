import AlidashUI
import CNcursesw

/// Turns what `get_wch` returns into terminal-independent keys.
enum KeyDecoder {
    /// A character code (`get_wch` returned OK).
    static func key(forCharacter code: wint_t) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            // Ctrl-A … Ctrl-Z arrive as 1 … 26.
            return Unicode.Scalar(code + 96).map { .control(Character($0)) }
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A function key code (`get_wch` returned KEY_CODE_YES); resize and mouse are handled by the terminal.
    static func key(forFunctionKey code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        default:
            for number in 1...12 where code == alidash_key_f(Int32(number)) { return .function(number) }
            return nil
        }
    }
}
