/// Finds the line and column of a value in JSON text by walking its coding path, so that
/// decoding errors (which carry only a path) can point into the file. Gives up on malformed text.
struct JSONLocator {
    private let bytes: [UInt8]
    private var index = 0

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func location(of path: [any CodingKey], in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var locator = JSONLocator(bytes: bytes)
        guard let offset = locator.find(path[...]) else { return nil }
        return lineAndColumn(of: offset, in: bytes)
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for position in 0..<min(offset, bytes.count) where bytes[position] == UInt8(ascii: "\n") {
            line += 1
            lineStart = position + 1
        }
        // Columns count characters, not bytes: skip UTF-8 continuation bytes.
        var column = 1
        var position = lineStart
        while position < min(offset, bytes.count) {
            if bytes[position] & 0xC0 != 0x80 { column += 1 }
            position += 1
        }
        return (line, column)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    /// Offset of the value at `path`, starting from the value at the current position.
    private mutating func find(_ path: ArraySlice<any CodingKey>) -> Int? {
        skipWhitespace()
        guard index < bytes.count else { return nil }
        guard let key = path.first else { return index }
        let rest = path.dropFirst()
        if let wanted = key.intValue, bytes[index] == UInt8(ascii: "[") {
            index += 1
            var position = 0
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] != UInt8(ascii: "]") else { return nil }
                if position == wanted { return find(rest) }
                guard skipValue() else { return nil }
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
                index += 1
                position += 1
            }
        }
        guard bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            guard let name = readString() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            if name == key.stringValue { return find(rest) }
            guard skipValue() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    private mutating func readString() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        var scalars: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                scalars.append(byte)
                index += 2
                continue
            }
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: scalars, as: UTF8.self) }
            scalars.append(byte)
        }
        return nil
    }

    /// Skips one value of any kind; nesting is tracked by a counter, not recursion.
    private mutating func skipValue() -> Bool {
        skipWhitespace()
        var depth = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard readString() != nil else { return false }
                if depth == 0 { return true }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return true }
                depth -= 1
                if depth == 0 { index += 1; return true }
            case UInt8(ascii: ","):
                if depth == 0 { return true }
            default:
                break
            }
            index += 1
        }
        return depth == 0
    }
}
