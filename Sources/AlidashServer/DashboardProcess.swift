import CPseudoTerminal
#if canImport(Glibc)
import Glibc
#endif

/// One dashboard running as the leader of its own session on its own pseudo-terminal.
/// The server keeps a second master descriptor for resizing; the first goes to NIO for reading and writing.
final class DashboardProcess {
    let pid: pid_t
    /// Handed to NIO's pipe channel, which closes it.
    private(set) var ioDescriptor: CInt
    /// Kept for TIOCSWINSZ until the session ends.
    private var resizeDescriptor: CInt
    private(set) var status: ExitStatus?

    /// Opens a terminal of `terminal`'s size and starts `executable` on it with exactly `environment`.
    init(executable: String, arguments: [String], environment: [String], terminal: TerminalRequest) throws(SessionError) {
        var slavePath = [CChar](repeating: 0, count: 128)
        let master = alidash_pty_open(UInt16(terminal.rows), UInt16(terminal.columns), &slavePath, slavePath.count)
        guard master >= 0 else { throw SessionError("cannot open a pseudo-terminal: \(errnoText())") }
        let resize = fcntl(master, F_DUPFD_CLOEXEC, 3)
        guard resize >= 0 else {
            close(master)
            throw SessionError("cannot duplicate the pseudo-terminal: \(errnoText())")
        }
        var spawned: pid_t = 0
        let result = DashboardProcess.withCStrings([executable] + arguments) { argv in
            DashboardProcess.withCStrings(environment) { envp in
                alidash_spawn_on_terminal(executable, argv, envp, slavePath, &spawned)
            }
        }
        guard result == 0 else {
            close(master)
            close(resize)
            throw SessionError("cannot start \(executable): \(errnoText(result))")
        }
        pid = spawned
        ioDescriptor = master
        resizeDescriptor = resize
    }

    /// The size a window-change asked for; the kernel tells the dashboard with SIGWINCH.
    func resize(columns: Int, rows: Int) {
        guard resizeDescriptor >= 0, status == nil else { return }
        _ = alidash_pty_set_size(resizeDescriptor, UInt16(rows), UInt16(columns))
    }

    /// Signals the dashboard's process group, but never a reaped pid (which may belong to another process by now).
    func signal(_ number: Int32) {
        guard status == nil else { return }
        kill(-pid, number)
    }

    /// Collects the exit status if the process has ended; true once it has.
    func reap() -> Bool {
        guard status == nil else { return true }
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, WNOHANG)
        if result == pid {
            status = ExitStatus(raw)
            closeResizeDescriptor()
        } else if result < 0 && errno == ECHILD {
            status = .exited(255) // reaped elsewhere: never signal this pid again
            closeResizeDescriptor()
        }
        return status != nil
    }

    /// Closing the last master descriptors hangs the terminal up.
    func closeResizeDescriptor() {
        guard resizeDescriptor >= 0 else { return }
        close(resizeDescriptor)
        resizeDescriptor = -1
    }

    private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }
}

/// How a dashboard ended, as the wait status says.
enum ExitStatus: Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    init(_ raw: Int32) {
        let signal = raw & 0x7f
        self = signal == 0 ? .exited((raw >> 8) & 0xff) : .signaled(signal)
    }

    /// RFC 4254 signal names ("HUP", not "SIGHUP").
    var signalName: String {
        guard case .signaled(let number) = self else { return "" }
        let names: [Int32: String] = [SIGABRT: "ABRT", SIGALRM: "ALRM", SIGFPE: "FPE", SIGHUP: "HUP", SIGILL: "ILL",
                                      SIGINT: "INT", SIGKILL: "KILL", SIGPIPE: "PIPE", SIGQUIT: "QUIT",
                                      SIGSEGV: "SEGV", SIGTERM: "TERM", SIGUSR1: "USR1", SIGUSR2: "USR2"]
        return names[number] ?? "SIG\(number)"
    }

    var description: String {
        switch self {
        case .exited(let code): return "exit \(code)"
        case .signaled: return "signal \(signalName)"
        }
    }
}

struct SessionError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
