/// Keys and actions by the names the config file uses ("C-c", "Tab", "next_pane").
public enum KeyNames {
    private static let named: [(String, Key)] = [
        ("Tab", .tab), ("BTab", .backTab), ("S-Tab", .backTab), ("Enter", .enter), ("Esc", .escape),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right), ("PgUp", .pageUp), ("PgDn", .pageDown),
        ("Home", .home), ("End", .end), ("Backspace", .backspace), ("Delete", .delete), ("Space", .character(" ")),
    ]

    /// "q", "G", "C-c", "Tab", "PgDn", "F5"…; nil for anything else.
    public static func key(_ name: String) -> Key? {
        if let match = named.first(where: { $0.0.lowercased() == name.lowercased() }) { return match.1 }
        if name.count == 1, let character = name.first, !character.isWhitespace, character.isASCII || character.isLetter {
            return .character(character)
        }
        if name.hasPrefix("C-"), name.count == 3, let character = name.last, character.isLetter, character.isASCII {
            return .control(Character(character.lowercased()))
        }
        if name.hasPrefix("F"), let number = Int(name.dropFirst()), (1...12).contains(number) { return .function(number) }
        return nil
    }

    public static func name(_ key: Key) -> String {
        if let match = named.first(where: { $0.1 == key }) { return match.0 }
        switch key {
        case .character(let character): return String(character)
        case .control(let character): return "C-" + String(character)
        case .function(let number): return "F\(number)"
        default: return "?"
        }
    }

    /// Every action a key can be given, by its config name; `goToPane` is the digits 1…N, not remappable.
    public static let actions: [(String, Action)] = [
        ("quit", .quit), ("redraw", .redraw), ("help", .help), ("command_line", .commandLine), ("filter", .filter),
        ("next_pane", .nextPane), ("previous_pane", .previousPane), ("move_up", .moveUp), ("move_down", .moveDown),
        ("page_up", .pageUp), ("page_down", .pageDown), ("top", .top), ("bottom", .bottom), ("open", .open),
        ("close", .close), ("copy", .copy), ("currency", .cycleCurrency), ("table", .toggleView),
        ("language", .cycleLanguage), ("section", .switchSection), ("log_scale", .toggleScale),
    ]

    public static func action(_ name: String) -> Action? { actions.first { $0.0 == name }?.1 }
    public static func name(_ action: Action) -> String? { actions.first { $0.1 == action }?.0 }
}

extension KeyMap {
    /// The key map with the keys of some actions replaced; help's label is written from the new keys.
    public func remapped(_ keys: [Action: [Key]]) -> KeyMap {
        KeyMap(bindings: bindings.map { binding in
            guard let replacement = keys[binding.action], !replacement.isEmpty else { return binding }
            var changed = binding
            changed.keys = replacement
            changed.label = replacement.map(KeyNames.name).joined(separator: " ")
            return changed
        })
    }

    /// The name of the first key of `action`, for hints ("q"); nil when no key does it.
    public func keyName(for action: Action) -> String? {
        bindings.first { $0.action == action }?.keys.first.map(KeyNames.name)
    }
}
