/// A list whose selected entry has a detail box: Enter shows the detail in full, Esc shrinks it again.
public struct ExpandableList: Sendable, Equatable {
    public var list = ListState()
    public var expanded = false

    public init() {}

    /// Applies a navigation or detail action; returns false for actions it does not handle.
    public mutating func apply(_ action: Action, count: Int, pageSize: Int) -> Bool {
        switch action {
        case .open:
            expanded.toggle()
        case .close:
            guard expanded else { return false }
            expanded = false
        default:
            return list.apply(action, count: count, pageSize: pageSize)
        }
        return true
    }
}
