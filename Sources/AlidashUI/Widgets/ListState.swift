/// Selection and scroll position of a list; keeps the selection visible.
public struct ListState: Sendable, Equatable {
    public var selected: Int = 0
    public var offset: Int = 0

    public init(selected: Int = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` within `count` items.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else { selected = 0; offset = 0; return }
        selected = min(max(0, selected.saturatingAdd(delta)), count - 1)
    }

    public mutating func select(_ index: Int, count: Int) {
        selected = 0
        move(by: index, count: count)
    }

    /// Applies a navigation action; returns false for actions a list does not handle.
    public mutating func apply(_ action: Action, count: Int, pageSize: Int) -> Bool {
        switch action {
        case .moveUp: move(by: -1, count: count)
        case .moveDown: move(by: 1, count: count)
        case .pageUp: move(by: -max(1, pageSize), count: count)
        case .pageDown: move(by: max(1, pageSize), count: count)
        case .top: select(0, count: count)
        case .bottom: select(count - 1, count: count)
        default: return false
        }
        return true
    }

    /// The first visible row for a window of `height` rows, following the selection.
    public func visibleOffset(height: Int, count: Int) -> Int {
        guard height > 0, count > height else { return 0 }
        var first = min(offset, count - height)
        if selected < first { first = selected }
        if selected >= first + height { first = selected - height + 1 }
        return max(0, first)
    }

    /// Stores the offset used for drawing, so scrolling is stable between frames.
    public mutating func follow(height: Int, count: Int) {
        offset = visibleOffset(height: height, count: count)
    }
}
