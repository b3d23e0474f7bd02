import AlidashModel

/// Placeholder while the Hubs pane is being built.
public struct HubsPane: PaneModel {
    public init() {}

    public mutating func handle(_ action: Action, area: Rect, context: RenderContext) -> Bool { false }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        buffer.put("Hubs", x: area.x + 1, y: area.y + 1, style: Style(.title), clip: area)
    }
}
