import AlidashModel
import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// How the server's log lines look: `text` (one readable line, `key=value` fields) or `json` (one object
/// per line, for log collectors).
public enum LogFormat: String, CaseIterable, Sendable {
    case text, json
}

/// The server's log, through swift-log: one line per event on standard error, written whole.
public enum ServerLog {
    /// Call once, before the first line.
    public static func bootstrap(format: LogFormat) {
        LoggingSystem.bootstrap { _ in ServerLogHandler(format: format) }
    }

    private static let logger = Logger(label: "alidash-serve")

    public static func info(_ text: String) { logger.info("\(text)") }
    public static func warning(_ text: String) { logger.warning("\(text)") }
    public static func error(_ text: String) { logger.error("\(text)") }

    /// One connection's line: where from, which key, terminal, options, duration and result.
    static func connection(_ fields: [(String, String)]) {
        logger.info("connection", metadata: Logger.Metadata(uniqueKeysWithValues: fields.map { ($0.0, .string($0.1)) }))
    }
}

/// Formats and writes the lines. Fields come in a fixed order, so text lines read alike and grep well.
struct ServerLogHandler: LogHandler {
    let format: LogFormat
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?
    var logLevel: Logger.Level = .info

    static let fieldOrder = ["from", "via", "key", "term", "size", "options", "duration", "result"]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let fields = (event.metadata ?? [:]).merging(metadata) { event, _ in event }
        Self.writeLine(Self.line(format: format, level: event.level, message: "\(event.message)", fields: fields, time: Date()))
    }

    static func line(format: LogFormat, level: Logger.Level, message: String, fields: Logger.Metadata, time: Date) -> String {
        let ordered = fields.keys.sorted { left, right in
            let a = fieldOrder.firstIndex(of: left) ?? fieldOrder.count, b = fieldOrder.firstIndex(of: right) ?? fieldOrder.count
            return a != b ? a < b : left < right
        }.map { ($0, "\(fields[$0]!)") }
        let timestamp = time.formatted(.iso8601)
        switch format {
        case .text:
            let prefix = level >= .error ? "error: " : level >= .warning ? "warning: " : ""
            let pairs = ordered.map { " \($0.0)=\(textValue($0.1))" }.joined()
            return "alidash-serve: \(timestamp) \(prefix)\(message)\(pairs)"
        case .json:
            let pairs = [("time", timestamp), ("level", "\(level)"), ("message", message)] + ordered
            return "{" + pairs.map { "\(jsonString($0.0)):\(jsonString($0.1))" }.joined(separator: ",") + "}"
        }
    }

    /// logfmt's rule: quoted when it holds a blank, a quote or an equals sign.
    static func textValue(_ value: String) -> String {
        guard value.isEmpty || value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func jsonString(_ value: String) -> String { ExportTable.jsonString(value) }

    static func writeLine(_ line: String) {
        var bytes = Array((line + "\n").utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }
}
