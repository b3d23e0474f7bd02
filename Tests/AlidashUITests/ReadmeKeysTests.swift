import AlidashUI
import Foundation
import Testing

/// The README's key table is the key map written out: this fails (and prints the right table) when they drift.
@Suite("README keys")
struct ReadmeKeysTests {
    @Test func keyTableMatchesTheKeyMap() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Keys").dropFirst().first)
        let documented = section.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") }
        let expected = KeyMap.standard.bindings.map { "| `\($0.label)` | \($0.english) |" }
        #expect(documented == expected, Comment(rawValue: "README.md's key table should be:\n" + expected.joined(separator: "\n")))
    }

    /// The README names every pane of the registry, with the digits that reach them.
    @Test func paneListMatchesTheRegistry() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let expected = "Panes: " + PaneRegistry.names.map { "`\($0)`" }.joined(separator: ", ")
            + " (or `1`–`\(PaneRegistry.panes.count)`)."
        #expect(text.split(separator: "\n").contains { $0.hasPrefix(expected) },
                Comment(rawValue: "README.md should have the line:\n" + expected))
    }
}

/// The README's default settings file is what `alidash config --default` prints.
@Suite("README configuration")
struct ReadmeConfigurationTests {
    @Test func defaultFileMatches() throws {
        let readme = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "## Configuration").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```toml\n").dropFirst().first?.components(separatedBy: "```").first)
        #expect(block == SettingsFile.defaultText, Comment(rawValue: "README.md's default file should be:\n" + SettingsFile.defaultText))
    }
}
