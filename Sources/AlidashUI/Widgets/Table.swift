/// A column of a table: its heading, how wide it may be, and its alignment.
public struct TableColumn: Sendable {
    public var title: String
    /// The width the column wants; the last column with `flexible` takes what is left.
    public var width: Int
    public var alignRight: Bool
    public var flexible: Bool

    public init(_ title: String, width: Int, alignRight: Bool = false, flexible: Bool = false) {
        self.title = title
        self.width = width
        self.alignRight = alignRight
        self.flexible = flexible
    }
}

/// One table cell: text and a style.
public struct TableCell: Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// A scrolling table with a header row and a highlighted selection. Draws only the visible rows,
/// so its cost does not grow with the length of the data.
public struct Table: Sendable {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// Produces the cells of one row; called only for visible rows.
    public var row: @Sendable (Int) -> [TableCell]
    public var selected: Int?
    public var offset: Int
    public var showHeader: Bool

    public init(columns: [TableColumn], rowCount: Int, selected: Int?, offset: Int, showHeader: Bool = true,
                row: @escaping @Sendable (Int) -> [TableCell]) {
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
        self.selected = selected
        self.offset = offset
        self.showHeader = showHeader
    }

    /// Widths that fit `total` cells: fixed columns keep theirs, flexible ones share the rest.
    public static func layout(_ columns: [TableColumn], total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.filter { !$0.flexible }.reduce(0) { $0 + $1.width }
        let flexibleCount = columns.filter(\.flexible).count
        var room = total.saturatingSubtract(gaps).saturatingSubtract(fixed)
        var widths: [Int] = []
        var used = 0
        for column in columns {
            var width = column.width
            if column.flexible {
                width = flexibleCount > 0 ? max(column.width, room / max(1, flexibleCount)) : column.width
                room = room.saturatingSubtract(width)
            }
            let available = total.saturatingSubtract(used)
            width = min(width, available)
            widths.append(width)
            used = used.saturatingAdd(width).saturatingAdd(1)
        }
        return widths
    }

    public func render(into buffer: inout Buffer, area: Rect, glyphs: Glyphs) {
        guard !area.isEmpty else { return }
        buffer.fill(area) // the gaps between columns and the rows below the last are the table's too
        // A table that scrolls keeps its last column for the scroll indicator, so no cell is cut by it.
        let scrolls = rowCount > area.height - (showHeader ? 1 : 0)
        let widths = Table.layout(columns, total: scrolls ? area.width.saturatingSubtract(1) : area.width)
        var y = area.y
        if showHeader {
            var x = area.x
            for (column, width) in zip(columns, widths) where width > 0 {
                buffer.put(TerminalText.pad(column.title, to: width, alignRight: column.alignRight), x: x, y: y,
                           style: Style(.header), clip: area)
                x += width + 1
            }
            y += 1
        }
        let height = area.maxY - y
        guard height > 0, rowCount > 0 else { return }
        let first = max(0, min(offset, rowCount - 1))
        let last = min(rowCount, first + height)
        for index in first..<last {
            let isSelected = index == selected
            if isSelected { buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: Style(.selection)) }
            var x = area.x
            for (cell, (column, width)) in zip(row(index), zip(columns, widths)) where width > 0 {
                let style = isSelected ? Style(.selection, bold: cell.style.bold) : cell.style
                buffer.put(TerminalText.pad(cell.text, to: width, alignRight: column.alignRight), x: x, y: y,
                           style: style, clip: area)
                x += width + 1
            }
            y += 1
        }
        if rowCount > height {
            // A scroll indicator in the last column: where the window sits in the list.
            let barX = area.maxX - 1
            let bodyTop = area.maxY - height
            let thumb = min(height - 1, (first * height) / max(1, rowCount - height + 1))
            buffer.put(first > 0 ? glyphs.up : " ", x: barX, y: bodyTop, style: Style(.dim))
            buffer.put(last < rowCount ? glyphs.down : " ", x: barX, y: area.maxY - 1, style: Style(.dim))
            if height > 2 {
                buffer.put(String(glyphs.vertical), x: barX, y: bodyTop + max(1, min(height - 2, thumb)), style: Style(.accent))
            }
        }
    }
}
