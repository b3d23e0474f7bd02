/// The part of TOML a settings file needs: comments, `[table]` and `[table.sub]` headers, `key = value`
/// with basic and literal strings, booleans, integers and arrays of those (over several lines too).
/// Anything else is a located error, never a guess. Pure Swift, so reading settings costs no Foundation
/// or ICU start-up.
public enum TOMLSubset {
    public indirect enum Value: Sendable, Equatable {
        case string(String)
        case bool(Bool)
        case integer(Int)
        case array([Value])

        /// The value as the file wrote it, for messages (`"yes"`, `3`, a list).
        public var written: String {
            switch self {
            case .string(let text): return "\"" + String(text.prefix(40)) + (text.count > 40 ? "…" : "") + "\""
            case .bool(let value): return value ? "true" : "false"
            case .integer(let number): return String(number)
            case .array: return "a list"
            }
        }
    }

    /// One `key = value`, with the table it sits in and where it was written.
    public struct Entry: Sendable, Equatable {
        public var table: String
        public var key: String
        public var value: Value
        public var line: Int
        public var column: Int
    }

    public struct SyntaxError: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    /// Every entry in order, tables named by their dotted header ("" before the first header).
    public static func parse(_ text: String) throws(SyntaxError) -> [Entry] {
        let (entries, errors) = parseAll(text)
        if let first = errors.first { throw first }
        return entries
    }

    /// The entries that can be read and every syntax error: after one, reading goes on at the next line,
    /// so a file's later problems are found too (at most `maximumErrors`).
    public static func parseAll(_ text: String) -> (entries: [Entry], errors: [SyntaxError]) {
        var parser = Parser(Array(text.unicodeScalars))
        return parser.entries()
    }

    public static let maximumErrors = 32

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0
        var line = 1
        var lineStart = 0
        var table = ""
        /// How many lists are open around the value being read (bounded, so `[[[[…` cannot exhaust the stack).
        var depth = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        var column: Int { index - lineStart + 1 }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        func error(_ message: String) -> SyntaxError { SyntaxError(line: line, column: column, message: message) }

        mutating func advance() {
            if current == "\n" {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }

        mutating func skipSpaces() { while current == " " || current == "\t" || current == "\r" { advance() } }

        /// Spaces, comments and line ends.
        mutating func skipBlank() {
            while let scalar = current {
                if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" { advance() }
                else if scalar == "#" { while let next = current, next != "\n" { advance() } }
                else { break }
            }
        }

        mutating func endOfLine() throws(SyntaxError) {
            skipSpaces()
            if current == "#" { while let next = current, next != "\n" { advance() } }
            guard current == nil || current == "\n" else { throw error("expected the end of the line") }
        }

        static func isBare(_ scalar: Unicode.Scalar) -> Bool {
            (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "_" || scalar == "-"
        }

        mutating func bareKey() throws(SyntaxError) -> String {
            var key = ""
            while let scalar = current, Parser.isBare(scalar) { key.unicodeScalars.append(scalar); advance() }
            guard !key.isEmpty else { throw error("expected a key (letters, digits, _ or -)") }
            return key
        }

        mutating func entries() -> (entries: [Entry], errors: [SyntaxError]) {
            var result: [Entry] = []
            var errors: [SyntaxError] = []
            var seen = Set<String>()
            while errors.count < TOMLSubset.maximumErrors {
                skipBlank()
                guard current != nil else { break }
                do throws(SyntaxError) {
                    if let entry = try statement(seen: &seen) { result.append(entry) }
                } catch {
                    errors.append(error)
                    // Go on at the next line: the rest of this one cannot be read.
                    while let scalar = current, scalar != "\n" { advance() }
                }
            }
            return (result, errors)
        }

        /// One table header (nil) or one `key = value` line.
        mutating func statement(seen: inout Set<String>) throws(SyntaxError) -> Entry? {
            guard let scalar = current else { return nil }
            if scalar == "[" {
                advance()
                if current == "[" { throw error("arrays of tables ([[…]]) are not used in this file") }
                var parts: [String] = []
                repeat {
                    if current == "." { advance() }
                    skipSpaces()
                    parts.append(try bareKey())
                    skipSpaces()
                } while current == "."
                guard current == "]" else { throw error("expected ] to close the table name") }
                advance()
                table = parts.joined(separator: ".")
                try endOfLine()
                return nil
            }
            let (keyLine, keyColumn) = (line, column)
            let key = try bareKey()
            skipSpaces()
            if current == "." { throw error("dotted keys are not used in this file; write a [table] header") }
            guard current == "=" else { throw error("expected = after the key \(key)") }
            advance()
            skipSpaces()
            let value = try self.value()
            try endOfLine()
            let full = table + "." + key
            guard seen.insert(full).inserted else {
                throw SyntaxError(line: keyLine, column: keyColumn, message: "the key \(key) is set twice")
            }
            return Entry(table: table, key: key, value: value, line: keyLine, column: keyColumn)
        }

        mutating func value() throws(SyntaxError) -> Value {
            guard let scalar = current else { throw error("expected a value") }
            switch scalar {
            case "\"": return .string(try basicString())
            case "'": return .string(try literalString())
            case "[": return try array()
            case "t", "f":
                let start = error("expected true, false, a number, a \"string\" or [a list]")
                var word = ""
                while let next = current, next >= "a" && next <= "z" { word.unicodeScalars.append(next); advance() }
                guard word == "true" || word == "false" else { throw start }
                return .bool(word == "true")
            case "-", "+", "0"..."9":
                var digits = ""
                while let next = current, next == "-" || next == "+" || next == "_" || (next >= "0" && next <= "9") {
                    if next != "_" { digits.unicodeScalars.append(next) }
                    advance()
                }
                guard let number = Int(digits) else { throw error("expected a whole number") }
                return .integer(number)
            case "{": throw error("inline tables are not used in this file")
            default: throw error("expected true, false, a number, a \"string\" or [a list]")
            }
        }

        mutating func basicString() throws(SyntaxError) -> String {
            advance()
            if current == "\"", index + 1 < scalars.count, scalars[index + 1] == "\"" {
                throw error("multi-line strings are not used in this file")
            }
            var text = ""
            while let scalar = current {
                switch scalar {
                case "\"":
                    advance()
                    return text
                case "\n":
                    throw error("the string is not closed on its line")
                case "\\":
                    advance()
                    guard let escaped = current else { throw error("the string is not closed") }
                    switch escaped {
                    case "\"": text.append("\"")
                    case "\\": text.append("\\")
                    case "n": text.append("\n")
                    case "t": text.append("\t")
                    default: throw error("unknown escape \\\(Character(escaped)) (use \\\" \\\\ \\n \\t)")
                    }
                    advance()
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F { throw error("control characters are not allowed in a string") }
                    text.unicodeScalars.append(scalar)
                    advance()
                }
            }
            throw error("the string is not closed")
        }

        mutating func literalString() throws(SyntaxError) -> String {
            advance()
            var text = ""
            while let scalar = current {
                if scalar == "'" { advance(); return text }
                if scalar == "\n" { throw error("the string is not closed on its line") }
                if scalar.value < 0x20 && scalar != "\t" { throw error("control characters are not allowed in a string") }
                text.unicodeScalars.append(scalar)
                advance()
            }
            throw error("the string is not closed")
        }

        mutating func array() throws(SyntaxError) -> Value {
            guard depth < 4 else { throw error("lists nest at most 4 deep") }
            depth += 1
            defer { depth -= 1 }
            advance()
            var items: [Value] = []
            while true {
                skipBlank()
                if current == "]" { advance(); return .array(items) }
                guard items.count < 64 else { throw error("a list holds at most 64 values") }
                items.append(try value())
                skipBlank()
                if current == "," { advance(); continue }
                guard current == "]" else { throw error("expected , or ] in the list") }
            }
        }
    }
}
