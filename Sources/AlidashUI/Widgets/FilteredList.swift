/// The one list component: which entries the `/` filter keeps, which one is selected (kept by id across
/// filtering and data reloads), the first entry on screen for entries of uneven height, page moves,
/// hit-testing of clicks, and Enter/Esc for the selected entry's detail.
///
/// The pane keeps its entries; the list keeps positions into them. Entry heights come from the pane as
/// `height(position, atTop)` (`atTop` for the entry in the first row, which may carry a heading there),
/// and every window calculation walks only the rows on screen, so it costs the same for thirty entries
/// or a million.
public struct FilteredList: Sendable, Equatable {
    /// Rows an entry takes: `(position among the shown entries, whether it is in the window's first row)`.
    public typealias Height = (_ position: Int, _ atTop: Bool) -> Int

    public private(set) var filter = ""
    /// Indices of the entries the filter kept, ascending; nil when nothing is filtered (no copy of the list).
    public private(set) var matches: [Int]?
    /// The selected entry, as a position among the shown entries.
    public private(set) var selected = 0
    /// The shown entry in the window's first row.
    public private(set) var first = 0
    /// Whether the selected entry's detail is open in full (Enter toggles, Esc closes).
    public var expanded = false

    public init() {}

    // MARK: - Entries shown

    /// How many entries are shown out of `total`.
    public func count(of total: Int) -> Int { matches?.count ?? total }

    /// The index into the pane's entries of the entry shown at `position`.
    public func entry(at position: Int, total: Int) -> Int? {
        guard position >= 0, position < count(of: total) else { return nil }
        let index = matches?[position] ?? position
        return index < total ? index : nil
    }

    /// The selected entry's index into the pane's entries (the selection is clamped, so a shorter list never traps).
    public func selectedEntry(total: Int) -> Int? {
        entry(at: min(selected, count(of: total).saturatingSubtract(1)), total: total)
    }

    /// Where the entry with index `index` is shown, if it is.
    public func position(ofEntry index: Int, total: Int) -> Int? {
        guard index >= 0, index < total else { return nil }
        let low = shownCount(below: index, total: total)
        guard let matches else { return index }
        return low < matches.count && matches[low] == index ? low : nil
    }

    /// How many shown entries have an index below `index` (a binary search, never a walk).
    public func shownCount(below index: Int, total: Int) -> Int {
        guard let matches else { return min(max(0, index), total) }
        var low = 0, high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: - Filtering and reloading

    /// Applies `text` as the filter over `total` entries (`keeps(index)` says whether an entry matches); the
    /// selected entry stays selected when it is still shown, else the selection starts at the top.
    public mutating func setFilter(_ text: String, total: Int, keeps: (Int) -> Bool) {
        let before = selectedEntry(total: total)
        filter = text
        matches = text.trimmingSpaces().isEmpty ? nil : (0..<total).filter(keeps)
        reselect(before.flatMap { position(ofEntry: $0, total: total) })
    }

    /// The data was reloaded: the filter is applied to the new entries and the entry with the id selected
    /// before (`oldID`) stays selected where it still exists. `id(index)` names a new entry.
    public mutating func reload(selectedID oldID: String?, total: Int, id: (Int) -> String, keeps: (Int) -> Bool) {
        matches = filter.trimmingSpaces().isEmpty ? nil : (0..<total).filter(keeps)
        let index = oldID.flatMap { oldID in (0..<total).first { id($0) == oldID } }
        reselect(index.flatMap { position(ofEntry: $0, total: total) })
    }

    private mutating func reselect(_ position: Int?) {
        if let position {
            selected = position
        } else {
            selected = 0
            expanded = false
        }
        first = min(first, selected)
    }

    // MARK: - Moving

    /// Applies a navigation action, or Enter/Esc for the detail, in a window `rows` tall; returns false for
    /// actions a list does not handle (and for moves that change nothing).
    public mutating func apply(_ action: Action, total: Int, rows: Int, height: Height) -> Bool {
        let count = count(of: total)
        let before = self
        switch action {
        case .open:
            guard count > 0 else { return false }
            expanded.toggle()
            return true
        case .close:
            guard expanded else { return false }
            expanded = false
            return true
        case .moveUp: select(selected - 1, count: count)
        case .moveDown: select(selected + 1, count: count)
        case .pageUp: select(selected - pageSize(total: total, rows: rows, height: height), count: count)
        case .pageDown: select(selected + pageSize(total: total, rows: rows, height: height), count: count)
        case .top: select(0, count: count)
        case .bottom: select(count - 1, count: count)
        default: return false
        }
        follow(total: total, rows: rows, height: height)
        return self != before
    }

    /// Selects the shown entry at `position`, clamped to the list.
    public mutating func select(_ position: Int, count: Int) {
        selected = count > 0 ? min(max(0, position), count - 1) : 0
    }

    /// A page: one entry less than the window shows, at least one.
    private func pageSize(total: Int, rows: Int, height: Height) -> Int {
        max(1, visible(total: total, rows: rows, height: height).count - 1)
    }

    /// Stores the first entry that keeps the selection in view, so scrolling is stable between frames.
    public mutating func follow(total: Int, rows: Int, height: Height) {
        first = firstShown(total: total, rows: rows, height: height)
    }

    /// The entry in the first row: the stored one, moved just enough to show all of the selection, and
    /// never so far down that rows at the bottom stay empty while entries above are hidden.
    public func firstShown(total: Int, rows: Int, height: Height) -> Int {
        let count = count(of: total)
        guard count > 0, rows > 0 else { return 0 }
        let selection = min(selected, count - 1)
        var top = min(first, selection)
        // Walk up from the selection while everything down to it still fits.
        var candidate = selection
        var used = max(1, height(selection, true))
        while candidate > top {
            let cost = max(1, height(candidate - 1, true)) - max(1, height(candidate, true)) + max(1, height(candidate, false))
            guard used + cost <= rows else { break }
            used += cost
            candidate -= 1
        }
        top = max(top, candidate)
        return min(top, lastFirst(count: count, rows: rows, height: height))
    }

    /// The latest first entry that still fills the window down to the last entry.
    private func lastFirst(count: Int, rows: Int, height: Height) -> Int {
        var candidate = count - 1
        var used = max(1, height(candidate, true))
        while candidate > 0 {
            let cost = max(1, height(candidate - 1, true)) - max(1, height(candidate, true)) + max(1, height(candidate, false))
            guard used + cost <= rows else { break }
            used += cost
            candidate -= 1
        }
        return candidate
    }

    // MARK: - The window

    /// One entry in the window: its position, its first row (from the window's top) and the rows it has there.
    public struct Visible: Sendable, Equatable {
        public var position: Int
        public var row: Int
        public var height: Int
    }

    /// The entries in a window `rows` tall, from `firstShown`; the last one may be cut by the window's end.
    public func visible(total: Int, rows: Int, height: Height) -> [Visible] {
        var shown: [Visible] = []
        var position = firstShown(total: total, rows: rows, height: height)
        var row = 0
        let count = count(of: total)
        while row < rows, position < count {
            let rowsTaken = max(1, height(position, row == 0))
            shown.append(Visible(position: position, row: row, height: min(rowsTaken, rows - row)))
            row += rowsTaken
            position += 1
        }
        return shown
    }

    /// The rows the window needs, counted only up to `limit` (so a long list costs no more than a screen).
    public func rowsNeeded(total: Int, limit: Int, height: Height) -> Int {
        guard let last = visible(total: total, rows: limit, height: height).last else { return 0 }
        return last.position == count(of: total) - 1 ? last.row + last.height : limit
    }

    /// The shown entry drawn at `row` of the window, if any.
    public func position(atRow row: Int, total: Int, rows: Int, height: Height) -> Int? {
        visible(total: total, rows: rows, height: height).first { row >= $0.row && row < $0.row + $0.height }?.position
    }

    /// Whether entries are hidden above and below the window.
    public func hidden(total: Int, rows: Int, height: Height) -> (above: Bool, below: Bool) {
        let shown = visible(total: total, rows: rows, height: height)
        guard let top = shown.first, let bottom = shown.last else { return (false, false) }
        let cut = bottom.height < max(1, height(bottom.position, bottom.row == 0))
        return (top.position > 0, bottom.position < count(of: total) - 1 || cut)
    }

    // MARK: - The detail box

    /// How tall the selected entry's detail box is in an area `available` rows tall: collapsed, one fixed
    /// height (`collapsedRows`, at most half the area) so the list does not jump while moving; open, all
    /// it needs up to all but four rows. Zero when a box would have no row inside its borders.
    public func detailHeight(natural: Int, available: Int, collapsedRows: Int) -> Int {
        guard natural > 0 else { return 0 }
        let height = expanded ? min(natural, available.saturatingSubtract(4)) : min(collapsedRows, available / 2)
        return height < 3 ? 0 : height
    }
}
