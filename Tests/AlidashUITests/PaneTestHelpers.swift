import AlidashModel
import AlidashUI
import TestSupport

/// Small helpers shared by the pane tests.
enum PaneTest {
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

    /// Renders `pane` into a buffer pre-filled with "x" around `area`, and reports whether any cell
    /// outside the area changed (a pane must draw only inside its area).
    static func drawsOutside(_ render: (inout Buffer, Rect) -> Void, area: Rect, bufferWidth: Int = 30,
                             bufferHeight: Int = 12) -> Bool {
        let filler = Cell("x")
        var buffer = Buffer(width: bufferWidth, height: bufferHeight, filling: filler)
        render(&buffer, area)
        for y in 0..<bufferHeight {
            for x in 0..<bufferWidth where !area.contains(x: x, y: y) && buffer[x, y] != filler {
                return true
            }
        }
        return false
    }

    /// Areas too small to show anything useful; drawing into them must not trap.
    static let tinyAreas = [Rect(width: 0, height: 0), Rect(width: 1, height: 1), Rect(width: 10, height: 3),
                            Rect(x: 3, y: 2, width: 1, height: 1), Rect(x: 2, y: 1, width: 10, height: 3),
                            Rect(x: 1, y: 1, width: 25, height: 9)]

    /// Every navigation and detail action, to run against tiny areas.
    static let actions: [Action] = [.moveDown, .moveUp, .pageDown, .pageUp, .bottom, .top, .open, .close]
}
