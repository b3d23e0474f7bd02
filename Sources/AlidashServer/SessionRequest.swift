import AlidashUI

// MARK: - What a client may ask for

/// The dashboard options a client may pass as its SSH command (`ssh -t host hubs --lang de`).
/// The words are matched against a fixed list and become arguments of the dashboard: they never run.
public struct DashboardArguments: Equatable, Sendable {
    public static let languages = ["en", "de"]
    public static let colorModes = ["never", "auto", "always"]
    /// Longer commands are refused unread.
    public static let maximumCommandLength = 200

    public var language: String?
    public var color: String?
    public var pane: String?

    public init(language: String? = nil, color: String? = nil, pane: String? = nil) {
        self.language = language
        self.color = color
        self.pane = pane
    }

    /// The client's command split into words and checked; nil for anything that is not an allowed option.
    public init?(command: String) {
        guard command.utf8.count <= DashboardArguments.maximumCommandLength else { return nil }
        var words = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)[...]
        while let word = words.popFirst() {
            let (name, attached) = DashboardArguments.split(option: word)
            switch name {
            case "--lang", "--color":
                guard let value = attached ?? words.popFirst() else { return nil }
                if name == "--lang" {
                    guard language == nil, DashboardArguments.languages.contains(value) else { return nil }
                    language = value
                } else {
                    guard color == nil, DashboardArguments.colorModes.contains(value) else { return nil }
                    color = value
                }
            default:
                guard pane == nil, attached == nil, DashboardArguments.paneNames.contains(word.lowercased()) else { return nil }
                pane = word.lowercased()
            }
        }
    }

    /// The dashboard's own arguments (after the program name). A visitor's dashboard never reads the
    /// operator's settings or remembered state, and writes none.
    public var commandLine: [String] { ["dashboard", "--no-config", "--no-state"] + options }

    /// What the visitor asked for, as dashboard options (for the log).
    public var options: [String] {
        var arguments: [String] = []
        if let language { arguments += ["--lang", language] }
        if let color { arguments += ["--color", color] }
        if let pane { arguments += ["--pane", pane] }
        return arguments
    }

    /// Pane names as on the dashboard's command line, and their numbers.
    public static let paneNames: Set<String> = Set(PaneRegistry.panes.flatMap(\.commandNames))
        .union(PaneID.allCases.map { String($0.number) })

    private static func split(option word: String) -> (name: String, value: String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    /// What a refused client reads.
    public static var usage: String {
        let panes = PaneRegistry.names.joined(separator: ", ")
        return """
            alidash serve runs only the dashboard, never a command.
            Usage: ssh -t HOST [PANE] [--lang en|de] [--color never|auto|always]
            Panes: \(panes) (or \(PaneRegistry.numberRange))
            """
    }
}

// MARK: - Terminal

/// The terminal the client asked for in its pty-req, made safe: a plain TERM name and a bounded size.
public struct TerminalRequest: Equatable, Sendable {
    public static let defaultSize = (columns: 80, rows: 24)
    /// A huge size would make the dashboard allocate a huge screen.
    public static let maximumColumns = 1000
    public static let maximumRows = 500

    public var term: String
    public var columns: Int
    public var rows: Int

    /// nil when TERM is not a plain terminal name (no paths, no spaces, no escapes).
    public init?(term: String, columns: Int, rows: Int) {
        guard TerminalRequest.isSafeName(term) else { return nil }
        self.term = term
        (self.columns, self.rows) = TerminalRequest.bounded(columns: columns, rows: rows)
    }

    /// 0 means "unknown" in SSH: the usual 80x24 then.
    public static func bounded(columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        (columns <= 0 ? defaultSize.columns : min(columns, maximumColumns),
         rows <= 0 ? defaultSize.rows : min(rows, maximumRows))
    }

    /// Letters and digits first, then letters, digits, ".", "_", "+", "-"; at most 64 characters.
    static func isSafeName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, (1...64).contains(bytes.count), isAlphanumeric(first) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_")
            || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

// MARK: - Environment

/// The dashboard's environment, built from nothing: TERM, a minimal PATH, and only the locale and colour
/// variables a client sent that look like what they claim to be.
public struct SessionEnvironment: Equatable, Sendable {
    public static let path = "/usr/bin:/bin"

    public private(set) var clientVariables: [String: String] = [:]

    public init() {}

    /// Keeps an env request when its name and value are allowed; says whether it was kept.
    @discardableResult
    public mutating func accept(name: String, value: String) -> Bool {
        guard SessionEnvironment.isAllowed(name: name, value: value), clientVariables.count < 16 else { return false }
        clientVariables[name] = value
        return true
    }

    /// "NAME=value" strings for the child, sorted.
    public func variables(term: String) -> [String] {
        var all = clientVariables
        all["TERM"] = term
        all["PATH"] = SessionEnvironment.path
        // A crash must not open Swift's interactive backtracer (with memory contents) in front of a visitor.
        all["SWIFT_BACKTRACE"] = "enable=no"
        return all.keys.sorted().map { "\($0)=\(all[$0]!)" }
    }

    static func isAllowed(name: String, value: String) -> Bool {
        switch name {
        case "NO_COLOR":
            return value.utf8.count <= 16 && value.utf8.allSatisfy { TerminalRequest.isAlphanumeric($0) }
        case "COLORTERM":
            return ["truecolor", "24bit", "yes", "1"].contains(value)
        case "LANG":
            return isLocaleName(value)
        default:
            let suffix = name.utf8.dropFirst(3)
            return name.hasPrefix("LC_") && (1...16).contains(suffix.count)
                && suffix.allSatisfy { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) } && isLocaleName(value)
        }
    }

    /// Like "de_DE.UTF-8", "C.UTF-8" or "en_GB.utf8@euro": no slashes, so never a path to a locale file.
    static func isLocaleName(_ value: String) -> Bool {
        let bytes = value.utf8
        return (1...64).contains(bytes.count) && bytes.allSatisfy {
            TerminalRequest.isAlphanumeric($0) || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
                || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "@")
        }
    }
}
