import AlidashModel
import AlidashUI
import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the settings file is and what it says.
enum Configuration {
    /// `ALIDASH_CONFIG`, else `$XDG_CONFIG_HOME/alidash/config.toml`, else `~/.config/alidash/config.toml`.
    static func defaultPath() -> String? {
        let environment = Environment.values(["ALIDASH_CONFIG", "XDG_CONFIG_HOME", "HOME"])
        if let path = environment["ALIDASH_CONFIG"], !path.isEmpty { return path }
        if let base = environment["XDG_CONFIG_HOME"], base.hasPrefix("/") { return base + "/alidash/config.toml" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.config/alidash/config.toml" }
        return nil
    }

    /// The settings in `path`; a missing default file is no problem, a missing named one is. Problems never throw.
    static func load(path: String?, named: Bool) -> (settings: Settings, problems: [SettingsProblem]) {
        guard let path else { return (Settings(), []) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        switch readSmallFile(path, limit: SettingsFile.maximumSize) {
        case .success(let text):
            return SettingsFile.read(text, file: name)
        case .failure(let reason):
            if case .missing = reason, !named { return (Settings(), []) }
            return (Settings(), [SettingsProblem(file: name, line: 1, column: 1, message: reason.description)])
        }
    }

    enum ReadFailure: Error, CustomStringConvertible {
        case missing, tooLarge(Int), unreadable(String), notText

        var description: String {
            switch self {
            case .missing: return "no such file"
            case .tooLarge(let limit): return "larger than \(limit / 1024) KB, not read"
            case .unreadable(let reason): return "cannot be read (\(reason))"
            case .notText: return "not UTF-8 text"
            }
        }
    }

    static func readSmallFile(_ path: String, limit: Int) -> Result<String, ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a file")) }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(limit)) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count >= 0, count <= limit else { return .failure(.tooLarge(limit)) }
        guard let text = String(validating: bytes.prefix(count), as: UTF8.self) else { return .failure(.notText) }
        return .success(text)
    }
}

/// `alidash config`: the default file, a check of a file, or where the file is looked for.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Print the default settings file, check one, or say where it is looked for."
    )

    @Flag(help: "Print the complete default config.toml, a comment per setting.")
    var `default` = false

    @Flag(help: "Print where the settings file is looked for.")
    var path = false

    @Flag(help: "Check the settings file (or FILE) and print every problem as file:line:column; exit 78 if any.")
    var check = false

    @Argument(help: "The file to check (default: the settings file).")
    var file: String?

    func validate() throws {
        if file != nil && !check { throw ValidationError("a FILE is only read with --check.") }
    }

    func run() throws {
        if `default` {
            try StandardOutput.write(SettingsFile.defaultText)
            return
        }
        if path {
            try StandardOutput.write((Configuration.defaultPath() ?? "(no HOME: no settings file)") + "\n")
            return
        }
        let file = self.file ?? Configuration.defaultPath()
        let (_, problems) = Configuration.load(path: file, named: true)
        guard problems.isEmpty else {
            try StandardOutput.write(problems.map(\.description).joined(separator: "\n") + "\n")
            throw ExitCode(78) // EX_CONFIG
        }
        try StandardOutput.write((file ?? "") + ": ok\n")
    }
}

/// `--watch`: looks at the settings file about twice a second and reports it when it changed.
struct SettingsWatcher {
    let path: String
    private var settings: Settings
    private var change: ChangeDetector<DataWatcher.FileStamp>

    init(path: String, settings: Settings) {
        self.path = path
        self.settings = settings
        change = ChangeDetector(DataWatcher.stamp(of: path))
    }

    mutating func poll() -> Event? {
        let path = self.path
        guard change.changed({ DataWatcher.stamp(of: path) }) else { return nil }
        let (new, problems) = Configuration.load(path: path, named: false)
        defer { settings = new }
        return .settingsChanged(old: settings, new: new, problems: problems)
    }
}
