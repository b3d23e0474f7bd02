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

    private static func matches(_ hub: Hub, filter: String) -> Bool {
        filterMatches(filter, [hub.name, hub.place, hub.country, hub.role].flatMap { [$0.english, $0.german ?? ""] })
    }

    /// Every hub takes one row of the list.
    private static func oneRow(_ position: Int, _ atTop: Bool) -> Int { 1 }

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

    private func renderList(_ hubs: [Hub], into buffer: inout Buffer, layout: HubsLayout, context: RenderContext) {
        let total = context.data.hubs.count
        let title = filter.isEmpty ? "Hubs (\(total))" : "Hubs \(hubs.count)/\(total) \(context.glyphs.separator) /\(filter)"
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
    private static func listColumns(width: Int, context: RenderContext) -> [TableColumn] {
        var columns = [TableColumn("", width: 1), TableColumn("Hub", width: 8, flexible: true)]
        if width >= 48 { columns.append(TableColumn(context.t("Country", "Land"), width: 10)) }
        if width >= 64 { columns.append(TableColumn(context.t("Kind", "Art"), width: 10)) }
        columns.append(TableColumn(context.t("Distance", "Distanz"), width: 9, alignRight: true))
        return columns
    }

    private static func distanceCell(_ hub: Hub, context: RenderContext) -> TableCell {
        guard let distance = HubsPane.distance(of: hub, context: context) else {
            return TableCell(hub.kind == .headquarters ? context.t("HQ", "Zentrale") : "–", style: Style(.dim))
        }
        let unsure = distance.confidence == .unverified
        return TableCell(distance.confidence.mark + distance.text, style: Style(unsure ? .unverified : .value))
    }

    private func renderSummary(_ hub: Hub, into buffer: inout Buffer, rect: Rect, withChanges: Bool,
                               context: RenderContext) {
        let width = HubsPane.contentWidth(of: rect)
        guard width > 0 else { return }
        // Every key fact when the box has room for them, the most telling few otherwise.
        let allFacts = summaryLines(hub, width: width, capped: false, context: context)
        var lines = allFacts.count <= rect.height.saturatingSubtract(2)
            ? allFacts : summaryLines(hub, width: width, capped: true, context: context)
        if withChanges {
            lines.append([])
            lines += changeLines(hub, width: width, context: context)
        }
        let box = HubsPane.box(for: lines.count, in: rect)
        let inner = Block(title: context.text(hub.name)).render(into: &buffer, area: box, glyphs: context.glyphs)
        TextLines.drawScrolled(lines, offset: 0, into: &buffer, area: inner.inset(horizontal: 1, vertical: 0))
        let hint = context.t("Enter: all \(hub.facts.count) facts", "Enter: alle \(hub.facts.count) Angaben")
        putOnBorder(hint, into: &buffer, rect: box)
    }

    private func renderChanges(_ hub: Hub, into buffer: inout Buffer, rect: Rect, context: RenderContext) {
        let width = HubsPane.contentWidth(of: rect)
        guard width > 0 else { return }
        let lines = Array(changeLines(hub, width: width, context: context).dropFirst()) // the box title says it
        let title = context.t("What changed later", "Was sich später änderte")
        let box = HubsPane.box(for: lines.count, in: rect)
        let inner = Block(title: title).render(into: &buffer, area: box, glyphs: context.glyphs)
        TextLines.drawScrolled(lines, offset: 0, into: &buffer, area: inner.inset(horizontal: 1, vertical: 0))
    }

    private func renderDetail(_ hub: Hub, into buffer: inout Buffer, layout: HubsLayout, context: RenderContext) {
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
    private static func contentWidth(of rect: Rect) -> Int { rect.width.saturatingSubtract(4) }

    /// A box as tall as its lines need and no taller than `rect`, so tall areas (`alidash print`) are not
    /// padded with empty boxes.
    private static func box(for lineCount: Int, in rect: Rect) -> Rect { rect.splitTop(lineCount + 2).top }

    private func renderMap(_ hubs: [Hub], selected: Hub?, into buffer: inout Buffer, rect: Rect, context: RenderContext) {
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

    /// For `print`: the pane as it is, then each hub's full detail.
    public func printStates(context: RenderContext) -> [any PaneModel] {
        [self] + context.data.hubs.indices.map { index in
            var pane = HubsPane()
            pane.list.select(index, count: context.data.hubs.count)
            pane.list.expanded = true
            return pane
        }
    }

    /// Beyond this many hubs the map labels only the selected one.
    static let labelledMapLimit = 12

    /// A marker per map cell that holds any hub, and the selected hub's with its label.
    private static func unlabelledMarkers(at places: [Coordinates], selected: Hub?, in area: Rect,
                                          context: RenderContext) -> [MapMarker] {
        var markers = WorldMap.unlabelledMarkers(at: places, in: area)
        if let selected {
            markers.append(MapMarker(coordinates: selected.location.coordinates,
                                     label: shortPlace(selected, context: context), isSelected: true))
        }
        return markers
    }

    /// Short text on the bottom border of a box (a hint or a scroll position), where it costs no row.
    private func putOnBorder(_ text: String, into buffer: inout Buffer, rect: Rect) {
        guard rect.width > 6, rect.height >= 2 else { return }
        let room = Rect(x: rect.x + 2, y: rect.maxY - 1, width: rect.width - 4, height: 1)
        buffer.put(" " + TerminalText.truncate(text, to: room.width - 2) + " ", x: room.x, y: room.y,
                   style: Style(.dim), clip: room)
    }

    // MARK: - Content

    /// Country and place, what kind of site it is, its status and its key facts, one line each.
    private func summaryLines(_ hub: Hub, width: Int, capped: Bool, context: RenderContext) -> [StyledLine] {
        let place = context.text(hub.country) + " \(context.glyphs.separator) " + context.text(hub.place)
        var lines: [StyledLine] = [[Span(TerminalText.truncate(place, to: width, ellipsis: context.glyphs.ellipsis), Style(.dim))]]
        if let note = HubsPane.kindNote(hub.kind, context: context) {
            lines += TextLines.wrapped(note, width: width, style: Style(.warning))
        }
        lines += TextLines.wrapped(spans: [Span(context.t("Status:", "Stand:"), Style(.label)),
                                           Span(context.text(hub.status)),
                                           Span(context.cite(hub.statusSources), Style(.source))], width: width)
        let topics = HubsPane.keyFacts(of: hub, capped: capped)
        let topicWidth = (topics.map { TerminalText.width(of: $0.topic.word(context)) }.max() ?? 0) + 1
        for entry in topics {
            lines += keyFactLines(entry.fact, topic: entry.topic, topicWidth: topicWidth, width: width, context: context)
        }
        return lines
    }

    /// "Opened     8 Nov 2021 [S8, S14] Official inauguration": the value and its sources first, so a narrow
    /// box shortens only the label (or leaves it out rather than show a stub); sources that do not fit wrap.
    private func keyFactLines(_ fact: Fact, topic: KeyTopic, topicWidth: Int, width: Int,
                              context: RenderContext) -> [StyledLine] {
        var value: StyledLine = []
        let confidence: Confidence
        if topic.isDate, let date = fact.date {
            confidence = HubsPane.weaker(fact.confidence, fact.dateConfidence ?? .verified)
            value.append(Span(confidence.mark + context.formatter.date(date), Style(.value, bold: true)))
        } else if let quantity = fact.quantity {
            confidence = fact.confidence
            value.append(Span(confidence.mark + context.formatter.quantity(quantity), Style(.value, bold: true)))
        } else {
            confidence = fact.confidence
        }
        value += HubsPane.confidenceSpans(confidence, context: context)
        value.append(Span(" " + context.cite(fact.sources), Style(.source)))
        let valueRoom = width.saturatingSubtract(topicWidth)
        let used = value.reduce(0) { $0 + TerminalText.width(of: $1.text) }
        let topicSpan = Span(TerminalText.pad(topic.word(context), to: topicWidth), Style(.label))
        guard used <= valueRoom else {
            let blank = Span(String(repeating: " ", count: topicWidth))
            return TextLines.wrapped(spans: value, width: valueRoom).enumerated().map { index, line in
                [index == 0 ? topicSpan : blank] + line
            }
        }
        let label = context.text(fact.label)
        let labelRoom = valueRoom.saturatingSubtract(used + 1)
        if labelRoom >= min(12, TerminalText.width(of: label)) {
            value.append(Span(" " + TerminalText.truncate(label, to: labelRoom, ellipsis: context.glyphs.ellipsis),
                              Style(.dim)))
            return [[topicSpan] + value]
        }
        // No room beside the value: the label goes below it, so two areas are never told apart by number alone.
        let blank = Span(String(repeating: " ", count: topicWidth))
        return [[topicSpan] + value,
                [blank, Span(TerminalText.truncate(label, to: valueRoom, ellipsis: context.glyphs.ellipsis), Style(.dim))]]
    }

    /// A heading, then each later change with its date, confidence and sources.
    private func changeLines(_ hub: Hub, width: Int, context: RenderContext) -> [StyledLine] {
        var lines: [StyledLine] = [[Span(context.t("What changed later", "Was sich später änderte"), Style(.title, bold: true))]]
        guard !hub.changes.isEmpty else {
            lines += TextLines.wrapped(context.t("No later changes recorded.", "Keine späteren Änderungen erfasst."),
                                       width: width, style: Style(.dim))
            return lines
        }
        for change in hub.changes {
            let date = (change.date.map(context.formatter.date) ?? context.t("undated", "ohne Datum"))
                + (change.dateConfidence == .unverified ? "?" : "")
            var spans: StyledLine = [Span(date, Style(.accent)), Span(change.confidence.mark + context.text(change.text))]
            spans += HubsPane.confidenceSpans(change.confidence, context: context)
            spans.append(Span(context.cite(change.sources), Style(.source)))
            lines += TextLines.wrapped(spans: spans, width: width, indent: "  ")
        }
        return lines
    }

    /// Everything about one hub: role, location, distance, status, every fact with its note, the changes.
    private func detailLines(_ hub: Hub, width: Int, context: RenderContext) -> [StyledLine] {
        let formatter = context.formatter
        var lines = TextLines.wrapped(context.text(hub.role), width: width, style: Style(.normal, bold: true))
        lines += TextLines.wrapped(context.text(hub.place) + " \(context.glyphs.separator) " + context.text(hub.country)
                                   + " (\(hub.countryCode))", width: width, style: Style(.dim))
        if let note = HubsPane.kindNote(hub.kind, context: context) {
            lines += TextLines.wrapped(note, width: width, style: Style(.warning))
        }
        lines.append([])
        let location = hub.location
        lines += TextLines.wrapped(spans: [Span(context.t("Location:", "Lage:"), Style(.label)),
                                           Span(context.text(location.label)),
                                           Span(location.confidence.mark + HubsPane.coordinatesText(location.coordinates, context: context),
                                                Style(.value))]
                                   + HubsPane.confidenceSpans(location.confidence, context: context)
                                   + [Span(context.cite(location.sources), Style(.source))],
                                   width: width, indent: "  ")
        if let distance = HubsPane.distance(of: hub, context: context) {
            lines += TextLines.wrapped(spans: [Span(context.t("Distance:", "Entfernung:"), Style(.label)),
                                               Span(distance.confidence.mark + distance.text, Style(.value, bold: true)),
                                               Span(distance.description)]
                                       + HubsPane.confidenceSpans(distance.confidence, context: context)
                                       + [Span(context.cite(distance.sources), Style(.source))],
                                       width: width, indent: "  ")
        }
        lines.append([])
        lines.append([Span(context.t("Status", "Stand"), Style(.title, bold: true))])
        lines += TextLines.wrapped(spans: [Span(context.text(hub.status)),
                                           Span(context.cite(hub.statusSources), Style(.source))], width: width, indent: "  ",
                                   firstIndent: "  ")
        lines.append([])
        lines.append([Span(context.t("Facts", "Angaben") + " (\(hub.facts.count))", Style(.title, bold: true))])
        for fact in hub.facts {
            var heading: StyledLine = []
            if let date = fact.date {
                let dateConfidence = fact.dateConfidence ?? .verified
                heading.append(Span(dateConfidence.mark + formatter.date(date), Style(.accent)))
                heading += HubsPane.confidenceSpans(dateConfidence, context: context)
            }
            heading.append(Span(context.text(fact.label), Style(.label, bold: true)))
            lines += TextLines.wrapped(spans: heading, width: width, indent: "  ")
            // The amount (or, without one, the words) carries the confidence and the sources.
            var value: StyledLine = []
            if let quantity = fact.quantity {
                value.append(Span(fact.confidence.mark + formatter.quantity(quantity), Style(.value, bold: true)))
            } else if let text = fact.text {
                value.append(Span(fact.confidence.mark + context.text(text)))
            }
            value += HubsPane.confidenceSpans(fact.confidence, context: context)
            value.append(Span(context.cite(fact.sources), Style(.source)))
            lines += TextLines.wrapped(spans: value, width: width, indent: "    ", firstIndent: "  ")
            if fact.quantity != nil, let text = fact.text {
                lines += TextLines.wrapped(context.text(text), width: width, indent: "    ")
            }
            if let note = fact.note {
                lines += TextLines.wrapped(context.text(note), width: width, style: Style(.dim), indent: "    ")
            }
        }
        lines.append([])
        lines += changeLines(hub, width: width, context: context)
        return lines
    }

    /// The caption under the map: the selected hub, its distance to the headquarters, its coordinates.
    private func mapCaption(_ hub: Hub, context: RenderContext) -> [StyledLine] {
        let marker = Span(String(context.glyphs.selectedMarker), Style(.mapSelected, bold: true))
        let location = hub.location
        let coordinates: StyledLine = [Span("  " + location.confidence.mark
                                            + HubsPane.coordinatesText(location.coordinates, context: context))]
            + HubsPane.confidenceSpans(location.confidence, context: context)
            + [Span(" " + context.cite(location.sources), Style(.source))]
        guard let distance = HubsPane.distance(of: hub, context: context) else {
            let origin = hub.kind == .headquarters
                ? context.t("  headquarters: distances start here", "  Zentrale: Ausgangspunkt der Entfernungen") : ""
            return [[marker, Span(" " + HubsPane.shortPlace(hub, context: context), Style(.normal, bold: true))],
                    [Span(origin, Style(.dim))], coordinates]
        }
        var distanceLine: StyledLine = [Span("  " + distance.confidence.mark + distance.text, Style(.value, bold: true)),
                                        Span(" " + context.t("great circle", "Großkreis"), Style(.dim))]
        distanceLine += HubsPane.confidenceSpans(distance.confidence, context: context)
        distanceLine.append(Span(" " + context.cite(distance.sources), Style(.source)))
        let route = HubsPane.shortPlace(hub, context: context) + context.t(" to ", " nach ") + distance.target
        return [[marker, Span(" " + route,
                              Style(.normal, bold: true))],
                distanceLine, coordinates]
    }

    // MARK: - Figures

    /// A hub's great-circle distance to the headquarters, worked out from the two stored coordinates.
    struct Distance {
        var text: String
        /// "great-circle distance to Hangzhou (from the coordinates)"
        var description: String
        /// The headquarters' place.
        var target: String
        var confidence: Confidence
        var sources: [String]
    }

    /// Nil for the headquarters itself, or when the data has none.
    static func distance(of hub: Hub, context: RenderContext) -> Distance? {
        guard let headquarters = context.data.headquarters, headquarters.id != hub.id else { return nil }
        let kilometres = hub.location.coordinates.distanceKilometres(to: headquarters.location.coordinates)
        let target = shortPlace(headquarters, context: context)
        var sources = hub.location.sources
        for source in headquarters.location.sources where !sources.contains(source) { sources.append(source) }
        return Distance(text: context.formatter.number(kilometres, fractionDigits: 0) + " km",
                        description: context.t("great-circle distance to \(target), worked out from the coordinates",
                                               "Großkreis-Entfernung nach \(target), aus den Koordinaten berechnet"),
                        target: target,
                        confidence: weaker(hub.location.confidence, headquarters.location.confidence),
                        sources: sources)
    }

    /// "50.64°N, 5.44°E" / "50,64°N, 5,44°O".
    static func coordinatesText(_ coordinates: Coordinates, context: RenderContext) -> String {
        let formatter = context.formatter
        let latitude = formatter.number(abs(coordinates.latitude), fractionDigits: 2) + "°"
            + (coordinates.latitude < 0 ? "S" : "N")
        let longitude = formatter.number(abs(coordinates.longitude), fractionDigits: 2) + "°"
            + (coordinates.longitude < 0 ? context.t("W", "W") : context.t("E", "O"))
        return latitude + ", " + longitude
    }

    /// The place up to its first comma or bracket: "Liège Airport", "Addis Ababa", "Hangzhou".
    static func shortPlace(_ hub: Hub, context: RenderContext) -> String {
        let place = context.text(hub.place)
        let cut = place.firstIndex { $0 == "," || $0 == "(" } ?? place.endIndex
        return String(place[..<cut]).trimmingSpaces()
    }

    static func kindWord(_ kind: HubKind, context: RenderContext) -> String {
        switch kind {
        case .hub: return context.t("hub", "Hub")
        case .agreement: return context.t("agreement", "Abkommen")
        case .headquarters: return context.t("HQ", "Zentrale")
        }
    }

    /// What the marker means for sites that are not a hub building.
    static func kindNote(_ kind: HubKind, context: RenderContext) -> String? {
        switch kind {
        case .hub: return nil
        case .agreement:
            return context.t("Signed agreements, not a building: the marker is a reference point.",
                             "Unterzeichnete Abkommen, kein Gebäude: die Markierung ist ein Bezugspunkt.")
        case .headquarters:
            return context.t("Alibaba's headquarters: hub distances are measured from here.",
                             "Alibabas Zentrale: von hier aus werden die Entfernungen gemessen.")
        }
    }

    /// " ? UNVERIFIED"-style tag after a value; nothing for verified values.
    static func confidenceSpans(_ confidence: Confidence, context: RenderContext) -> [Span] {
        let tag = context.confidenceTag(confidence)
        guard !tag.isEmpty else { return [] }
        return [Span(" " + tag, Style(confidence == .unverified ? .unverified : .dim))]
    }

    /// The less certain of two confidences (verified, rounded, calculated, unverified in that order).
    static func weaker(_ first: Confidence, _ second: Confidence) -> Confidence {
        let order = Confidence.allCases
        return order.firstIndex(of: first)! >= order.firstIndex(of: second)! ? first : second
    }

    // MARK: - Key facts

    /// What the summary box picks from a hub's facts.
    enum KeyTopic: CaseIterable {
        case signed, opened, area, investment, jobs

        var isDate: Bool { self == .signed || self == .opened }

        func word(_ context: RenderContext) -> String {
            switch self {
            case .signed: return context.t("Signed", "Vertrag")
            case .opened: return context.t("Opened", "Eröffnung")
            case .area: return context.t("Area", "Fläche")
            case .investment: return context.t("Investment", "Investition")
            case .jobs: return context.t("Jobs", "Stellen")
            }
        }
    }

    /// The key facts, by the topic the data gives them: signings, openings or launches, areas, investments
    /// and jobs. `capped` keeps the most telling few: the first signing, two openings, the first two areas,
    /// two investments, and the first and the latest job figure; the detail view shows every fact.
    static func keyFacts(of hub: Hub, capped: Bool) -> [(topic: KeyTopic, fact: Fact)] {
        func facts(_ topic: FactTopic) -> [Fact] { hub.facts.filter { $0.topic == topic } }
        let limit = capped ? 2 : Int.max
        // Signings and openings carry dates (the validator checks it).
        let byDate: (Fact, Fact) -> Bool = { first, second in
            guard let one = first.date, let other = second.date else { return false }
            return one < other
        }
        let signed = facts(.signed).sorted(by: byDate).prefix(capped ? 1 : Int.max)
        let opened = facts(.opened).sorted(by: byDate).prefix(limit)
        let areas = facts(.area).prefix(limit)
        let investments = facts(.investment).prefix(limit)
        let allJobs = facts(.jobs)
        let jobs = capped && allJobs.count > 2 ? [allJobs.first!, allJobs.last!] : allJobs
        return signed.map { (.signed, $0) } + opened.map { (.opened, $0) } + areas.map { (.area, $0) }
            + investments.map { (.investment, $0) } + jobs.map { (.jobs, $0) }
    }
}

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
