/// Scrolling a text view by actions: the offset of its first visible line.
public enum TextScroll {
    /// The new offset after `action`, kept within 0...`maxOffset` (the window may have grown since the
    /// last scroll); nil for actions that do not scroll.
    public static func offset(after action: Action, from offset: Int, maxOffset: Int, pageSize: Int) -> Int? {
        let current = min(max(0, offset), max(0, maxOffset))
        let page = max(1, pageSize)
        switch action {
        case .moveDown: return min(maxOffset, current + 1)
        case .moveUp: return max(0, current - 1)
        case .pageDown: return min(maxOffset, current + page)
        case .pageUp: return max(0, current - page)
        case .top: return 0
        case .bottom: return max(0, maxOffset)
        default: return nil
        }
    }

    /// Where a scrolled view is, as pagers say it: "▲ ▼ 5 more lines · j/k scroll", "▲ end · k scrolls back";
    /// nil when everything is in view.
    public static func hint(offset: Int, hidden: Int, context: RenderContext) -> String? {
        guard offset > 0 || hidden > 0 else { return nil }
        let up = offset > 0 ? context.glyphs.up + " " : ""
        return up + (hidden > 0
            ? context.glyphs.down + " " + context.t("\(hidden) more lines · j/k scroll", "\(hidden) weitere Zeilen · j/k blättern")
            : context.t("end · k scrolls back", "Ende · k blättert zurück"))
    }
}
