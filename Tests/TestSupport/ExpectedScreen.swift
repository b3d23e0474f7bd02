#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import AlidashModel
import AlidashUI

/// Expected screens kept as readable text files beside the tests.
/// Set RECORD_SNAPSHOTS=1 to write the current screen instead of comparing.
public enum ExpectedScreen {
    /// Compares `buffer` with `Screens/<name>.txt` next to `filePath`; returns a readable diff, or nil when equal.
    public static func mismatch(_ buffer: Buffer, named name: String, filePath: String = #filePath) -> String? {
        mismatch(lines: buffer.lines, named: name, filePath: filePath)
    }

    /// Compares text lines (such as `alidash print` output) with `Screens/<name>.txt`.
    public static func mismatch(lines: [String], named name: String, filePath: String = #filePath) -> String? {
        let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Screens")
        let file = directory.appendingPathComponent(name + ".txt")
        let actual = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return nil
        }
        guard let data = try? Data(contentsOf: file), let expected = String(data: data, encoding: .utf8) else {
            return "no expected screen at \(file.path); run with RECORD_SNAPSHOTS=1 to create it.\nActual:\n\(actual)"
        }
        guard expected != actual else { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var report = "screen \(name) differs from \(file.path):\n"
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<none>"
            if want != got { report += "line \(index + 1):\n  expected: \(want)\n  actual:   \(got)\n" }
        }
        return report
    }
}

/// The bundled data, loaded once for all tests.
public enum TestData {
    public static let bundled: DataSet = {
        do {
            return try DataLoader.load(.bundled)
        } catch {
            fatalError("bundled data does not load: \(error)")
        }
    }()

    /// The bundled files' raw contents by name, for tests that break a copy.
    public static var bundledFiles: [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in DataLoader.fileNames {
            if let text = DataLoader.bundledText(of: name) { files[name] = Array(text.utf8) }
        }
        return files
    }

    /// A dashboard state over the bundled data, for render and key tests.
    public static func app(width: Int, height: Int, language: Language = .en, pane: PaneID = .overview,
                           glyphs: Glyphs = .unicode) -> AppState {
        AppState(data: bundled, language: language, glyphs: glyphs, width: width, height: height, pane: pane)
    }
}
