/// ▲ and ▼ at the right edge of a scrolled area, saying there is more above or below.
public enum ScrollMarks {
    public static func draw(into buffer: inout Buffer, area: Rect, moreAbove: Bool, moreBelow: Bool, glyphs: Glyphs) {
        guard !area.isEmpty else { return }
        let x = area.maxX - 1
        if moreAbove { buffer.put(glyphs.up, x: x, y: area.y, style: Style(.dim), clip: area) }
        if moreBelow { buffer.put(glyphs.down, x: x, y: area.maxY - 1, style: Style(.dim), clip: area) }
    }
}
