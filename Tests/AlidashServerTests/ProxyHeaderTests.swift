@testable import AlidashServer
import Testing

/// The PROXY protocol header, v1 and v2, as HAProxy's spec describes it.
@Suite struct ProxyHeaderTests {
    private func v2(command: UInt8 = 0x21, family: UInt8 = 0x11, body: [UInt8]) -> [UInt8] {
        ProxyHeader.v2Signature + [command, family, UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
    }

    @Test func versionOneGivesTheSourceAddressAndTheHeaderLength() {
        let line = Array("PROXY TCP4 203.0.113.7 10.0.0.1 51234 2222\r\n".utf8)
        #expect(ProxyHeader.parse(line + Array("SSH-2.0-x".utf8)) == .header(source: "203.0.113.7", length: line.count))
        let six = Array("PROXY TCP6 2001:db8::1 2001:db8::2 1 2\r\n".utf8)
        #expect(ProxyHeader.parse(six) == .header(source: "2001:db8::1", length: six.count))
        #expect(ProxyHeader.parse(Array("PROXY UNKNOWN\r\n".utf8)) == .header(source: nil, length: 15))
    }

    @Test func versionTwoForIPv4IPv6AndLocal() {
        let ipv4 = v2(body: [203, 0, 113, 7, 10, 0, 0, 1, 0xC8, 0x22, 0x08, 0xAE])
        #expect(ProxyHeader.parse(ipv4 + [0x53]) == .header(source: "203.0.113.7", length: 28))
        let ipv6 = v2(family: 0x21, body: [0x20, 0x01, 0x0d, 0xb8] + Array(repeating: 0, count: 11) + [1]
                      + Array(repeating: 0, count: 16) + [0, 1, 0, 2])
        #expect(ProxyHeader.parse(ipv6) == .header(source: "2001:db8::1", length: 52))
        // LOCAL (a health check from the balancer itself): no visitor address; TLVs after the addresses are skipped.
        #expect(ProxyHeader.parse(v2(command: 0x20, family: 0x00, body: [])) == .header(source: nil, length: 16))
        let withTLV = v2(body: [203, 0, 113, 7, 10, 0, 0, 1, 0, 1, 0, 2] + [0x04, 0x00, 0x01, 0x00])
        #expect(ProxyHeader.parse(withTLV) == .header(source: "203.0.113.7", length: 32))
    }

    @Test func partialHeadersWaitAndBrokenOnesAreRefusedWithAReason() {
        #expect(ProxyHeader.parse(Array("PRO".utf8)) == .needMore)
        #expect(ProxyHeader.parse(Array("PROXY TCP4 1.2.3.4".utf8)) == .needMore)
        #expect(ProxyHeader.parse(Array(ProxyHeader.v2Signature.prefix(5))) == .needMore)
        #expect(ProxyHeader.parse(Array(v2(body: [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 0, 2]).prefix(20))) == .needMore)
        #expect(ProxyHeader.parse(Array("SSH-2.0-OpenSSH\r\n".utf8)) == .invalid("no PROXY protocol header"))
        #expect(ProxyHeader.parse(Array("PROXY TCP4 1.2.3.999 1.2.3.4 1 2\r\n".utf8))
            == .invalid("PROXY v1 line has a malformed address or port"))
        #expect(ProxyHeader.parse(Array("PROXY TCP4 1.2.3.4 1.2.3.4 1 70000\r\n".utf8))
            == .invalid("PROXY v1 line has a malformed address or port"))
        #expect(ProxyHeader.parse(Array("PROXY TCP4 1.2.3.4 1.2.3.4 1 2\n".utf8)) == .invalid("PROXY v1 line not ended by CRLF"))
        #expect(ProxyHeader.parse(Array(("PROXY " + String(repeating: "x", count: 120)).utf8))
            == .invalid("PROXY v1 line longer than 107 bytes"))
        #expect(ProxyHeader.parse(v2(command: 0x31, body: [])) == .invalid("PROXY v2 header of version 3"))
        #expect(ProxyHeader.parse(ProxyHeader.v2Signature + [0x21, 0x11, 0x10, 0x00])
            == .invalid("PROXY v2 header of 4112 bytes, more than 528"))
        #expect(ProxyHeader.parse(v2(family: 0x12, body: Array(repeating: 0, count: 12)))
            == .invalid("PROXY v2 header for a transport other than TCP (0x12)"))
    }

    @Test func headerLikeBytesAreToldApartFromSSH() {
        #expect(ProxyHeader.looksLikeHeader(Array("PROXY TCP4".utf8)))
        #expect(ProxyHeader.looksLikeHeader(ProxyHeader.v2Signature))
        #expect(!ProxyHeader.looksLikeHeader(Array("SSH-2.0".utf8)))
        #expect(!ProxyHeader.looksLikeHeader(Array("GET / HTTP/1.1".utf8)))
    }
}

@Suite struct ConnectionRefusalTests {
    @Test func refusalsLogTheAddressButNeverPutItInAMetricsLabel() {
        let limits = ServerLimits(connectionsPerMinute: 6)
        #expect(ConnectionRefusal.rateLimited.logText(address: "203.0.113.7") == "connection rate limit for 203.0.113.7")
        #expect(ConnectionRefusal.rateLimited.visitorMessage(address: "203.0.113.7", limits: limits)
            == "too many new connections from 203.0.113.7 (6 a minute); try again in a minute.")
        for refusal in [ConnectionRefusal.shuttingDown, .tooManyConnections, .rateLimited] {
            #expect(!refusal.metricsReason.contains("203"))
        }
        #expect(ConnectionRefusal.rateLimited.metricsReason == "rate limit")
    }
}
