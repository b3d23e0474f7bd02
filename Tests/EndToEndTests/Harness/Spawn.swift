import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a finished child process left behind.
struct ProcessResult {
    var status: Int32
    var output: [UInt8]
    var errors: String

    var text: String { String(decoding: output, as: UTF8.self) }
}

struct SpawnError: Error, CustomStringConvertible {
    var description: String
}

/// Starts programs with `posix_spawn` + `waitpid`. Not `Foundation.Process`: a daemonising child (the tmux
/// server) inherits its child-exit socket and the call never returns. The signal mask and handlers are
/// reset, because Swift Testing's threads block HUP, INT, TERM and WINCH and that mask survives exec.
enum Spawn {
    /// The environment every child gets: a UTF-8 locale and no interactive crash prompt.
    static var baseEnvironment: [String: String] {
        var environment: [String: String] = [:]
        for name in ["PATH", "HOME", "USER", "TMPDIR"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        environment["PATH"] = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        environment["LANG"] = "C.UTF-8"
        environment["SWIFT_BACKTRACE"] = "interactive=no"
        return environment
    }

    /// Runs `arguments` to completion, capturing standard output and error (standard input is /dev/null).
    static func run(_ arguments: [String], environment: [String: String] = baseEnvironment) throws -> ProcessResult {
        let directory = try TemporaryDirectory()
        let outputPath = directory.path + "/stdout", errorPath = directory.path + "/stderr"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let pid = try start(arguments, environment: environment, actions: &actions)
        let status = wait(for: pid)
        let output = (try? Data(contentsOf: URL(fileURLWithPath: outputPath))).map { [UInt8]($0) } ?? []
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return ProcessResult(status: status, output: output, errors: errors)
    }

    private static func start(_ arguments: [String], environment: [String: String],
                              actions: inout posix_spawn_file_actions_t) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw SpawnError(description: "cannot start \(arguments[0]): " + String(cString: strerror(result)))
        }
        return pid
    }

    /// The exit status, or 128 + the signal that ended the child.
    private static func wait(for pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }
}

/// A private folder removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        // Always under /tmp, not $TMPDIR: tmux's socket lives here, and a socket path may be at most 107 bytes.
        var template = Array("/tmp/alidash-e2e-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw SpawnError(description: "mkdtemp failed") }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    func read(_ name: String) -> String? { try? String(contentsOfFile: file(name), encoding: .utf8) }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
    }
}
