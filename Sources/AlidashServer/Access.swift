import Foundation
import NIOCore
import NIOSSH

// MARK: - Who may connect

/// Who gets the dashboard: the lines of an authorized_keys file, or (explicitly) anyone, with or without a key.
public enum AccessPolicy: Sendable {
    case keys([AuthorizedKey])
    case anyone

    /// The first line for this key whose options let this visitor in, as sshd reads the file; else why not.
    func decision(for key: NIOSSHPublicKey, from address: String, now: Double) -> AccessDecision {
        switch self {
        case .anyone:
            return .admitted(forcedArguments: nil)
        case .keys(let lines):
            var reason: String?
            for line in lines where line.key == key {
                switch line.decision(from: address, now: now) {
                case .admitted(let forced): return .admitted(forcedArguments: forced)
                case .refused(let why): reason = reason ?? why
                }
            }
            return .refused(reason ?? "key not authorized")
        }
    }
}

enum AccessDecision: Equatable {
    case admitted(forcedArguments: DashboardArguments?)
    case refused(String)
}

/// One key line of an authorized_keys file, with the options this server enforces.
public struct AuthorizedKey: Sendable {
    public let key: NIOSSHPublicKey
    /// file:line, for the log.
    public let location: String
    /// from="…": the visitor's address must match (sshd's pattern-list: `*`, `?`, `!negation`, CIDR).
    var addressPatterns: [AddressPattern]?
    /// expiry-time="…", in seconds since 1970.
    var expiry: Double?
    /// command="…": dashboard options that replace whatever the visitor asks for.
    var forcedArguments: DashboardArguments?
    /// Set when the line holds an option this server cannot enforce: the key is refused, never let in without it.
    var refusal: String?

    func decision(from address: String, now: Double) -> AccessDecision {
        if let refusal { return .refused(refusal) }
        if let expiry, now >= expiry { return .refused("key expired (expiry-time, \(location))") }
        if let addressPatterns, !AddressPattern.admits(address, patterns: addressPatterns) {
            return .refused("from= does not allow \(address) (\(location))")
        }
        return .admitted(forcedArguments: forcedArguments)
    }
}

/// The key lines of an OpenSSH authorized_keys file that this server can check.
public struct AuthorizedKeys: Sendable {
    /// Key types the SSH library verifies.
    static let supportedTypes: Set<String> = ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"]
    static let knownUnsupportedTypes: Set<String> = ["ssh-rsa", "ssh-dss", "sk-ssh-ed25519@openssh.com",
                                                     "sk-ecdsa-sha2-nistp256@openssh.com"]
    /// Larger files are refused unread: an authorized_keys file of a thousand keys is about 100 KiB.
    public static let maximumFileSize = 1 << 20

    public var lines: [AuthorizedKey] = []
    /// Lines that were skipped or whose key is refused, with the reason, for the start-up report.
    public var warnings: [String] = []

    /// Keys that can get in (lines not refused for an option).
    public var usableCount: Int { lines.filter { $0.refusal == nil }.count }

    /// Reads "[options] type base64 [comment]" lines (spaces or tabs between fields); blank lines and
    /// # comments are skipped.
    public init(text: String, fileName: String) {
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let location = "\(fileName):\(index + 1)"
            let isBlank = { (character: Character) in character == " " || character == "\t" }
            var optionText = ""
            var rest = Substring(line)
            let firstWord = String(line.prefix(while: { !isBlank($0) }))
            if !Self.supportedTypes.contains(firstWord) && !Self.knownUnsupportedTypes.contains(firstWord) {
                guard let (options, remainder) = KeyOptions.splitOptions(rest) else {
                    warnings.append("\(location): an option's quotes are not closed, line skipped")
                    continue
                }
                optionText = options
                rest = remainder
            }
            let words = rest.split(whereSeparator: isBlank).map(String.init)
            guard words.count >= 2, Self.supportedTypes.contains(words[0]) || Self.knownUnsupportedTypes.contains(words[0]) else {
                warnings.append("\(location): no public key found, line skipped")
                continue
            }
            let type = words[0]
            guard Self.supportedTypes.contains(type) else {
                warnings.append("\(location): \(type) keys are not supported (only ed25519 and ECDSA), line skipped")
                continue
            }
            let key: NIOSSHPublicKey
            do {
                key = try NIOSSHPublicKey(openSSHPublicKey: type + " " + words[1])
            } catch {
                warnings.append("\(location): damaged \(type) key, line skipped")
                continue
            }
            var entry = AuthorizedKey(key: key, location: location)
            var options = KeyOptions(optionText)
            options.apply(to: &entry)
            if let refusal = entry.refusal {
                warnings.append("\(location): \(refusal); this key is refused")
            }
            warnings += options.notes.map { "\(location): \($0)" }
            lines.append(entry)
        }
    }

    public static func load(path: String) throws(ServerSetupError) -> AuthorizedKeys {
        let text: String
        do {
            text = try readTextFile(path, limit: maximumFileSize)
        } catch {
            throw ServerSetupError("cannot read the authorized keys file \(path): \(error.reason)")
        }
        let result = AuthorizedKeys(text: text, fileName: path)
        guard result.usableCount > 0 else {
            throw ServerSetupError("no usable key in \(path) (ed25519 or ECDSA public keys, one per line)")
        }
        return result
    }
}

extension AuthorizedKey {
    init(key: NIOSSHPublicKey, location: String) {
        self.key = key
        self.location = location
    }
}

// MARK: - Key options

/// The options before a key, as sshd reads them: comma-separated, case-insensitive names, values in double
/// quotes (with \" inside). Every option is either enforced, harmless here, or refuses the key.
struct KeyOptions {
    var items: [(name: String, value: String?)] = []
    /// Set when the text itself cannot be read.
    var syntaxError: String?
    /// Said at start-up, without refusing the key.
    var notes: [String] = []

    /// Options that only take away what this server never gives (forwarding, rc files).
    static let alwaysHeld: Set<String> = ["no-port-forwarding", "no-agent-forwarding", "no-x11-forwarding", "no-user-rc",
                                          "permitopen", "permitlisten"]
    /// Options that would give what this server never gives: the visitor gets less, which restricts nothing.
    static let notGranted: Set<String> = ["port-forwarding", "agent-forwarding", "x11-forwarding", "user-rc"]

    /// Splits "opt,opt=\"a b\" ssh-ed25519 …" at the first blank outside quotes; nil if a quote is never closed.
    static func splitOptions(_ text: Substring) -> (String, Substring)? {
        var inQuotes = false
        var escaped = false
        for index in text.indices {
            let character = text[index]
            if escaped { escaped = false; continue }
            if character == "\\" && inQuotes { escaped = true; continue }
            if character == "\"" { inQuotes.toggle(); continue }
            if !inQuotes && (character == " " || character == "\t") {
                return (String(text[..<index]), text[index...].drop(while: { $0 == " " || $0 == "\t" }))
            }
        }
        return inQuotes ? nil : (String(text), "")
    }

    init(_ text: String) {
        var characters = text[...]
        while !characters.isEmpty {
            let name = characters.prefix(while: { $0 != "=" && $0 != "," })
            characters = characters.dropFirst(name.count)
            var value: String?
            if characters.first == "=" {
                characters = characters.dropFirst()
                guard characters.first == "\"" else { syntaxError = "option \(name) needs a value in double quotes"; return }
                characters = characters.dropFirst()
                var collected = ""
                var closed = false
                while let character = characters.popFirst() {
                    if character == "\\", characters.first == "\"" {
                        collected.append(characters.removeFirst())
                    } else if character == "\"" {
                        closed = true
                        break
                    } else {
                        collected.append(character)
                    }
                }
                guard closed else { syntaxError = "the value of option \(name) is not closed"; return }
                value = collected
            }
            items.append((name.lowercased(), value))
            if characters.first == "," {
                characters = characters.dropFirst()
            } else if !characters.isEmpty {
                syntaxError = "options must be separated by commas"
                return
            }
        }
    }

    mutating func apply(to entry: inout AuthorizedKey) {
        if let syntaxError { return entry.refusal = syntaxError }
        var noTerminal = false
        for (name, value) in items {
            switch (name, value) {
            case ("from", let value?):
                guard let patterns = AddressPattern.list(value) else {
                    return entry.refusal = "from=\"\(value)\" has a pattern this server cannot read"
                }
                entry.addressPatterns = (entry.addressPatterns ?? []) + patterns
            case ("expiry-time", let value?):
                guard let time = Self.expiryTime(value) else {
                    return entry.refusal = "expiry-time=\"\(value)\" is not YYYYMMDD[HHMM[SS]][Z]"
                }
                entry.expiry = min(entry.expiry ?? time, time)
            case ("command", let value?):
                guard let arguments = DashboardArguments(command: value) else {
                    return entry.refusal = "command=\"\(LogText.printable(value))\" is not dashboard options "
                        + "(only a pane name, --lang en|de and --color never|auto|always)"
                }
                entry.forcedArguments = arguments
            case ("no-pty", nil):
                noTerminal = true
            case ("restrict", nil):
                // restrict takes away the terminal too, unless a later "pty" gives it back.
                noTerminal = true
            case ("pty", nil):
                noTerminal = false
            case ("environment", _?):
                notes.append("environment= is not used (a visitor's environment is built by the server)")
            case (let name, _) where Self.alwaysHeld.contains(name):
                break // this server never forwards anything nor runs rc files
            case (let name, nil) where Self.notGranted.contains(name):
                break // `pty` is handled above: it undoes restrict
            default:
                return entry.refusal = "option \(name)\(value == nil ? "" : "=") is not supported by alidash serve"
            }
        }
        if noTerminal {
            entry.refusal = "no-pty (or restrict without pty): the dashboard needs a terminal"
        }
    }

    /// sshd's format: YYYYMMDD or YYYYMMDDHHMM[SS], in local time unless it ends in Z.
    static func expiryTime(_ text: String) -> Double? {
        var digits = text
        let utc = digits.hasSuffix("Z")
        if utc { digits.removeLast() }
        guard [8, 12, 14].contains(digits.count), digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let numbers = Array(digits)
        func field(_ start: Int, _ length: Int) -> Int32 {
            start + length <= numbers.count ? Int32(String(numbers[start..<(start + length)]))! : 0
        }
        var parts = tm()
        parts.tm_year = field(0, 4) - 1900
        parts.tm_mon = field(4, 2) - 1
        parts.tm_mday = field(6, 2)
        parts.tm_hour = field(8, 2)
        parts.tm_min = field(10, 2)
        parts.tm_sec = field(12, 2)
        parts.tm_isdst = -1
        guard (0...11).contains(parts.tm_mon), (1...31).contains(parts.tm_mday), (0...23).contains(parts.tm_hour),
              (0...59).contains(parts.tm_min), (0...60).contains(parts.tm_sec) else { return nil }
        let seconds = utc ? timegm(&parts) : mktime(&parts)
        return seconds == -1 ? nil : Double(seconds)
    }
}

/// One entry of a from= pattern-list: a wildcard pattern (`*`, `?`) or an address/prefix, maybe negated.
struct AddressPattern: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case wildcard(String)
        case network([UInt8], prefix: Int)
    }

    var negated: Bool
    var kind: Kind

    static func list(_ text: String) -> [AddressPattern]? {
        var patterns: [AddressPattern] = []
        for raw in text.split(separator: ",", omittingEmptySubsequences: false) {
            var word = raw.trimmingCharacters(in: .whitespaces)
            let negated = word.hasPrefix("!")
            if negated { word.removeFirst() }
            guard !word.isEmpty else { return nil }
            if let slash = word.firstIndex(of: "/") {
                guard let bytes = Self.bytes(String(word[..<slash])), let prefix = Int(word[word.index(after: slash)...]),
                      (0...(bytes.count * 8)).contains(prefix) else { return nil }
                patterns.append(.init(negated: negated, kind: .network(bytes, prefix: prefix)))
            } else {
                patterns.append(.init(negated: negated, kind: .wildcard(word.lowercased())))
            }
        }
        return patterns
    }

    /// As sshd's match_host_and_ip: a negated match refuses, else any match admits. With no DNS lookups
    /// (sshd's UseDNS no), host-name patterns are matched against the address, so they never match.
    static func admits(_ address: String, patterns: [AddressPattern]) -> Bool {
        let plain = address.hasPrefix("::ffff:") && address.contains(".") ? String(address.dropFirst(7)) : address
        var admitted = false
        for pattern in patterns where pattern.matches(plain) {
            if pattern.negated { return false }
            admitted = true
        }
        return admitted
    }

    func matches(_ address: String) -> Bool {
        switch kind {
        case .wildcard(let pattern):
            return Self.wildcard(Array(pattern), matches: Array(address.lowercased()))
        case .network(let network, let prefix):
            guard let bytes = Self.bytes(address), bytes.count == network.count else { return false }
            for bit in 0..<prefix where (bytes[bit / 8] ^ network[bit / 8]) & (0x80 >> UInt8(bit % 8)) != 0 {
                return false
            }
            return true
        }
    }

    static func bytes(_ address: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 { return withUnsafeBytes(of: v4, Array.init) }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, address, &v6) == 1 { return withUnsafeBytes(of: v6, Array.init) }
        return nil
    }

    /// `*` any run, `?` one character; iterative, so a long pattern cannot recurse deeply.
    static func wildcard(_ pattern: [Character], matches text: [Character]) -> Bool {
        var p = 0, t = 0, star = -1, resume = 0
        while t < text.count {
            if p < pattern.count && (pattern[p] == "?" || pattern[p] == text[t]) {
                p += 1; t += 1
            } else if p < pattern.count && pattern[p] == "*" {
                star = p; resume = t; p += 1
            } else if star >= 0 {
                p = star + 1; resume += 1; t = resume
            } else {
                return false
            }
        }
        while p < pattern.count && pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}

// MARK: - Authentication

/// Public keys checked against the policy (the library has already checked the signature); with --public,
/// also visitors with no key at all ("none"). No passwords.
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
        switch request.request {
        case .none:
            // Every OpenSSH client asks "none" first; only a public server says yes to it.
            if case .anyone = policy {
                record.keyFingerprint = "none (--public)"
                return responsePromise.succeed(.success)
            }
            record.triedMethods.insert("none")
            responsePromise.succeed(.failure)
        case .password:
            record.triedMethods.insert("password")
            responsePromise.succeed(.failure)
        case .hostBased:
            record.triedMethods.insert("hostbased")
            responsePromise.succeed(.failure)
        case .publicKey(let offer):
            record.triedMethods.insert("publickey")
            let fingerprint = KeyFingerprint.sha256(of: offer.publicKey)
            switch policy.decision(for: offer.publicKey, from: record.address, now: Date().timeIntervalSince1970) {
            case .admitted(let forced):
                record.keyFingerprint = fingerprint
                record.forcedArguments = forced
                responsePromise.succeed(.success)
            case .refused(let reason):
                if record.refusedKeys.count < ConnectionRecord.maximumNotes { record.refusedKeys.append(fingerprint) }
                record.keyRefusal = reason
                responsePromise.succeed(.failure)
            }
        }
    }
}
