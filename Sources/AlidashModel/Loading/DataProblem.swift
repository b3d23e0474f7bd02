/// One thing wrong with the data: which file, where in it, and what was expected.
public struct DataProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// A JSON path such as `hubs[2].location.lat` (empty for the whole file).
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// The problem in one line, with anything from the data made inert (it may hold escape sequences).
    public var description: String {
        InertText.make(plainDescription)
    }

    private var plainDescription: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        return place + ": " + (path.isEmpty ? "" : path + ": ") + message
    }
}

/// Why data could not be loaded. Exit codes follow sysexits: 66 for a missing file, 65 for bad data.
public enum DataLoadError: Error, Sendable, CustomStringConvertible {
    case missingFile(path: String)
    /// There, but not readable as a file (a symbolic link loop, no permission): also "no input" (66).
    case unreadableFile(path: String, reason: String)
    /// One or more files are missing; the problems name them and anything wrong in the files that were there.
    case missingFiles([DataProblem])
    case invalid([DataProblem])

    public var exitCode: Int32 {
        switch self {
        case .missingFile, .unreadableFile, .missingFiles: return 66
        case .invalid: return 65
        }
    }

    public var problems: [DataProblem] {
        switch self {
        case .missingFile(let path): return [DataProblem(file: path, path: "", message: "no such file")]
        case .unreadableFile(let path, let reason): return [DataProblem(file: path, path: "", message: reason)]
        case .missingFiles(let problems), .invalid(let problems): return problems
        }
    }

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}

/// Renders a coding path the way people write JSON paths: `hubs[2].location.lat`.
func jsonPath(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
        if let index = key.intValue {
            text += "[\(index)]"
        } else {
            text += (text.isEmpty ? "" : ".") + key.stringValue
        }
    }
    return text
}
