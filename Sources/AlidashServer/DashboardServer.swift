import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSH

// MARK: - Shared state

/// What all connections share, behind a lock: the rate limiter, the session count, and every open connection
/// (so SIGTERM can end them).
final class ServerRegistry: Sendable {
    private struct State {
        var limiter: ConnectionRateLimiter
        var connections: [ObjectIdentifier: NIOLoopBound<ConnectionRecord>] = [:]
        var sessions = 0
        var shuttingDown = false
    }

    let limits: ServerLimits
    private let state: NIOLockedValueBox<State>

    init(limits: ServerLimits) {
        self.limits = limits
        state = NIOLockedValueBox(State(limiter: ConnectionRateLimiter(perMinute: limits.connectionsPerMinute)))
    }

    /// Registers a new connection, or says why it is refused.
    func admit(_ record: NIOLoopBound<ConnectionRecord>, address: String, id: ObjectIdentifier) -> ConnectionRefusal? {
        let now = Double(NIODeadline.now().uptimeNanoseconds) / 1e9
        return state.withLockedValue { state in
            if state.shuttingDown { return .shuttingDown }
            if state.connections.count >= limits.maximumConnections { return .tooManyConnections }
            if !state.limiter.admit(address, now: now) { return .rateLimited }
            state.connections[id] = record
            ServerMetrics.connections.record(state.connections.count)
            return nil
        }
    }

    func connectionEnded(_ id: ObjectIdentifier) {
        state.withLockedValue { state in
            _ = state.connections.removeValue(forKey: id)
            ServerMetrics.connections.record(state.connections.count)
        }
    }

    var connectionCount: Int { state.withLockedValue { $0.connections.count } }

    func acquireSession() -> Bool {
        state.withLockedValue { state in
            guard state.sessions < limits.maximumSessions, !state.shuttingDown else { return false }
            state.sessions += 1
            ServerMetrics.sessions.record(state.sessions)
            return true
        }
    }

    func releaseSession() {
        state.withLockedValue { state in
            state.sessions -= 1
            ServerMetrics.sessions.record(state.sessions)
        }
    }

    /// Refuses new connections from now on and returns the open ones.
    func beginShutdown() -> [NIOLoopBound<ConnectionRecord>] {
        state.withLockedValue { state in
            state.shuttingDown = true
            return Array(state.connections.values)
        }
    }
}

/// Why a new connection is refused before any key exchange: one case per limit, each with its log text,
/// the words the visitor's client prints, and its metrics label (no address in it: labels stay few).
enum ConnectionRefusal: Sendable, Equatable {
    case shuttingDown, tooManyConnections, rateLimited

    func logText(address: String) -> String {
        switch self {
        case .shuttingDown: "shutting down"
        case .tooManyConnections: "too many connections"
        case .rateLimited: "connection rate limit for \(address)"
        }
    }

    var metricsReason: String {
        switch self {
        case .shuttingDown: "shutting down"
        case .tooManyConnections: "too many connections"
        case .rateLimited: "rate limit"
        }
    }

    func visitorMessage(address: String, limits: ServerLimits) -> String {
        switch self {
        case .shuttingDown: "alidash serve is shutting down; try again later."
        case .tooManyConnections: "alidash serve is busy (\(limits.maximumConnections) connections at once); try again later."
        case .rateLimited: "too many new connections from \(address) (\(limits.connectionsPerMinute) a minute); try again in a minute."
        }
    }
}

// MARK: - Server

/// `alidash serve`: an SSH server whose only service is the dashboard.
public final class DashboardServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var hostKey: NIOSSHPrivateKey
        public var access: AccessPolicy
        public var limits: ServerLimits
        /// The `alidash` binary every session runs.
        public var dashboardPath: String
        /// Every connection starts with a PROXY protocol header (v1 or v2) naming the real visitor.
        public var proxyProtocol: Bool

        public init(host: String, port: Int, hostKey: NIOSSHPrivateKey, access: AccessPolicy, limits: ServerLimits,
                    dashboardPath: String, proxyProtocol: Bool = false) {
            self.proxyProtocol = proxyProtocol
            self.host = host
            self.port = port
            self.hostKey = hostKey
            self.access = access
            self.limits = limits
            self.dashboardPath = dashboardPath
        }
    }

    /// The largest SSH packet a visitor may send (the library allows 1 KiB more for the packet's framing).
    static let maximumPacketSize = 32768

    private let configuration: Configuration
    private let registry: ServerRegistry
    private let group: MultiThreadedEventLoopGroup
    private let listener: NIOLockedValueBox<Channel?> = NIOLockedValueBox(nil)

    public init(configuration: Configuration) {
        self.configuration = configuration
        registry = ServerRegistry(limits: configuration.limits)
        group = MultiThreadedEventLoopGroup(numberOfThreads: System.coreCount)
    }

    /// Binds and starts accepting; returns the address actually bound (port 0 picks a free one).
    public func start() throws -> SocketAddress {
        let settings = SessionSettings(dashboardPath: configuration.dashboardPath, limits: configuration.limits,
                                       registry: registry)
        let configuration = configuration
        let registry = registry
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try DashboardServer.setUpConnection(channel, configuration: configuration, settings: settings,
                                                        registry: registry)
                }
            }
        let channel: Channel
        do {
            channel = try bootstrap.bind(host: configuration.host, port: configuration.port).wait()
        } catch {
            throw ServerSetupError.cannotListen(host: configuration.host, port: configuration.port, error: error)
        }
        listener.withLockedValue { $0 = channel }
        guard let address = channel.localAddress else { throw ServerSetupError("the server socket has no address") }
        return address
    }

    private static func setUpConnection(_ channel: Channel, configuration: Configuration, settings: SessionSettings,
                                        registry: ServerRegistry) throws {
        let socketAddress = channel.remoteAddress?.ipAddress ?? "unknown"
        if configuration.proxyProtocol {
            // The visitor's address is known only once the header is read.
            try channel.pipeline.syncOperations.addHandler(PreambleHandler(
                socketAddress: socketAddress, timeout: configuration.limits.loginTimeout) { visitor, balancer in
                try admitConnection(channel, visitor: visitor, balancer: balancer, configuration: configuration,
                                    settings: settings, registry: registry)
            })
        } else {
            let record = try admitConnection(channel, visitor: socketAddress, balancer: nil, configuration: configuration,
                                             settings: settings, registry: registry)
            try channel.pipeline.syncOperations.addHandler(PreambleHandler(socketAddress: socketAddress, record: record),
                                                           position: .first)
        }
    }

    /// Admits the visitor (limits by their address) and sets up SSH, or the refusal; nil when refused.
    private static func admitConnection(_ channel: Channel, visitor address: String, balancer: String?,
                                        configuration: Configuration, settings: SessionSettings,
                                        registry: ServerRegistry) throws -> ConnectionRecord? {
        let record = ConnectionRecord(address: address, balancer: balancer, channel: channel, registry: registry)
        if let refusal = registry.admit(NIOLoopBound(record, eventLoop: channel.eventLoop), address: address,
                                        id: ObjectIdentifier(channel)) {
            ServerLog.connection([("from", address)] + (balancer.map { [("via", $0)] } ?? [])
                + [("result", "refused: " + refusal.logText(address: address))])
            ServerMetrics.refused(refusal.metricsReason)
            let reason = refusal.visitorMessage(address: address, limits: configuration.limits)
            try channel.pipeline.syncOperations.addHandler(RefusalHandler(reason: reason))
            return nil
        }
        var sshConfiguration = SSHServerConfiguration(
            hostKeys: [configuration.hostKey],
            userAuthDelegate: PublicKeyAuthenticator(policy: configuration.access, record: record))
        sshConfiguration.maxAuthAttempts = 6
        // The library's own AES-GCM, except that requests it cannot read are refused instead of ending the connection.
        sshConfiguration.transportProtectionSchemes = [RequestFilteringAES256GCM.self, RequestFilteringAES128GCM.self]
        // The library's inbound window is 64 packets: at the smallest packet size a client that types faster
        // than the dashboard reads can make the server hold at most 2 MiB for it (8 MiB at the default).
        sshConfiguration.maximumPacketSize = DashboardServer.maximumPacketSize
        let ssh = NIOSSHHandler(role: .server(sshConfiguration), allocator: channel.allocator) { child, type in
            // One session per connection; no port forwarding (direct-tcpip) or any other channel type.
            guard type == .session, record.session == nil else {
                record.refused("channel \(type == .session ? "second session" : "forwarding") refused")
                return child.eventLoop.makeFailedFuture(ServerSetupError("channel refused"))
            }
            let session = SessionHandler(settings: settings, record: record)
            record.sessionOpened(session)
            return child.eventLoop.makeCompletedFuture {
                // A client's EOF on its input must not close the session: the dashboard runs until quit.
                try child.syncOptions?.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
                try child.pipeline.syncOperations.addHandler(session)
            }
        }
        try channel.pipeline.syncOperations.addHandlers(
            ssh, ConnectionHandler(record: record, loginTimeout: configuration.limits.loginTimeout))
        return record
    }

    /// Ends every session (each dashboard gets SIGHUP, then SIGKILL after the grace period), waits for them
    /// to finish, then stops listening.
    public func shutDown() {
        let listening = listener.withLockedValue { $0 }
        try? listening?.close().wait()
        for record in registry.beginShutdown() {
            record.eventLoop.execute { record.value.shutDown() }
        }
        let deadline = NIODeadline.now() + .fractionalSeconds(configuration.limits.hangUpGrace + 3)
        while registry.connectionCount > 0 && NIODeadline.now() < deadline {
            usleep(20_000)
        }
        try? group.syncShutdownGracefully()
    }

    public var openConnections: Int { registry.connectionCount }

    /// The server's event loops, for other listeners (the metrics endpoint) that end with it.
    public var eventLoopGroup: any EventLoopGroup { group }
}

// MARK: - Listening errors

extension ServerSetupError {
    /// Why the server cannot listen, in words a new user can act on instead of the raw NIO error.
    public static func cannotListen(host: String, port: Int, error: any Error) -> ServerSetupError {
        let address = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        let reason: String
        switch error {
        case let error as IOError where error.errnoCode == EADDRINUSE:
            reason = "the address is already in use (is another server running? try --port)"
        case let error as IOError where error.errnoCode == EACCES:
            reason = "permission denied (ports below 1024 need root or CAP_NET_BIND_SERVICE; try --port 2222)"
        case let error as IOError where error.errnoCode == EADDRNOTAVAIL:
            reason = "this machine has no such address (try --host 0.0.0.0)"
        case let error as IOError:
            reason = errnoText(error.errnoCode)
        case is SocketAddressError.UnknownHost:
            reason = "unknown host name (try --host 0.0.0.0)"
        default:
            reason = "\(error)"
        }
        return ServerSetupError("cannot listen on \(address): \(reason)", exitCode: ServerSetupError.unavailable)
    }
}

/// Says why a connection is refused without spending a key exchange on it: the version line, then an
/// unencrypted SSH_MSG_DISCONNECT, which OpenSSH prints ("Received disconnect from …: 2: REASON"). Then closes.
final class RefusalHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let reason: String

    init(reason: String) {
        self.reason = reason
    }

    /// The bytes sent: "SSH-2.0-…" and one binary packet (RFC 4253 §6, §11.1; reason 2, protocol error,
    /// as OpenSSH's sshd uses for refusals it explains).
    static func bytes(reason: String) -> [UInt8] {
        let text = Array(reason.utf8.prefix(512))
        func uint32(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt32(value).bigEndian, Array.init) }
        let payload: [UInt8] = [1] + uint32(2) + uint32(text.count) + text + uint32(0)
        var padding = 8 - (5 + payload.count) % 8
        if padding < 4 { padding += 8 }
        return Array("SSH-2.0-alidash\r\n".utf8) + uint32(1 + payload.count + padding) + [UInt8(padding)] + payload
            + [UInt8](repeating: 0, count: padding)
    }

    private var sent = false

    /// Behind a balancer the connection is long active when this handler is added.
    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { send(context: context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        send(context: context)
    }

    private func send(context: ChannelHandlerContext) {
        guard !sent else { return }
        sent = true
        let buffer = context.channel.allocator.buffer(bytes: Self.bytes(reason: reason))
        let channel = context.channel
        // Half-close, then read and drop what the client still sends: closing with its bytes unread would
        // reset the connection, and the client would lose the message.
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in channel.close(mode: .output, promise: nil) }
        // A client that never reads or never closes cannot keep the socket: closed after a second whatever happens.
        context.eventLoop.scheduleTask(in: .seconds(1)) { channel.close(promise: nil) }
    }

    /// What the client sends is not read further.
    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
