#if canImport(Glibc)
import Glibc
#endif

/// Where `alidash serve` keeps what it creates (the host key): the XDG state folder, never the current folder,
/// so running the server from a checkout leaves nothing in it.
public enum StateDirectory {
    public static let hostKeyName = "host_ed25519"

    /// The two variables `path(environment:)` reads, from this process.
    public static var currentEnvironment: [String: String] {
        var environment: [String: String] = [:]
        for name in ["XDG_STATE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// `$XDG_STATE_HOME/alidash`, else `$HOME/.local/state/alidash`. A relative `XDG_STATE_HOME` is ignored,
    /// as the XDG spec asks.
    public static func path(environment: [String: String]) throws(ServerSetupError) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/alidash"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else {
            throw ServerSetupError("neither XDG_STATE_HOME nor HOME is set to a full path: give --host-key PATH")
        }
        return home + "/.local/state/alidash"
    }

    /// The default host key path, creating the folders that are missing with mode 0700.
    public static func defaultHostKeyPath(environment: [String: String]) throws(ServerSetupError) -> String {
        let folder = try path(environment: environment)
        try createFolders(folder)
        return folder + "/" + hostKeyName
    }

    /// `mkdir -p` with mode 0700 for every folder it creates; an existing path that is not a folder is an error.
    static func createFolders(_ folder: String) throws(ServerSetupError) {
        var prefix = ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) == 0 || errno == EEXIST {
                var info = stat()
                guard stat(prefix, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                    throw ServerSetupError("cannot create the state folder \(folder): \(prefix) is not a folder")
                }
                continue
            }
            throw ServerSetupError("cannot create the state folder \(folder): \(prefix): \(errnoText())")
        }
    }
}
