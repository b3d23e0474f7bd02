import Crypto
import Foundation
import NIOCore
import NIOSSH

/// AES-GCM in OpenSSH's mode (RFC 5647 with the length as associated data), as swift-nio-ssh ships it, with
/// one change on the way in: a channel request of a type the library cannot parse (x11-req, break,
/// auth-agent-req@openssh.com …) reaches it as a subsystem request named `refused:TYPE`. The library
/// drops the whole connection on the bytes it does not read (`ssh -X` and `~B` ended the session);
/// this way the session handler refuses the request, logs it, and the dashboard goes on.
class RequestFilteringGCMProtection {
    private var outboundKey: SymmetricKey
    private var inboundKey: SymmetricKey
    private var outboundNonce: GCMNonce
    private var inboundNonce: GCMNonce

    class var keySize: Int { fatalError("subclasses name their key size") }

    required init(initialKeys: NIOSSHSessionKeys) throws {
        (outboundKey, inboundKey, outboundNonce, inboundNonce) = try Self.checked(initialKeys)
    }

    private static func checked(_ keys: NIOSSHSessionKeys) throws -> (SymmetricKey, SymmetricKey, GCMNonce, GCMNonce) {
        guard keys.outboundEncryptionKey.bitCount == keySize * 8, keys.inboundEncryptionKey.bitCount == keySize * 8 else {
            throw ServerSetupError("AES-GCM key of the wrong size")
        }
        return (keys.outboundEncryptionKey, keys.inboundEncryptionKey,
                try GCMNonce(keys.initialOutboundIV), try GCMNonce(keys.initialInboundIV))
    }

    /// The request types the library reads in full; every other one is renamed.
    static let understoodRequests: Set<String> = ["exec", "exit-status", "env", "exit-signal", "pty-req", "shell",
                                                  "subsystem", "window-change", "xon-xoff", "signal"]
    static let refusedPrefix = "refused:"
    private static let channelRequest: UInt8 = 98

    /// A channel request the library would choke on, as a subsystem request it reads whole; anything else as it is.
    static func filtered(_ payload: [UInt8]) -> [UInt8] {
        guard payload.first == channelRequest else { return payload }
        var reader = payload[1...]
        guard let recipient = reader.popBytes(4), let type = reader.popString(), let wantReply = reader.popFirst(),
              !understoodRequests.contains(String(decoding: type, as: UTF8.self)) else { return payload }
        let name = Array((refusedPrefix + String(decoding: type.prefix(64), as: UTF8.self)).utf8)
        var rewritten: [UInt8] = [channelRequest] + recipient
        rewritten += sshString(Array("subsystem".utf8)) + [wantReply] + sshString(name)
        return rewritten
    }

    private static func sshString(_ bytes: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init) + bytes
    }
}

extension RequestFilteringGCMProtection: NIOSSHTransportProtection {
    static var cipherName: String { "aes\(keySize * 8)-gcm@openssh.com" }
    static var macName: String? { nil }
    static var cipherBlockSize: Int { 16 }
    static var keySizes: ExpectedKeySizes { .init(ivSize: 12, encryptionKeySize: keySize, macKeySize: 16) }
    var macBytes: Int { 16 }
    var lengthEncrypted: Bool { false }

    func updateKeys(_ newKeys: NIOSSHSessionKeys) throws {
        (outboundKey, inboundKey, outboundNonce, inboundNonce) = try Self.checked(newKeys)
    }

    /// The length is not encrypted in this mode.
    func decryptFirstBlock(_ source: inout ByteBuffer) throws {}

    func decryptAndVerifyRemainingPacket(_ source: inout ByteBuffer, sequenceNumber: UInt32) throws -> ByteBuffer {
        guard let length = source.readBytes(length: 4), source.readableBytes > 16,
              let ciphertext = source.readBytes(length: source.readableBytes - 16),
              let tag = source.readBytes(length: 16), ciphertext.count % 16 == 0 else {
            throw ServerSetupError("encrypted packet of an impossible length")
        }
        let box = try AES.GCM.SealedBox(combined: inboundNonce.bytes + ciphertext + tag)
        let plaintext = try Array(AES.GCM.open(box, using: inboundKey, authenticating: length))
        inboundNonce.increment()
        // The first byte says how much padding ends the packet; at least 4, and never more than there is.
        guard let padding = plaintext.first.map(Int.init), padding >= 4, padding < plaintext.count else {
            throw ServerSetupError("encrypted packet with impossible padding")
        }
        return ByteBuffer(bytes: Self.filtered(Array(plaintext[1..<(plaintext.count - padding)])))
    }

    func encryptPacket(_ destination: inout ByteBuffer, sequenceNumber: UInt32) throws {
        let lengthIndex = destination.readerIndex
        let sealed = try AES.GCM.seal(
            destination.viewBytes(at: lengthIndex + 4, length: destination.readableBytes - 4)!,
            using: outboundKey, nonce: try AES.GCM.Nonce(data: outboundNonce.bytes),
            authenticating: destination.viewBytes(at: lengthIndex, length: 4)!)
        destination.setContiguousBytes(sealed.ciphertext, at: lengthIndex + 4)
        destination.writeContiguousBytes(sealed.tag)
        outboundNonce.increment()
    }
}

final class RequestFilteringAES256GCM: RequestFilteringGCMProtection, _NIOSSHSendableMetatype {
    override class var keySize: Int { 32 }
}

final class RequestFilteringAES128GCM: RequestFilteringGCMProtection, _NIOSSHSendableMetatype {
    override class var keySize: Int { 16 }
}

/// A 4-byte fixed field and an 8-byte big-endian counter that goes up by one per packet (RFC 5647 §7.1).
struct GCMNonce {
    private(set) var bytes: [UInt8]

    init(_ initial: [UInt8]) throws {
        guard initial.count == 12 else { throw ServerSetupError("AES-GCM nonce of the wrong size") }
        bytes = initial
    }

    mutating func increment() {
        var counter = bytes[4...].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        counter &+= 1
        for index in (4..<12).reversed() {
            bytes[index] = UInt8(truncatingIfNeeded: counter)
            counter >>= 8
        }
    }
}

private extension ArraySlice<UInt8> {
    mutating func popBytes(_ count: Int) -> [UInt8]? {
        guard self.count >= count else { return nil }
        defer { self = dropFirst(count) }
        return Array(prefix(count))
    }

    /// An SSH string: a 4-byte big-endian length, then that many bytes.
    mutating func popString() -> [UInt8]? {
        guard let length = popBytes(4) else { return nil }
        let count = length.reduce(0) { $0 << 8 | Int($1) }
        return popBytes(count)
    }
}
