@testable import AlidashServer
import Crypto
import Foundation
import NIOSSH
import Testing

@Suite struct KeyTests {
    static let ed25519Line = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPPcCTgYz1wzWQ0JlVziECK/kdtGgX8qo3nM574M71nP"

    @Test func hostKeyFileRoundTripsThroughTheOpenSSHFormat() throws {
        let key = HostKey(privateKey: Curve25519.Signing.PrivateKey())
        let text = key.openSSHText
        #expect(text.hasPrefix("-----BEGIN OPENSSH PRIVATE KEY-----\n"))
        #expect(text.hasSuffix("\n-----END OPENSSH PRIVATE KEY-----\n"))
        let read = try HostKey(openSSHText: text)
        #expect(read.privateKey.rawRepresentation == key.privateKey.rawRepresentation)
        #expect(read.fingerprint == key.fingerprint)
    }

    @Test func hostKeyIsCreatedOnceWithMode0600AndRefusedWhenOthersMayReadIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alidash-hostkey-\(getpid())-\(UInt32.random(in: 0 ... .max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("key").path
        let first = try HostKey.loadOrCreate(at: path)
        #expect(first.created)
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        let second = try HostKey.loadOrCreate(at: path)
        #expect(!second.created)
        #expect(second.key.fingerprint == first.key.fingerprint)
        chmod(path, 0o644)
        #expect(throws: ServerSetupError.self) { try HostKey.loadOrCreate(at: path) }
        chmod(path, 0o600)
        try "not a key".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(throws: ServerSetupError.self) { try HostKey.loadOrCreate(at: path) }
    }

    @Test func fingerprintIsOpenSSHs() throws {
        // `ssh-keygen -lf` printed this fingerprint for the key above.
        let key = try NIOSSHPublicKey(openSSHPublicKey: KeyTests.ed25519Line)
        #expect(KeyFingerprint.sha256(of: key) == "SHA256:+fZzDPIL8j4RjYfZ4ipMdCWs44U6Ff7xwFYInFDsU7U")
    }

    @Test func authorizedKeysKeepEd25519AndECDSAAndExplainTheRest() throws {
        let ecdsa = String(openSSHPublicKey: NIOSSHPrivateKey(p256Key: P256.Signing.PrivateKey()).publicKey)
        let text = """
            # visitors
            \(KeyTests.ed25519Line) alice@example

            restrict,pty \(ecdsa) bob
            ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC carol
            ssh-ed25519 AAAA-damaged
            nonsense
            """
        let keys = AuthorizedKeys(text: text, fileName: "keys")
        #expect(keys.usableCount == 2)
        let alice = try NIOSSHPublicKey(openSSHPublicKey: KeyTests.ed25519Line)
        #expect(keys.lines.contains { $0.key == alice })
        #expect(keys.warnings == [
            "keys:5: ssh-rsa keys are not supported (only ed25519 and ECDSA), line skipped",
            "keys:6: damaged ssh-ed25519 key, line skipped",
            "keys:7: no public key found, line skipped",
        ])
    }
}
