import AlidashModel
import AlidashUI
import Foundation
import Testing

/// The settings file and the remembered state with the real binary: each session's files live in a
/// folder of the test's own (`TmuxSession(home:)`).
@Suite("Settings and remembered state", .serialized)
struct SettingsEndToEndTests {
    /// --theme auto: the background the terminal reports (tmux answers OSC 11 with its window style),
    /// asked once the first frame is out, picks the theme's shades and is remembered, so the next start
    /// draws its first frame for it.
    @Test func theReportedBackgroundPicksTheThemeAndIsRemembered() async throws {
        let home = try TemporaryDirectory()
        var screens: [String: String] = [:]
        for (colour, background) in [("#ffffff", "light"), ("#000000", "dark"), ("#fdf6e3", "light")] {
            let session = try TmuxSession(arguments: ["--pane", "overview"], home: home,
                                          serverOptions: [("window-style", "bg=\(colour)")])
            try await session.waitForActive(.overview)
            // Keys are read only once the answers are in: the pane switched to is drawn in the theme chosen.
            try session.type("2")
            try await session.waitForActive(.hubs)
            screens[background] = try session.styledScreen()
            try session.type("q")
            #expect(try await session.exitStatus() == 0)
            let saved = try JSONDecoder().decode(RememberedState.self,
                                                 from: Data(contentsOf: URL(fileURLWithPath: home.file("state/alidash/state.json"))))
            #expect(saved.background == background, "after a window of \(colour)")
        }
        #expect(screens["light"] != screens["dark"], "light and dark shades differ")
    }

    private func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test func configChoosesLanguagePaneAndQuitKeyAndTheStateReopensWhereItWasLeft() async throws {
        let home = try TemporaryDirectory()
        try write("""
            [general]
            language = "de"
            pane = "hubs"

            [keys]
            quit = ["x"]
            """, to: home.file("config/alidash/config.toml"))
        let first = try TmuxSession(home: home)
        try await first.waitForActive(.hubs, language: .de)
        try await first.waitFor("Weltkarte")
        // The status line and help name the remapped key; q is no longer quit.
        let screen = try await first.waitFor("x Ende")
        #expect(!screen.last!.contains("q Ende"))
        try first.type("q")
        try first.type("3")
        try await first.waitForActive(.revenue, language: .de)
        try first.type("x")
        #expect(try await first.exitStatus() == 0)

        let statePath = home.file("state/alidash/state.json")
        var info = stat()
        #expect(stat(statePath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let saved = try JSONDecoder().decode(RememberedState.self, from: Data(contentsOf: URL(fileURLWithPath: statePath)))
        #expect(saved.pane == "revenue" && saved.language == "de")

        let second = try TmuxSession(home: home)
        try await second.waitForActive(.revenue, language: .de)
        try second.type("x")
        #expect(try await second.exitStatus() == 0)

        // An option says otherwise: --pane wins over the state, --no-state neither reads nor writes it.
        let third = try TmuxSession(arguments: ["--pane", "sources", "--no-state"], home: home)
        try await third.waitForActive(.sources, language: .de)
        try third.type("x")
        #expect(try await third.exitStatus() == 0)
        let after = try JSONDecoder().decode(RememberedState.self, from: Data(contentsOf: URL(fileURLWithPath: statePath)))
        #expect(after.pane == "revenue")
    }

    @Test func aBrokenConfigStartsWithDefaultsAndSaysWhereItIsWrongUntilTheNextKey() async throws {
        let home = try TemporaryDirectory()
        try write("[general]\nlangauge = \"de\"\npane = \"nowhere\"\n", to: home.file("config/alidash/config.toml"))
        let session = try TmuxSession(home: home)
        try await session.waitForActive(.overview)
        let screen = try await session.waitFor("config.toml:2:1: unknown setting 'langauge'")
        let status = screen.suffix(3).joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(status.contains("(+1 more: alidash config --check)") && status.contains("those settings keep their defaults"), "\(status)")
        try session.type("j")
        try await session.waitForGone("langauge")
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func aCorruptStateFileIsIgnoredWithANoticeAndReplacedAtExit() async throws {
        let home = try TemporaryDirectory()
        let statePath = home.file("state/alidash/state.json")
        try write("{\"pane\": \"revenue\", ", to: statePath)
        let session = try TmuxSession(home: home)
        try await session.waitForActive(.overview)
        try await session.waitFor("state.json is not usable JSON state; starting fresh")
        try session.type("2")
        try await session.waitForActive(.hubs)
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
        let saved = try JSONDecoder().decode(RememberedState.self, from: Data(contentsOf: URL(fileURLWithPath: statePath)))
        #expect(saved.pane == "hubs")

        // A file that is someone else's is left as it is.
        let foreign = "{\"format\": \"another program\"}\n"
        try write(foreign, to: statePath)
        let again = try TmuxSession(home: home)
        try await again.waitFor("state.json is not alidash's state")
        try again.type("q")
        #expect(try await again.exitStatus() == 0)
        #expect(home.read("state/alidash/state.json") == foreign)
    }

    @Test func watchReloadsTheConfigAndTheNewKeysWork() async throws {
        let home = try TemporaryDirectory()
        let configPath = home.file("config/alidash/config.toml")
        try write("[keys]\nquit = [\"x\"]\n", to: configPath)
        let session = try TmuxSession(arguments: ["--watch"], home: home)
        try await session.waitFor("x quit")
        try write("[keys]\nquit = [\"Q\"]\nnext_pane = [\"Tab\", \"n\"]\n", to: configPath)
        try await session.waitFor("Settings reloaded")
        try session.type("n")
        try await session.waitForActive(.hubs)
        try session.type("x") // no longer quit
        try session.type("Q")
        #expect(try await session.exitStatus() == 0)
    }

    @Test func configCommandPrintsTheDefaultFileChecksOneAndSaysWhereItLooks() throws {
        let home = try TemporaryDirectory()
        let binary = try Binary.path()
        var environment = Spawn.baseEnvironment
        environment["XDG_CONFIG_HOME"] = home.file("config")
        let defaults = try Spawn.run([binary, "config", "--default"], environment: environment)
        #expect(defaults.status == 0)
        #expect(defaults.text.contains("[general]") && defaults.text.contains("[keys]") && defaults.text.contains("quit"))
        try write(defaults.text, to: home.file("config/alidash/config.toml"))
        let clean = try Spawn.run([binary, "config", "--check"], environment: environment)
        #expect(clean.status == 0)
        #expect(clean.text == home.file("config/alidash/config.toml") + ": ok\n")

        try write("[general]\nmouse = \"yes\"\n\n[keys]\nquit = [\"q\"]\nhelp = [\"q\"]\nnope = [\"z\"]\n", to: home.file("bad.toml"))
        let bad = try Spawn.run([binary, "config", "--check", home.file("bad.toml")], environment: environment)
        #expect(bad.status == 78)
        let lines = bad.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines.first == "bad.toml:2:1: mouse is \"yes\"; expected true or false")
        #expect(lines.contains { $0.hasPrefix("bad.toml:7:1: unknown action 'nope'") })
        #expect(lines.contains { $0.hasPrefix("bad.toml:6:1: help keeps its default keys: q is already 'quit' (line 5)") })

        let path = try Spawn.run([binary, "config", "--path"], environment: environment)
        #expect(path.text == home.file("config/alidash/config.toml") + "\n")
    }
}
