import Crypto
import Foundation
import NIOSSH

/// The server's ed25519 host key, kept in an unencrypted OpenSSH private key file (what `ssh-keygen -t ed25519
/// -N ''` writes), so `ssh-keygen -l -f FILE` shows the same fingerprint.
public struct HostKey {
    public let privateKey: Curve25519.Signing.PrivateKey

    public var sshKey: NIOSSHPrivateKey { NIOSSHPrivateKey(ed25519Key: privateKey) }
    /// "ssh-ed25519 AAAA…", the line for a client's known_hosts.
    public var publicKeyLine: String { String(openSSHPublicKey: sshKey.publicKey) }
    public var fingerprint: String { KeyFingerprint.sha256(of: sshKey.publicKey) }

    public init(privateKey: Curve25519.Signing.PrivateKey) {
        self.privateKey = privateKey
    }

    /// Reads the key at `path`, or creates one there (mode 0600) when no file exists.
    /// A file that others may read is refused, as sshd does.
    public static func loadOrCreate(at path: String) throws(ServerSetupError) -> (key: HostKey, created: Bool) {
        var info = stat()
        guard stat(path, &info) == 0 else {
            guard errno == ENOENT else { throw ServerSetupError("cannot read the host key \(path): \(errnoText())") }
            let key = HostKey(privateKey: Curve25519.Signing.PrivateKey())
            do {
                try key.write(to: path)
            } catch where errno == EEXIST {
                return try loadOrCreate(at: path) // another server created it a moment ago
            }
            return (key, true)
        }
        guard info.st_mode & 0o077 == 0 else {
            throw ServerSetupError("the host key \(path) may be read by others (mode \(String(info.st_mode & 0o777, radix: 8))): chmod 600 \(path)")
        }
        let text: String
        do {
            text = try readTextFile(path, limit: 65536)
        } catch {
            throw ServerSetupError("cannot read the host key \(path): \(error.reason)")
        }
        do {
            return (try HostKey(openSSHText: text), false)
        } catch {
            throw ServerSetupError("the host key \(path) is not usable: \(error.message)")
        }
    }

    /// Writes a temporary file with mode 0600 and links it into place, so the key appears whole or not at all
    /// and an existing file is never overwritten.
    func write(to path: String) throws(ServerSetupError) {
        let temporary = path + ".new-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ServerSetupError("cannot create the host key \(path): \(errnoText())") }
        defer { unlink(temporary) }
        let bytes = Array(openSSHText.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        let synced = fchmod(descriptor, 0o600) == 0 && written == bytes.count && fsync(descriptor) == 0
        close(descriptor)
        guard synced, link(temporary, path) == 0 else {
            throw ServerSetupError("cannot write the host key \(path): \(errnoText())")
        }
    }

    // MARK: - OpenSSH private key format (PROTOCOL.key): unencrypted ed25519 only

    static let magic = Array("openssh-key-v1\0".utf8)
    static let keyType = "ssh-ed25519"

    var openSSHText: String {
        let publicBytes = Array(privateKey.publicKey.rawRepresentation)
        var publicBlob = SSHWireWriter()
        publicBlob.string(HostKey.keyType)
        publicBlob.bytes(publicBytes)

        var secret = SSHWireWriter()
        let check = UInt32.random(in: .min ... .max)
        secret.uint32(check)
        secret.uint32(check)
        secret.string(HostKey.keyType)
        secret.bytes(publicBytes)
        secret.bytes(Array(privateKey.rawRepresentation) + publicBytes)
        secret.string("alidash serve host key")
        var padding: UInt8 = 1
        while secret.data.count % 8 != 0 {
            secret.data.append(padding)
            padding += 1
        }

        var file = SSHWireWriter()
        file.data = HostKey.magic
        file.string("none")
        file.string("none")
        file.string("")
        file.uint32(1)
        file.bytes(publicBlob.data)
        file.bytes(secret.data)

        let body = Data(file.data).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + body + "\n-----END OPENSSH PRIVATE KEY-----\n"
    }

    init(openSSHText text: String) throws(KeyFormatError) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "-----BEGIN OPENSSH PRIVATE KEY-----", lines.last == "-----END OPENSSH PRIVATE KEY-----",
              let decoded = Data(base64Encoded: lines.dropFirst().dropLast().joined()) else {
            throw KeyFormatError("not an OpenSSH private key")
        }
        var reader = SSHWireReader(Array(decoded))
        guard reader.take(HostKey.magic.count) == HostKey.magic else { throw KeyFormatError("not an OpenSSH private key") }
        guard try reader.string() == "none", try reader.string() == "none" else {
            throw KeyFormatError("the key is encrypted: use a key without a passphrase")
        }
        _ = try reader.bytes()
        guard try reader.uint32() == 1 else { throw KeyFormatError("more than one key in the file") }
        _ = try reader.bytes()
        var secret = SSHWireReader(try reader.bytes())
        guard try secret.uint32() == (try secret.uint32()) else { throw KeyFormatError("damaged key (check bytes differ)") }
        guard try secret.string() == HostKey.keyType else { throw KeyFormatError("not an ed25519 key") }
        let publicBytes = try secret.bytes()
        let privateBytes = try secret.bytes()
        guard privateBytes.count == 64, Array(privateBytes[32...]) == publicBytes,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: privateBytes[..<32]),
              Array(key.publicKey.rawRepresentation) == publicBytes else {
            throw KeyFormatError("damaged ed25519 key")
        }
        privateKey = key
    }
}

// MARK: - Fingerprints

public enum KeyFingerprint {
    /// "SHA256:" and the unpadded base64 of the SHA-256 of the key's wire form, as OpenSSH prints it.
    public static func sha256(of key: NIOSSHPublicKey) -> String {
        let line = String(openSSHPublicKey: key)
        let encoded = line.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        let blob = Data(base64Encoded: encoded) ?? Data()
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }
}

// MARK: - SSH wire encoding (RFC 4251: uint32 lengths, big-endian)

struct SSHWireWriter {
    var data: [UInt8] = []

    mutating func uint32(_ value: UInt32) {
        data += [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }

    mutating func bytes(_ value: [UInt8]) {
        uint32(UInt32(value.count))
        data += value
    }

    mutating func string(_ value: String) { bytes(Array(value.utf8)) }
}

struct SSHWireReader {
    private var remaining: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) { remaining = bytes[...] }

    mutating func take(_ count: Int) -> [UInt8]? {
        guard count >= 0, remaining.count >= count else { return nil }
        defer { remaining = remaining.dropFirst(count) }
        return Array(remaining.prefix(count))
    }

    mutating func uint32() throws(KeyFormatError) -> UInt32 {
        guard let four = take(4) else { throw KeyFormatError("truncated key") }
        return four.reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func bytes() throws(KeyFormatError) -> [UInt8] {
        let count = try uint32()
        guard count <= 1 << 16, let value = take(Int(count)) else { throw KeyFormatError("truncated key") }
        return value
    }

    mutating func string() throws(KeyFormatError) -> String { String(decoding: try bytes(), as: UTF8.self) }
}

struct KeyFormatError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

/// A reason the server cannot start, said in one line, with the exit status it ends with.
public struct ServerSetupError: Error, CustomStringConvertible {
    /// sysexits EX_UNAVAILABLE: the server cannot listen (address in use, privileged port, no such address).
    public static let unavailable: Int32 = 69

    public var description: String
    public var exitCode: Int32
    public init(_ description: String, exitCode: Int32 = 1) {
        self.description = description
        self.exitCode = exitCode
    }
}

func errnoText(_ number: Int32 = errno) -> String { String(cString: strerror(number)) }

// MARK: - Reading a text file

/// Why a file could not be read, as the system says it (or "not UTF-8 text").
struct UnreadableFile: Error, Equatable {
    var reason: String
}

/// The whole file as UTF-8 text, read with plain POSIX calls so the reason for a failure is the real one
/// (errno after Foundation's `String(contentsOfFile:)` is stale: "Success" for a folder).
/// A regular file of at most `limit` bytes, as UTF-8 text. A FIFO, a device (/dev/zero) or anything larger
/// is refused before it is read, so the server never grows or waits on what it is given.
func readTextFile(_ path: String, limit: Int = 1 << 20) throws(UnreadableFile) -> String {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard descriptor >= 0 else { throw UnreadableFile(reason: errnoText()) }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { throw UnreadableFile(reason: errnoText()) }
    guard info.st_mode & S_IFMT != S_IFDIR else { throw UnreadableFile(reason: String(cString: strerror(EISDIR))) }
    guard info.st_mode & S_IFMT == S_IFREG else { throw UnreadableFile(reason: "not a regular file") }
    guard info.st_size <= limit else {
        throw UnreadableFile(reason: "\(info.st_size) bytes, more than the \(limit / 1024) KiB allowed")
    }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 && errno == EINTR { continue }
        guard count >= 0 else { throw UnreadableFile(reason: errnoText()) }
        if count == 0 { break }
        bytes += chunk[..<count]
        // The file may grow while it is read.
        guard bytes.count <= limit else { throw UnreadableFile(reason: "more than the \(limit / 1024) KiB allowed") }
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { throw UnreadableFile(reason: "not UTF-8 text") }
    return text
}
