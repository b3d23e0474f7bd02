import AlidashUI
import CNcursesw

/// Turns styles into ncurses attributes and colour pairs: one pair per distinct foreground/background
/// of the theme, set up once (after `start_color`); monochrome uses attributes only.
struct ColorPalette {
    private let theme: Theme
    private var pairs: [PairKey: Int16] = [:]
    private var looks: [Style: (attr_t, Int16)] = [:]
    /// -1 (the terminal's own colours) when `use_default_colors` works, else white on black.
    private var defaultForeground: Int16 = -1
    private var defaultBackground: Int16 = -1

    private struct PairKey: Hashable {
        var foreground: Int16
        var background: Int16
    }

    init(theme: Theme) {
        self.theme = theme
        guard theme.scheme != .monochrome else { return } // start_color was called for colour schemes
        if use_default_colors() != OK {
            defaultForeground = Int16(COLOR_WHITE)
            defaultBackground = Int16(COLOR_BLACK)
        }
        var next: Int16 = 1
        for role in Role.allCases {
            let key = pairKey(theme.appearance(for: Style(role)))
            guard pairs[key] == nil, Int32(next) < alidash_color_pairs() else { continue }
            init_pair(next, key.foreground, key.background)
            pairs[key] = next
            next += 1
        }
    }

    /// The attributes and colour pair that draw `style`.
    mutating func look(for style: Style) -> (attr_t, Int16) {
        if let cached = looks[style] { return cached }
        let look = theme.appearance(for: style)
        var attributes = alidash_a_normal()
        if look.bold { attributes |= alidash_a_bold() }
        if look.reverse { attributes |= alidash_a_reverse() }
        if look.underline { attributes |= alidash_a_underline() }
        if look.dim { attributes |= alidash_a_dim() }
        let pair = pairs[pairKey(look)] ?? 0
        looks[style] = (attributes, pair)
        return (attributes, pair)
    }

    private func pairKey(_ look: Appearance) -> PairKey {
        PairKey(foreground: number(look.foreground, default: defaultForeground),
                background: number(look.background, default: defaultBackground))
    }

    private func number(_ color: Color, default defaultColor: Int16) -> Int16 {
        switch color {
        case .terminalDefault: return defaultColor
        case .basic(let index), .indexed(let index): return Int16(index)
        }
    }
}
