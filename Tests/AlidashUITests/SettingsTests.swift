import AlidashModel
@testable import AlidashUI
import Foundation
import Testing
import TestSupport

/// The settings file (its TOML subset, what each setting accepts, remapped keys and their conflicts),
/// what wins over what at start, and the remembered state.
@Suite struct SettingsTests {
    // MARK: - The TOML subset

    @Test func parsesTablesStringsBooleansNumbersListsAndComments() throws {
        let entries = try TOMLSubset.parse("""
            # a comment
            top = 1
            [general]   # trailing comment
            name = "a \\"quoted\\" word\\tand tab"
            literal = 'C:\\no\\escapes'
            on = true
            off = false
            count = -1_000
            [theme.colors]
            list = [
              "q",  # a comment inside a list
              'C-c',
            ]
            nested = [[1, 2], []]
            """)
        #expect(entries.map(\.table) == ["", "general", "general", "general", "general", "general", "theme.colors", "theme.colors"])
        #expect(entries[0].value == .integer(1))
        #expect(entries[1].value == .string("a \"quoted\" word\tand tab"))
        #expect(entries[2].value == .string("C:\\no\\escapes"))
        #expect(entries[3].value == .bool(true) && entries[4].value == .bool(false))
        #expect(entries[5].value == .integer(-1000))
        #expect(entries[6].value == .array([.string("q"), .string("C-c")]))
        #expect(entries[6].line == 10 && entries[6].column == 1)
        #expect(entries[7].value == .array([.array([.integer(1), .integer(2)]), .array([])]))
    }

    @Test(arguments: [
        ("[general]\nlanguage = \"de", 2, 15, "the string is not closed"),
        ("[general]\nlanguage \"de\"", 2, 10, "expected = after the key language"),
        ("a = 1\na = 2", 2, 1, "the key a is set twice"),
        ("[general\nx = 1", 1, 9, "expected ] to close the table name"),
        ("x = yes", 1, 5, "expected true, false, a number, a \"string\" or [a list]"),
        ("x = 1 2", 1, 7, "expected the end of the line"),
        ("x = [1, 2", 1, 10, "expected , or ] in the list"),
        ("x = \"\\q\"", 1, 7, "unknown escape \\q (use \\\" \\\\ \\n \\t)"),
        ("x = [[[[[1]]]]]", 1, 9, "lists nest at most 4 deep"),
        ("a.b = 1", 1, 2, "dotted keys are not used in this file; write a [table] header"),
        ("[[keys]]", 1, 2, "arrays of tables ([[…]]) are not used in this file"),
        ("x = {a = 1}", 1, 5, "inline tables are not used in this file"),
    ])
    func syntaxErrorsSayWhereAndWhatWasExpected(text: String, line: Int, column: Int, message: String) {
        #expect(throws: TOMLSubset.SyntaxError(line: line, column: column, message: message)) { try TOMLSubset.parse(text) }
    }

    @Test func deeplyNestedListsAreAnErrorNotACrash() {
        let text = "x = " + String(repeating: "[", count: 60_000)
        #expect(throws: TOMLSubset.SyntaxError.self) { try TOMLSubset.parse(text) }
    }

    // MARK: - Settings

    @Test func everyGeneralSettingIsRead() {
        let (settings, problems) = SettingsFile.read("""
            [general]
            language = "de"
            pane = "hubs"
            currency = "usd"
            color = "never"
            theme = "light"
            mouse = false
            log_scale = true
            """, file: "config.toml")
        #expect(problems.isEmpty)
        #expect(settings.language == .de && settings.pane == .hubs && settings.currency == .usd)
        #expect(settings.color == "never" && settings.theme == .light && settings.mouse == false && settings.logScale == true)
    }

    @Test func theDefaultFileReadsWithoutProblemsAndGivesTheStandardKeys() {
        let (settings, problems) = SettingsFile.read(SettingsFile.defaultText, file: "config.toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings.keyMap.bindings.map(\.keys) == KeyMap.standard.bindings.map(\.keys))
        // Every remappable action is in the default file, so it documents them all.
        for (name, _) in KeyNames.actions { #expect(SettingsFile.defaultText.contains("\n" + name + " ")) }
    }

    @Test func wrongValuesUnknownNamesAndTablesAreEachReportedWithTheirLine() {
        let (settings, problems) = SettingsFile.read("""
            [general]
            langauge = "de"
            language = "fr"
            mouse = "yes"
            pane = 3

            [keys]
            qiut = ["x"]
            help = ["Hyper-x"]
            copy = []

            [colours]
            x = 1
            """, file: "config.toml")
        #expect(settings == Settings())
        #expect(problems.map(\.description) == [
            "config.toml:2:1: unknown setting 'langauge' in [general] (did you mean 'language'?)",
            "config.toml:3:1: language is \"fr\"; expected one of \"en\", \"de\"",
            "config.toml:4:1: mouse is \"yes\"; expected true or false",
            "config.toml:5:1: pane is 3; expected one of " + PaneRegistry.names.map { "\"\($0)\"" }.joined(separator: ", "),
            "config.toml:8:1: unknown action 'qiut' (did you mean 'quit'?); expected one of "
                + KeyNames.actions.map(\.0).joined(separator: ", "),
            "config.toml:9:1: help: \"Hyper-x\" is not a key name; expected a key such as \"q\", \"C-c\", \"Tab\", \"PgDn\", \"F5\"",
            "config.toml:10:1: copy needs a key or a list of keys",
            "config.toml:13:1: unknown table [colours]; the tables are [general], [keys] and [theme.colors]",
        ])
    }

    @Test func aSyntaxErrorIsLocatedAndTheOtherLinesStillApply() {
        let text = "[general]\nlanguage = \"de\"\nmouse = tru\nlangauge = \"en\"\ntheme = \"light\"\n"
        let (settings, problems) = SettingsFile.read(text, file: "config.toml")
        #expect(settings.language == .de && settings.theme == .light && settings.mouse == nil)
        // Reading goes on after the line it cannot read: the problems after it are found as well.
        #expect(problems.map(\.description) == ["config.toml:3:9: expected true, false, a number, a \"string\" or [a list]",
                                                "config.toml:4:1: unknown setting 'langauge' in [general] (did you mean 'language'?)"])
        let (_, one) = SettingsFile.read("[general]\nmouse = tru\n", file: "config.toml")
        #expect(SettingsNotice.text(for: one, language: .en)
                == "config.toml:2:9: expected true, false, a number, a \"string\" or [a list]; that setting keeps its default")
    }

    @Test func everyActionCanBeRemapped() throws {
        // Each action gets a function key of its own, none of which the standard map uses.
        var text = "[keys]\n"
        for (index, entry) in KeyNames.actions.enumerated() where index < 12 { text += "\(entry.0) = [\"F\(index + 1)\"]\n" }
        let letters = Array("ABCDEFHIJKLMNOPRSUVWXY")
        for (index, entry) in KeyNames.actions.enumerated() where index >= 12 { text += "\(entry.0) = [\"C-\(letters[index - 12].lowercased())\"]\n" }
        let (settings, problems) = SettingsFile.read(text, file: "config.toml")
        #expect(problems.isEmpty, "\(problems)")
        let map = settings.keyMap
        for (index, entry) in KeyNames.actions.enumerated() {
            let key: Key = index < 12 ? .function(index + 1) : .control(Character(letters[index - 12].lowercased()))
            #expect(map.action(for: key) == entry.1, "\(entry.0)")
            // The old keys no longer do it.
            let standard = try #require(KeyMap.standard.bindings.first { $0.action == entry.1 })
            for old in standard.keys { #expect(map.action(for: old) != entry.1, "\(entry.0) still on \(old)") }
        }
    }

    @Test func aKeyForTwoActionsOrAPaneDigitIsAConflictOnTheLineThatGivesItAgain() {
        let (settings, problems) = SettingsFile.read("""
            [keys]
            quit = ["x"]
            help = ["x", "F1"]
            copy = ["j"]
            filter = ["3"]
            top = ["Home"]
            """, file: "config.toml")
        #expect(problems.map(\.description) == [
            "config.toml:3:1: help keeps its default keys: x is already 'quit' (line 2)",
            "config.toml:4:1: copy keeps its default keys: j is also 'move_down' (give that action other keys too)",
            "config.toml:5:1: filter keeps its default keys: 3 goes to pane 3",
        ])
        #expect(settings.keys == [.quit: [.character("x")], .top: [.home]])
        #expect(settings.keyMap.action(for: .character("?")) == .help)
        #expect(settings.keyMap.action(for: .character("x")) == .quit)
        #expect(settings.keyMap.action(for: .character("q")) == nil)
        // A key freed by remapping its action can be given to another one.
        let (swapped, none) = SettingsFile.read("[keys]\nmove_down = [\"Down\"]\ncopy = [\"j\"]\n", file: "config.toml")
        #expect(none.isEmpty)
        #expect(swapped.keyMap.action(for: .character("j")) == .copy)
    }

    @Test func helpAndTheStatusLineNameTheRemappedKeys() {
        let (settings, _) = SettingsFile.read("[keys]\nquit = [\"x\"]\nhelp = [\"F1\"]\n", file: "config.toml")
        var app = TestData.app(width: 100, height: 30)
        app.keyMap = settings.keyMap
        let status = app.render().lines.suffix(3).joined(separator: "\n")
        #expect(status.contains("x quit") && status.contains("F1 help"))
        #expect(!status.contains("q quit"))
        _ = app.update(.key(.function(1)))
        let help = app.render().lines.joined(separator: "\n")
        #expect(help.contains("x") && help.contains("Quit"))
        #expect(app.update(.key(.escape)) == .redraw)
        #expect(app.update(.key(.character("x"))) == .quit)
    }

    // MARK: - What wins at start

    @Test func optionsWinOverTheStateOverTheEnvironmentOverTheFileOverDefaults() {
        var file = Settings()
        file.language = .de
        file.pane = .hubs
        file.theme = .light
        file.color = "never"
        file.mouse = false
        var remembered = RememberedState()
        remembered.pane = "revenue"
        remembered.language = "en"

        let defaults = StartChoices()
        #expect(defaults == StartChoices(optionLanguage: nil))
        #expect(defaults.language == .en && defaults.pane == .overview && defaults.theme == .auto && defaults.color == "auto" && defaults.mouse)

        let fromFile = StartChoices(settings: file)
        #expect(fromFile.language == .de && fromFile.pane == .hubs && fromFile.theme == .light && fromFile.color == "never" && !fromFile.mouse)

        let environment = ["LANG": "en_GB.UTF-8"]
        #expect(StartChoices(environment: environment, settings: file).language == .en)
        // C.UTF-8 names no language, so the file's stands.
        #expect(StartChoices(environment: ["LANG": "C.UTF-8"], settings: file).language == .de)
        #expect(StartChoices(environment: ["LC_ALL": "de_AT.UTF-8", "LANG": "en_US.UTF-8"]).language == .de)

        let fromState = StartChoices(remembered: remembered, environment: ["LANG": "de_DE.UTF-8"], settings: file)
        #expect(fromState.language == .en && fromState.pane == .revenue)

        let fromOptions = StartChoices(optionLanguage: .de, optionPane: .sources, optionTheme: .mono, optionColor: "always",
                                       optionNoMouse: true, remembered: remembered, environment: environment, settings: file)
        #expect(fromOptions.language == .de && fromOptions.pane == .sources && fromOptions.theme == .mono)
        #expect(fromOptions.color == "always" && !fromOptions.mouse)
    }

    // MARK: - Remembered state

    @Test func theStateRoundTripsThroughJSON() throws {
        var app = TestData.app(width: 100, height: 30, pane: .hubs)
        for key in ["j", "j", "3", "z", "s", "j", "c", "c", "L", "6", "G", "5", "j", "7", "j", "j"] {
            _ = app.update(.key(.character(Character(key))))
        }
        let remembered = app.remembered
        #expect(remembered.pane == "check" && remembered.language == "de" && remembered.currency == "usd")
        #expect(remembered.logScale == true && remembered.view == "chart")
        #expect(remembered.selections?["hubs"] == TestData.bundled.hubs[2].id)
        #expect(remembered.selections?["revenue"]?.hasPrefix("quarter/FY") == true)
        #expect(remembered.selections?["sources"] == TestData.bundled.sources.last?.id)

        let json = try JSONEncoder().encode(remembered)
        let decoded = try #require(RememberedState(json: Array(json)))
        #expect(decoded == remembered)
        let choices = StartChoices(remembered: decoded)
        var restored = AppState(data: TestData.bundled, language: choices.language, width: 100, height: 30, pane: choices.pane)
        restored.restore(decoded)
        #expect(restored.remembered == remembered)
        #expect(restored.render().lines == app.render().lines)
    }

    @Test func aStateWithUnknownPanesEntriesOrValuesRestoresWhatItCan() throws {
        let json = """
            {"format": "alidash-state 1", "pane": "gone", "language": "xx", "currency": "hkd", "view": "table",
             "selections": {"hubs": "no-such-hub", "nowhere": "x", "timeline": "\(TestData.bundled.timeline.events[3].id)",
                            "revenue": "quarter/FY1900Q9"}, "extra": [1, 2]}
            """
        let decoded = try #require(RememberedState(json: Array(json.utf8)))
        #expect(decoded.startPane == nil && decoded.startLanguage == nil)
        #expect(decoded.startCurrency == nil)
        var app = TestData.app(width: 100, height: 30)
        app.restore(decoded)
        let remembered = app.remembered
        #expect(remembered.view == "table" && remembered.currency == "reported")
        #expect(remembered.selections?["hubs"] == TestData.bundled.hubs[0].id)
        #expect(remembered.selections?["timeline"] == TestData.bundled.timeline.events[3].id)
        #expect(remembered.selections?["revenue"] == "singles-day/\(TestData.bundled.singlesDay.years[0].year)")
    }

    @Test func corruptOrForeignStateDoesNotDecodeAsOurs() {
        for text in ["", "{", "[]", "{\"format\": 3}", "{\"format\": \"alidash-state 1\", \"pane\": 7}", "\u{0}\u{1}",
                     "{\"pane\": \"hubs\"}", "{\"format\": \"alidash-state 1\"} {}", "{\"format\": \"alidash-state 1\",}",
                     "{\"format\": \"alidash-state 1\", \"selections\": {\"hubs\": 1}}",
                     "{\"format\": \"a\\ud800\"}", "{\"format\": \"\t\"}", "{\"format\": \"alidash-state 1\", \"x\": 01}",
                     String(repeating: "[", count: 100) + String(repeating: "]", count: 100)] {
            #expect(RememberedState(json: Array(text.utf8)) == nil, "\(text)")
        }
        let foreign = RememberedState(json: Array("{\"format\": \"other\"}".utf8))
        #expect(foreign != nil && foreign?.format != RememberedState.currentFormat)
        let escaped = RememberedState(json: Array(#"{"format": "a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "extra": [1.5e3, -0, {"a": [true, false, null]}]}"#.utf8))
        #expect(escaped?.format == "a\"\\/\u{8}\u{C}\n\r\té😀")
    }

    /// The state's own reader against JSONDecoder (the oracle) on the file as written and on it damaged:
    /// bytes changed, cut short, doubled; both accept the same JSON texts and read the same state from them.
    @Test func theStateReaderAgreesWithJSONDecoder() throws {
        var app = TestData.app(width: 100, height: 30, pane: .hubs)
        for key in ["j", "3", "c", "L", "6", "G"] { _ = app.update(.key(.character(Character(key)))) }
        var remembered = app.remembered
        remembered.background = "dark"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // With a field of a later version, of every kind of value, which both skip.
        let written = String(decoding: try encoder.encode(remembered), as: UTF8.self)
        let original = Array(written.replacingOccurrences(of: "{", with: #"{"later": [10, -0.25e3, 7E+2, {"n": null, "t": true, "s": "\u00e9\n"}], "#,
                                                          options: [], range: written.range(of: "{")).utf8)
        var generator = SplitMix64(state: 16)
        let replacements = Array(#" {}[]":,\-0123456789eEtrufalsn.x"#.utf8) + [0x00, 0x0A, 0xC3, 0xA9, 0xFF]
        var agreed = 0
        for round in 0..<3_000 {
            var bytes = original
            switch round % 3 {
            case 0:
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    bytes[Int.random(in: 0..<bytes.count, using: &generator)] = replacements.randomElement(using: &generator)!
                }
            case 1: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &generator)))
            default:
                let cut = Int.random(in: 0..<bytes.count, using: &generator)
                bytes.insert(contentsOf: bytes[cut..<min(bytes.count, cut + Int.random(in: 1...12, using: &generator))], at: cut)
            }
            let ours = RememberedState(json: bytes)
            // JSONDecoder skips a field it does not need without checking it: the text must also be JSON
            // (JSONSerialization reads every value), or the reader refuses it.
            let isJSON = (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil
            let oracle = isJSON ? try? JSONDecoder().decode(RememberedState.self, from: Data(bytes)) : nil
            // A repeated key is taken differently by decoders (the text is not valid state either way).
            if ours != oracle, String(decoding: bytes, as: UTF8.self).components(separatedBy: "\"selections\"").count > 2 { continue }
            #expect(ours == oracle, "\(String(decoding: bytes, as: UTF8.self))")
            if ours == oracle { agreed += 1 }
        }
        #expect(RememberedState(json: original) == remembered)
        #expect(agreed > 2_900)
    }

    // MARK: - Reloading

    @Test func aChangedFileChangesKeysAndWhatTheFileChangedOnly() {
        var app = TestData.app(width: 100, height: 30)
        _ = app.update(.key(.character("c"))) // the user picked RMB with a key
        var old = Settings()
        old.language = .en
        var new = old
        new.language = .de
        new.keys = [.quit: [.character("x")]]
        new.theme = .light
        #expect(app.update(.settingsChanged(old: old, new: new, problems: [])) == .redraw)
        #expect(app.language == .de && app.currency == .rmb)
        #expect(app.keyMap.action(for: .character("x")) == .quit)
        #expect(app.render().lines.last?.contains("Einstellungen neu geladen (Farben, Thema und Maus beim nächsten Start)") == true)
        let problem = SettingsProblem(file: "config.toml", line: 2, column: 1, message: "unknown setting 'x' in [general]")
        _ = app.update(.settingsChanged(old: new, new: new, problems: [problem, problem]))
        let status = app.render().lines.suffix(3).joined(separator: "\n")
        #expect(status.contains("config.toml:2:1: unknown setting 'x' in [general] (+1 weitere"), "\(status)")
    }

    @Test func notQueueUntilTheNextKey() {
        var app = TestData.app(width: 100, height: 30)
        app.announce("first notice")
        app.announce("second notice")
        #expect(app.render().lines.last?.contains("first notice") == true)
        _ = app.update(.key(.character("j")))
        #expect(app.render().lines.last?.contains("second notice") == true)
        _ = app.update(.key(.character("j")))
        #expect(app.render().lines.last?.contains("notice") == false)
    }
}

/// `[theme.colors]`: a foreground per meaning, within what the terminal's scheme can show.
@Suite struct ThemeColorSettingsTests {
    @Test func namesIndexesAndHexColoursAreRead() {
        let (settings, problems) = SettingsFile.read("""
            [theme.colors]
            title = "magenta"
            border = "bright-black"
            value = "default"
            source = 33
            warning = "#ff8700"
            label = "#808080"
            """, file: "config.toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings.colors == [.title: .basic(5), .border: .basic(8), .value: .terminalDefault,
                                    .source: .indexed(33), .warning: .indexed(208), .label: .indexed(244)])
    }

    @Test func wrongMeaningsAndColoursAreReported() {
        let (settings, problems) = SettingsFile.read("[theme.colors]\ntitel = \"red\"\nsource = 300\nlabel = \"#12345\"\n", file: "c.toml")
        #expect(settings.colors.isEmpty)
        #expect(problems.map(\.line) == [2, 3, 4])
        #expect(problems[0].message.hasPrefix("unknown meaning 'titel' (did you mean 'title'?)"))
        #expect(problems[1].message == "source is 300; expected a colour name (\"red\", \"bright-blue\", \"default\"), 0–255 or \"#rrggbb\"")
    }

    @Test func theThemeUsesWhatTheSchemeCanShow() {
        let colors: [Role: Color] = [.title: .basic(5), .source: .indexed(33), .label: .indexed(12)]
        let full = Theme(scheme: .colors256, colors: colors)
        #expect(full.appearance(for: Style(.title)).foreground == .basic(5))
        #expect(full.appearance(for: Style(.title)).bold, "attributes stay the theme's")
        #expect(full.appearance(for: Style(.source)).foreground == .indexed(33))
        let sixteen = Theme(scheme: .colors16, colors: colors)
        #expect(sixteen.appearance(for: Style(.source)).foreground == Theme(scheme: .colors16).appearance(for: Style(.source)).foreground)
        #expect(sixteen.appearance(for: Style(.label)).foreground == .basic(12))
        let eight = Theme(scheme: .colors8, colors: colors)
        #expect(eight.appearance(for: Style(.label)).foreground == Theme(scheme: .colors8).appearance(for: Style(.label)).foreground)
        let mono = Theme(scheme: .monochrome, colors: colors)
        #expect(mono.appearance(for: Style(.title)).foreground == .terminalDefault)
    }

    @Test func theDefaultFileNamesEveryMeaning() {
        for (name, _) in ColorNames.roles { #expect(SettingsFile.defaultText.contains("\n# " + name + " ")) }
        // Uncommented, the examples read without problems.
        let uncommented = SettingsFile.defaultText.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in line.hasPrefix("# ") && line.contains(" = ") && !line.contains(",") ? String(line.dropFirst(2)) : String(line) }
            .joined(separator: "\n")
        let (settings, problems) = SettingsFile.read(uncommented, file: "config.toml")
        #expect(problems.isEmpty, "\(problems)")
        #expect(settings.colors.count == Role.allCases.count)
    }
}
