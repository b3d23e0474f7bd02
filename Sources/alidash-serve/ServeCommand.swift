import AlidashModel
import AlidashServer
import NIOCore
import ArgumentParser
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `alidash-serve` (also run as `alidash serve`): an SSH server that gives every visitor the dashboard.
@main
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alidash serve",
        abstract: "Serve the dashboard over SSH: each visitor runs ssh -p PORT HOST and gets it, nothing else.",
        discussion: """
        Public keys only (ed25519 or ECDSA; RSA keys are not supported; authorized_keys options from=, \
        expiry-time and command= are enforced, a key with an option it cannot enforce is refused), or anyone \
        with --public. No passwords, no shell, no forwarding.
        The host key is created on first start (mode 0600); its fingerprint is printed at every start.
        Every connection is logged on standard error. SIGTERM ends every session and stops the server.
        Exit status: 0 after SIGTERM, 64 for a usage error, 69 if it cannot listen (the port is in use, \
        a port below 1024 without privilege, or no such address), 1 for any other start-up error \
        (the host key, the authorized keys file or the dashboard binary); the message says which.
        """,
        version: "alidash-serve \(AlidashVersion.number)"
    )

    @Option(help: "Address to listen on: 0.0.0.0 is every address of this machine, 127.0.0.1 this machine alone.")
    var host = "0.0.0.0"

    @Option(help: "Port to listen on.")
    var port = 2222

    @Option(name: .customLong("host-key"), help: ArgumentHelp(
        "The ed25519 host key file, created if missing (default: $XDG_STATE_HOME/alidash/host_ed25519, else ~/.local/state/alidash/host_ed25519).",
        valueName: "path"))
    var hostKey: String?

    @Option(name: .customLong("authorized-keys"),
            help: ArgumentHelp("Only the public keys in this file (OpenSSH authorized_keys format) get in.", valueName: "file"))
    var authorizedKeys: String?

    @Flag(name: .customLong("public"), help: "Let anyone in, with or without an SSH key (instead of --authorized-keys).")
    var isPublic = false

    @Flag(name: .customLong("proxy-protocol"), help: ArgumentHelp(
        "Every connection starts with a PROXY protocol header (v1 or v2, as HAProxy's send-proxy-v2 sends) naming the visitor; connections without one are closed. Only behind a load balancer: anyone who reaches the port directly could claim any address."))
    var proxyProtocol = false

    @Option(name: .customLong("max-sessions"), help: "Dashboards running at once.")
    var maxSessions = ServerLimits().maximumSessions

    @Option(name: .customLong("rate"), help: "New connections per minute from one address.")
    var connectionsPerMinute = ServerLimits().connectionsPerMinute

    @Option(name: .customLong("login-timeout"), help: "Seconds from connecting to a running dashboard.")
    var loginTimeout = ServerLimits().loginTimeout

    @Option(name: .customLong("idle-timeout"), help: "Seconds without a key press, resize or screen change before a session ends.")
    var idleTimeout = ServerLimits().idleTimeout

    @Option(name: .customLong("session-timeout"), help: "Seconds a session may last at most.")
    var sessionTimeout = ServerLimits().sessionTimeout

    @Option(name: .customLong("log-format"), help: ArgumentHelp(
        "How log lines look on standard error: text (one line, key=value fields) or json (one object per line).",
        valueName: "text|json"))
    var logFormat = "text"

    @Option(name: .customLong("metrics"), help: ArgumentHelp(
        "Serve Prometheus metrics at http://HOST:PORT/metrics (off unless given; never the SSH port).",
        valueName: "host:port"))
    var metrics: String?

    @Option(name: .customLong("dashboard"),
            help: ArgumentHelp("The alidash binary to run (default: the one beside this program).", valueName: "path"))
    var dashboard: String?

    func validate() throws {
        if isPublic == (authorizedKeys != nil) {
            throw ValidationError("say who may connect: --authorized-keys FILE, or --public to let anyone in (with or without a key).")
        }
        guard (1...65535).contains(port) || port == 0 else { throw ValidationError("--port must be between 1 and 65535.") }
        guard LogFormat(rawValue: logFormat) != nil else {
            throw ValidationError("--log-format must be text or json (got \(logFormat)).")
        }
        if let metrics {
            guard let (_, metricsPort) = Self.hostAndPort(metrics) else {
                throw ValidationError("--metrics must be HOST:PORT with a port from 1 to 65535, such as 127.0.0.1:9100 (got \(metrics)).")
            }
            guard metricsPort != port else {
                throw ValidationError("--metrics must not use the SSH port \(port): pick another, such as 9100.")
            }
        }
        // Every value within a range the server can keep (a 1e300 s timer or 2^62 sessions crashed it before).
        let ranges = ServerLimits.allowedRanges
        try Self.check("--max-sessions", maxSessions, within: ranges.sessions)
        try Self.check("--rate", connectionsPerMinute, within: ranges.connectionsPerMinute)
        try Self.check("--login-timeout", loginTimeout, within: ranges.loginTimeout)
        try Self.check("--idle-timeout", idleTimeout, within: ranges.idleTimeout)
        try Self.check("--session-timeout", sessionTimeout, within: ranges.sessionTimeout)
    }

    /// "127.0.0.1:9100", "[::1]:9100" or "localhost:9100".
    static func hostAndPort(_ text: String) -> (String, Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
              (1...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(" ") else { return nil }
        return (host, port)
    }

    private static func check(_ name: String, _ value: Int, within range: ClosedRange<Int>) throws {
        guard range.contains(value) else {
            throw ValidationError("\(name) must be between \(range.lowerBound) and \(range.upperBound) (got \(value)).")
        }
    }

    private static func check(_ name: String, _ value: Double, within range: ClosedRange<Double>) throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("\(name) must be between \(range.lowerBound.formatted()) and "
                + "\(range.upperBound.formatted(.number.grouping(.never))) seconds (got \(value)).")
        }
    }

    func run() throws {
        ServerLog.bootstrap(format: LogFormat(rawValue: logFormat) ?? .text)
        let metricsRegistry = metrics == nil ? nil : ServerMetrics.bootstrapPrometheus()
        let limits = ServerLimits(maximumSessions: maxSessions, connectionsPerMinute: connectionsPerMinute,
                                  loginTimeout: loginTimeout, idleTimeout: idleTimeout, sessionTimeout: sessionTimeout)
        do {
            let dashboardPath = try dashboard ?? SiblingExecutable.path(named: "alidash")
            guard access(dashboardPath, X_OK) == 0 else { throw ServerSetupError("no alidash binary at \(dashboardPath)") }
            let policy: AccessPolicy
            if let authorizedKeys {
                let keys = try AuthorizedKeys.load(path: authorizedKeys)
                keys.warnings.forEach { ServerLog.warning($0) }
                ServerLog.info("access: \(keys.usableCount) key\(keys.usableCount == 1 ? "" : "s") from \(authorizedKeys)")
                policy = .keys(keys.lines)
            } else {
                ServerLog.warning("--public: anyone gets the dashboard, with or without an SSH key")
                policy = .anyone
            }
            // Made only once the rest of the set-up is known good: a refused start leaves no new key behind.
            let hostKey = try hostKey ?? StateDirectory.defaultHostKeyPath(environment: StateDirectory.currentEnvironment)
            let (key, created) = try HostKey.loadOrCreate(at: hostKey)
            ServerLog.info("host key \(hostKey)\(created ? " (created)" : ""): \(key.fingerprint)")
            ServerLog.info("known_hosts line: [HOST]:\(port) \(key.publicKeyLine)")
            let server = DashboardServer(configuration: .init(
                host: host, port: port, hostKey: key.sshKey, access: policy, limits: limits, dashboardPath: dashboardPath,
                proxyProtocol: proxyProtocol))
            SystemLimits.prepare(forSessions: maxSessions)
            let stop = StopSignals()
            let address = try server.start()
            ServerLog.info("listening on \(address.ipAddress ?? host):\(address.port ?? port); "
                + "limits: \(maxSessions) sessions, \(connectionsPerMinute) connections/min per address, "
                + "login \(Int(loginTimeout)) s, idle \(Int(idleTimeout)) s, session \(Int(sessionTimeout)) s"
                + (proxyProtocol ? "; PROXY protocol header required" : ""))
            if let metrics, let metricsRegistry, let (metricsHost, metricsPort) = Self.hostAndPort(metrics) {
                let bound: SocketAddress
                do {
                    bound = try MetricsEndpoint(registry: metricsRegistry)
                        .start(host: metricsHost, port: metricsPort, group: server.eventLoopGroup)
                } catch {
                    server.shutDown()
                    throw ServerSetupError.cannotListen(host: metricsHost, port: metricsPort, error: error)
                }
                ServerLog.info("metrics at http://\(metrics)/metrics (port \(bound.port ?? metricsPort))")
            }
            let signal = stop.wait()
            ServerLog.info("signal \(signal): ending \(server.openConnections) connection(s)")
            server.shutDown()
            ServerLog.info("stopped")
        } catch let error as ServerSetupError {
            ServerLog.error(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}

/// SIGTERM, SIGINT and SIGHUP, delivered to a waiting thread instead of ending the process.
final class StopSignals: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let received = DispatchQueue(label: "alidash-serve.signals")
    nonisolated(unsafe) private var sources: [DispatchSourceSignal] = []
    nonisolated(unsafe) private var caught: Int32 = 0

    init() {
        for number in [SIGTERM, SIGINT, SIGHUP] {
            Glibc.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: received)
            source.setEventHandler { [self] in
                if caught == 0 { caught = number }
                semaphore.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Blocks until one of the signals arrives; returns its name.
    func wait() -> String {
        semaphore.wait()
        return received.sync { [SIGTERM: "TERM", SIGINT: "INT", SIGHUP: "HUP"][caught] ?? "\(caught)" }
    }
}

enum SiblingExecutable {
    /// The program `name` in the folder of the running binary (found through /proc/self/exe).
    static func path(named name: String) throws(ServerSetupError) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard length > 0 else { throw ServerSetupError("cannot find this program's folder: \(String(cString: strerror(errno)))") }
        let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let folder = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return folder + "/" + name
    }
}

/// What a crowd needs from the system: the server raises what it may itself (its open-files limit, up to
/// the hard limit) and says what the operator must raise.
enum SystemLimits {
    /// A session holds its socket, its pseudo-terminal's master and a descriptor to resize it; the
    /// connections still logging in (twice the sessions) hold a socket each.
    static func descriptorsNeeded(forSessions sessions: Int) -> Int { sessions * 5 + 64 }

    static func prepare(forSessions sessions: Int) {
        let needed = descriptorsNeeded(forSessions: sessions)
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < rlim_t(needed) {
            let raised = min(limit.rlim_max, rlim_t(needed))
            var wanted = limit
            wanted.rlim_cur = raised
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &wanted) == 0 { limit = wanted }
            if limit.rlim_cur < rlim_t(needed) {
                ServerLog.warning("open files limited to \(limit.rlim_cur), below the \(needed) that \(sessions) sessions need: "
                    + "raise the hard limit (ulimit -Hn, or LimitNOFILE= in the systemd unit)")
            }
        }
        // One pseudo-terminal and one process per session, and some room.
        for (path, what) in [("/proc/sys/kernel/pty/max", "pseudo-terminals"), ("/proc/sys/kernel/pid_max", "process ids")] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let available = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { continue }
            if available < sessions + 64 {
                ServerLog.warning("the system allows \(available) \(what) (\(path)), too few for \(sessions) sessions: raise it with sysctl")
            }
        }
    }
}
