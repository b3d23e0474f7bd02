/// A run of text with one style: the unit of a styled line.
public struct Span: Sendable, Equatable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .normal) {
        self.text = text
        self.style = style
    }
}

/// A line of styled spans.
public typealias StyledLine = [Span]

/// Helpers to draw spans and wrapped paragraphs.
public enum TextLines {
    /// Draws spans left to right from (x, y), clipped to `area`; returns the cells used.
    @discardableResult
    public static func draw(_ line: StyledLine, into buffer: inout Buffer, x: Int, y: Int, area: Rect) -> Int {
        var column = x
        for span in line {
            let room = area.maxX.saturatingSubtract(column)
            guard room > 0 else { break }
            column += buffer.put(span.text, x: column, y: y, style: span.style, maxWidth: room, clip: area)
        }
        return column - x
    }

    /// Wraps `text` to `width` and returns styled lines, each prefixed with `indent`.
    public static func wrapped(_ text: String, width: Int, style: Style = .normal, indent: String = "") -> [StyledLine] {
        let room = width.saturatingSubtract(TerminalText.width(of: indent))
        guard room > 0 else { return [] }
        return TerminalText.wrap(text, width: room).map { [Span(indent + $0, style)] }
    }

    /// Draws lines from `offset` into `area` (a scrolled text view); returns how many lines fit.
    @discardableResult
    public static func drawScrolled(_ lines: [StyledLine], offset: Int, into buffer: inout Buffer, area: Rect) -> Int {
        guard !area.isEmpty else { return 0 }
        let first = max(0, min(offset, max(0, lines.count - 1)))
        var y = area.y
        for line in lines[first...] {
            guard y < area.maxY else { break }
            draw(line, into: &buffer, x: area.x, y: y, area: area)
            y += 1
        }
        return area.height
    }
}
