import AlidashModel

// MARK: - Layout

/// Where the parts of the Hubs pane go. The map sits right of the list and summary from 60 columns on and
/// is the first thing dropped when the pane is smaller; the full detail view takes the left column when the
/// pane is wide, and the whole pane otherwise.
struct HubsLayout {
    var list = Rect.zero
    var summary = Rect.zero
    var map = Rect.zero
    var changes = Rect.zero
    var detail = Rect.zero

    /// Lines under the map: the selected hub, its distance, its coordinates.
    static let captionLines = 3

    init(area: Rect, hubCount: Int, detailOpen: Bool) {
        var left = area
        let wide = area.width >= 100
        if area.width >= 60, area.height >= 12 {
            let (leftColumn, right) = area.splitLeft(wide ? area.width * 45 / 100 : area.width / 2)
            left = leftColumn
            let mapHeight = WorldMap.preferredHeight(width: right.width.saturatingSubtract(2)) + 2 + HubsLayout.captionLines
            let (mapBox, below) = right.splitTop(mapHeight)
            map = mapBox
            if below.height >= 4 { changes = below }
        }
        if detailOpen {
            if wide, !map.isEmpty {
                detail = left
            } else {
                detail = area
                map = .zero
                changes = .zero
            }
            return
        }
        let (listBox, rest) = left.splitTop(max(1, hubCount) + 3)
        list = listBox
        summary = rest.height >= 3 ? rest : .zero
    }

    /// The rows of the list that show hubs (below the table header).
    var listBody: Rect { list.inset(by: 1).splitTop(1).rest }
    var listBodyHeight: Int { listBody.height }
    /// Where the detail text goes: inside the box, one column in from each side.
    var detailContent: Rect { detail.inset(by: 1).inset(horizontal: 1, vertical: 0) }
}
