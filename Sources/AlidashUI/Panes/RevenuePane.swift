import AlidashModel

/// Placeholder while the Revenue pane is being built.
public struct RevenuePane: PaneModel {
    public init() {}

    public mutating func handle(_ action: Action, area: Rect, context: RenderContext) -> Bool { false }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        buffer.put("Revenue", x: area.x + 1, y: area.y + 1, style: Style(.title), clip: area)
    }
}
