import NIOCore
import NIOPosix
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// What every session of a server shares.
struct SessionSettings: Sendable {
    var dashboardPath: String
    var limits: ServerLimits
    var registry: ServerRegistry
}

/// One SSH session channel: collects pty-req and env, runs the dashboard on shell or exec, copies bytes both
/// ways with back-pressure, applies window changes, and ends with the dashboard's exit status.
/// Everything runs on the connection's event loop.
final class SessionHandler: ChannelInboundHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundOut = SSHChannelData

    /// Why a running dashboard is being ended by the server.
    enum Ending {
        case idle, sessionTimeout, shutdown

        func note(_ limits: ServerLimits) -> String {
            switch self {
            case .idle: return "alidash serve: closed after \(Int(limits.idleTimeout)) s without activity."
            case .sessionTimeout: return "alidash serve: sessions last at most \(Int(limits.sessionTimeout)) s."
            case .shutdown: return "alidash serve: the server is shutting down."
            }
        }
    }

    private let settings: SessionSettings
    private let record: ConnectionRecord
    private var context: ChannelHandlerContext?

    private var terminal: TerminalRequest?
    /// The visitor's TERM when it cannot be drawn: the pty is granted all the same, so the refusal
    /// reaches their screen with `ssh -t` too, but no dashboard starts.
    private var undrawableTerm: String?
    private var environment = SessionEnvironment()
    private var requestedRun = false

    private var process: DashboardProcess?
    private var holdsSessionSlot = false
    private var terminalChannel: Channel?
    private var outputEnded = false
    private var reaping = false
    private var clientGone = false
    private var closingNote: String?
    /// The last screen output handed to the SSH channel: the exit status must not overtake it.
    private var lastWrite: EventLoopFuture<Void>?
    private var lastActivity = NIODeadline.now()
    private var timers: [Scheduled<Void>] = []
    private var idleTimer: Scheduled<Void>?
    private(set) var finished = false
    private var sessionStarted: NIODeadline?

    init(settings: SessionSettings, record: ConnectionRecord) {
        self.settings = settings
        self.record = record
    }

    // MARK: - Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard message.type == .channel, case .byteBuffer(let bytes) = message.data, let terminalChannel else { return }
        lastActivity = .now()
        ServerMetrics.bytesIn.increment(by: bytes.readableBytes)
        terminalChannel.writeAndFlush(bytes, promise: nil)
        if !terminalChannel.isWritable {
            // The dashboard is not reading: stop taking the client's keys until it does.
            context.channel.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
        }
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        // A slow client: stop reading the terminal, so its output waits in the kernel, not in our memory.
        terminalChannel?.setOption(ChannelOptions.autoRead, value: context.channel.isWritable).whenFailure { _ in }
        context.fireChannelWritabilityChanged()
    }

    func channelInactive(context: ChannelHandlerContext) {
        clientGone = true
        hangUp()
        completeIfDone()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // The connection going away is how sessions normally end when a client is killed: not worth a note.
        if (error as? NIOSSHError)?.type != .tcpShutdown {
            record.note("session error: \(LogText.printable(String(describing: error)))")
        }
        context.close(promise: nil)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            guard !requestedRun, terminal == nil else {
                // The first terminal stays as it was (a second pty-req once replaced it).
                record.refused("second pty-req refused")
                return reply(false, wanted: request.wantReply)
            }
            let columns = request.terminalCharacterWidth, rows = request.terminalRowHeight
            if let accepted = TerminalRequest(term: request.term, columns: columns, rows: rows),
               TerminalSupport.isDrawable(accepted.term) {
                terminal = accepted
                record.terminal = accepted
            } else {
                undrawableTerm = LogText.printable(String(request.term.prefix(64)))
                terminal = TerminalRequest(term: "dumb", columns: columns, rows: rows) // the visitor's line endings
            }
            reply(true, wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let accepted = !requestedRun && environment.accept(name: request.name, value: request.value)
            if !accepted { record.refused("env \(LogText.printable(String(request.name.prefix(32)))) refused") }
            reply(accepted, wanted: request.wantReply)
        case let request as SSHChannelRequestEvent.ShellRequest:
            run(record.forcedArguments ?? DashboardArguments(), wantReply: request.wantReply)
        case let request as SSHChannelRequestEvent.ExecRequest:
            if let forced = record.forcedArguments {
                // As sshd with command=: the key's options win over what the visitor typed.
                record.note("the key's command= replaced the visitor's command")
                run(forced, wantReply: request.wantReply)
            } else if let arguments = DashboardArguments(command: request.command) {
                run(arguments, wantReply: request.wantReply)
            } else {
                record.refusedCommand = request.command
                ServerMetrics.refused("command")
                refuse(DashboardArguments.usage, wantReply: request.wantReply)
            }
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            lastActivity = .now()
            let size = TerminalRequest.bounded(columns: request.terminalCharacterWidth, rows: request.terminalRowHeight)
            terminal?.columns = size.columns
            terminal?.rows = size.rows
            record.terminal = terminal
            process?.resize(columns: size.columns, rows: size.rows)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            // A request type the library cannot read arrives renamed (RequestFilteringGCMProtection).
            let refusedPrefix = RequestFilteringGCMProtection.refusedPrefix
            record.refused(request.subsystem.hasPrefix(refusedPrefix)
                ? "\(LogText.printable(String(request.subsystem.dropFirst(refusedPrefix.count)))) refused"
                : "subsystem \(LogText.printable(request.subsystem)) refused")
            reply(false, wanted: request.wantReply)
        case ChannelEvent.inputClosed:
            break // the dashboard runs until it is quit or the channel closes
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ success: Bool, wanted: Bool) {
        guard wanted, let context else { return }
        if success {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    // MARK: - Starting the dashboard

    private func run(_ arguments: DashboardArguments, wantReply: Bool) {
        guard !requestedRun else {
            record.refused("second shell or exec refused")
            return reply(false, wanted: wantReply)
        }
        requestedRun = true
        if let undrawableTerm {
            record.outcome = "refused: TERM \(undrawableTerm) cannot be drawn"
            ServerMetrics.refused("terminal")
            return refuse(TerminalSupport.refusal(term: undrawableTerm), wantReply: wantReply)
        }
        guard let terminal, let context else {
            ServerMetrics.refused("no terminal")
            return refuse("alidash serve shows an interactive dashboard and needs a terminal: connect with ssh -t HOST.",
                          wantReply: wantReply)
        }
        guard settings.registry.acquireSession() else {
            record.outcome = "refused: server full"
            ServerMetrics.refused("server full")
            return refuse("alidash serve: the server is full (\(settings.limits.maximumSessions) sessions); try again later.",
                          wantReply: wantReply)
        }
        holdsSessionSlot = true
        let process: DashboardProcess
        do {
            process = try DashboardProcess(
                executable: settings.dashboardPath, arguments: arguments.commandLine,
                environment: environment.variables(term: terminal.term), terminal: terminal)
        } catch {
            record.outcome = "failed: \(error.description)"
            return refuse("alidash serve: the dashboard could not start.", wantReply: wantReply)
        }
        self.process = process
        sessionStarted = .now()
        record.sessionStarted(arguments: arguments)
        reply(true, wanted: wantReply)
        lastActivity = .now()
        attachTerminal(process.ioDescriptor, on: context.eventLoop)
        scheduleIdleCheck()
        schedule(after: settings.limits.sessionTimeout) { $0.end(.sessionTimeout) }
    }

    /// Reads and writes the pseudo-terminal's master side through a NIO pipe channel on this event loop.
    private func attachTerminal(_ descriptor: CInt, on eventLoop: EventLoop) {
        let session = NIOLoopBound(self, eventLoop: eventLoop)
        NIOPipeBootstrap(group: eventLoop)
            .channelOption(ChannelOptions.autoRead, value: true)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TerminalOutputHandler(session: session.value))
                }
            }
            .takingOwnershipOfDescriptor(inputOutput: descriptor)
            .assumeIsolated()
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    self.terminalChannel = channel
                    if self.clientGone { channel.close(promise: nil) }
                case .failure:
                    close(descriptor)
                    self.terminalOutputEnded()
                }
            }
    }

    // MARK: - Screen output (called by TerminalOutputHandler)

    func terminalOutput(_ bytes: ByteBuffer) {
        guard let context, !clientGone else { return }
        lastActivity = .now()
        ServerMetrics.bytesOut.increment(by: bytes.readableBytes)
        let promise = context.eventLoop.makePromise(of: Void.self)
        context.write(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(bytes))), promise: promise)
        lastWrite = promise.futureResult
        if !context.channel.isWritable {
            terminalChannel?.setOption(ChannelOptions.autoRead, value: false).whenFailure { _ in }
        }
    }

    func terminalOutputComplete() {
        context?.flush()
    }

    func terminalWritabilityChanged(_ writable: Bool) {
        context?.channel.setOption(ChannelOptions.autoRead, value: writable).whenFailure { _ in }
    }

    /// The terminal reported EOF or EIO: every program on it has closed it, usually by exiting.
    func terminalOutputEnded() {
        outputEnded = true
        terminalChannel = nil
        startReaping()
        completeIfDone() // the dashboard may have been reaped before its last output was read
    }

    // MARK: - Ending

    /// Ends a running dashboard for a server reason; the note is shown once it has restored the terminal.
    func end(_ ending: Ending) {
        guard let process, process.status == nil else {
            if process == nil { context?.close(promise: nil) }
            return
        }
        closingNote = ending.note(settings.limits)
        record.endedBy = ending
        process.signal(SIGHUP)
        startReaping()
    }

    /// The client went away: the dashboard gets SIGHUP (and its terminal is hung up), SIGKILL after the grace period.
    private func hangUp() {
        guard let process, process.status == nil else { return }
        process.signal(SIGHUP)
        terminalChannel?.close(promise: nil)
        process.closeResizeDescriptor()
        startReaping()
    }

    private func startReaping() {
        guard !reaping, process != nil else { return }
        reaping = true
        schedule(after: settings.limits.hangUpGrace) { session in
            session.process?.signal(SIGKILL)
        }
        pollExit()
    }

    private func pollExit() {
        guard let process, let context else { return }
        if process.reap() {
            if holdsSessionSlot {
                holdsSessionSlot = false
                settings.registry.releaseSession()
            }
            record.exitStatus = process.status
            completeIfDone()
        } else {
            context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(10)) { self.pollExit() }
        }
    }

    /// Once the dashboard is reaped and its output is out: the closing note, the exit status, and close.
    private func completeIfDone() {
        guard !finished else { return }
        if let process {
            guard let status = process.status, outputEnded || clientGone else { return }
            if clientGone { return finish() }
            sendExit(note: closingNote, status: status)
        } else if clientGone {
            finish()
        }
    }

    private func refuse(_ message: String, wantReply: Bool) {
        reply(true, wanted: wantReply)
        if record.outcome == nil { record.outcome = "refused: " + (record.refusedCommand.map { "command " + LogText.printable($0) } ?? message) }
        sendExit(note: message, status: .exited(1))
    }

    private func sendExit(note: String?, status: ExitStatus) {
        guard let context, !finished else { return }
        let lineEnd = terminal == nil ? "\n" : "\r\n"
        var pending = lastWrite ?? context.eventLoop.makeSucceededVoidFuture()
        if let note {
            let text = (terminal == nil ? "" : "\r\n") + note.split(separator: "\n").joined(separator: lineEnd) + lineEnd
            let promise = context.eventLoop.makePromise(of: Void.self)
            let buffer = context.channel.allocator.buffer(string: text)
            context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: promise)
            pending = promise.futureResult
        }
        pending.assumeIsolated().whenComplete { _ in
            switch status {
            case .exited(let code):
                context.channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: Int(code)), promise: nil)
            case .signaled:
                context.channel.triggerUserOutboundEvent(
                    SSHChannelRequestEvent.ExitSignal(signalName: status.signalName, errorMessage: "", language: "",
                                                      dumpedCore: false), promise: nil)
            }
            context.close(promise: nil)
            self.finish()
        }
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        if let sessionStarted { ServerMetrics.sessionDuration.recordNanoseconds((NIODeadline.now() - sessionStarted).nanoseconds) }
        timers.forEach { $0.cancel() }
        timers = []
        idleTimer?.cancel()
        if holdsSessionSlot, process == nil {
            holdsSessionSlot = false
            settings.registry.releaseSession()
        }
        record.sessionFinished()
    }

    // MARK: - Timers

    private func schedule(after seconds: Double, _ body: @escaping (SessionHandler) -> Void) {
        guard let context else { return }
        timers.append(context.eventLoop.assumeIsolated().scheduleTask(in: .fractionalSeconds(seconds)) { body(self) })
    }

    /// Re-arms itself for the moment the session would become idle.
    private func scheduleIdleCheck() {
        guard let context, !finished else { return }
        let remaining = lastActivity + .fractionalSeconds(settings.limits.idleTimeout) - .now()
        guard remaining > .zero else { return end(.idle) }
        idleTimer = context.eventLoop.assumeIsolated().scheduleTask(in: remaining) { self.scheduleIdleCheck() }
    }
}

/// Hands what the dashboard writes to its session, and tells it when the terminal ends.
final class TerminalOutputHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    private weak var session: SessionHandler?

    init(session: SessionHandler) {
        self.session = session
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        session?.terminalOutput(unwrapInboundIn(data))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        session?.terminalOutputComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        session?.terminalWritabilityChanged(context.channel.isWritable)
    }

    /// EIO is how a terminal says its last user closed it: an end like EOF, not a failure.
    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        session?.terminalOutputEnded()
    }
}

extension TimeAmount {
    static func fractionalSeconds(_ seconds: Double) -> TimeAmount {
        .nanoseconds(Int64(min(seconds, 1e9) * 1e9))
    }
}
