import AlidashModelCore

/// Writes a decoded model value as Swift source that rebuilds it: a struct as a call of its memberwise
/// initializer (labels and order from its stored properties), an enum case by name, scalars as literals.
/// Every model struct has a public initializer taking its stored properties in order, so a property
/// added without one fails to compile here rather than going missing.
enum SwiftValue {
    /// Stored properties that an initializer derives from the others (lookups), never passed in.
    static let derivedProperties: [String: Set<String>] = [
        "DataSet": ["sourceIndexByID", "allFacts", "factIndexByID", "hubIndexByID", "headquartersIndex", "hubCoordinates"],
        "RevenueHistory": ["alibabaIndex", "amazonIndex"],
    ]

    /// One function per part of the data set, so that no single expression grows with the whole data.
    nonisolated(unsafe) static var parts: [String] = []

    static func dataSet(_ data: DataSet) -> String {
        var arguments: [String] = []
        for child in Mirror(reflecting: data).children {
            guard let label = child.label, !(derivedProperties["DataSet"] ?? []).contains(label) else { continue }
            if label == "origin" {
                arguments.append("origin: \(literal(data.origin))")
                continue
            }
            let type = typeName(child.value)
            parts.append("\n    private static func \(label)() -> \(type) {\n        \(source(child.value, indent: 2))\n    }\n")
            arguments.append("\(label): \(label)()")
        }
        return "\(typeName(data))(\n        " + arguments.joined(separator: ",\n        ") + ")"
    }

    static func typeName(_ value: Any) -> String {
        String(reflecting: type(of: value))
    }

    static func source(_ value: Any, indent: Int) -> String {
        switch value {
        case let text as String: return literal(text)
        case let number as Double:
            guard number.isFinite else { fatalError("a data value is not finite: \(number)") }
            return "\(number)"
        case let number as Int: return "\(number)"
        case let flag as Bool: return flag ? "true" : "false"
        case let text as LocalizedText:
            return "\(typeName(text))(\(literal(text.english)), german: \(text.german.map(literal) ?? "nil"))"
        case let reference as FigureReference: return figureReference(reference)
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { source($0.value, indent: indent) } ?? "nil"
        case .collection:
            let elements = mirror.children.map { source($0.value, indent: indent + 1) }
            if elements.isEmpty { return "[]" }
            let scalar = mirror.children.allSatisfy { $0.value is String || $0.value is Double || $0.value is Int }
            if scalar { return "[" + elements.joined(separator: ", ") + "]" }
            let pad = String(repeating: "    ", count: indent + 1)
            return "[\n" + elements.map { pad + $0 + ",\n" }.joined() + String(repeating: "    ", count: indent) + "]"
        case .enum:
            guard mirror.children.isEmpty else { fatalError("no writer for the enum \(typeName(value))") }
            return "\(typeName(value)).`\(value)`"
        case .struct:
            let skipped = derivedProperties[String(describing: type(of: value))] ?? []
            let arguments = mirror.children.compactMap { child -> String? in
                guard let label = child.label, !skipped.contains(label) else { return nil }
                return "\(label): \(source(child.value, indent: indent))"
            }
            return "\(typeName(value))(" + arguments.joined(separator: ", ") + ")"
        default:
            fatalError("no writer for \(typeName(value))")
        }
    }

    static func figureReference(_ reference: FigureReference) -> String {
        let type = typeName(reference)
        switch reference {
        case .fact(let id): return "\(type).fact(\(literal(id)))"
        case .singlesDay(let year): return "\(type).singlesDay(year: \(year))"
        case .alibabaQuarter(let quarter):
            return "\(type).alibabaQuarter(\(typeName(quarter))(fiscalYear: \(quarter.fiscalYear), quarter: \(quarter.quarter)))"
        case .alibabaYear(let year): return "\(type).alibabaYear(fiscalYear: \(year))"
        case .amazonQuarter(let quarter):
            return "\(type).amazonQuarter(\(typeName(quarter))(year: \(quarter.year), quarter: \(quarter.quarter)))"
        case .amazonYear(let year): return "\(type).amazonYear(\(year))"
        }
    }

    /// A Swift string literal: quotes, backslashes and control characters escaped, the rest as is.
    static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            // Controls and format characters (bidi marks among them) as escapes: the generated file
            // shows them and no editor acts on them.
            case _ where InertText.isControl(scalar) || scalar.properties.generalCategory == .format:
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
