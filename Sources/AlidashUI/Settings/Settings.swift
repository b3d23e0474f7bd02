import AlidashModel

/// What the user's settings file may choose; nil where it says nothing (the default, or what an option
/// or the environment chose, applies).
public struct Settings: Sendable, Equatable {
    public var language: Language?
    public var pane: PaneID?
    public var currency: Currency?
    /// "never", "auto" or "always".
    public var color: String?
    public var theme: ThemeChoice?
    public var mouse: Bool?
    public var logScale: Bool?
    /// New keys for some actions; the others keep theirs.
    public var keys: [Action: [Key]] = [:]
    /// A foreground per meaning, from `[theme.colors]`.
    public var colors: [Role: Color] = [:]

    public init() {}

    /// The key map with these settings' keys.
    public var keyMap: KeyMap { KeyMap.standard.remapped(keys) }
}

/// A problem in a settings file, where it is and what was expected.
public struct SettingsProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// Reads `config.toml`: every problem is reported with its line, and what is wrong falls back to the
/// default, so a bad file never stops the dashboard.
public enum SettingsFile {
    /// Larger files are refused unread.
    public static let maximumSize = 64 * 1024

    public static func read(_ text: String, file: String) -> (settings: Settings, problems: [SettingsProblem]) {
        var settings = Settings()
        var problems: [SettingsProblem] = []
        // Lines that cannot be read are problems like any other; the lines that can still apply.
        let (entries, syntaxErrors) = TOMLSubset.parseAll(text)
        let syntaxProblems = syntaxErrors.map { SettingsProblem(file: file, line: $0.line, column: $0.column, message: $0.message) }
        func problem(_ entry: TOMLSubset.Entry, _ message: String) {
            problems.append(SettingsProblem(file: file, line: entry.line, column: entry.column, message: message))
        }
        func string(_ entry: TOMLSubset.Entry, _ choices: [String]) -> String? {
            if case .string(let text) = entry.value, choices.contains(text) { return text }
            problem(entry, "\(entry.key) is \(entry.value.written); expected one of " + choices.map { "\"\($0)\"" }.joined(separator: ", "))
            return nil
        }
        func bool(_ entry: TOMLSubset.Entry) -> Bool? {
            if case .bool(let value) = entry.value { return value }
            problem(entry, "\(entry.key) is \(entry.value.written); expected true or false")
            return nil
        }
        var keyLines: [(Action, [Key], TOMLSubset.Entry)] = []
        for entry in entries {
            switch (entry.table, entry.key) {
            case ("general", "language"):
                settings.language = string(entry, Language.allCases.map(\.rawValue)).flatMap(Language.init(rawValue:))
            case ("general", "pane"):
                settings.pane = string(entry, PaneRegistry.names).flatMap(PaneID.init(word:))
            case ("general", "currency"):
                settings.currency = string(entry, ["reported", "rmb", "usd", "eur"]).flatMap { Currency(rawValue: $0.uppercased()) }
            case ("general", "color"):
                settings.color = string(entry, ["never", "auto", "always"])
            case ("general", "theme"):
                settings.theme = string(entry, ThemeChoice.allCases.map(\.rawValue)).flatMap(ThemeChoice.init(rawValue:))
            case ("general", "mouse"):
                settings.mouse = bool(entry)
            case ("general", "log_scale"):
                settings.logScale = bool(entry)
            case ("keys", let name):
                guard let action = KeyNames.action(name) else {
                    problem(entry, "unknown action '\(name)'" + SettingsFile.suggestion(for: name, among: KeyNames.actions.map(\.0))
                            + "; expected one of " + KeyNames.actions.map(\.0).joined(separator: ", "))
                    continue
                }
                let names: [TOMLSubset.Value]
                switch entry.value {
                case .array(let values): names = values
                case .string: names = [entry.value]
                default: names = []
                }
                var keys: [Key] = []
                for value in names {
                    guard case .string(let keyName) = value, let key = KeyNames.key(keyName) else {
                        problem(entry, "\(name): \(value.written) is not a key name; expected a key such as \"q\", \"C-c\", \"Tab\", \"PgDn\", \"F5\"")
                        keys = []
                        break
                    }
                    keys.append(key)
                }
                guard !keys.isEmpty else {
                    if names.isEmpty { problem(entry, "\(name) needs a key or a list of keys") }
                    continue
                }
                keyLines.append((action, keys, entry))
            case ("theme.colors", let name):
                guard let role = ColorNames.role(name) else {
                    problem(entry, "unknown meaning '\(name)'" + SettingsFile.suggestion(for: name, among: ColorNames.roles.map(\.0))
                            + "; expected one of " + ColorNames.roles.map(\.0).joined(separator: ", "))
                    continue
                }
                guard let color = ColorNames.color(entry.value) else {
                    problem(entry, "\(name) is \(entry.value.written); expected a colour name (\"red\", \"bright-blue\", \"default\"), 0–255 or \"#rrggbb\"")
                    continue
                }
                settings.colors[role] = color
            case ("general", _), ("keys", _):
                problem(entry, "unknown setting '\(entry.key)' in [\(entry.table)]"
                        + SettingsFile.suggestion(for: entry.key, among: SettingsFile.generalNames))
            default:
                problem(entry, entry.table.isEmpty ? "'\(entry.key)' belongs in a table: [general], [keys] or [theme.colors]"
                        : "unknown table [\(entry.table)]; the tables are [general], [keys] and [theme.colors]")
            }
        }
        // One key, one action. A key given to an action on an earlier line, or still held by an action the
        // file does not remap, is a conflict, reported on the line that gives it a second time.
        let remapped = Set(keyLines.map(\.0))
        var claimed: [Key: (action: Action, line: Int)] = [:]
        for (action, keys, entry) in keyLines {
            var clash: [String] = []
            for key in keys {
                let name = KeyNames.name(key)
                if case .character(let character) = key, let digit = character.wholeNumberValue, KeyMap.paneDigits.contains(digit) {
                    clash.append("\(name) goes to pane \(digit)")
                } else if let earlier = claimed[key], earlier.action != action {
                    clash.append("\(name) is already '\(KeyNames.name(earlier.action) ?? "")' (line \(earlier.line))")
                } else if let holder = KeyMap.standard.bindings.first(where: {
                    $0.action != action && !remapped.contains($0.action) && $0.keys.contains(key)
                }) {
                    clash.append("\(name) is also '\(KeyNames.name(holder.action) ?? "")' (give that action other keys too)")
                }
            }
            if clash.isEmpty {
                settings.keys[action] = keys
                for key in keys where claimed[key] == nil { claimed[key] = (action, entry.line) }
            } else {
                problem(entry, "\(KeyNames.name(action) ?? "") keeps its default keys: " + clash.joined(separator: "; "))
            }
        }
        return (settings, (syntaxProblems + problems).sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    static let generalNames = ["language", "pane", "currency", "color", "theme", "mouse", "log_scale"]

    /// " (did you mean 'language'?)" for a name one or two edits away from a known one, else "".
    static func suggestion(for name: String, among names: [String]) -> String {
        let close = names.map { ($0, editDistance(name, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        return close.map { " (did you mean '\($0.0)'?)" } ?? ""
    }

    /// Levenshtein distance, with a swap of two neighbours counted as one edit ("langauge").
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.prefix(64)), b = Array(b.prefix(64))
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1) }
            }
        }
        return table[a.count][b.count]
    }

    /// The complete default file, a comment per setting: `alidash config --default > config.toml` is a start.
    public static var defaultText: String {
        var lines = [
            "# alidash settings (alidash config --check tells what is wrong in this file).",
            "# What wins: options on the command line, then where the dashboard was left (state.json;",
            "# --no-state ignores it), then the environment (LC_ALL, LC_MESSAGES, LANG, NO_COLOR),",
            "# then this file, then the defaults written below.",
            "",
            "[general]",
            "language = \"en\"      # en | de (a locale that names one wins: LANG=de_DE.UTF-8)",
            "pane = \"overview\"    # the pane to start on: " + PaneRegistry.names.joined(separator: ", "),
            "currency = \"reported\" # how figures open: reported | rmb | usd | eur",
            "color = \"auto\"       # never | auto | always",
            "theme = \"auto\"       # auto | dark | light | mono",
            "mouse = true",
            "log_scale = false    # the Singles' Day chart on a log scale",
            "",
            "[keys]               # each action and its keys; digits 1–\(PaneRegistry.panes.count) always go to a pane",
        ]
        for (name, action) in KeyNames.actions {
            guard let binding = KeyMap.standard.bindings.first(where: { $0.action == action }) else { continue }
            let keys = binding.keys.map { "\"" + KeyNames.name($0) + "\"" }.joined(separator: ", ")
            lines.append(name.padding(to: 14) + "= [" + keys + "]" + String(repeating: " ", count: max(1, 24 - keys.count)) + "# " + binding.english)
        }
        lines += [
            "",
            "# A foreground colour per meaning: a name (black, red, green, yellow, blue, magenta, cyan, white,",
            "# bright-red …, default), 0–255, or \"#rrggbb\" (as the nearest of the 256). Indexes above 15 and",
            "# \"#rrggbb\" need a 256-colour terminal; the mono theme uses none. Uncomment to use:",
            "[theme.colors]",
        ]
        for (name, _) in ColorNames.roles { lines.append("# " + name.padding(to: 14) + "= " + ColorNames.example(name)) }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

extension AppState {
    /// The settings file changed while the dashboard runs: the keys follow it, and so do the language,
    /// currency and scale where the file changed them (what the user chose with keys otherwise stays).
    mutating func applyChangedSettings(old: Settings, new: Settings) {
        keyMap = new.keyMap
        if new.language != old.language { language = new.language ?? language }
        if new.currency != old.currency { currency = new.currency }
        if new.logScale != old.logScale { setLogScale(new.logScale ?? false) }
    }
}

/// What the status line says about the settings file.
public enum SettingsNotice {
    /// The first problem, how many more there are, and that the defaults stand in; nil when there are none.
    /// `file` is the settings file given with --config, so the hint checks that file, not the default one.
    public static func text(for problems: [SettingsProblem], language: Language, file: String? = nil) -> String? {
        guard let first = problems.first else { return nil }
        let german = language == .de
        let check = "alidash config --check" + (file.map { " " + $0 } ?? "")
        let more = problems.count < 2 ? ""
            : german ? " (+\(problems.count - 1) weitere: \(check))" : " (+\(problems.count - 1) more: \(check))"
        // Only what is wrong keeps its default; every other setting of the file applies.
        let kept = problems.count < 2
            ? (german ? "; diese Einstellung bleibt beim Standard" : "; that setting keeps its default")
            : (german ? "; diese Einstellungen bleiben beim Standard" : "; those settings keep their defaults")
        return first.description + more + kept
    }

    /// Reloaded without problems; what only a new start applies, when it changed.
    static func reloaded(old: Settings, new: Settings, language: Language) -> String {
        let german = language == .de
        let later = new.theme != old.theme || new.color != old.color || new.mouse != old.mouse
        return (german ? "Einstellungen neu geladen" : "Settings reloaded")
            + (later ? (german ? " (Farben, Thema und Maus beim nächsten Start)" : " (colours, theme and mouse at the next start)") : "")
    }
}

/// Meanings and colours by the names `[theme.colors]` uses.
public enum ColorNames {
    /// Every meaning, by its name in the file ("border_focus").
    public static let roles: [(String, Role)] = Role.allCases.map { (snakeCase(String(describing: $0)), $0) }

    public static func role(_ name: String) -> Role? { roles.first { $0.0 == name }?.1 }

    private static let basic = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// "red", "bright-red" (or "bright_red"), "default", 0–255 or "#rrggbb" (the nearest xterm colour).
    public static func color(_ value: TOMLSubset.Value) -> Color? {
        switch value {
        case .integer(let index): return (0...255).contains(index) ? .indexed(UInt8(index)) : nil
        case .string(let text):
            let name = text.lowercased().replacingUnderscores()
            if name == "default" { return .terminalDefault }
            if let index = basic.firstIndex(of: name) { return .basic(UInt8(index)) }
            if name.hasPrefix("bright-"), let index = basic.firstIndex(of: String(name.dropFirst(7))) { return .basic(UInt8(index + 8)) }
            if name.hasPrefix("#"), name.count == 7, let rgb = Int(name.dropFirst(), radix: 16) {
                return .indexed(nearestIndex(red: rgb >> 16 & 0xFF, green: rgb >> 8 & 0xFF, blue: rgb & 0xFF))
            }
            return nil
        default: return nil
        }
    }

    /// The nearest colour of xterm's 6×6×6 cube or its grey ramp.
    static func nearestIndex(red: Int, green: Int, blue: Int) -> UInt8 {
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ value: Int) -> Int { levels.indices.min { abs(levels[$0] - value) < abs(levels[$1] - value) } ?? 0 }
        let (r, g, b) = (level(red), level(green), level(blue))
        func distance(_ x: (Int, Int, Int)) -> Int {
            (x.0 - red) * (x.0 - red) + (x.1 - green) * (x.1 - green) + (x.2 - blue) * (x.2 - blue)
        }
        let cube = (levels[r], levels[g], levels[b])
        let average = (red + green + blue) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + greyStep * 10
        return distance((grey, grey, grey)) < distance(cube) ? UInt8(232 + greyStep) : UInt8(16 + 36 * r + 6 * g + b)
    }

    /// A value to show in the default file (as TOML): what the dark 256-colour theme uses, roughly.
    static func example(_ name: String) -> String {
        let text: String
        switch name {
        case "title", "border_focus": text = "cyan"
        case "tab_number", "status_key", "header", "accent", "map_marker": text = "yellow"
        case "positive": text = "green"
        case "negative", "map_selected": text = "red"
        case "tab_active", "selection": return "16"
        case "status_bar", "status_error": return "255"
        case "warning", "bar_primary": text = "#ffaf5f"
        case "unverified": text = "magenta"
        case "source", "bar_secondary": text = "blue"
        case "dim", "border", "tab_inactive", "label", "bar_muted", "map_land": return "245"
        default: text = "default"
        }
        return "\"" + text + "\""
    }

    private static func snakeCase(_ name: String) -> String {
        var result = ""
        for character in name {
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
        return result
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
