/// One value in an exported table.
public enum ExportValue: Sendable, Equatable {
    case text(String)
    case number(Double)
    case bool(Bool)
    case list([String])
    case empty
}

/// Rows of named columns, written as CSV (RFC 4180) or as a JSON array of objects with the same fields.
public struct ExportTable: Sendable {
    public var columns: [String]
    public var rows: [[ExportValue]]

    public init(columns: [String], rows: [[ExportValue]]) {
        self.columns = columns
        self.rows = rows
    }

    // MARK: - CSV

    /// A header row, then one line per row; CRLF line ends and quoting as RFC 4180 asks.
    public func csv() -> String {
        var text = columns.map(Self.csvField).joined(separator: ",") + "\r\n"
        for row in rows {
            text += row.map { Self.csvField(Self.plain($0)) }.joined(separator: ",") + "\r\n"
        }
        return text
    }

    /// Control characters from the data become U+FFFD, so a CSV shown in a terminal stays inert.
    /// Quotes a field when it holds a comma, a quote or a line break; quotes inside are doubled.
    static func csvField(_ raw: String) -> String {
        let text = InertText.make(raw, keepNewlines: true)
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }

    static func plain(_ value: ExportValue) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number): return numberText(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return items.joined(separator: ";")
        case .empty: return ""
        }
    }

    /// Whole numbers without ".0" (213.5 stays, 75.0 → 75), so spreadsheets and `jq` read them alike.
    static func numberText(_ number: Double) -> String {
        guard number.isFinite else { return "" }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }

    // MARK: - JSON

    /// `[{"column": value, …}, …]` with the columns in table order, one record per line.
    public func json() -> String {
        let records = rows.map { row in
            "  {" + zip(columns, row).map { Self.jsonString($0) + ": " + Self.jsonValue($1) }.joined(separator: ", ") + "}"
        }
        return "[\n" + records.joined(separator: ",\n") + (records.isEmpty ? "" : "\n") + "]\n"
    }

    static func jsonValue(_ value: ExportValue) -> String {
        switch value {
        case .text(let text): return jsonString(text)
        case .number(let number): return number.isFinite ? numberText(number) : "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let items): return "[" + items.map(jsonString).joined(separator: ", ") + "]"
        case .empty: return "null"
        }
    }

    /// A JSON string literal. Besides what JSON requires, C1 controls, the line and paragraph separators
    /// and the bidirectional controls are escaped, so no reader's terminal or editor is steered by them.
    public static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if InertText.isControl(scalar) || InertText.isBidiControl(scalar) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
