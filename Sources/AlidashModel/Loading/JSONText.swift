/// What JSON decoders refuse below the syntax: bytes that are not UTF-8, and a `\uD800`-style escape
/// that is half of a UTF-16 pair. Found with their offset, so the problem gets a line and column.
enum JSONText {
    struct Failure: Equatable {
        let offset: Int
        let message: String
    }

    static func firstEncodingError(in bytes: [UInt8]) -> Failure? {
        if let offset = firstInvalidUTF8(in: bytes) {
            return Failure(offset: offset, message: "not UTF-8: the byte 0x" + hex(bytes[offset], width: 2)
                + " does not start or continue a character here")
        }
        return firstLoneSurrogate(in: bytes)
    }

    /// The offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return index
            }
            for continuation in 1..<length {
                let position = index + continuation
                guard position < bytes.count else { return index } // cut short at the end
                let byte = bytes[position]
                let (min, max) = continuation == 1 ? (low, high) : (0x80, 0xBF)
                guard (min...max).contains(byte) else { return position }
            }
            index += length
        }
        return nil
    }

    /// A `\uD800`–`\uDBFF` escape not followed by a `\uDC00`–`\uDFFF` one, or the second without the first.
    static func firstLoneSurrogate(in bytes: [UInt8]) -> Failure? {
        var index = 0, inString = false
        var pendingHigh: (offset: Int, value: UInt16)?
        while index < bytes.count {
            let byte = bytes[index]
            if !inString {
                if byte == UInt8(ascii: "\"") { inString = true }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                if bytes[index + 1] == UInt8(ascii: "u"), let value = escapedUnit(bytes, at: index + 2) {
                    if let high = pendingHigh, !(0xDC00...0xDFFF).contains(value) { return lone(high.value, at: high.offset) }
                    if (0xD800...0xDBFF).contains(value) {
                        pendingHigh = (index, value)
                    } else if (0xDC00...0xDFFF).contains(value) {
                        if pendingHigh == nil { return lone(value, at: index) }
                        pendingHigh = nil
                    } else {
                        pendingHigh = nil
                    }
                    index += 6
                    continue
                }
                if let high = pendingHigh { return lone(high.value, at: high.offset) }
                index += 2
                continue
            }
            if let high = pendingHigh { return lone(high.value, at: high.offset) }
            if byte == UInt8(ascii: "\"") { inString = false }
            index += 1
        }
        return pendingHigh.map { lone($0.value, at: $0.offset) }
    }

    private static func escapedUnit(_ bytes: [UInt8], at start: Int) -> UInt16? {
        guard start + 4 <= bytes.count else { return nil }
        return UInt16(String(decoding: bytes[start..<(start + 4)], as: UTF8.self), radix: 16)
    }

    private static func lone(_ value: UInt16, at offset: Int) -> Failure {
        let half = (0xD800...0xDBFF).contains(value) ? "first" : "second"
        return Failure(offset: offset, message: "\\u\(hex(value, width: 4)) is the \(half) half of a UTF-16 pair "
            + "without the other half; it is not a character")
    }

    private static func hex<T: BinaryInteger>(_ value: T, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: false)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
