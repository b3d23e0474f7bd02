/// Writes a `PrintDocument` as plain text or Markdown lines.
public enum PrintWriter {
    /// The lines of `document`; `fold` turns each finished piece of text into what the output can show
    /// (ASCII for a locale that is not UTF-8), before widths are measured.
    public static func lines(_ document: PrintDocument, format: PrintFormat, width: Int,
                             fold: (String) -> String = { $0 }) -> [String] {
        var output: [String] = []
        var previous: PrintDocument.Block?
        for block in document.blocks {
            let written: [String]
            switch format {
            case .text: written = text(block, width: width, fold: fold)
            case .markdown: written = markdown(block, fold: fold)
            }
            guard !written.isEmpty else { continue }
            if !output.isEmpty, format == .markdown || !continuesEntry(block, after: previous) { output.append("") }
            output += written
            previous = block
        }
        while output.last?.isEmpty == true { output.removeLast() }
        return output.map(trimmingTrailingSpaces)
    }

    // MARK: - Text

    /// In text, an entry's title, its lines and its URL stand together; a blank line comes before the next.
    private static func continuesEntry(_ block: PrintDocument.Block, after previous: PrintDocument.Block?) -> Bool {
        switch (previous, block) {
        case (.heading(_, let level)?, .lines), (.heading(_, let level)?, .link): return level >= 3
        case (.lines?, .link): return true
        default: return false
        }
    }

    private static func text(_ block: PrintDocument.Block, width: Int, fold: (String) -> String) -> [String] {
        switch block {
        case .heading(let title, _):
            return TerminalText.wrap(fold(title), width: width)
        case .lines(let lines):
            return lines.flatMap { rewrapped(fold($0.map(\.text).joined()), width: width) }
        case .table(let table):
            return tableText(table, width: width, fold: fold)
        case .link(let url):
            return [fold(url)]
        }
    }

    /// A line as the pane wrapped it, wrapped again only where folding made it wider than `width`,
    /// keeping its indent for the lines that follow.
    private static func rewrapped(_ line: String, width: Int) -> [String] {
        guard TerminalText.width(of: line) > width else { return [line] }
        let indent = String(line.prefix { $0 == " " })
        let room = width.saturatingSubtract(indent.count)
        guard room > 8 else { return TerminalText.wrap(line, width: width) }
        return TerminalText.wrap(String(line.dropFirst(indent.count)), width: room).map { indent + $0 }
    }

    /// Aligned columns when they fit; else one row per paragraph, "Heading: value" for each cell, so no
    /// cell is ever cut.
    private static func tableText(_ table: PrintTable, width: Int, fold: (String) -> String) -> [String] {
        let titles = table.columns.map { fold($0.title) }
        let rows = table.rows.map { $0.map(fold) }
        var widths = titles.map { TerminalText.width(of: $0) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], TerminalText.width(of: cell))
            }
        }
        let gap = 2
        let total = widths.reduce(0, +) + gap * max(0, widths.count - 1)
        func aligned(_ cells: [String]) -> String {
            zip(cells, zip(widths, table.columns)).map { cell, column in
                TerminalText.pad(cell, to: column.0, alignRight: column.1.alignRight)
            }.joined(separator: String(repeating: " ", count: gap))
        }
        if total <= width {
            return [aligned(titles)] + rows.map(aligned)
        }
        return rows.flatMap { row in
            let fields = zip(titles, row).map { $0 + ": " + $1 }.joined(separator: "; ")
            return rewrapped(fields, width: width) + [""]
        }.dropLast()
    }

    // MARK: - Markdown

    private static func markdown(_ block: PrintDocument.Block, fold: (String) -> String) -> [String] {
        switch block {
        case .heading(let title, let level):
            return [String(repeating: "#", count: max(1, min(6, level))) + " " + escaped(fold(title))]
        case .lines(let lines):
            return markdownLines(lines.map { fold($0.map(\.text).joined()) }, titles: lines.map(isSubheading))
        case .table(let table):
            let header = table.columns.map { escaped(fold($0.title), inTable: true) }
            let rule = table.columns.map { $0.alignRight ? "---:" : "---" }
            let rows = table.rows.map { $0.map { escaped(fold($0), inTable: true) } }
            return ([header, rule] + rows).map { "| " + $0.joined(separator: " | ") + " |" }
        case .link(let url):
            return ["<" + fold(url) + ">"]
        }
    }

    /// A line drawn in the title style alone ("Facts (6)") is a heading inside a pane's text.
    private static func isSubheading(_ line: StyledLine) -> Bool {
        !line.isEmpty && line.allSatisfy { $0.style.role == .title || $0.text.allSatisfy { $0 == " " } }
    }

    /// Unindented lines become paragraphs, indented ones list items (nested by their indent), title-styled
    /// ones bold lines of their own.
    private static func markdownLines(_ lines: [String], titles: [Bool]) -> [String] {
        var output: [String] = []
        var inList = false
        for (line, isTitle) in zip(lines, titles) {
            let indent = line.prefix { $0 == " " }.count
            let text = escaped(String(line.dropFirst(indent)))
            if text.isEmpty {
                if output.last?.isEmpty == false { output.append("") }
                inList = false
                continue
            }
            if indent >= 2, !isTitle {
                if !inList, output.last?.isEmpty == false { output.append("") }
                output.append(String(repeating: "  ", count: (indent - 2) / 2) + "- " + text)
                inList = true
            } else {
                if output.last?.isEmpty == false { output.append("") }
                output.append(isTitle ? "**" + text + "**" : text)
                inList = false
            }
        }
        return output
    }

    /// Characters Markdown would read as formatting.
    private static func escaped(_ text: String, inTable: Bool = false) -> String {
        var result = ""
        for character in text {
            if "\\*_`<".contains(character) || (inTable && character == "|") { result.append("\\") }
            result.append(character)
        }
        if let first = result.first, "#>+-".contains(first) { result = "\\" + result }
        return result
    }

    private static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = Substring(line)
        while line.last == " " { line = line.dropLast() }
        return String(line)
    }
}
