@testable import AlidashServer
import Foundation
import Glibc
import NIOCore
import Testing

/// A server that cannot start says why in one line a new user can act on, never a raw NIO or stale errno text.
@Suite struct StartErrorTests {
    // MARK: - Listening

    @Test func aBusyPortSuggestsAnotherPort() {
        let error = ServerSetupError.cannotListen(host: "0.0.0.0", port: 2222,
                                                  error: IOError(errnoCode: EADDRINUSE, reason: "bind(descriptor:ptr:bytes:)"))
        #expect(error.description
            == "cannot listen on 0.0.0.0:2222: the address is already in use (is another server running? try --port)")
        #expect(error.exitCode == 69)
    }

    @Test func aPrivilegedPortExplainsWhy() {
        let error = ServerSetupError.cannotListen(host: "::", port: 22, error: IOError(errnoCode: EACCES, reason: "bind"))
        #expect(error.description
            == "cannot listen on [::]:22: permission denied (ports below 1024 need root or CAP_NET_BIND_SERVICE; try --port 2222)")
        #expect(error.exitCode == 69)
    }

    @Test func otherFailuresNameTheSystemReasonWithoutNIOWording() {
        let missing = ServerSetupError.cannotListen(host: "10.9.9.9", port: 2222, error: IOError(errnoCode: EADDRNOTAVAIL, reason: "bind"))
        #expect(missing.description == "cannot listen on 10.9.9.9:2222: this machine has no such address (try --host 0.0.0.0)")
        let other = ServerSetupError.cannotListen(host: "127.0.0.1", port: 2222, error: IOError(errnoCode: ENOBUFS, reason: "bind"))
        #expect(other.description == "cannot listen on 127.0.0.1:2222: " + String(cString: strerror(ENOBUFS)))
        #expect(!other.description.contains("bind"))
    }

    // MARK: - Reading the key files

    @Test func unreadableFilesGiveTheRealReason() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alidash-start-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(throws: UnreadableFile(reason: String(cString: strerror(EISDIR)))) { try readTextFile(folder) }
        #expect(throws: UnreadableFile(reason: String(cString: strerror(ENOENT)))) { try readTextFile(folder + "/missing") }
        let binary = folder + "/binary"
        _ = FileManager.default.createFile(atPath: binary, contents: Data([0x73, 0x73, 0x68, 0xFF, 0xFE]))
        #expect(throws: UnreadableFile(reason: "not UTF-8 text")) { try readTextFile(binary) }
        let text = folder + "/authorized_keys"
        _ = FileManager.default.createFile(atPath: text, contents: Data("ssh-ed25519 AAAA ünïcode\n".utf8))
        #expect(try readTextFile(text) == "ssh-ed25519 AAAA ünïcode\n")
    }
}
