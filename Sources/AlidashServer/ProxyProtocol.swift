import Foundation
import NIOCore

/// HAProxy's PROXY protocol, versions 1 (text) and 2 (binary): the header a load balancer puts before the
/// client's bytes to say whom the connection is really from (haproxy.org/download/3.0/doc/proxy-protocol.txt).
enum ProxyHeader {
    enum Parsed: Equatable {
        /// Not enough bytes yet to decide.
        case needMore
        /// A whole header of `length` bytes; `source` is the client's address, or nil when the header says
        /// the connection is the balancer's own (v1 UNKNOWN, v2 LOCAL or an unspecified family).
        case header(source: String?, length: Int)
        case invalid(String)
    }

    static let v2Signature: [UInt8] = [0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A]
    /// The longest v1 line the spec allows, CRLF included.
    static let maximumV1Length = 107
    /// Room for the addresses and a few TLVs (cloud balancers add some); a longer header is refused.
    static let maximumV2Length = 16 + 512

    /// Whether four or more first bytes are the start of a header (so, not SSH).
    static func looksLikeHeader(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: Array("PROX".utf8)) || bytes.starts(with: v2Signature.prefix(4))
    }

    static func parse(_ bytes: [UInt8]) -> Parsed {
        let v1 = Array("PROXY ".utf8)
        if bytes.count < v1.count && v1.starts(with: bytes) { return .needMore }
        if bytes.count < v2Signature.count && v2Signature.starts(with: bytes) { return .needMore }
        if bytes.starts(with: v2Signature) { return parseV2(bytes) }
        if bytes.starts(with: v1) { return parseV1(bytes) }
        return .invalid("no PROXY protocol header")
    }

    private static func parseV1(_ bytes: [UInt8]) -> Parsed {
        guard let end = bytes.prefix(maximumV1Length).firstIndex(of: 0x0A) else {
            return bytes.count >= maximumV1Length ? .invalid("PROXY v1 line longer than 107 bytes") : .needMore
        }
        guard end > 0, bytes[end - 1] == 0x0D else { return .invalid("PROXY v1 line not ended by CRLF") }
        let line = String(decoding: bytes[..<(end - 1)], as: UTF8.self)
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        if words.count >= 2 && words[1] == "UNKNOWN" { return .header(source: nil, length: end + 1) }
        guard words.count == 6, words[1] == "TCP4" || words[1] == "TCP6" else {
            return .invalid("PROXY v1 line is not 'PROXY TCP4|TCP6 SOURCE DEST SPORT DPORT'")
        }
        let family = words[1] == "TCP4" ? AF_INET : AF_INET6
        guard isAddress(words[2], family: family), isAddress(words[3], family: family),
              isPort(words[4]), isPort(words[5]) else {
            return .invalid("PROXY v1 line has a malformed address or port")
        }
        return .header(source: words[2], length: end + 1)
    }

    private static func parseV2(_ bytes: [UInt8]) -> Parsed {
        guard bytes.count >= 16 else { return .needMore }
        let versionAndCommand = bytes[12], familyAndProtocol = bytes[13]
        let length = Int(bytes[14]) << 8 | Int(bytes[15])
        guard versionAndCommand >> 4 == 2 else { return .invalid("PROXY v2 header of version \(versionAndCommand >> 4)") }
        guard 16 + length <= maximumV2Length else {
            return .invalid("PROXY v2 header of \(16 + length) bytes, more than \(maximumV2Length)")
        }
        guard bytes.count >= 16 + length else { return .needMore }
        let total = 16 + length
        switch versionAndCommand & 0x0F {
        case 0: return .header(source: nil, length: total) // LOCAL: the balancer's own connection (health check)
        case 1: break
        default: return .invalid("PROXY v2 header with unknown command \(versionAndCommand & 0x0F)")
        }
        let body = Array(bytes[16..<total])
        switch familyAndProtocol {
        case 0x11: // TCP over IPv4: source, destination, ports
            guard body.count >= 12 else { return .invalid("PROXY v2 IPv4 addresses cut short") }
            return .header(source: addressText(Array(body[0..<4]), family: AF_INET), length: total)
        case 0x21: // TCP over IPv6
            guard body.count >= 36 else { return .invalid("PROXY v2 IPv6 addresses cut short") }
            return .header(source: addressText(Array(body[0..<16]), family: AF_INET6), length: total)
        case 0x00:
            return .header(source: nil, length: total)
        default:
            return .invalid("PROXY v2 header for a transport other than TCP (0x\(String(familyAndProtocol, radix: 16)))")
        }
    }

    private static func isAddress(_ text: String, family: Int32) -> Bool {
        var storage = in6_addr()
        return inet_pton(family, text, &storage) == 1
    }

    private static func isPort(_ text: String) -> Bool {
        guard let port = Int(text), text.allSatisfy(\.isASCII), !text.hasPrefix("0") || text == "0" else { return false }
        return (0...65535).contains(port)
    }

    private static func addressText(_ bytes: [UInt8], family: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let result = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) }
        guard result != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// First on every connection: reads what comes before SSH. With --proxy-protocol, a PROXY header is
/// required and gives the visitor's real address; only then is the connection admitted and set up
/// (`admit`), so the rate limit and the log see the visitor, not the balancer. In every case the client's
/// first bytes must be "SSH-": anything else (a PROXY header the server was not told to expect included)
/// is refused, logged, and closed.
final class PreambleHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Admits the visitor at this address (behind the balancer at the second), setting up the handlers
    /// after this one; nil when refused (the refusal handler is set up instead).
    typealias Admit = (_ visitor: String, _ balancer: String?) throws -> ConnectionRecord?

    private let socketAddress: String
    private let timeout: Double
    private let admit: Admit?
    private var record: ConnectionRecord?
    private var buffered: [UInt8] = []
    private var timer: Scheduled<Void>?

    /// Behind a balancer: waits (at most `timeout` seconds) for the header, then calls `admit`.
    init(socketAddress: String, timeout: Double, admit: @escaping Admit) {
        self.socketAddress = socketAddress
        self.timeout = timeout
        self.admit = admit
    }

    /// Directly reachable: the connection is already admitted as `record`.
    init(socketAddress: String, record: ConnectionRecord?) {
        self.socketAddress = socketAddress
        self.timeout = 0
        self.admit = nil
        self.record = record
    }

    func handlerAdded(context: ChannelHandlerContext) {
        guard admit != nil else { return }
        // Nothing is sent before the header: the server's version line waits for the admission.
        let address = socketAddress, seconds = timeout
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: .fractionalSeconds(seconds)) {
            ServerLog.connection([("via", address), ("result", "closed: no PROXY header within \(seconds.formatted()) s")])
            ServerMetrics.refused("no PROXY header")
            context.close(promise: nil)
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffered += bytes.readBytes(length: bytes.readableBytes) ?? []
        if let admit, timer != nil {
            switch ProxyHeader.parse(buffered) {
            case .needMore:
                return
            case .invalid(let reason):
                ServerLog.connection([("via", socketAddress), ("result", "refused: \(LogText.printable(reason))")])
                ServerMetrics.refused("bad PROXY header")
                return context.close(promise: nil)
            case .header(let source, let length):
                timer?.cancel()
                timer = nil
                buffered.removeFirst(length)
                do {
                    record = try admit(source ?? socketAddress, socketAddress)
                } catch {
                    return context.close(promise: nil)
                }
            }
        }
        let ssh = Array("SSH-".utf8)
        if buffered.count < ssh.count && ssh.starts(with: buffered) { return } // not enough to tell yet
        guard buffered.starts(with: ssh) else {
            let what = ProxyHeader.looksLikeHeader(buffered)
                ? "refused: a PROXY protocol header, but --proxy-protocol is not set"
                : "refused: not SSH (the first bytes were not SSH-)"
            if let record {
                record.outcome = what
            } else {
                ServerLog.connection([("from", socketAddress), ("result", what)])
                ServerMetrics.refused("not SSH")
            }
            return context.close(promise: nil)
        }
        // SSH from here on: hand over what was read and step aside.
        let rest = context.channel.allocator.buffer(bytes: buffered)
        buffered = []
        context.fireChannelRead(wrapInboundOut(rest))
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
