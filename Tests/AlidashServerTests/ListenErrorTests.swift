@testable import AlidashServer
import Glibc
import NIOCore
import Testing

/// A server that cannot listen says why in one line a new user can act on, never the raw NIO error.
@Suite struct ListenErrorTests {
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
}
