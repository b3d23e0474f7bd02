/// A titled box with the details of the selected entry. When the lines do not fit, the last row
/// says how to see them all, so nothing is cut off silently.
public struct DetailPanel: Sendable {
    public var title: String
    public var lines: [StyledLine]
    /// Whether the box is already open in full (Enter pressed): then the hint cannot promise more.
    public var expanded: Bool

    public init(title: String, lines: [StyledLine], expanded: Bool = false) {
        self.title = title
        self.lines = lines
        self.expanded = expanded
    }

    /// The box height that shows every line (borders included).
    public var naturalHeight: Int { lines.count + 2 }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        buffer.fill(area) // a box owns every cell inside it, whatever was drawn there before
        let inner = Block(title: title).render(into: &buffer, area: area, glyphs: context.glyphs)
            .inset(horizontal: 1, vertical: 0)
        guard !inner.isEmpty else { return }
        let fits = lines.count <= inner.height
        let shown = fits ? lines : Array(lines.prefix(inner.height - 1))
        TextLines.drawScrolled(shown, offset: 0, into: &buffer, area: inner)
        if !fits {
            let hidden = lines.count - shown.count
            let hint = context.glyphs.ellipsis + " " + (expanded
                ? context.t("\(hidden) more lines: a taller window, or alidash print, shows them",
                            "\(hidden) weitere Zeilen: ein höheres Fenster oder alidash print zeigt sie")
                : context.t("Enter shows all", "Enter zeigt alles"))
            buffer.put(hint, x: inner.x, y: inner.maxY - 1, style: Style(.dim), clip: inner)
        }
    }
}
