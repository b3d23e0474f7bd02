import AlidashModel

/// What the dashboard shows while a large `--data` folder loads: where from, a progress bar, the file
/// being read or decoded, and that q quits. Sized for any terminal; on a tiny one only what fits.
public struct LoadingScreen: Sendable {
    public var folder: String
    public var step: DataLoadStep?
    public var language: Language
    /// The quit key as the key map names it (the settings may change it); Ctrl-C always quits too.
    public var quitKey: String

    public init(folder: String, step: DataLoadStep?, language: Language, quitKey: String = "q") {
        self.folder = folder
        self.step = step
        self.language = language
        self.quitKey = quitKey
    }

    public func render(width: Int, height: Int, glyphs: Glyphs) -> Buffer {
        var buffer = Buffer(width: max(0, width), height: max(0, height))
        let german = language == .de
        let boxWidth = min(width, 64)
        let box = Rect(x: width.saturatingSubtract(boxWidth) / 2, y: height.saturatingSubtract(7) / 2,
                       width: boxWidth, height: min(height, 7))
        let inner = Block(title: german ? "Daten werden geladen" : "Loading data").render(into: &buffer, area: box, glyphs: glyphs)
        guard inner.width > 0, inner.height > 0 else { return buffer }
        buffer.put(folder, x: inner.x + 1, y: inner.y, style: Style(.label), maxWidth: inner.width.saturatingSubtract(2))
        let fraction = step?.fraction ?? 0
        let barWidth = inner.width.saturatingSubtract(8)
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = String(repeating: glyphs.barFull, count: filled)
        let rest = String(repeating: glyphs.barShade, count: barWidth.saturatingSubtract(filled))
        let percent = Int((fraction * 100).rounded(.down))
        if inner.height > 2 {
            buffer.put(bar, x: inner.x + 1, y: inner.y + 2, style: Style(.barPrimary))
            buffer.put(rest, x: inner.x + 1 + filled, y: inner.y + 2, style: Style(.barMuted))
            let label = String(repeating: " ", count: max(0, 3 - String(percent).count)) + "\(percent) %"
            buffer.put(label, x: inner.x + 2 + barWidth, y: inner.y + 2, style: Style(.value))
        }
        if inner.height > 3, let step {
            let what: String
            switch step.phase {
            case .reading: what = german ? "lese" : "reading"
            case .decoding: what = german ? "verarbeite" : "decoding"
            case .validating: what = german ? "prüfe alle Verweise" : "checking every reference"
            }
            let file = step.phase == .validating ? "" : " \(step.file) (\(step.fileNumber)/\(step.fileCount))"
            buffer.put(what + file, x: inner.x + 1, y: inner.y + 3, style: Style(.dim), maxWidth: inner.width.saturatingSubtract(2))
        }
        if inner.height > 4 {
            buffer.put(german ? "\(quitKey) oder Strg-C beendet" : "\(quitKey) or Ctrl-C quits", x: inner.x + 1, y: inner.y + 4,
                       style: Style(.dim), maxWidth: inner.width.saturatingSubtract(2))
        }
        return buffer
    }
}
