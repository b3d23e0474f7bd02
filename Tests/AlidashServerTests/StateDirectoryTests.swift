@testable import AlidashServer
import Foundation
import Testing

@Suite struct StateDirectoryTests {
    @Test func followsXDGStateHomeThenHome() throws {
        #expect(try StateDirectory.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/alidash")
        #expect(try StateDirectory.path(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]) == "/h/.local/state/alidash")
        #expect(try StateDirectory.path(environment: ["HOME": "/h"]) == "/h/.local/state/alidash")
        #expect(throws: ServerSetupError.self) { try StateDirectory.path(environment: [:]) }
    }

    @Test func createsMissingFoldersWithMode0700() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("alidash-state-\(getpid())-\(UInt32.random(in: 0 ... .max))").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let key = try StateDirectory.defaultHostKeyPath(environment: ["HOME": root])
        #expect(key == root + "/.local/state/alidash/host_ed25519")
        for folder in [root, root + "/.local", root + "/.local/state", root + "/.local/state/alidash"] {
            var info = stat()
            #expect(stat(folder, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o700, "\(folder)")
        }
        // A second call finds the folders in place.
        #expect(try StateDirectory.defaultHostKeyPath(environment: ["HOME": root]) == key)
        // A file where a folder should be is refused with a reason.
        try "x".write(toFile: root + "/blocked", atomically: false, encoding: .utf8)
        #expect(throws: ServerSetupError.self) { try StateDirectory.defaultHostKeyPath(environment: ["XDG_STATE_HOME": root + "/blocked"]) }
    }
}
