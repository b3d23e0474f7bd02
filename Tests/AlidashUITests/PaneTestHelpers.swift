import Testing
import AlidashModel
import AlidashUI
import TestSupport

/// Small helpers shared by the pane tests.
enum PaneTest {
    /// A pane's whole screen at a size and language, against `<name>-<W>x<H>-<lang>.txt`; nil when equal.
    static func screenMismatch(_ pane: PaneID, name: String, width: Int, height: Int, language: Language) -> String? {
        let app = TestData.app(width: width, height: height, language: language, pane: pane)
        return ExpectedScreen.mismatch(app.renderPane(), named: "\(name)-\(width)x\(height)-\(language.rawValue)")
    }

    /// Types `/`, the text and Enter, as a user filtering a list would.
    static func applyFilter(_ text: String, to app: inout AppState) {
        _ = app.update(.key(.character("/")))
        for character in text { _ = app.update(.key(.character(character))) }
        _ = app.update(.key(.enter))
    }

    /// Presses one key `times` times.
    static func press(_ key: Key, times: Int = 1, on app: inout AppState) {
        for _ in 0..<times { _ = app.update(.key(key)) }
    }

    /// The screen as text, one line a row (so a failed expectation prints readable text).
    static func text(_ buffer: Buffer) -> String { buffer.lines.joined(separator: "\n") }

    /// The row of the first screen line containing `text`.
    static func row(of text: String, in buffer: Buffer) -> Int? {
        (0..<buffer.height).first { buffer.line($0).contains(text) }
    }

    /// Drives a fresh pane through every action and a click in areas too small to show anything useful,
    /// and expects it neither to trap nor to draw outside the area (pre-filled "x" cells must stay).
    static func expectSafeInTinyAreas<Pane: PaneModel>(_ makePane: () -> Pane) {
        let context = TestData.app(width: 80, height: 24).context
        let actions: [Action] = [.moveDown, .moveUp, .pageDown, .pageUp, .bottom, .top, .open, .close, .open, .switchSection,
                                 .toggleScale, .moveDown]
        let areas = [Rect(width: 0, height: 0), Rect(width: 1, height: 1), Rect(width: 10, height: 3),
                     Rect(x: 3, y: 2, width: 1, height: 1), Rect(x: 2, y: 1, width: 10, height: 3),
                     Rect(x: 1, y: 1, width: 25, height: 9)]
        let filler = Cell("x")
        for area in areas {
            var pane = makePane()
            for action in actions { pane.layout(area: area, context: context); _ = pane.handle(action, context: context) }
            pane.layout(area: area, context: context); _ = pane.click(x: area.x, y: area.y, context: context)
            var buffer = Buffer(width: 30, height: 12, filling: filler)
            pane.render(into: &buffer, area: area, context: context)
            let outside = (0..<buffer.height).contains { y in
                (0..<buffer.width).contains { x in !area.contains(x: x, y: y) && buffer[x, y] != filler }
            }
            #expect(!outside, "drew outside \(area)")
        }
    }
}

/// Each pane's state by its type, as the tests read it.
extension AppState {
    var overview: OverviewPane { pane(OverviewPane.self)! }
    var hubs: HubsPane { pane(HubsPane.self)! }
    var revenue: RevenuePane { pane(RevenuePane.self)! }
    var comparison: ComparisonPane { pane(ComparisonPane.self)! }
    var timeline: TimelinePane { pane(TimelinePane.self)! }
    var sources: SourcesPane { pane(SourcesPane.self)! }
}
