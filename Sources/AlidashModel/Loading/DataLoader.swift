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

/// Where to read the data from.
public enum DataLocation: Sendable, Equatable {
    /// The copy compiled into the binary.
    case bundled
    /// A folder with files of the same names and shapes as `Data/`.
    case directory(String)
}

/// Reads, decodes and validates the data files, turning every failure into `DataProblem`s.
public enum DataLoader {
    public static let fileNames = [
        "sources.json", "hubs.json", "singles-day.json", "revenue.json",
        "comparison.json", "timeline.json", "profiles.json", "overview.json", "claims.json",
    ]

    /// Files larger than this are refused before they are read, so memory stays bounded.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// `bundledFiles` are the files `.bundled` stands for (the AlidashModel module passes the ones built in).
    public static func load(_ location: DataLocation, bundledFiles: [(name: String, contents: String)],
                            progress: (@Sendable (DataLoadStep) -> Void)? = nil) throws(DataLoadError) -> DataSet {
        var contents: [String: [UInt8]] = [:]
        switch location {
        case .bundled:
            for (name, text) in bundledFiles { contents[name] = Array(text.utf8) }
            for name in fileNames where contents[name] == nil {
                throw .missingFile(path: "(bundled) " + name)
            }
        case .directory(let folder):
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            var unreadable: [DataProblem] = []
            var missing = false
            // Reading a file and decoding it count its size once each, so the steps add up to twice the bytes.
            let total = 2 * fileNames.reduce(0) { sum, name in
                var info = stat()
                return sum + (stat(prefix + name, &info) == 0 ? max(0, Int(info.st_size)) : 0)
            }
            var done = 0
            for (index, name) in fileNames.enumerated() {
                progress?(DataLoadStep(phase: .reading, file: name, fileNumber: index + 1, fileCount: fileNames.count,
                                       done: done, total: total))
                do {
                    contents[name] = try readFile(prefix + name)
                    done += contents[name]?.count ?? 0
                } catch {
                    switch error {
                    case .missingFile, .unreadableFile: missing = true
                    default: break
                    }
                    unreadable += error.problems
                }
            }
            // Every problem in one run: the files that are missing or unreadable, and what is wrong in the others.
            if !unreadable.isEmpty {
                var problems = unreadable
                do throws(DataLoadError) {
                    _ = try decode(contents, origin: folder)
                } catch {
                    problems += error.problems.filter { contents[$0.file] != nil }
                }
                throw missing ? .missingFiles(problems) : .invalid(problems)
            }
        }
        let origin: String
        switch location {
        case .bundled: origin = "bundled"
        case .directory(let folder): origin = folder
        }
        return try decode(contents, origin: origin, progress: progress)
    }

    /// Decodes and validates file contents given by name (used by `load` and by tests).
    public static func decode(_ contents: [String: [UInt8]], origin: String,
                              progress: (@Sendable (DataLoadStep) -> Void)? = nil) throws(DataLoadError) -> DataSet {
        var problems: [DataProblem] = []
        let read = contents.values.reduce(0) { $0 + $1.count }
        var decoded = 0, number = 0
        func file<T: Decodable>(_ name: String, as type: T.Type) -> T? {
            number += 1
            progress?(DataLoadStep(phase: .decoding, file: name, fileNumber: number, fileCount: fileNames.count,
                                   done: read + decoded, total: 2 * read))
            guard let bytes = contents[name] else {
                problems.append(DataProblem(file: name, path: "", message: "file is missing"))
                return nil
            }
            decoded += bytes.count
            do {
                return try decodeFile(T.self, from: bytes, name: name)
            } catch {
                problems.append(error)
                return nil
            }
        }
        let sources = file("sources.json", as: SourceCatalog.self)
        let hubs = file("hubs.json", as: HubCatalog.self)
        let singlesDay = file("singles-day.json", as: SinglesDayHistory.self)
        let revenue = file("revenue.json", as: RevenueHistory.self)
        let comparison = file("comparison.json", as: Comparison.self)
        let timeline = file("timeline.json", as: Timeline.self)
        let profiles = file("profiles.json", as: Profiles.self)
        let overview = file("overview.json", as: Overview.self)
        let claims = file("claims.json", as: ClaimCatalog.self)
        guard let sources, let hubs, let singlesDay, let revenue, let comparison, let timeline, let profiles, let overview,
              let claims
        else { throw .invalid(problems) }
        let data = DataSet(sourceCatalog: sources, hubCatalog: hubs, singlesDay: singlesDay, revenue: revenue,
                           comparison: comparison, timeline: timeline, profiles: profiles, overview: overview,
                           claimCatalog: claims, origin: origin)
        progress?(DataLoadStep(phase: .validating, file: "", fileNumber: fileNames.count, fileCount: fileNames.count,
                               done: 2 * read, total: 2 * read))
        let found = DataValidator(data: data).problems()
        guard found.isEmpty else { throw .invalid(found.map { locate($0, in: contents) }) }
        return data
    }

    /// Adds the line and column of a validation problem's JSON path in its file.
    static func locate(_ problem: DataProblem, in contents: [String: [UInt8]]) -> DataProblem {
        guard problem.line == nil, let bytes = contents[problem.file], let keys = JSONPathKey.parse(problem.path),
              let place = JSONLocator.location(of: keys, in: bytes) else { return problem }
        var located = problem
        located.line = place.line
        located.column = place.column
        return located
    }

    static func readFile(_ path: String) throws(DataLoadError) -> [UInt8] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            // Only a file that is not there is "missing"; a symlink loop or a permission problem says so.
            if errno == ENOENT || errno == ENOTDIR { throw .missingFile(path: path) }
            let reason = errno == ELOOP ? "is a symbolic link loop (too many levels of symbolic links)"
                : "cannot be read: " + String(cString: strerror(errno))
            throw .unreadableFile(path: path, reason: reason)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .invalid([DataProblem(file: path, path: "", message: "expected a regular file")])
        }
        guard Int(info.st_size) <= maximumFileSize else {
            throw .invalid([DataProblem(file: path, path: "",
                                        message: "file is \(info.st_size) bytes; at most \(maximumFileSize) are accepted")])
        }
        guard let handle = fopen(path, "rb") else {
            throw .invalid([DataProblem(file: path, path: "", message: "cannot be read: " + String(cString: strerror(errno)))])
        }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumFileSize {
                throw .invalid([DataProblem(file: path, path: "", message: "file grew beyond \(maximumFileSize) bytes while being read")])
            }
        }
        return bytes
    }

    /// Decodes one file, describing any failure by file, JSON path, line, column and expectation.
    static func decodeFile<T: Decodable>(_ type: T.Type, from bytes: [UInt8], name: String) throws(DataProblem) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw describe(error, file: name, bytes: bytes)
        } catch {
            throw DataProblem(file: name, path: "", message: "could not be read as JSON: \(error)")
        }
    }

    static func describe(_ error: DecodingError, file: String, bytes: [UInt8]) -> DataProblem {
        func located(_ codingPath: [any CodingKey], _ message: String) -> DataProblem {
            let place = JSONLocator.location(of: codingPath, in: bytes)
            return DataProblem(file: file, path: jsonPath(codingPath), line: place?.line, column: place?.column,
                               message: message)
        }
        switch error {
        case .typeMismatch(let type, let context):
            return located(context.codingPath, "expected \(describe(type)), found \(foundKind(context.debugDescription))")
        case .valueNotFound(let type, let context):
            return located(context.codingPath, "expected \(describe(type)), found null")
        case .keyNotFound(let key, let context):
            return located(context.codingPath, "missing required field \"\(key.stringValue)\"")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return syntaxProblem(context, file: file, bytes: bytes)
            }
            return located(context.codingPath, context.debugDescription)
        @unknown default:
            return DataProblem(file: file, path: "", message: "could not be decoded")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Double.Type, is Int.Type, is Float.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is [Any].Type: return "a list"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.contains("Keyed") { return "an object" }
            return "an object (\(name))"
        }
    }

    private static func foundKind(_ debugDescription: String) -> String {
        let lower = debugDescription.lowercased()
        for (word, kind) in [("string", "text"), ("number", "a number"), ("bool", "true or false"),
                             ("array", "a list"), ("dictionary", "an object"), ("null", "null")] where lower.contains("found " + word) || lower.contains("found a " + word) || lower.contains("found an " + word) {
            return kind
        }
        return "something else"
    }

    /// Malformed JSON: point at the first syntax error, or say what the decoder refused.
    private static func syntaxProblem(_ context: DecodingError.Context, file: String, bytes: [UInt8]) -> DataProblem {
        if let failure = JSONText.firstEncodingError(in: bytes) {
            let place = JSONLocator.lineAndColumn(of: failure.offset, in: bytes)
            return DataProblem(file: file, path: "", line: place.line, column: place.column, message: failure.message)
        }
        if let failure = JSONSyntax.firstError(in: bytes) {
            let place = JSONLocator.lineAndColumn(of: failure.offset, in: bytes)
            return DataProblem(file: file, path: "", line: place.line, column: place.column,
                               message: "not valid JSON: expected \(failure.expected)")
        }
        // Well-formed but refused: nesting too deep, or a number beyond what a Double holds.
        return DataProblem(file: file, path: "", message: "not usable JSON: \(context.debugDescription) (nesting too deep or a number out of range?)")
    }
}


/// How far a load has come, for a progress bar: `done` of `total` (each file's bytes count once when read
/// and once when decoded), and what is happening now.
public struct DataLoadStep: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case reading, decoding, validating
    }

    public var phase: Phase
    public var file: String
    public var fileNumber: Int
    public var fileCount: Int
    public var done: Int
    public var total: Int

    public init(phase: Phase, file: String, fileNumber: Int, fileCount: Int, done: Int, total: Int) {
        self.phase = phase
        self.file = file
        self.fileNumber = fileNumber
        self.fileCount = fileCount
        self.done = done
        self.total = total
    }

    /// 0...1, never beyond, whatever the files did meanwhile.
    public var fraction: Double { total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0 }
}
