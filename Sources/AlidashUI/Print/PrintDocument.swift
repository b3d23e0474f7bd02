/// What `alidash print` writes for a pane: everything it holds, as a single column of blocks, written out
/// as wrapped text or as Markdown (`PrintFormat`). Panes build it from the same text functions they draw
/// with, so the printed words stay those of the dashboard.
public struct PrintDocument: Sendable {
    public enum Block: Sendable {
        /// Level 1 is the pane's title, 2 a part of it, 3 one entry (a hub, an event, a source).
        case heading(String, level: Int)
        /// Lines as the pane wrapped them at the width asked; leading spaces are a hanging indent.
        case lines([StyledLine])
        case table(PrintTable)
        /// A URL on a line of its own, never broken, so it can be clicked and copied whole.
        case link(String)
    }

    public var blocks: [Block] = []

    /// The width a pane is asked to wrap at when the output wraps nothing itself (Markdown): so wide
    /// that every paragraph stays one line.
    public static let unwrapped = 100_000

    public init() {}

    public mutating func heading(_ text: String, level: Int) { blocks.append(.heading(text, level: level)) }

    public mutating func lines(_ lines: [StyledLine]) {
        guard !lines.isEmpty else { return }
        blocks.append(.lines(lines))
    }

    public mutating func table(_ table: PrintTable) { blocks.append(.table(table)) }

    public mutating func link(_ url: String) { blocks.append(.link(url)) }
}

/// A table for print: headings and every row's cells as text (no selection, no scrolling).
public struct PrintTable: Sendable {
    public var columns: [TableColumn]
    public var rows: [[String]]

    public init(columns: [TableColumn], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// All rows of a dashboard table, as the table widget would draw them.
    public init(_ table: Table) {
        self.columns = table.columns
        self.rows = (0..<table.rowCount).map { table.row($0).map(\.text) }
    }
}

/// How `alidash print` lays a document out.
public enum PrintFormat: String, Sendable, CaseIterable {
    /// Wrapped at the width, headings as plain lines, tables aligned.
    case text
    /// Headings with `#`, entries' details as lists, tables as pipe tables; lines are not wrapped.
    case markdown
}
