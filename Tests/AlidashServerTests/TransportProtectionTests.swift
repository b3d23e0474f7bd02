@testable import AlidashServer
import Crypto
import Foundation
import NIOCore
import NIOSSH
import Testing

@Suite struct TransportProtectionTests {
    private func sshString(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        return withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init) + bytes
    }

    private func channelRequest(_ type: String, wantReply: Bool, data: [UInt8]) -> [UInt8] {
        [98, 0, 0, 0, 7] + sshString(type) + [wantReply ? 1 : 0] + data
    }

    @Test func requestsTheLibraryCannotReadBecomeRefusedSubsystemRequests() {
        // x11-req: single connection, auth protocol, cookie, screen number.
        let x11 = channelRequest("x11-req", wantReply: true,
                                 data: [0] + sshString("MIT-MAGIC-COOKIE-1") + sshString("00ff") + [0, 0, 0, 0])
        #expect(RequestFilteringGCMProtection.filtered(x11)
            == channelRequest("subsystem", wantReply: true, data: sshString("refused:x11-req")))
        let breakRequest = channelRequest("break", wantReply: false, data: [0, 0, 1, 244])
        #expect(RequestFilteringGCMProtection.filtered(breakRequest)
            == channelRequest("subsystem", wantReply: false, data: sshString("refused:break")))
    }

    @Test func understoodRequestsAndOtherMessagesPassUnchanged() {
        let shell = channelRequest("shell", wantReply: true, data: [])
        #expect(RequestFilteringGCMProtection.filtered(shell) == shell)
        let exec = channelRequest("exec", wantReply: true, data: sshString("hubs"))
        #expect(RequestFilteringGCMProtection.filtered(exec) == exec)
        let data: [UInt8] = [94, 0, 0, 0, 0] + sshString("q")
        #expect(RequestFilteringGCMProtection.filtered(data) == data)
        // A truncated request is left for the library to reject.
        let truncated: [UInt8] = [98, 0, 0]
        #expect(RequestFilteringGCMProtection.filtered(truncated) == truncated)
    }

    @Test func packetsRoundTripBetweenTwoEndsAndTheNonceAdvances() throws {
        let keyA = SymmetricKey(size: .bits256), keyB = SymmetricKey(size: .bits256)
        let ivA = Array(repeating: UInt8(1), count: 12), ivB = Array(repeating: UInt8(2), count: 12)
        let mac = SymmetricKey(size: .bits128)
        let sender = try RequestFilteringAES256GCM(initialKeys: NIOSSHSessionKeys(
            initialInboundIV: ivB, initialOutboundIV: ivA, inboundEncryptionKey: keyB, outboundEncryptionKey: keyA,
            inboundMACKey: mac, outboundMACKey: mac))
        let receiver = try RequestFilteringAES256GCM(initialKeys: NIOSSHSessionKeys(
            initialInboundIV: ivA, initialOutboundIV: ivB, inboundEncryptionKey: keyA, outboundEncryptionKey: keyB,
            inboundMACKey: mac, outboundMACKey: mac))
        for payload in [Array("first".utf8), channelRequest("break", wantReply: false, data: [0, 0, 0, 1])] {
            // length, padding length, payload, padding to a multiple of 16 (at least 4 bytes).
            var padding = 16 - (1 + payload.count) % 16
            if padding < 4 { padding += 16 }
            let length = UInt32(1 + payload.count + padding)
            var packet = ByteBuffer(bytes: withUnsafeBytes(of: length.bigEndian, Array.init))
            packet.writeBytes([UInt8(padding)] + payload + Array(repeating: 0, count: padding))
            try sender.encryptPacket(&packet, sequenceNumber: 0)
            let opened = try receiver.decryptAndVerifyRemainingPacket(&packet, sequenceNumber: 0)
            #expect(Array(opened.readableBytesView) == RequestFilteringGCMProtection.filtered(payload))
        }
        // A changed byte fails the tag.
        var packet = ByteBuffer(bytes: [0, 0, 0, 16] + Array(repeating: UInt8(11), count: 16))
        try sender.encryptPacket(&packet, sequenceNumber: 0)
        packet.setInteger(UInt8(0xFF) ^ packet.getInteger(at: 6)!, at: 6)
        #expect(throws: (any Error).self) { try receiver.decryptAndVerifyRemainingPacket(&packet, sequenceNumber: 0) }
    }

    @Test func theNonceCounterCarriesAcrossBytes() throws {
        var nonce = try GCMNonce([9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 0, 255])
        nonce.increment()
        #expect(nonce.bytes == [9, 9, 9, 9, 0, 0, 0, 0, 0, 0, 1, 0])
        var last = try GCMNonce([9, 9, 9, 9] + Array(repeating: 255, count: 8))
        last.increment()
        #expect(last.bytes == [9, 9, 9, 9] + Array(repeating: 0, count: 8))
    }
}
