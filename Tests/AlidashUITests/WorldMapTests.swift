import Testing
import AlidashModel
import AlidashUI

@Suite struct WorldMapTests {
    private static func text(_ buffer: Buffer) -> String { buffer.lines.joined(separator: "\n") }

    // MARK: - Many places

    @Test func oneMarkerPerCellDrawsTheSameMapAsOnePerPlace() {
        let area = Rect(x: 1, y: 1, width: 40, height: 9)
        // 2,000 places on a golden-ratio walk: many share a cell, and some cells stay empty.
        let places = (0..<2000).map { index in
            Coordinates(latitude: -50 + (Double(index) * 0.618_034).truncatingRemainder(dividingBy: 1) * 115,
                        longitude: -180 + (Double(index) * 0.754_878).truncatingRemainder(dividingBy: 1) * 359.99)
        }
        let perCell = WorldMap.unlabelledMarkers(at: places, in: area)
        #expect(perCell.count < places.count / 4)
        #expect(perCell.count <= area.width * area.height)
        var expected = Buffer(width: 42, height: 11)
        WorldMap(markers: places.map { MapMarker(coordinates: $0, label: "") }).render(into: &expected, area: area, glyphs: .unicode)
        var drawn = Buffer(width: 42, height: 11)
        WorldMap(markers: perCell).render(into: &drawn, area: area, glyphs: .unicode)
        #expect(drawn == expected)
        #expect(WorldMap.unlabelledMarkers(at: places, in: .zero).isEmpty)
    }

    // MARK: - Projection

    @Test(arguments: [Rect(width: 60, height: 20), Rect(x: 7, y: 3, width: 41, height: 9)])
    func zeroZeroLandsInTheMiddleColumnOnTheEquatorRow(area: Rect) throws {
        let cell = try #require(WorldMap.cell(for: Coordinates(latitude: 0, longitude: 0), in: area))
        #expect(cell.x == area.x + area.width / 2)
        // The equator's row follows from the cropped latitudes, worked out here by hand.
        let equatorRow = Int(WorldMap.north / (WorldMap.north - WorldMap.south) * Double(area.height))
        #expect(cell.y == area.y + equatorRow)
        #expect(abs((cell.y - area.y) - area.height / 2) <= area.height / 8 + 1, "the crop is nearly symmetric")
    }

    @Test func cornersAndOutOfRangePointsStayInside() throws {
        let area = Rect(x: 2, y: 1, width: 30, height: 10)
        let west = try #require(WorldMap.cell(for: Coordinates(latitude: 90, longitude: -180), in: area))
        #expect(west.x == area.x && west.y == area.y)
        let east = try #require(WorldMap.cell(for: Coordinates(latitude: -90, longitude: 180), in: area))
        #expect(east.x == area.maxX - 1 && east.y == area.maxY - 1)
        #expect(WorldMap.cell(for: Coordinates(latitude: 91, longitude: 0), in: area) == nil)
        #expect(WorldMap.cell(for: Coordinates(latitude: .nan, longitude: 0), in: area) == nil)
        #expect(WorldMap.cell(for: Coordinates(latitude: 0, longitude: 0), in: .zero) == nil)
    }

    @Test func eastIsRightAndNorthIsUp() throws {
        let area = Rect(width: 60, height: 20)
        let liege = try #require(WorldMap.cell(for: Coordinates(latitude: 50.6, longitude: 5.4), in: area))
        let hangzhou = try #require(WorldMap.cell(for: Coordinates(latitude: 30.2, longitude: 120.4), in: area))
        let kigali = try #require(WorldMap.cell(for: Coordinates(latitude: -2, longitude: 30.1), in: area))
        #expect(hangzhou.x > liege.x && kigali.x > liege.x && hangzhou.x > kigali.x)
        #expect(liege.y < hangzhou.y && hangzhou.y < kigali.y)
    }

    // MARK: - Land

    @Test(arguments: [(50.0, 10.0, true), (40.0, -100.0, true), (-10.0, -55.0, true), (0.0, 20.0, true),
                      (-25.0, 135.0, true), (60.0, 100.0, true), (22.0, 79.0, true), (72.0, -40.0, true),
                      (0.0, -30.0, false), (30.0, -40.0, false), (35.0, 160.0, false), (-30.0, 80.0, false),
                      (43.0, 34.0, false), (42.0, 50.5, false), (60.0, -87.0, false), (-50.0, -120.0, false)])
    func landMaskKnowsTheContinentsFromTheSeas(latitude: Double, longitude: Double, land: Bool) {
        let map = WorldMap.land(width: 180, height: 34) // one dot per mask cell
        let dotX = Int((longitude + 180) / 360 * Double(map.dotWidth))
        let dotY = Int((WorldMap.north - latitude) / (WorldMap.north - WorldMap.south) * Double(map.dotHeight))
        #expect(map.isSet(dotX: dotX, dotY: dotY) == land, "\(latitude), \(longitude)")
    }

    @Test func landCoversAboutAThirdOfTheMap() {
        let map = WorldMap.land(width: 60, height: 14)
        var set = 0
        for y in 0..<map.dotHeight {
            for x in 0..<map.dotWidth where map.isSet(dotX: x, dotY: y) { set += 1 }
        }
        let share = Double(set) / Double(map.dotWidth * map.dotHeight)
        #expect(share > 0.22 && share < 0.40, "land share \(share)")
    }

    // MARK: - Drawing

    @Test func brailleOrASCIIAsTheGlyphsSay() {
        var braille = Buffer(width: 40, height: 9)
        WorldMap(markers: []).render(into: &braille, area: braille.area, glyphs: .unicode)
        let brailleText = Self.text(braille)
        #expect(brailleText.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        var ascii = Buffer(width: 40, height: 9)
        WorldMap(markers: []).render(into: &ascii, area: ascii.area, glyphs: .ascii)
        let asciiText = Self.text(ascii)
        #expect(asciiText.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(asciiText.contains(":") && asciiText.contains("."))
    }

    @Test func markersUseTheirGlyphsAndStyles() throws {
        let area = Rect(x: 1, y: 1, width: 60, height: 14)
        let liege = Coordinates(latitude: 50.6, longitude: 5.4)
        let hangzhou = Coordinates(latitude: 30.2, longitude: 120.4)
        var buffer = Buffer(width: 62, height: 16)
        WorldMap(markers: [MapMarker(coordinates: liege, label: "Liège", isSelected: true),
                           MapMarker(coordinates: hangzhou, label: "Hangzhou")])
            .render(into: &buffer, area: area, glyphs: .unicode)
        let selected = try #require(WorldMap.cell(for: liege, in: area))
        let other = try #require(WorldMap.cell(for: hangzhou, in: area))
        #expect(buffer[selected.x, selected.y].symbol == Glyphs.unicode.selectedMarker)
        #expect(buffer[selected.x, selected.y].style.role == .mapSelected)
        #expect(buffer[other.x, other.y].symbol == Glyphs.unicode.marker)
        #expect(buffer[other.x, other.y].style.role == .mapMarker)
        #expect(buffer.line(selected.y).contains("◉ Liège"), "the label sits one blank cell right of its marker")
        #expect(buffer.contains("Hangzhou"))
    }

    @Test func labelsNeverOverlapAndMoveLeftAtTheEdge() {
        let area = Rect(width: 40, height: 9)
        // Columns 38, 27 and 28 of 40, all on the equator's row: "Crowded" sits between the other two labels.
        let markers = [MapMarker(coordinates: Coordinates(latitude: 0, longitude: 170), label: "Eastern", isSelected: true),
                       MapMarker(coordinates: Coordinates(latitude: 0, longitude: 64), label: "Neighbour"),
                       MapMarker(coordinates: Coordinates(latitude: 0, longitude: 76.5), label: "Crowded")]
        var buffer = Buffer(width: 40, height: 9)
        WorldMap(markers: markers).render(into: &buffer, area: area, glyphs: .ascii)
        let row = WorldMap.cell(for: markers[0].coordinates, in: area)!.y
        let line = buffer.line(row)
        #expect(line.hasSuffix("Eastern @ "), "no room on the right, so the label goes left")
        #expect(line.contains("Neighbour o"), "the right side is taken, so this label goes left too")
        #expect(!line.contains("Crowded"), "a label with no free side is left out")
        #expect(buffer[28, row].symbol == "o", "its marker stays")
    }

    @Test func preferredHeightKeepsProportionsAndIsCapped() {
        #expect(WorldMap.preferredHeight(width: 0) == 0)
        #expect(WorldMap.preferredHeight(width: 38) == 8)
        #expect(WorldMap.preferredHeight(width: 64) == 14)
        #expect(WorldMap.preferredHeight(width: 500) == 30)
    }

    @Test(arguments: [Rect.zero, Rect(width: 1, height: 1), Rect(x: 5, y: 5, width: 3, height: 1),
                      Rect(x: 8, y: 2, width: 10, height: 10)])
    func tinyAreasDrawOnlyInside(area: Rect) {
        let filler = Cell("x")
        var buffer = Buffer(width: 12, height: 8, filling: filler)
        WorldMap(markers: [MapMarker(coordinates: Coordinates(latitude: 0, longitude: 0), label: "Null Island",
                                     isSelected: true)])
            .render(into: &buffer, area: area, glyphs: .unicode)
        for y in 0..<buffer.height {
            for x in 0..<buffer.width where !area.contains(x: x, y: y) {
                #expect(buffer[x, y] == filler)
            }
        }
    }

    // MARK: - Dot canvas

    @Test func dotsMapToBraillePatterns() {
        var canvas = DotCanvas(width: 2, height: 1)
        canvas.set(dotX: 0, dotY: 0)
        #expect(canvas.braille(x: 0, y: 0) == "⠁")
        canvas.set(dotX: 1, dotY: 3)
        #expect(canvas.braille(x: 0, y: 0) == "⢁")
        #expect(canvas.count(x: 0, y: 0) == 2)
        #expect(canvas.braille(x: 1, y: 0) == " ")
        canvas.set(dotX: 99, dotY: -1) // ignored
        for dotY in 0..<4 { for dotX in 2..<4 { canvas.set(dotX: dotX, dotY: dotY) } }
        #expect(canvas.braille(x: 1, y: 0) == "⣿")
        #expect(canvas.ascii(x: 0, y: 0) == "." && canvas.ascii(x: 1, y: 0) == ":")
    }
}
