import AlidashModel

/// The hubs: a list, the selected hub's key facts and later changes, and a world map with a marker per hub
/// and the selected hub's great-circle distance to the headquarters in Hangzhou. Enter opens every fact.
extension PaneID {
    public static let hubs = PaneID("hubs")
}

public struct HubsPane: PaneModel {
    /// The hubs the filter keeps and the selected one; `expanded` is the full detail view (Enter, Esc).
    public private(set) var list = FilteredList()
    public private(set) var detailScroll = 0
    public var filter: String { list.filter }
    public var isDetailOpen: Bool { list.expanded }
    /// What keys and clicks need, measured for the last area and state (see `layout`).
    private var measured: Measured?

    private struct Measured {
        var key: LayoutKey
        var list: FilteredList
        var layout: HubsLayout
        /// Lines of the selected hub's detail view at its width.
        var detailLineCount: Int
    }

    public init() {}

    public mutating func layout(area: Rect, context: RenderContext) {
        let key = context.layoutKey(area)
        guard measured?.key != key || measured?.list != list else { return }
        let layout = HubsLayout(area: area, hubCount: visibleHubs(context).count, detailOpen: isDetailOpen)
        let lines = selectedHub(context).map { detailLines($0, width: layout.detailContent.width, context: context).count } ?? 0
        measured = Measured(key: key, list: list, layout: layout, detailLineCount: lines)
    }

    // MARK: - Hubs shown

    /// The hubs the filter lets through (by name, place, country or role, in either language), in data order.
    public func visibleHubs(_ context: RenderContext) -> [Hub] {
        let all = context.data.hubs
        guard let matches = list.matches else { return all }
        return matches.compactMap { $0 < all.count ? all[$0] : nil }
    }

    /// The selected hub among the visible ones (the selection is clamped, so a shorter list never traps).
    public func selectedHub(_ context: RenderContext) -> Hub? {
        list.selectedEntry(total: context.data.hubs.count).map { context.data.hubs[$0] }
    }

    public func selectionID(context: RenderContext) -> String? { selectedHub(context)?.id }

    public mutating func restoreSelection(_ id: String, context: RenderContext) {
        let hubs = context.data.hubs
        list.reload(selectedID: id, total: hubs.count, id: { hubs[$0].id }, keeps: { _ in true })
    }

    static func matches(_ hub: Hub, filter: String) -> Bool {
        filterMatches(filter, [hub.name, hub.place, hub.country, hub.role].flatMap { [$0.english, $0.german ?? ""] })
    }

    /// Every hub takes one row of the list.
    static func oneRow(_ position: Int, _ atTop: Bool) -> Int { 1 }

    // MARK: - Keys and mouse

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        guard let measured else { return false }
        let total = context.data.hubs.count
        if isDetailOpen {
            // In the detail view the keys scroll it; Enter and Esc close it.
            if action == .open || action == .close {
                list.expanded = false
                detailScroll = 0
                return true
            }
            let view = measured.layout.detailContent.height
            guard let next = TextScroll.offset(after: action, from: detailScroll,
                                               maxOffset: measured.detailLineCount.saturatingSubtract(view),
                                               pageSize: view - 1), next != detailScroll else { return false }
            detailScroll = next
            return true
        }
        guard action != .close else { return false }
        detailScroll = 0
        return list.apply(action, total: total, rows: measured.layout.listBodyHeight, height: HubsPane.oneRow)
    }

    /// Keeps the selected hub selected when it still matches; otherwise starts at the top of the new list.
    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        let hubs = new.data.hubs
        let filter = list.filter
        list.reload(selectedID: selectedHub(old)?.id, total: hubs.count, id: { hubs[$0].id },
                    keeps: { HubsPane.matches(hubs[$0], filter: filter) })
        if !isDetailOpen { detailScroll = 0 }
    }

    public mutating func setFilter(_ text: String, context: RenderContext) {
        let hubs = context.data.hubs
        list.setFilter(text, total: hubs.count) { HubsPane.matches(hubs[$0], filter: text) }
        if !isDetailOpen { detailScroll = 0 }
    }

    /// A click on a list row selects that hub; a click on the selected row opens its details.
    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool {
        guard !isDetailOpen, let layout = measured?.layout else { return false }
        let body = layout.listBody
        let total = context.data.hubs.count
        guard body.contains(x: x, y: y),
              let position = list.position(atRow: y - body.y, total: total, rows: body.height, height: HubsPane.oneRow)
        else { return false }
        if position == list.selected {
            list.expanded = true
            detailScroll = 0
        } else {
            list.select(position, count: list.count(of: total))
            list.follow(total: total, rows: body.height, height: HubsPane.oneRow)
        }
        return true
    }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let hubs = visibleHubs(context)
        let selected = selectedHub(context)
        let layout = HubsLayout(area: area, hubCount: hubs.count, detailOpen: isDetailOpen)
        if isDetailOpen, let selected {
            renderDetail(selected, into: &buffer, layout: layout, context: context)
        } else {
            renderList(hubs, into: &buffer, layout: layout, context: context)
            if let selected {
                renderSummary(selected, into: &buffer, rect: layout.summary, withChanges: layout.changes.isEmpty,
                              context: context)
            }
        }
        renderMap(hubs, selected: selected, into: &buffer, rect: layout.map, context: context)
        if let selected, !layout.changes.isEmpty {
            renderChanges(selected, into: &buffer, rect: layout.changes, context: context)
        }
    }

    func renderList(_ hubs: [Hub], into buffer: inout Buffer, layout: HubsLayout, context: RenderContext) {
        let total = context.data.hubs.count
        let title = filter.isEmpty ? "Hubs (\(context.count(total)))"
            : "Hubs \(context.count(hubs.count))/\(context.count(total)) \(context.glyphs.separator) /\(filter)"
        let inner = Block(title: title, focused: true).render(into: &buffer, area: layout.list, glyphs: context.glyphs)
        guard !inner.isEmpty else { return }
        guard !hubs.isEmpty else {
            buffer.put(context.t("No hub matches “\(filter)”", "Kein Hub passt zu „\(filter)“"), x: inner.x, y: inner.y,
                       style: Style(.dim), clip: inner)
            return
        }
        let first = list.firstShown(total: context.data.hubs.count, rows: layout.listBodyHeight, height: HubsPane.oneRow)
        let columns = HubsPane.listColumns(width: inner.width, context: context)
        let glyphs = context.glyphs
        let selectedIndex = min(list.selected, hubs.count - 1)
        let table = Table(columns: columns, rowCount: hubs.count, selected: selectedIndex, offset: first) { index in
            let hub = hubs[index]
            let marker = index == selectedIndex ? glyphs.selectedMarker : glyphs.marker
            var cells = [TableCell(String(marker), style: Style(index == selectedIndex ? .mapSelected : .mapMarker)),
                         TableCell(context.text(hub.name), style: Style(.normal, bold: true))]
            if columns.count > 3 { cells.append(TableCell(context.text(hub.country))) }
            if columns.count > 4 { cells.append(TableCell(HubsPane.kindWord(hub.kind, context: context), style: Style(.dim))) }
            cells.append(HubsPane.distanceCell(hub, context: context))
            return cells
        }
        table.render(into: &buffer, area: inner, glyphs: context.glyphs)
    }

    /// Marker, name and distance always; country and kind when the list is wide enough.
    static func listColumns(width: Int, context: RenderContext) -> [TableColumn] {
        var columns = [TableColumn("", width: 1), TableColumn("Hub", width: 8, flexible: true)]
        if width >= 48 { columns.append(TableColumn(context.t("Country", "Land"), width: 10)) }
        if width >= 64 { columns.append(TableColumn(context.t("Kind", "Art"), width: 10)) }
        columns.append(TableColumn(context.t("Distance", "Distanz"), width: 9, alignRight: true))
        return columns
    }

    static func distanceCell(_ hub: Hub, context: RenderContext) -> TableCell {
        guard let distance = HubsPane.distance(of: hub, context: context) else {
            return TableCell(hub.kind == .headquarters ? context.t("HQ", "Zentrale") : "–", style: Style(.dim))
        }
        let unsure = distance.confidence == .unverified
        return TableCell(distance.confidence.mark + distance.text, style: Style(unsure ? .unverified : .value))
    }

    func renderSummary(_ hub: Hub, into buffer: inout Buffer, rect: Rect, withChanges: Bool,
                               context: RenderContext) {
        let width = HubsPane.contentWidth(of: rect)
        guard width > 0 else { return }
        // Every key fact when the box has room for them, the most telling few otherwise.
        let allFacts = summaryLines(hub, width: width, capped: false, context: context)
        let room = rect.height.saturatingSubtract(2)
        let capped = allFacts.count > room
        var lines = capped ? summaryLines(hub, width: width, capped: true, context: context) : allFacts
        if withChanges {
            lines.append([])
            lines += changeLines(hub, width: width, context: context)
        }
        // Rows to spare (a tall window): the other facts, each whole, as the detail view shows them.
        let keyFacts = Set(HubsPane.keyFacts(of: hub, capped: capped).map(\.fact.id))
        var others: [StyledLine] = []
        for fact in hub.facts where !keyFacts.contains(fact.id) {
            let factLines = factLines(fact, width: width, context: context)
            guard lines.count + 2 + others.count + factLines.count <= room else { break }
            others += factLines
        }
        if !others.isEmpty {
            lines += [[], [Span(context.t("More facts", "Weitere Angaben"), Style(.title, bold: true))]] + others
        }
        let box = HubsPane.box(for: lines.count, in: rect)
        let inner = Block(title: context.text(hub.name)).render(into: &buffer, area: box, glyphs: context.glyphs)
        TextLines.drawScrolled(lines, offset: 0, into: &buffer, area: inner.inset(horizontal: 1, vertical: 0))
        let hint = context.t("Enter: all \(hub.facts.count) facts", "Enter: alle \(hub.facts.count) Angaben")
        putOnBorder(hint, into: &buffer, rect: box)
    }

    func renderChanges(_ hub: Hub, into buffer: inout Buffer, rect: Rect, context: RenderContext) {
        let width = HubsPane.contentWidth(of: rect)
        guard width > 0 else { return }
        let lines = Array(changeLines(hub, width: width, context: context).dropFirst()) // the box title says it
        let title = context.t("What changed later", "Was sich später änderte")
        let box = HubsPane.box(for: lines.count, in: rect)
        let inner = Block(title: title).render(into: &buffer, area: box, glyphs: context.glyphs)
        TextLines.drawScrolled(lines, offset: 0, into: &buffer, area: inner.inset(horizontal: 1, vertical: 0))
    }

    func renderDetail(_ hub: Hub, into buffer: inout Buffer, layout: HubsLayout, context: RenderContext) {
        let content = layout.detailContent
        guard !content.isEmpty else { return }
        let lines = detailLines(hub, width: content.width, context: context)
        let box = HubsPane.box(for: lines.count, in: layout.detail)
        Block(title: context.text(hub.name), focused: true).render(into: &buffer, area: box, glyphs: context.glyphs)
        let shown = content.splitTop(box.height.saturatingSubtract(2)).top
        let offset = min(detailScroll, lines.count.saturatingSubtract(shown.height))
        TextLines.drawScrolled(lines, offset: offset, into: &buffer, area: shown)
        let last = min(lines.count, offset + shown.height)
        let position = "\(context.glyphs.up)\(context.glyphs.down) \(offset + 1)–\(last)/\(lines.count)"
        putOnBorder(position + " \(context.glyphs.separator) " + context.t("Esc closes", "Esc schließt"),
                    into: &buffer, rect: box)
    }

    /// The width text gets inside a box: borders and one blank column on each side taken off.
    static func contentWidth(of rect: Rect) -> Int { rect.width.saturatingSubtract(4) }

    /// A box as tall as its lines need and no taller than `rect`, so tall areas (`alidash print`) are not
    /// padded with empty boxes.
    static func box(for lineCount: Int, in rect: Rect) -> Rect { rect.splitTop(lineCount + 2).top }

    func renderMap(_ hubs: [Hub], selected: Hub?, into buffer: inout Buffer, rect: Rect, context: RenderContext) {
        let inner = Block(title: context.t("World map", "Weltkarte")).render(into: &buffer, area: rect, glyphs: context.glyphs)
        guard !inner.isEmpty else { return }
        let info = selected.map { mapCaption($0, context: context) } ?? []
        let mapHeight = min(WorldMap.preferredHeight(width: inner.width), inner.height.saturatingSubtract(info.count))
        let (mapArea, captionArea) = inner.splitTop(max(1, mapHeight))
        var shown = hubs
        if list.matches != nil, let headquarters = context.data.headquarters, !hubs.contains(where: { $0.id == headquarters.id }) {
            shown.append(headquarters)
        }
        // A narrow map has room for one label only: the selected hub's; so has a crowded one, where labels
        // could not be read. The headquarters, where the distances end, is always marked.
        let labelsAll = mapArea.width >= 50 && shown.count <= HubsPane.labelledMapLimit
        let markers = labelsAll
            ? shown.map { hub in
                MapMarker(coordinates: hub.location.coordinates, label: HubsPane.shortPlace(hub, context: context),
                          isSelected: hub.id == selected?.id)
            }
            : HubsPane.unlabelledMarkers(at: list.matches == nil ? context.data.hubCoordinates : shown.map(\.location.coordinates),
                                         selected: selected, in: mapArea, context: context)
        WorldMap(markers: markers).render(into: &buffer, area: mapArea, glyphs: context.glyphs)
        TextLines.drawScrolled(info, offset: 0, into: &buffer, area: captionArea)
    }

    /// The selected hub: its name, status and sources.
    public func copyText(context: RenderContext) -> String? {
        selectedHub(context).map { context.text($0.name) + ": " + context.text($0.status) + " " + context.cite($0.statusSources) }
    }

    /// For `print`: each hub's full detail, one after another.
    public func printDocument(width: Int, context: RenderContext) -> PrintDocument {
        var document = PrintDocument()
        document.heading(PaneID.hubs.title(context.language), level: 1)
        for hub in context.data.hubs {
            document.heading(context.text(hub.name), level: 2)
            document.lines(detailLines(hub, width: width, context: context))
        }
        return document
    }

    /// Beyond this many hubs the map labels only the selected one.
    static let labelledMapLimit = 12

    /// A marker per map cell that holds any hub, and the selected hub's with its label.
    static func unlabelledMarkers(at places: [Coordinates], selected: Hub?, in area: Rect,
                                          context: RenderContext) -> [MapMarker] {
        var markers = WorldMap.unlabelledMarkers(at: places, in: area)
        if let selected {
            markers.append(MapMarker(coordinates: selected.location.coordinates,
                                     label: shortPlace(selected, context: context), isSelected: true))
        }
        return markers
    }

    /// Short text on the bottom border of a box (a hint or a scroll position), where it costs no row.
    func putOnBorder(_ text: String, into buffer: inout Buffer, rect: Rect) {
        guard rect.width > 6, rect.height >= 2 else { return }
        let room = Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width - 4, height: 1)
        buffer.put(" " + TerminalText.truncate(text, to: room.width - 2) + " ", x: room.x, y: room.y,
                   style: Style(.dim), clip: room)
    }
}
