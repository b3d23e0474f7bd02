/// Finds the first syntax error in JSON text, with its byte offset and what was expected there.
/// Used only after the decoder has refused a file, to point at the exact place. Iterative: deep
/// nesting cannot overflow the stack.
enum JSONSyntax {
    struct Failure: Equatable {
        var offset: Int
        var expected: String
    }

    private enum Container { case object, array }

    static func firstError(in bytes: [UInt8]) -> Failure? {
        var index = 0
        var stack: [Container] = []
        // What may come next: a value, or (inside a container) a separator or closing bracket.
        var expectValue = true
        var expectKey = false

        func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        func fail(_ expected: String) -> Failure { Failure(offset: index, expected: expected) }

        while true {
            skipWhitespace()
            if expectValue || expectKey {
                guard index < bytes.count else { return fail(expectKey ? "a key in quotes" : "a value") }
                let byte = bytes[index]
                if expectKey {
                    if byte == UInt8(ascii: "}") && index > 0 && lastNonSpace(before: index, in: bytes) == UInt8(ascii: "{") {
                        index += 1
                        stack.removeLast()
                        expectKey = false
                        expectValue = false
                        continue
                    }
                    guard byte == UInt8(ascii: "\"") else { return fail("a key in quotes") }
                    let start = index
                    guard skipString(&index, bytes) else { return Failure(offset: start, expected: "the end of the string") }
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return fail("':' after the key") }
                    index += 1
                    expectKey = false
                    expectValue = true
                    continue
                }
                switch byte {
                case UInt8(ascii: "{"):
                    stack.append(.object)
                    index += 1
                    expectValue = false
                    expectKey = true
                    continue
                case UInt8(ascii: "["):
                    stack.append(.array)
                    index += 1
                    skipWhitespace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        stack.removeLast()
                        expectValue = false
                    }
                    continue
                case UInt8(ascii: "\""):
                    let start = index
                    guard skipString(&index, bytes) else { return Failure(offset: start, expected: "the end of the string") }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    while index < bytes.count, isNumberByte(bytes[index]) { index += 1 }
                default:
                    guard let word = ["true", "false", "null"].first(where: { matches($0, at: index, in: bytes) }) else {
                        return fail("a value (object, list, text in quotes, number, true, false or null)")
                    }
                    index += word.utf8.count
                }
                expectValue = false
                continue
            }
            // After a value.
            guard let container = stack.last else {
                return index < bytes.count ? fail("the end of the file") : nil
            }
            guard index < bytes.count else {
                return fail(container == .object ? "',' or '}'" : "',' or ']'")
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: ",") {
                index += 1
                if container == .object { expectKey = true } else { expectValue = true }
            } else if byte == UInt8(ascii: container == .object ? "}" : "]") {
                index += 1
                stack.removeLast()
            } else {
                return fail(container == .object ? "',' or '}'" : "',' or ']'")
            }
        }
    }

    private static func lastNonSpace(before index: Int, in bytes: [UInt8]) -> UInt8? {
        var position = index - 1
        while position >= 0, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position -= 1 }
        return position >= 0 ? bytes[position] : nil
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    private static func matches(_ word: String, at index: Int, in bytes: [UInt8]) -> Bool {
        let utf8 = Array(word.utf8)
        return index + utf8.count <= bytes.count && Array(bytes[index..<(index + utf8.count)]) == utf8
    }

    /// Moves past a string starting at `index`; false when it never ends.
    private static func skipString(_ index: inout Int, _ bytes: [UInt8]) -> Bool {
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): index += 1; return true
            case 0x00..<0x20: return false
            default: index += 1
            }
        }
        return false
    }
}
