import CoreMetrics
import Foundation
import Metrics
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Prometheus

/// What the server counts, through swift-metrics. Without --metrics nothing is bootstrapped and every
/// metric is a no-op; with it, swift-prometheus keeps them and `MetricsEndpoint` serves them.
public enum ServerMetrics {
    static let sessionDurationBuckets: [Duration] = [.seconds(1), .seconds(10), .seconds(60), .seconds(300),
                                                     .seconds(900), .seconds(3600), .seconds(4 * 3600), .seconds(24 * 3600)]

    /// Sends every metric to a Prometheus registry; call once, before the server starts.
    public static func bootstrapPrometheus() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = ["alidash_session_duration_seconds": sessionDurationBuckets]
        MetricsSystem.bootstrap(factory)
        // Zero from the start, so a scrape before the first visitor shows every series.
        sessions.record(0)
        connections.record(0)
        for direction in ["in", "out"] { Counter(label: "alidash_bytes_total", dimensions: [("direction", direction)]).increment(by: 0) }
        return registry
    }

    // Created on first use, which is after the bootstrap (metrics made before it stay no-ops).
    static let sessions = Gauge(label: "alidash_sessions")
    static let connections = Gauge(label: "alidash_connections")
    static let bytesIn = Counter(label: "alidash_bytes_total", dimensions: [("direction", "in")])
    static let bytesOut = Counter(label: "alidash_bytes_total", dimensions: [("direction", "out")])
    static let sessionDuration = Metrics.Timer(label: "alidash_session_duration_seconds")

    static func login(accepted: Bool) {
        Counter(label: "alidash_logins_total", dimensions: [("result", accepted ? "accepted" : "refused")]).increment()
    }

    /// A refusal, by a short reason made into a label ("rate limit" → rate_limit).
    static func refused(_ reason: String) {
        let label = reason.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "_")
        Counter(label: "alidash_refusals_total", dimensions: [("reason", label)]).increment()
    }

    static func connectionEnded(_ record: ConnectionRecord) {
        if record.keyFingerprint != nil {
            login(accepted: true)
        } else if !record.refusedKeys.isEmpty || !record.triedMethods.isEmpty {
            login(accepted: false)
            refused("key")
        }
    }
}

/// `--metrics HOST:PORT`: a minimal HTTP/1.1 endpoint that answers `GET /metrics` with the Prometheus text
/// format and closes. Requests are bounded (8 KiB, 5 s, 32 at once); anything else gets 404 or 405.
public final class MetricsEndpoint: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let open = NIOLockedValueBox(0)
    static let maximumConnections = 32

    public init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    public func start(host: String, port: Int, group: any EventLoopGroup) throws -> SocketAddress {
        let registry = registry, open = open
        let channel = try ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let admitted = open.withLockedValue { count in
                        guard count < MetricsEndpoint.maximumConnections else { return false }
                        count += 1
                        return true
                    }
                    guard admitted else { throw ServerSetupError("too many metrics requests at once") }
                    channel.closeFuture.whenComplete { _ in open.withLockedValue { $0 -= 1 } }
                    try channel.pipeline.syncOperations.addHandler(MetricsRequestHandler(registry: registry))
                }
            }
            .bind(host: host, port: port).wait()
        guard let address = channel.localAddress else { throw ServerSetupError("the metrics socket has no address") }
        return address
    }
}

final class MetricsRequestHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let registry: PrometheusCollectorRegistry
    private var request: [UInt8] = []
    private var answered = false
    static let maximumRequest = 8192

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
    }

    func channelActive(context: ChannelHandlerContext) {
        let channel = context.channel
        context.eventLoop.scheduleTask(in: .seconds(5)) { channel.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        var bytes = unwrapInboundIn(data)
        request += bytes.readBytes(length: bytes.readableBytes) ?? []
        let end = Array("\r\n\r\n".utf8)
        guard let headerEnd = request.firstRange(of: end) else {
            if request.count > Self.maximumRequest { respond(context, status: "431 Request Header Fields Too Large", body: "request too large\n") }
            return
        }
        let requestLine = String(decoding: request[..<headerEnd.lowerBound].prefix(while: { $0 != 0x0D }), as: UTF8.self)
        let words = requestLine.split(separator: " ")
        guard words.count == 3, words[2].hasPrefix("HTTP/1.") else {
            return respond(context, status: "400 Bad Request", body: "not an HTTP/1 request\n")
        }
        guard words[0] == "GET" || words[0] == "HEAD" else {
            return respond(context, status: "405 Method Not Allowed", body: "only GET /metrics\n")
        }
        let path = words[1].split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard path == "/metrics" else { return respond(context, status: "404 Not Found", body: "try /metrics\n") }
        respond(context, status: "200 OK", body: String(decoding: registry.emitToBuffer(), as: UTF8.self),
                contentType: "text/plain; version=0.0.4; charset=utf-8", headOnly: words[0] == "HEAD")
    }

    private func respond(_ context: ChannelHandlerContext, status: String, body: String,
                         contentType: String = "text/plain; charset=utf-8", headOnly: Bool = false) {
        answered = true
        let bodyBytes = Array(body.utf8)
        let head = "HTTP/1.1 \(status)\r\nContent-Type: \(contentType)\r\nContent-Length: \(bodyBytes.count)\r\nConnection: close\r\n\r\n"
        let buffer = context.channel.allocator.buffer(bytes: Array(head.utf8) + (headOnly ? [] : bodyBytes))
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(buffer)).whenComplete { _ in channel.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
