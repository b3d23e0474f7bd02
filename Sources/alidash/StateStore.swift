import AlidashUI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `state.json`: where the dashboard was left. Read at start (a missing file is a first start; a corrupt
/// or foreign one is ignored with a notice), written at exit atomically (a temporary file, then rename)
/// and readable by its owner only.
struct StateStore {
    /// Larger files are not read: the state of seven panes is a few hundred bytes.
    static let maximumSize = 64 * 1024

    let path: String

    /// `$XDG_STATE_HOME/alidash/state.json`, else `~/.local/state/alidash/state.json`; nil without a HOME.
    static func defaultPath() -> String? {
        let environment = Environment.values(["XDG_STATE_HOME", "HOME"])
        if let base = environment["XDG_STATE_HOME"], base.hasPrefix("/") { return base + "/alidash/state.json" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/alidash/state.json" }
        return nil
    }

    enum Reading {
        case state(RememberedState)
        case none
        /// Unusable; the reason is for the status line. `keep` is true for a file that is not ours,
        /// which is then never overwritten.
        case ignored(reason: String, keep: Bool)
    }

    func read() -> Reading {
        let name = "state.json"
        switch Configuration.readSmallFile(path, limit: StateStore.maximumSize) {
        case .failure(.missing):
            return .none
        case .failure(let reason):
            return .ignored(reason: "\(name): \(reason); starting fresh", keep: true)
        case .success(let text):
            // Not JSONDecoder: its first use cost more than the rest of reading the settings (StateJSON).
            guard let decoded = RememberedState(json: Array(text.utf8)) else {
                return .ignored(reason: "\(name) is not usable JSON state; starting fresh (it is replaced at exit)", keep: false)
            }
            guard decoded.format == RememberedState.currentFormat else {
                return .ignored(reason: "\(name) is not alidash's state (format \"\(decoded.format.prefix(40))\"); ignored and kept", keep: true)
            }
            return .state(decoded)
        }
    }

    /// Writes `state` (creating the folders, 0700); the reason it failed otherwise.
    func write(_ state: RememberedState) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(state) else { return "the state could not be encoded" }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        if let problem = StateStore.makeFolders(folder) { return problem }
        var template = Array((path + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return "cannot create a file in \(folder): " + String(cString: strerror(errno)) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var bytes = [UInt8](data) + [UInt8(ascii: "\n")]
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                return "cannot write \(temporary): \(reason)"
            }
            written += count
        }
        fchmod(descriptor, 0o600)
        fsync(descriptor)
        close(descriptor)
        bytes.removeAll()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot replace \(path): \(reason)"
        }
        return nil
    }

    /// Creates `folder` and the folders above it that are missing, readable by their owner only.
    private static func makeFolders(_ folder: String) -> String? {
        var prefix = ""
        for part in folder.split(separator: "/") {
            prefix += "/" + part
            var info = stat()
            if stat(prefix, &info) == 0 {
                guard (info.st_mode & S_IFMT) == S_IFDIR else { return "\(prefix) is not a folder" }
                continue
            }
            guard mkdir(prefix, 0o700) == 0 || errno == EEXIST else {
                return "cannot create \(prefix): " + String(cString: strerror(errno))
            }
        }
        return nil
    }
}
