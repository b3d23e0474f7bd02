import AlidashModel

/// A place to mark on the world map.
public struct MapMarker: Sendable, Equatable {
    public var coordinates: Coordinates
    /// A short name shown beside the marker when there is room ("" for none).
    public var label: String
    public var isSelected: Bool

    public init(coordinates: Coordinates, label: String, isSelected: Bool = false) {
        self.coordinates = coordinates
        self.label = label
        self.isSelected = isSelected
    }
}

/// The world in an equirectangular projection (longitude and latitude as straight x and y), cropped to
/// the latitudes of `LandMask`, with a marker per place. Land is drawn in braille dots when the glyph set
/// allows it and in ASCII otherwise; the selected marker and its label are drawn last, so they stay on top.
public struct WorldMap: Sendable {
    public var markers: [MapMarker]

    public init(markers: [MapMarker]) {
        self.markers = markers
    }

    public static let north = LandMask.north
    public static let south = LandMask.south

    /// The rows a map `width` cells wide reads well in: roughly the true proportions of the projection
    /// (terminal cells are about twice as tall as wide), a little taller so small maps keep their shapes.
    public static func preferredHeight(width: Int) -> Int {
        guard width > 0 else { return 0 }
        return min(30, max(3, (width * 22 + 50) / 100))
    }

    // MARK: - Projection

    /// The cell of `area` a point falls in; points beyond the cropped latitudes sit on the top or bottom row.
    public static func cell(for coordinates: Coordinates, in area: Rect) -> (x: Int, y: Int)? {
        guard !area.isEmpty, coordinates.isValid else { return nil }
        let column = Int(((coordinates.longitude + 180) / 360 * Double(area.width)).rounded(.down))
        let row = Int(((north - coordinates.latitude) / (north - south) * Double(area.height)).rounded(.down))
        return (area.x + min(max(0, column), area.width - 1), area.y + min(max(0, row), area.height - 1))
    }

    /// The land of the world as dots on a canvas of `width` × `height` cells, each dot sampled at its centre.
    public static func land(width: Int, height: Int) -> DotCanvas {
        var canvas = DotCanvas(width: width, height: height)
        let dotWidth = Double(canvas.dotWidth), dotHeight = Double(canvas.dotHeight)
        for dotY in 0..<canvas.dotHeight {
            let latitude = north - (Double(dotY) + 0.5) / dotHeight * (north - south)
            for dotX in 0..<canvas.dotWidth {
                let longitude = -180 + (Double(dotX) + 0.5) / dotWidth * 360
                if LandMask.isLand(latitude: latitude, longitude: longitude) {
                    canvas.set(dotX: dotX, dotY: dotY)
                }
            }
        }
        return canvas
    }

    /// One unlabelled marker for each cell of `area` that holds any of `places`. Unlabelled markers in one cell
    /// look alike, so drawing these equals drawing one per place, at a cost bounded by the map's size.
    public static func unlabelledMarkers(at places: [Coordinates], in area: Rect) -> [MapMarker] {
        guard !area.isEmpty else { return [] }
        var occupied = [Bool](repeating: false, count: area.width * area.height)
        var markers: [MapMarker] = []
        for coordinates in places {
            guard let cell = cell(for: coordinates, in: area) else { continue }
            let slot = (cell.y - area.y) * area.width + (cell.x - area.x)
            guard !occupied[slot] else { continue }
            occupied[slot] = true
            markers.append(MapMarker(coordinates: coordinates, label: ""))
        }
        return markers
    }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, glyphs: Glyphs) {
        let area = area.intersection(buffer.area)
        guard !area.isEmpty else { return }
        WorldMap.land(width: area.width, height: area.height)
            .render(into: &buffer, x: area.x, y: area.y, clip: area, braille: glyphs.braille, style: Style(.mapLand))
        let placed = markers.compactMap { marker in
            WorldMap.cell(for: marker.coordinates, in: area).map { (marker: marker, x: $0.x, y: $0.y) }
        }
        // Others first, the selected one last, so it is never hidden.
        let ordered = placed.filter { !$0.marker.isSelected } + placed.filter(\.marker.isSelected)
        for entry in ordered {
            let symbol = entry.marker.isSelected ? glyphs.selectedMarker : glyphs.marker
            let style = Style(entry.marker.isSelected ? .mapSelected : .mapMarker, bold: entry.marker.isSelected)
            buffer.put(String(symbol), x: entry.x, y: entry.y, style: style, clip: area)
        }
        drawLabels(ordered.reversed(), into: &buffer, area: area)
    }

    /// Labels beside their markers, one blank cell apart: right of them when there is room and left otherwise,
    /// never over another marker or label. The selected one is placed first, so it always gets its label.
    private func drawLabels(_ entries: [(marker: MapMarker, x: Int, y: Int)], into buffer: inout Buffer, area: Rect) {
        var taken: [(y: Int, columns: Range<Int>)] = entries.map { ($0.y, $0.x..<($0.x + 1)) }
        for entry in entries where !entry.marker.label.isEmpty {
            let text = TerminalText.truncate(entry.marker.label, to: 14)
            let width = TerminalText.width(of: text)
            // Each choice: the cells it covers (gap included), and the text drawn over them.
            let right = (columns: (entry.x + 1)..<(entry.x + 2 + width), text: " " + text)
            let left = (columns: (entry.x - 1 - width)..<entry.x, text: text + " ")
            guard let choice = [right, left].first(where: { choice in
                choice.columns.lowerBound >= area.x && choice.columns.upperBound <= area.maxX
                    && !taken.contains { $0.y == entry.y && $0.columns.overlaps(
                        (choice.columns.lowerBound - 1)..<(choice.columns.upperBound + 1)) && $0.columns != entry.x..<(entry.x + 1) }
            }) else { continue }
            taken.append((entry.y, choice.columns))
            let style = Style(entry.marker.isSelected ? .mapSelected : .mapMarker, bold: entry.marker.isSelected)
            buffer.put(choice.text, x: choice.columns.lowerBound, y: entry.y, style: style, clip: area)
        }
    }
}
