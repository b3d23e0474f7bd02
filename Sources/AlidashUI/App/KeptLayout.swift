/// A list pane's layout, kept with what it was measured for (the area, the context and the list's state),
/// so keys and clicks use it without measuring again, and drawing measures only when it is for another state.
struct KeptLayout<Layout: Sendable>: Sendable {
    private var key: LayoutKey?
    private var list: FilteredList?
    private(set) var layout: Layout?

    /// Measures with `measure` unless what is kept is for `key` and `list` already.
    mutating func keep(for key: LayoutKey, list: FilteredList, measure: () -> Layout) {
        guard self.key != key || self.list != list || layout == nil else { return }
        self.key = key
        self.list = list
        layout = measure()
    }

    /// The kept layout when it is for `key` and `list`, else a new one from `measure`.
    func layout(for key: LayoutKey, list: FilteredList, measure: () -> Layout) -> Layout {
        if let layout, self.key == key, self.list == list { return layout }
        return measure()
    }
}
