import AlidashModel
import AlidashUI
import Foundation
import Testing

/// The real binary in a real terminal: a private tmux server per test (its socket in the test's own
/// folder, so nothing is left in /tmp; no config), a window of a
/// given size, and helpers that wait for the screen to show something (polling, never fixed sleeps).
final class TmuxSession {
    /// How long any expected screen may take to appear.
    static let patience: Duration = .seconds(10)

    /// The private tmux server's socket.
    let socket: String
    let folder: TemporaryDirectory
    /// Kept alive until the dashboard has ended, since it writes its state there on the way out.
    let home: TemporaryDirectory?
    private(set) var width: Int
    private(set) var height: Int

    /// Starts `alidash ARGUMENTS` in a `width`×`height` window. The pane runs
    /// `alidash …; echo $? > status; stty -a > stty`, so the exit status and the terminal's modes after
    /// the program are kept (tmux 3.3a sometimes loses a pane's own exit status). `environment` is put
    /// before the command (`env -u TERM` works too); `pid` holds the program's process id.
    /// Settings and remembered state live in `home` (`config/alidash/config.toml`, `state/alidash/state.json`),
    /// by default the test's own folder, so no test reads the user's files or leaves any behind.
    /// `serverOptions` are tmux options (name, value) set on the server before the window opens, as
    /// `window-style` for the background tmux reports when asked (OSC 11).
    init(width: Int = 100, height: Int = 30, arguments: [String] = [], environment: String = "", home: TemporaryDirectory? = nil,
         serverOptions: [(String, String)] = []) throws {
        folder = try TemporaryDirectory()
        self.home = home
        socket = folder.file("tmux.sock")
        self.width = width
        self.height = height
        let program = ([try Binary.path()] + arguments).map(Self.quoted).joined(separator: " ")
        let dir = Self.quoted(folder.path)
        let settingsHome = Self.quoted(home?.path ?? folder.path)
        // The pane's shell catches Ctrl-C (as an interactive shell would) so it lives on to record the status;
        // a caught signal is reset to its default in the program.
        let script = """
            trap : INT; env ALIDASH_CONFIG= XDG_CONFIG_HOME=\(settingsHome)/config XDG_STATE_HOME=\(settingsHome)/state \
            env \(environment) sh -c 'echo $$ > \(dir)/pid; exec "$0" "$@"' \(program); \
            echo $? > \(dir)/status; stty -a > \(dir)/stty; exec sleep 600
            """
        let options = serverOptions.flatMap { ["set-option", "-g", $0.0, $0.1, ";"] }
        try tmux((options.isEmpty ? [] : ["start-server", ";"] + options)
                 + ["new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height), "sh", "-c", script])
    }

    deinit {
        _ = try? Spawn.run(["tmux", "-S", socket, "kill-server"])
        // The hung-up dashboard still writes its state into the folder: wait (at most 5 s) until it has
        // ended, or the folder is removed first and its state folder comes back in /tmp.
        guard let text = folder.read("pid"), let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return }
        for _ in 0..<250 where ProcessTable.isRunning(pid) { usleep(20_000) }
    }

    // MARK: - Driving

    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let result = try Spawn.run(["tmux", "-S", socket, "-f", "/dev/null"] + arguments)
        guard result.status == 0 else {
            throw SpawnError(description: "tmux \(arguments.joined(separator: " ")) failed: \(result.errors)")
        }
        return result.text
    }

    /// Sends keys by tmux name ("Enter", "Escape", "BTab", "Up", "C-c") or as literal text.
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

    /// A left-button press at a zero-based cell, in the X10 mouse encoding the terminal types announce.
    func clickX10(x: Int, y: Int) throws {
        let encode = { (value: Int) in String(UnicodeScalar(UInt8(32 + value))) }
        try type("\u{1B}[M" + encode(0) + encode(x + 1) + encode(y + 1))
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
        self.width = width
        self.height = height
    }

    /// Closes the pane, as when the terminal window or SSH connection goes away.
    func killPane() throws { try tmux(["kill-pane", "-t", "main"]) }

    // MARK: - Reading

    /// The screen as text, one string per row.
    func screen() throws -> [String] {
        try tmux(["capture-pane", "-p", "-t", "main"]).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }

    /// The screen with its SGR escapes, to tell the active tab from the others.
    func styledScreen() throws -> String { try tmux(["capture-pane", "-p", "-e", "-t", "main"]) }

    /// The program's process id, once it started.
    func programID() async throws -> pid_t {
        let text = try await waitForFile("pid")
        return try #require(pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// The program's exit status, once it ended.
    func exitStatus() async throws -> Int32 {
        let text = try await waitForFile("status")
        return try #require(Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)))
    }

    /// `stty -a` of the pane right after the program ended.
    func terminalModesAfterExit() async throws -> Set<String> {
        let text = try await waitForFile("stty")
        return Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
    }

    // MARK: - Waiting

    /// Polls the screen until `condition` holds; fails with the last screen after `patience`.
    @discardableResult
    func waitForScreen(_ what: String, sourceLocation: SourceLocation = #_sourceLocation,
                       _ condition: ([String]) throws -> Bool) async throws -> [String] {
        let deadline = ContinuousClock.now + Self.patience
        var last: [String] = []
        while ContinuousClock.now < deadline {
            last = try screen()
            if try condition(last) { return last }
            try await Task.sleep(for: .milliseconds(15))
        }
        Issue.record(Comment(rawValue: "timed out waiting for \(what); the screen was:\n" + last.joined(separator: "\n")),
                     sourceLocation: sourceLocation)
        throw SpawnError(description: "timed out waiting for \(what)")
    }

    /// Waits until `text` is on screen.
    @discardableResult
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> [String] {
        try await waitForScreen("\"\(text)\"", sourceLocation: sourceLocation) { screen in
            screen.contains { $0.contains(text) }
        }
    }

    /// Waits until `text` is no longer on screen.
    func waitForGone(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await waitForScreen("\"\(text)\" to go", sourceLocation: sourceLocation) { screen in
            !screen.contains { $0.contains(text) }
        }
    }

    /// Waits until the tab of `pane` is the active one.
    func waitForActive(_ pane: PaneID, language: Language = .en, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let deadline = ContinuousClock.now + Self.patience
        while ContinuousClock.now < deadline {
            if try activePane(language: language) == pane { return }
            try await Task.sleep(for: .milliseconds(15))
        }
        let screen = try screen().joined(separator: "\n")
        Issue.record(Comment(rawValue: "timed out waiting for pane \(pane); active: \(String(describing: try activePane(language: language)))\n"
                                 + screen), sourceLocation: sourceLocation)
        throw SpawnError(description: "timed out waiting for pane \(pane)")
    }

    /// The active tab: the one whose number is drawn in the tab's own style. Inactive tabs draw their
    /// number in another style, so in the captured escapes their text is broken by an SGR sequence.
    func activePane(language: Language = .en) throws -> PaneID? {
        let firstRow = try styledScreen().split(separator: "\n").first.map(String.init) ?? ""
        // Which tab reads whole, for each pane that could be active (narrow windows title only the active
        // one); tmux drops the last tab's trailing blank.
        let active = PaneID.allCases.filter { pane in
            guard let tab = TabBar.layout(width: width, language: language, active: pane).first(where: { $0.pane == pane })
            else { return false }
            var text = Substring(tab.text)
            while text.last == " " { text = text.dropLast() }
            return firstRow.contains(text)
        }
        return active.count == 1 ? active[0] : nil
    }

    private func waitForFile(_ name: String) async throws -> String {
        let deadline = ContinuousClock.now + Self.patience
        while ContinuousClock.now < deadline {
            // Written by `echo … > file`: wait for the whole line.
            if let text = folder.read(name), text.hasSuffix("\n") { return text }
            try await Task.sleep(for: .milliseconds(10))
        }
        let screen = ((try? screen()) ?? []).joined(separator: "\n")
        Issue.record(Comment(rawValue: "timed out waiting for \(name); the screen was:\n" + screen))
        throw SpawnError(description: "no \(name) file")
    }

    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The alidash binary under test: $ALIDASH_BINARY, else the debug build of this package.
enum Binary {
    static func path() throws -> String {
        if let path = ProcessInfo.processInfo.environment["ALIDASH_BINARY"], !path.isEmpty { return path }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent(".build/debug/alidash").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw SpawnError(description: "no alidash binary: run `swift build` first or set ALIDASH_BINARY")
    }
}

/// Whether a process still runs (a zombie counts as ended).
enum ProcessTable {
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)...].prefix(1)
        return state != "Z" && state != "X"
    }
}
