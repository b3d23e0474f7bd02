import AlidashModel
import AlidashTerminal
import AlidashUI
import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Data

/// `--data DIR`: read the JSON files from a folder instead of the bundled copy.
struct DataOptions: ParsableArguments, DataChoice {
    @Option(name: .customLong("data"),
            help: ArgumentHelp("Read the data files from this folder instead of the bundled data.", valueName: "dir"))
    var directory: String?

    var plain: DataFolder { DataFolder(directory: directory) }
}

/// The data choice as a plain value, for the dashboard's start without the argument parser.
struct DataFolder: DataChoice {
    var directory: String?
}

/// Where the data comes from, and how loading it reports its problems.
protocol DataChoice {
    var directory: String? { get }
}

extension DataChoice {
    var location: DataLocation { directory.map(DataLocation.directory) ?? .bundled }

    /// Loads and validates the data; on failure every problem is reported, with status 65 (bad) or 66 (missing).
    func load() throws -> DataSet {
        try checkFolder()
        do {
            return try DataLoader.load(location)
        } catch {
            throw failure(for: error)
        }
    }

    /// Every problem, with status 65 (bad) or 66 (missing).
    func failure(for error: DataLoadError) -> Failure {
        let problems = error.problems
        var message = "cannot use the data in \(directory ?? "the bundled data") ("
            + (problems.count == 1 ? "1 problem" : "\(problems.count) problems") + "):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
        if error.exitCode == 65 { message += "\nCheck it with: alidash validate" + (directory.map { " --data \($0)" } ?? "") }
        return Failure(message, exitCode: error.exitCode)
    }

    /// A missing folder is reported as such, rather than as its first missing file.
    func checkFolder() throws {
        guard let directory else { return }
        var info = stat()
        guard stat(directory, &info) == 0 else {
            if errno == ELOOP { throw Failure("the data folder \(directory) is a symbolic link loop", exitCode: 66) }
            throw Failure("no data folder at \(directory)", exitCode: 66)
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw Failure("no data folder at \(directory) (not a folder)", exitCode: 66) }
    }
}

// MARK: - Choices

extension Language: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}
extension ExportDataset: ExpressibleByArgument {}

/// A pane named as on the `:` command line ("hubs", "revenue", …) or by its number.
struct PaneChoice: ExpressibleByArgument {
    var pane: PaneID

    init(_ pane: PaneID) { self.pane = pane }

    init?(argument: String) {
        guard let pane = PaneID(word: argument) else { return nil }
        self.pane = pane
    }

    static var allValueStrings: [String] { PaneRegistry.names }
    /// Shell completion offers the pane names (print, --pane).
    static var defaultCompletionKind: CompletionKind { .list(PaneRegistry.names) }
    var defaultValueDescription: String { pane.commandNames.first ?? "" }
}

/// `--lang`, else the language of the locale variables.
func chosenLanguage(_ option: Language?) -> Language {
    option ?? Language.fromEnvironment(Environment.values(["LC_ALL", "LC_MESSAGES", "LANG"]))
}

// MARK: - Environment and errors

enum Environment {
    /// The values of the named variables that are set.
    static func values(_ names: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { result[name] = String(cString: value) }
        }
        return result
    }
}

/// A failure reported as one clear message on standard error, with a sysexits status.
struct Failure: Error {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32) {
        self.message = message
        self.exitCode = exitCode
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `Failure` into its message on stderr and its exit status.
    func reportingFailures(_ body: () throws -> Void) throws {
        try reportFailures(body)
    }
}

/// Runs `body`, turning a `Failure` into its message on stderr and its exit status.
func reportFailures(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let failure as Failure {
        StandardError.report("alidash: " + InertText.make(failure.message, keepNewlines: true) + "\n")
        throw ExitCode(failure.exitCode)
    }
}

enum StandardError {
    /// Writes unbuffered, so the message is out even if the process ends right after.
    static func report(_ text: String) {
        _ = writeAll(text, to: 2)
    }
}

enum StandardOutput {
    /// Writes the command's output; a failed write (a full disk, a closed pipe) is an error with
    /// sysexits' EX_IOERR, not a silent success.
    static func write(_ text: String) throws {
        guard writeAll(text, to: 1) else {
            throw Failure("could not write the output: " + String(cString: strerror(errno)), exitCode: 74)
        }
    }

    /// The terminal's width when standard output is one, else nil.
    static var terminalWidth: Int? {
        var size = winsize()
        guard isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

/// Writes every byte of `text` to `descriptor`, retrying after interruptions; false when a write fails.
private func writeAll(_ text: String, to descriptor: Int32) -> Bool {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
        if written < 0 && errno == EINTR { continue }
        if written <= 0 { return false }
        offset += written
    }
    return true
}
