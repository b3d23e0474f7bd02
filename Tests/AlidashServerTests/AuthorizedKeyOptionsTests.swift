@testable import AlidashServer
import Crypto
import Foundation
import NIOSSH
import Testing

/// authorized_keys options: each one enforced, harmless here, or refusing its key; never ignored.
@Suite struct AuthorizedKeyOptionsTests {
    static let line = KeyTests.ed25519Line
    static var key: NIOSSHPublicKey { try! NIOSSHPublicKey(openSSHPublicKey: line) }

    private func decide(_ text: String, from address: String = "127.0.0.1", now: Double = 1_800_000_000) -> AccessDecision {
        AccessPolicy.keys(AuthorizedKeys(text: text, fileName: "keys").lines).decision(for: Self.key, from: address, now: now)
    }

    @Test func fromPatternsAndNetworksAreEnforcedAsSshdDoes() {
        #expect(decide("from=\"10.0.0.1\" \(Self.line)") == .refused("from= does not allow 127.0.0.1 (keys:1)"))
        #expect(decide("from=\"10.0.0.1\" \(Self.line)", from: "10.0.0.1") == .admitted(forcedArguments: nil))
        #expect(decide("from=\"127.0.0.*,10.*\" \(Self.line)") == .admitted(forcedArguments: nil))
        #expect(decide("from=\"127.0.0.?\" \(Self.line)") == .admitted(forcedArguments: nil))
        #expect(decide("from=\"10.1.0.0/16\" \(Self.line)", from: "10.1.200.3") == .admitted(forcedArguments: nil))
        #expect(decide("from=\"10.1.0.0/16\" \(Self.line)", from: "10.2.0.1") != .admitted(forcedArguments: nil))
        #expect(decide("from=\"2001:db8::/32\" \(Self.line)", from: "2001:db8::7") == .admitted(forcedArguments: nil))
        #expect(decide("from=\"127.0.0.1\" \(Self.line)", from: "::ffff:127.0.0.1") == .admitted(forcedArguments: nil))
        // A negated match refuses even when another pattern admits; a host name never matches an address.
        #expect(decide("from=\"*,!127.0.0.1\" \(Self.line)") != .admitted(forcedArguments: nil))
        #expect(decide("from=\"localhost\" \(Self.line)") != .admitted(forcedArguments: nil))
    }

    @Test func anUnreadablePatternRefusesTheKeyWithItsLine() {
        let keys = AuthorizedKeys(text: "from=\"10.0.0.0/99\" \(Self.line)", fileName: "keys")
        #expect(keys.usableCount == 0)
        #expect(keys.warnings == ["keys:1: from=\"10.0.0.0/99\" has a pattern this server cannot read; this key is refused"])
    }

    @Test func expiryTimeInUTCAndLocalTime() {
        let expired = "expiry-time=\"20200101Z\" \(Self.line)"
        #expect(decide(expired) == .refused("key expired (expiry-time, keys:1)"))
        #expect(decide("expiry-time=\"209901011200Z\" \(Self.line)") == .admitted(forcedArguments: nil))
        #expect(KeyOptions.expiryTime("20260102030405Z") == 1_767_323_045)
        #expect(KeyOptions.expiryTime("2026010203") == nil)
        #expect(KeyOptions.expiryTime("20261302Z") == nil)
        #expect(AuthorizedKeys(text: "expiry-time=\"soon\" \(Self.line)", fileName: "keys").usableCount == 0)
    }

    @Test func noPtyAndRestrictWithoutPtyRefuseTheKeyButRestrictPtyIsFine() {
        for options in ["no-pty", "restrict", "pty,restrict"] {
            let keys = AuthorizedKeys(text: "\(options) \(Self.line)", fileName: "keys")
            #expect(keys.usableCount == 0, "\(options)")
            #expect(keys.warnings.first?.contains("the dashboard needs a terminal; this key is refused") == true)
        }
        #expect(decide("restrict,pty \(Self.line)") == .admitted(forcedArguments: nil))
        #expect(decide("no-port-forwarding,no-agent-forwarding,no-X11-forwarding,permitopen=\"host:1\" \(Self.line)")
            == .admitted(forcedArguments: nil))
    }

    @Test func commandMayOnlyNameDashboardOptions() {
        #expect(decide("command=\"hubs --lang de\" \(Self.line)")
            == .admitted(forcedArguments: DashboardArguments(language: "de", pane: "hubs")))
        let shell = AuthorizedKeys(text: "command=\"/bin/sh -c id\" \(Self.line)", fileName: "keys")
        #expect(shell.usableCount == 0)
        #expect(shell.warnings.first?.hasPrefix("keys:1: command=\"/bin/sh -c id\" is not dashboard options") == true)
    }

    @Test func unknownOptionsAndBrokenQuotesRefuseTheKey() {
        for (options, reason) in [("cert-authority", "option cert-authority is not supported by alidash serve"),
                                  ("tunnel=\"0\"", "option tunnel= is not supported by alidash serve"),
                                  ("from=10.0.0.1", "option from needs a value in double quotes")] {
            let keys = AuthorizedKeys(text: "\(options) \(Self.line)", fileName: "keys")
            #expect(keys.warnings == ["keys:1: \(reason); this key is refused"], "\(options)")
            #expect(decide("\(options) \(Self.line)") == .refused(reason))
        }
        #expect(AuthorizedKeys(text: "from=\"10.0.0.1 \(Self.line)", fileName: "keys").warnings
            == ["keys:1: an option's quotes are not closed, line skipped"])
    }

    @Test func tabsSeparateFieldsAndQuotedSpacesStayInTheirOption() {
        #expect(decide("from=\"127.0.0.1\"\t\(Self.line.replacingOccurrences(of: " ", with: "\t"))\tme") == .admitted(forcedArguments: nil))
        #expect(decide("command=\"hubs  --color never\",from=\"127.0.0.1\" \(Self.line) me")
            == .admitted(forcedArguments: DashboardArguments(color: "never", pane: "hubs")))
    }

    @Test func aLaterLineForTheSameKeyMayAdmitAsInSshd() {
        let text = "from=\"10.0.0.1\" \(Self.line)\nfrom=\"127.0.0.1\" command=\"sources\" \(Self.line)"
        let lines = text.replacingOccurrences(of: "\" command", with: "\",command")
        #expect(decide(lines) == .admitted(forcedArguments: DashboardArguments(pane: "sources")))
    }

    @Test func theFileMustBeARegularFileOfBoundedSize() throws {
        #expect(throws: ServerSetupError.self) { try AuthorizedKeys.load(path: "/dev/zero") }
        do {
            _ = try AuthorizedKeys.load(path: "/dev/zero")
        } catch {
            #expect(error.description.contains("not a regular file"))
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alidash-keys-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let big = folder + "/authorized_keys"
        try String(repeating: "# padding line\n", count: 80_000).write(toFile: big, atomically: true, encoding: .utf8)
        do {
            _ = try AuthorizedKeys.load(path: big)
            Issue.record("a 1.2 MB file was read")
        } catch {
            #expect(error.description.contains("more than the 1024 KiB allowed"), "\(error.description)")
        }
    }
}
