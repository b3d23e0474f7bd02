import Foundation
import NIOCore
import NIOSSH

/// What the log line of one connection says; filled in as the connection goes. Lives on its event loop.
final class ConnectionRecord {
    let address: String
    /// The load balancer's address, when the visitor's came in a PROXY protocol header.
    let balancer: String?
    let channel: Channel
    let registry: ServerRegistry
    private let started = NIODeadline.now()

    /// How much one connection may pile up for its log line (refused keys, notes): the rest is counted.
    static let maximumNotes = 16

    var keyFingerprint: String?
    var refusedKeys: [String] = []
    /// Why the last key offered was refused (not listed, from=, expiry-time, an option this server cannot enforce).
    var keyRefusal: String?
    var triedMethods: Set<String> = []
    /// The key's command="…" options, which replace whatever the visitor asks for.
    var forcedArguments: DashboardArguments?
    var terminal: TerminalRequest?
    var arguments: DashboardArguments?
    var refusedCommand: String?
    var exitStatus: ExitStatus?
    var endedBy: SessionHandler.Ending?
    var outcome: String?
    /// Distinct notes in order, each with how often it happened.
    private var notes: [(text: String, count: Int)] = []
    private var notesLeftOut = 0
    /// Requests and channels refused on this connection; one that keeps asking is closed.
    private(set) var refusals = 0
    static let maximumRefusals = 64

    weak var session: SessionHandler?
    private var hasSession = false
    private var sessionDone = false
    private var connectionClosed = false
    private var logged = false
    private var loginTimer: Scheduled<Void>?

    init(address: String, balancer: String? = nil, channel: Channel, registry: ServerRegistry) {
        self.address = address
        self.balancer = balancer
        self.channel = channel
        self.registry = registry
    }

    func note(_ text: String) {
        if let index = notes.firstIndex(where: { $0.text == text }) {
            notes[index].count += 1
        } else if notes.count < ConnectionRecord.maximumNotes {
            notes.append((text, 1))
        } else {
            notesLeftOut += 1
        }
    }

    /// A refused request or channel: noted, and past the limit the connection is closed, so a client
    /// cannot make the server hold or log more and more for it.
    func refused(_ what: String) {
        note(what)
        refusals += 1
        if refusals == ConnectionRecord.maximumRefusals + 1 {
            note("closed after more than \(ConnectionRecord.maximumRefusals) refused requests")
            ServerMetrics.refused("too many refused requests")
            channel.close(promise: nil)
        }
    }

    func sessionOpened(_ session: SessionHandler) {
        self.session = session
        hasSession = true
    }

    /// The connection must have a running dashboard within the login timeout.
    func startLoginTimer(_ seconds: Double) {
        loginTimer = channel.eventLoop.assumeIsolated().scheduleTask(in: .fractionalSeconds(seconds)) {
            guard self.arguments == nil else { return }
            if self.outcome == nil { self.outcome = "login timeout" }
            self.session?.end(.shutdown)
            self.channel.close(promise: nil)
        }
    }

    func sessionStarted(arguments: DashboardArguments) {
        self.arguments = arguments
        loginTimer?.cancel()
    }

    /// The client normally disconnects after the channel closes; one that lingers is disconnected.
    func sessionFinished() {
        sessionDone = true
        channel.eventLoop.assumeIsolated().scheduleTask(in: .seconds(2)) { self.channel.close(promise: nil) }
        logIfDone()
    }

    func connectionEnded() {
        connectionClosed = true
        loginTimer?.cancel()
        logIfDone()
    }

    /// SIGTERM: a running dashboard ends as if idle, with its own note; anything else is closed at once.
    func shutDown() {
        if let session, !session.finished {
            session.end(.shutdown)
        } else {
            channel.close(promise: nil)
        }
    }

    private func logIfDone() {
        guard connectionClosed, !hasSession || sessionDone, !logged else { return }
        logged = true
        ServerLog.connection(logFields)
        ServerMetrics.connectionEnded(self)
        registry.connectionEnded(ObjectIdentifier(channel))
    }

    /// The connection's log fields, in the order the text line shows them.
    var logFields: [(String, String)] {
        var fields = [("from", address)]
        if let balancer { fields.append(("via", balancer)) }
        fields.append(("key", keyFingerprint ?? refusedKeys.last.map { "\($0) (refused)" } ?? "none"))
        if let terminal { fields += [("term", terminal.term), ("size", "\(terminal.columns)x\(terminal.rows)")] }
        if let arguments, arguments != DashboardArguments() {
            fields.append(("options", arguments.options.joined(separator: " ")))
        }
        let seconds = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        fields.append(("duration", String(format: "%.1fs", seconds)))
        fields.append(("result", result))
        return fields
    }

    private var result: String {
        var parts: [String] = []
        if let exitStatus {
            parts.append(exitStatus.description)
        } else if let outcome {
            parts.append(outcome)
        } else if keyFingerprint == nil {
            if !refusedKeys.isEmpty {
                parts.append("refused: " + (keyRefusal ?? "key not authorized"))
            } else if !triedMethods.isEmpty {
                // RSA keys are failed inside the library, so they look like no key at all here.
                parts.append("refused: no ed25519 or ECDSA key offered (tried: \(triedMethods.sorted().joined(separator: ", "))); "
                    + "only ed25519 and ECDSA keys are accepted")
            } else {
                parts.append("closed before authentication")
            }
        } else {
            parts.append("closed without a session")
        }
        if let endedBy { parts.append("ended by \(endedBy)") }
        let leftOut = notesLeftOut > 0 ? ["\(notesLeftOut) more not listed"] : []
        let noted = notes.map { $0.count == 1 ? $0.text : "\($0.text) (\($0.count) times)" }
        return (parts + noted + leftOut).joined(separator: "; ")
    }
}

/// Sits behind the SSH handler: starts the login timer, closes on errors, and reports the end.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Any

    private let record: ConnectionRecord
    private let loginTimeout: Double

    init(record: ConnectionRecord, loginTimeout: Double) {
        self.record = record
        self.loginTimeout = loginTimeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        record.startLoginTimer(loginTimeout)
        // NIOSSHHandler does not pass channelInactive on: the close future is the reliable end.
        let record = record
        context.channel.closeFuture.assumeIsolated().whenComplete { _ in record.connectionEnded() }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        let text = String(describing: error)
        // The SSH library ends the connection on a packet above its maximum (a 40 KB exec command, say).
        let description = text.contains("packet length") && text.contains("exceeds")
            ? "closed: an SSH packet larger than the \(DashboardServer.maximumPacketSize / 1024 + 1) KiB allowed"
            : "protocol error: \(LogText.printable(text))"
        if record.outcome == nil, record.keyFingerprint == nil, record.refusedKeys.isEmpty {
            record.outcome = description
        } else {
            record.note(description)
        }
        context.close(promise: nil)
    }
}

enum LogText {
    /// Client-supplied text made safe for a log line: printable ASCII, no quotes, at most 80 characters.
    static func printable(_ text: String) -> String {
        let cleaned = text.unicodeScalars.prefix(80).map { scalar -> Character in
            (0x20..<0x7f).contains(scalar.value) && scalar != "\"" ? Character(scalar) : "?"
        }
        return String(cleaned) + (text.unicodeScalars.count > 80 ? "…" : "")
    }
}
