import AlidashModel
import AlidashUI
import Foundation
import Testing
import TestSupport

/// Signals, hang-ups, unusable terminals, plain output and bad data: the binary must end cleanly,
/// leave the terminal sane and say clearly what went wrong.
@Suite("Signals, terminals and data errors", .serialized)
struct RobustnessTests {
    // MARK: - Signals and hang-up

    @Test(arguments: [(SIGTERM, "SIGTERM"), (SIGHUP, "SIGHUP"), (SIGQUIT, "SIGQUIT"), (SIGUSR1, "SIGUSR1"),
                      (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"), (SIGVTALRM, "SIGVTALRM"), (SIGXCPU, "SIGXCPU"),
                      (SIGPROF, "SIGPROF"), (SIGIO, "SIGIO"), (SIGXFSZ, "SIGXFSZ"), (SIGSTKFLT, "SIGSTKFLT"),
                      (SIGPWR, "SIGPWR")])
    func stopSignalEndsPromptlyAndRestoresTheTerminal(signal: Int32, name: String) async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        let pid = try await session.programID()
        let sent = ContinuousClock.now
        #expect(kill(pid, signal) == 0)
        #expect(try await session.exitStatus() == 128 + signal, "\(name)")
        #expect(ContinuousClock.now - sent < .seconds(1))
        let modes = try await session.terminalModesAfterExit()
        #expect(modes.contains("icanon") && modes.contains("echo"))
    }

    /// SIGPIPE is ignored (a write then fails with EPIPE): the dashboard goes on and quits normally.
    @Test func sigpipeIsIgnoredAndTheDashboardGoesOn() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        let pid = try await session.programID()
        #expect(kill(pid, SIGPIPE) == 0)
        try session.type("2")
        try await session.waitForActive(.hubs)
        #expect(ProcessTable.isRunning(pid))
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
        let modes = try await session.terminalModesAfterExit()
        #expect(modes.contains("icanon") && modes.contains("echo"))
    }

    /// ALIDASH_TRACE_START=FILE: the start-up marks, rising, written once the terminal has answered. Two
    /// threads make them (the terminal's set-up beside the data and the first render), so only the order
    /// within each thread, and the join before the first frame, is fixed.
    @Test func startTraceNotesEveryStepInOrder() async throws {
        let folder = try TemporaryDirectory()
        let session = try TmuxSession(arguments: ["--theme", "dark", "--no-sync"],
                                      environment: "ALIDASH_TRACE_START=\(folder.file("trace"))")
        try await session.waitForActive(.overview)
        // Written once the rest of the layout is drawn (and the terminal has answered): waited for.
        var trace = folder.read("trace")
        for _ in 0..<250 where trace?.hasSuffix("\n") != true {
            try await Task.sleep(for: .milliseconds(20))
            trace = folder.read("trace")
        }
        let lines = try #require(trace).split(separator: "\n")
        let names = lines.map { String($0[..<$0.lastIndex(of: " ")!]) }
        // Painted: written without ncurses' update, as tmux's terminal type allows (PaintedFrameTests).
        #expect(names.sorted() == ["arguments parsed", "data loaded", "first frame painted", "first frame ready",
                                   "first frame rendered", "first frame written", "main", "settings and state read",
                                   "terminal known by its name", "terminal ready"])
        let times = lines.compactMap { UInt64($0.split(separator: " ").last!) }
        #expect(times.count == names.count && times == times.sorted())
        func before(_ earlier: String, _ later: String) -> Bool {
            guard let first = names.firstIndex(of: earlier), let second = names.firstIndex(of: later) else { return false }
            return first < second
        }
        let mainThread = ["main", "arguments parsed", "settings and state read", "data loaded", "first frame rendered",
                          "first frame ready", "first frame written", "first frame painted"]
        for (earlier, later) in zip(mainThread, mainThread.dropFirst()) {
            #expect(before(earlier, later), "\(earlier) before \(later): \(names)")
        }
        #expect(before("settings and state read", "terminal ready"), "\(names)")
        #expect(before("terminal ready", "first frame ready"), "\(names)")
        // The terminal is asked (or, as here, known by its name) only once the first frame is out.
        #expect(before("first frame written", "terminal known by its name"), "\(names)")
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
    }

    /// A large --data folder: a loading screen with progress at once, q quits during the load with the
    /// terminal restored, and the dashboard follows when loading is done.
    @Test func largeDataShowsALoadingScreenThatQQuits() async throws {
        let folder = try TemporaryDirectory()
        let generator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../bench/gendata.py").path
        let made = try Spawn.run(["python3", generator, "--scale", "300", "--out", folder.file("big"),
                                  "--data", URL(fileURLWithPath: generator).deletingLastPathComponent().appendingPathComponent("../Data").path])
        #expect(made.status == 0, "\(made.errors)")
        let quitting = try TmuxSession(width: 80, height: 24, arguments: ["--data", folder.file("big")])
        try await quitting.waitFor("Loading data")
        try await quitting.waitFor("q or Ctrl-C quits")
        try quitting.type("q")
        #expect(try await quitting.exitStatus() == 0)
        let modes = try await quitting.terminalModesAfterExit()
        #expect(modes.contains("icanon") && modes.contains("echo"))

        let waiting = try TmuxSession(width: 80, height: 24, arguments: ["--data", folder.file("big")])
        try await waiting.waitFor("Loading data")
        try await waiting.waitForActive(.overview)
        try waiting.type("q")
        #expect(try await waiting.exitStatus() == 0)
    }

    @Test func crashRestoresTheTerminalFirst() async throws {
        let session = try TmuxSession(environment: "ALIDASH_TEST_CRASH=after-first-frame")
        let status = try await session.exitStatus()
        #expect(status > 128, "the debug binary should have crashed on request, status \(status)")
        let modes = try await session.terminalModesAfterExit()
        #expect(modes.contains("icanon") && modes.contains("echo"), "raw mode left behind after a crash")
    }

    @Test func closedTerminalLeavesNoProcess() async throws {
        let session = try TmuxSession()
        try await session.waitForActive(.overview)
        let pid = try await session.programID()
        #expect(ProcessTable.isRunning(pid))
        try session.killPane()
        let deadline = ContinuousClock.now + .seconds(1)
        while ProcessTable.isRunning(pid) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(!ProcessTable.isRunning(pid), "alidash still runs (and may spin) after its terminal closed")
    }

    // MARK: - Unusable terminals

    @Test func unsetTermExitsWithAHint() async throws {
        let session = try TmuxSession(environment: "-u TERM")
        try await session.waitFor("TERM is not set")
        try await session.waitFor("alidash print")
        #expect(try await session.exitStatus() == 2)
    }

    @Test func dumbTerminalIsRefused() async throws {
        let session = try TmuxSession(environment: "TERM=dumb")
        try await session.waitFor("TERM=dumb cannot move the cursor")
        #expect(try await session.exitStatus() == 2)
        #expect(try await session.terminalModesAfterExit().contains("icanon"))
    }

    @Test func unknownTermIsRefused() async throws {
        let session = try TmuxSession(environment: "TERM=no-such-terminal-type")
        try await session.waitFor("TERM=no-such-terminal-type is not known")
        #expect(try await session.exitStatus() == 2)
    }

    @Test func dashboardWithoutATerminalSuggestsPrint() throws {
        let result = try Spawn.run([try Binary.path()])
        #expect(result.status == 2)
        #expect(result.errors.contains("alidash print"))
        #expect(result.output.isEmpty)
    }

    // MARK: - Plain output

    @Test func printIntoAPipeHasNoEscapeCodes() throws {
        for pane in ["hubs", "overview"] {
            let result = try Spawn.run(["sh", "-c", "\"$0\" print \(pane) | cat", try Binary.path()])
            #expect(result.status == 0)
            #expect(!result.output.isEmpty)
            #expect(!result.output.contains(0x1B), "ESC in `alidash print \(pane)`")
        }
        let overview = try Spawn.run([try Binary.path(), "print", "overview", "--width", "80"])
        #expect(overview.text.contains("220,000 m²"))
        #expect(overview.text.split(separator: "\n").allSatisfy { TerminalText.width(of: String($0)) <= 80 })
    }

    @Test func exportCSVHasAHeaderAndOneRowPerQuarter() throws {
        let result = try Spawn.run([try Binary.path(), "export", "revenue", "--format", "csv"])
        #expect(result.status == 0)
        let rows = result.text.split(separator: "\r\n")
        let revenue = TestData.bundled.revenue
        #expect(rows.first?.hasPrefix("company,fiscal_label,calendar_label") == true)
        #expect(rows.count == 1 + revenue.alibabaQuarters.count + revenue.amazonQuarters.count)
    }

    @Test func usageErrorsExit64() throws {
        #expect(try Spawn.run([try Binary.path(), "print", "no-such-pane"]).status == 64)
        #expect(try Spawn.run([try Binary.path(), "--no-such-option"]).status == 64)
        #expect(try Spawn.run([try Binary.path(), "--watch", "--no-config"]).status == 64)
    }

    @Test func failedWritesAreAnErrorNotSilence() throws {
        for command in ["print hubs", "export revenue --format csv", "validate"] {
            let result = try Spawn.run(["sh", "-c", "\"$0\" \(command) > /dev/full", try Binary.path()])
            #expect(result.status == 74, "\(command)")
            #expect(result.errors.contains("could not write the output"))
        }
    }

    // MARK: - Data errors

    /// Bidirectional controls and line separators in the data come out of a JSON export escaped.
    @Test func jsonExportEscapesBidiControlsFromTheData() throws {
        let copy = try DataCopy()
        try copy.edit("sources.json") { text in
            text.replacingOccurrences(of: "Alibaba-Led eWTP Finds First European Partner",
                                      with: "Alibaba\u{202E}-Led eWTP\u{2066} Finds\u{200F} First\u{2028} European Partner")
        }
        let result = try Spawn.run([try Binary.path(), "export", "sources", "--format", "json", "--data", copy.folder.path])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.text.contains("Alibaba\\u202e-Led eWTP\\u2066 Finds\\u200f First\\u2028 European Partner"), "\(result.text.prefix(600))")
        #expect(!result.text.unicodeScalars.contains { [0x202E, 0x2066, 0x200F, 0x2028].contains($0.value) })
    }

    @Test func aSymbolicLinkLoopIsCalledOneNotAMissingFile() throws {
        let copy = try DataCopy()
        let hubs = copy.folder.file("hubs.json")
        try FileManager.default.removeItem(atPath: hubs)
        #expect(symlink(hubs, hubs) == 0)
        let result = try Spawn.run([try Binary.path(), "validate", "--data", copy.folder.path])
        #expect(result.status == 66)
        #expect(result.text.contains("hubs.json: is a symbolic link loop (too many levels of symbolic links)"), "\(result.text)")
        #expect(!result.text.contains("no such file"))
        let folderLoop = copy.folder.file("loop")
        #expect(symlink(folderLoop, folderLoop) == 0)
        let folder = try Spawn.run([try Binary.path(), "validate", "--data", folderLoop])
        #expect(folder.status == 66 && folder.errors.contains("is a symbolic link loop"), "\(folder.errors)")
    }

    /// The build checks Data/ with the model: the EmbedData tool (run by the build plugin) refuses a
    /// bad file with a located message and writes nothing, so the build stops there.
    @Test func theBuildToolRefusesBadDataWithALocatedMessage() throws {
        let tool = URL(fileURLWithPath: try Binary.path()).deletingLastPathComponent().appendingPathComponent("EmbedData-tool").path
        let copy = try DataCopy()
        try copy.edit("hubs.json") { text in
            let latitude = try #require(text.firstRange(of: /"lat": *-?[0-9.]+/))
            return text.replacingCharacters(in: latitude, with: "\"lat\": \"north\"")
        }
        let files = DataLoader.fileNames.map(copy.folder.file)
        let output = copy.folder.file("BundledData.swift")
        let result = try Spawn.run([tool, output] + files)
        #expect(result.status == 1)
        #expect(result.errors.contains(copy.folder.file("hubs.json") + ":"), "\(result.errors)")
        #expect(result.errors.contains(": error: hubs[0].location.lat: expected a number, found text"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: output))
        // The bundled files themselves pass.
        let clean = try DataCopy()
        let fine = try Spawn.run([tool, clean.folder.file("BundledData.swift")] + DataLoader.fileNames.map(clean.folder.file))
        #expect(fine.status == 0, "\(fine.errors)")
    }

    @Test func validateNamesTheFileAndPathOfAWrongType() throws {
        let copy = try DataCopy()
        try copy.edit("hubs.json") { text in
            let latitude = try #require(text.firstRange(of: /"lat": *-?[0-9.]+/))
            return text.replacingCharacters(in: latitude, with: "\"lat\": \"north\"")
        }
        let result = try Spawn.run([try Binary.path(), "validate", "--data", copy.folder.path])
        #expect(result.status == 65)
        let report = result.text + result.errors
        #expect(report.contains("hubs.json"))
        #expect(report.contains("hubs[0].location.lat"))
        #expect(!report.contains("DecodingError"))

        let dashboard = try Spawn.run([try Binary.path(), "print", "hubs", "--data", copy.folder.path])
        #expect(dashboard.status == 65)
        #expect(dashboard.errors.contains("hubs[0].location.lat"))
    }

    @Test func validateAcceptsTheBundledDataAndAFaithfulCopy() throws {
        let bundled = try Spawn.run([try Binary.path(), "validate"])
        #expect(bundled.status == 0)
        #expect(bundled.text.hasPrefix("ok: \(DataLoader.fileNames.count) files"))
        let copy = try DataCopy()
        #expect(try Spawn.run([try Binary.path(), "validate", "--data", copy.folder.path]).status == 0)
    }

    @Test func missingFolderExits66() throws {
        let result = try Spawn.run([try Binary.path(), "validate", "--data", "/nonexistent/alidash-data"])
        #expect(result.status == 66)
        #expect(result.errors.contains("/nonexistent/alidash-data"))
    }

    @Test func watchReloadsKeepsLastGoodDataAndRecovers() async throws {
        let copy = try DataCopy()
        let session = try TmuxSession(arguments: ["--data", copy.folder.path, "--watch"])
        try await session.waitForActive(.overview)
        let good = try #require(copy.folder.read("hubs.json"))
        try copy.folder.write("hubs.json", "{ broken")
        try await session.waitFor("Reload failed")
        try await session.waitFor("220,000 m²") // the last good data stays on screen
        try copy.folder.write("hubs.json", good)
        try await session.waitFor("Data reloaded")
    }
}

/// A copy of the bundled data files in a temporary folder, for breaking on purpose.
struct DataCopy {
    let folder: TemporaryDirectory

    init() throws {
        folder = try TemporaryDirectory()
        for (name, bytes) in TestData.bundledFiles {
            try folder.write(name, String(decoding: bytes, as: UTF8.self))
        }
    }

    func edit(_ name: String, _ change: (String) throws -> String) throws {
        let text = try #require(folder.read(name))
        try folder.write(name, try change(text))
    }
}
