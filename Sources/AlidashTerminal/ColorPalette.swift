import AlidashUI
import CNcursesw

/// Turns styles into ncurses attributes and colour pairs: one pair per distinct foreground/background
/// of the theme, set up once (after `start_color`); monochrome uses attributes only.
/// Both tables are short lists searched in order, not dictionaries: a dictionary keyed by a type of
/// ours makes the runtime search every conformance in the binary on first use (about 60 µs each).
struct ColorPalette {
    private let theme: Theme
    private var pairs: [Pair] = []
    private var looks: [Look] = []
    /// -1 (the terminal's own colours) when `use_default_colors` works, else white on black.
    private var defaultForeground: Int16 = -1
    private var defaultBackground: Int16 = -1

    private struct Pair {
        var key: PairKey
        var number: Int16
    }

    struct Look {
        var style: Style
        var attributes: attr_t
        var pair: Int16
        /// The same in the terms of a frame written without ncurses (`ScreenPainter`).
        var painted: ScreenPainter.Look
    }

    /// Whether colour pair 0 and the terminal's own colours (-1) are the same (`use_default_colors`).
    private(set) var defaultColorsWork = true

    private struct PairKey: Equatable {
        var foreground: Int16
        var background: Int16
    }

    init(theme: Theme) {
        self.theme = theme
        guard theme.scheme != .monochrome else { return } // start_color was called for colour schemes
        if use_default_colors() != OK {
            defaultColorsWork = false
            defaultForeground = Int16(COLOR_WHITE)
            defaultBackground = Int16(COLOR_BLACK)
        }
        var next: Int16 = 1
        for role in Role.allCases {
            let key = pairKey(theme.appearance(for: Style(role)))
            guard pair(for: key) == nil, Int32(next) < alidash_color_pairs() else { continue }
            init_pair(next, key.foreground, key.background)
            pairs.append(Pair(key: key, number: next))
            next += 1
        }
    }

    /// The attributes and colour pair that draw `style`.
    mutating func look(for style: Style) -> Look {
        if let cached = looks.first(where: { $0.style == style }) { return cached }
        let appearance = theme.appearance(for: style)
        var attributes = alidash_a_normal()
        if appearance.bold { attributes |= alidash_a_bold() }
        if appearance.reverse { attributes |= alidash_a_reverse() }
        if appearance.underline { attributes |= alidash_a_underline() }
        if appearance.dim { attributes |= alidash_a_dim() }
        let pairNumber = pair(for: pairKey(appearance)) ?? 0
        let colors = pairs.first { $0.number == pairNumber }?.key ?? PairKey(foreground: -1, background: -1)
        let painted = ScreenPainter.Look(bold: appearance.bold, dim: appearance.dim, reverse: appearance.reverse,
                                         underline: appearance.underline, foreground: colors.foreground,
                                         background: colors.background)
        let look = Look(style: style, attributes: attributes, pair: pairNumber, painted: painted)
        looks.append(look)
        return look
    }

    private func pair(for key: PairKey) -> Int16? {
        pairs.first(where: { $0.key == key })?.number
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
