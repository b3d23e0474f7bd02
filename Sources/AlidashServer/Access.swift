import Foundation
import NIOCore
import NIOSSH

// MARK: - Who may connect

/// Who gets the dashboard: the keys in an authorized_keys file, or (explicitly) anyone with a key.
public enum AccessPolicy: Sendable {
    case keys(Set<NIOSSHPublicKey>)
    case anyKey

    func admits(_ key: NIOSSHPublicKey) -> Bool {
        switch self {
        case .keys(let keys): return keys.contains(key)
        case .anyKey: return true
        }
    }
}

/// The keys of an OpenSSH authorized_keys file that this server can check.
public struct AuthorizedKeys: Sendable {
    /// Key types the SSH library verifies.
    static let supportedTypes: Set<String> = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]
    static let knownUnsupportedTypes: Set<String> = ["ssh-rsa", "ssh-dss", "sk-ssh-ed25519@openssh.com",
                                                     "sk-ecdsa-sha2-nistp256@openssh.com"]

    public var keys: Set<NIOSSHPublicKey> = []
    /// Lines that were skipped, with the reason, for the start-up report.
    public var warnings: [String] = []

    /// Reads "[options] type base64 [comment]" lines; blank lines and # comments are skipped.
    public init(text: String, fileName: String) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            let location = "\(fileName):\(index + 1)"
            guard let typeIndex = words.firstIndex(where: { AuthorizedKeys.supportedTypes.contains($0)
                || AuthorizedKeys.knownUnsupportedTypes.contains($0) }), typeIndex + 1 < words.count else {
                warnings.append("\(location): no public key found, line skipped")
                continue
            }
            let type = words[typeIndex]
            guard AuthorizedKeys.supportedTypes.contains(type) else {
                warnings.append("\(location): \(type) keys are not supported (only ed25519 and ECDSA), line skipped")
                continue
            }
            do {
                keys.insert(try NIOSSHPublicKey(openSSHPublicKey: type + " " + words[typeIndex + 1]))
            } catch {
                warnings.append("\(location): damaged \(type) key, line skipped")
            }
        }
    }

    public static func load(path: String) throws(ServerSetupError) -> AuthorizedKeys {
        let text: String
        do {
            text = try readTextFile(path)
        } catch {
            throw ServerSetupError("cannot read the authorized keys file \(path): \(error.reason)")
        }
        let result = AuthorizedKeys(text: text, fileName: path)
        guard !result.keys.isEmpty else {
            throw ServerSetupError("no usable key in \(path) (ed25519 or ECDSA public keys, one per line)")
        }
        return result
    }
}

// MARK: - Authentication

/// Public keys only (the library has already checked the signature); no passwords, no "none".
/// RSA keys never get here: the library fails them itself, and says nothing to the client before a success
/// (a user-auth banner goes out only with the success), so the server's log and start-up warnings say it.
/// Runs on the connection's event loop.
final class PublicKeyAuthenticator: NIOSSHServerUserAuthenticationDelegate {
    let policy: AccessPolicy
    let record: ConnectionRecord

    init(policy: AccessPolicy, record: ConnectionRecord) {
        self.policy = policy
        self.record = record
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .publicKey }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        record.triedToAuthenticate = true
        guard case .publicKey(let offer) = request.request else {
            responsePromise.succeed(.failure)
            return
        }
        let fingerprint = KeyFingerprint.sha256(of: offer.publicKey)
        guard policy.admits(offer.publicKey) else {
            record.refusedKeys.append(fingerprint)
            responsePromise.succeed(.failure)
            return
        }
        record.keyFingerprint = fingerprint
        responsePromise.succeed(.success)
    }

}
