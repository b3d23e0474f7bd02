/// A bordered box with a title; returns the inner area for the content.
public struct Block: Sendable {
    public var title: String
    public var focused: Bool

    public init(title: String = "", focused: Bool = false) {
        self.title = title
        self.focused = focused
    }

    @discardableResult
    public func render(into buffer: inout Buffer, area: Rect, glyphs: Glyphs) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return .zero }
        let style = Style(focused ? .borderFocus : .border)
        let right = area.maxX - 1, bottom = area.maxY - 1
        buffer.put(glyphs.horizontal, x: area.x + 1, y: area.y, count: area.width - 2, style: style)
        buffer.put(glyphs.horizontal, x: area.x + 1, y: bottom, count: area.width - 2, style: style)
        buffer.put(glyphs.vertical, x: area.x, y: area.y + 1, count: area.height - 2, vertical: true, style: style)
        buffer.put(glyphs.vertical, x: right, y: area.y + 1, count: area.height - 2, vertical: true, style: style)
        buffer.put(glyphs.topLeft, x: area.x, y: area.y, style: style)
        buffer.put(glyphs.topRight, x: right, y: area.y, style: style)
        buffer.put(glyphs.bottomLeft, x: area.x, y: bottom, style: style)
        buffer.put(glyphs.bottomRight, x: right, y: bottom, style: style)
        if !title.isEmpty, area.width > 4 {
            let text = " " + TerminalText.truncate(title, to: area.width - 4) + " "
            buffer.put(text, x: area.x + 1, y: area.y, style: Style(focused ? .borderFocus : .title, bold: true))
        }
        return area.inset(by: 1)
    }
}
