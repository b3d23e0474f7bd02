import AlidashModel
import AlidashUI
import Foundation
import Testing

/// The first frame is written without ncurses' update (ScreenPainter) where the terminal allows: what
/// tmux then holds must be what ncurses draws when asked to draw everything again (Ctrl-L), cell by cell,
/// attributes and colours included, on several terminal types, sizes and themes.
@Suite("The first frame written without ncurses", .serialized)
struct PaintedFrameTests {
    @Test(arguments: [
        ("screen", 80, 24, [String]()),
        ("xterm-256color", 120, 40, []),
        ("xterm-256color", 100, 30, ["--theme", "light", "--pane", "hubs"]),
        ("tmux-256color", 80, 24, ["--pane", "revenue"]),
        ("vt100", 80, 24, []),
        ("xterm-256color", 80, 24, ["--color", "never", "--pane", "timeline"]),
        // The Linux console's attributes that do not go with colour (ncv) are ncurses' to handle.
        ("linux", 80, 24, []),
    ])
    func thePaintedFrameIsWhatNcursesDraws(term: String, width: Int, height: Int, arguments: [String]) async throws {
        let folder = try TemporaryDirectory()
        let session = try TmuxSession(width: width, height: height, arguments: arguments + ["--no-state"],
                                      environment: "TERM=\(term) ALIDASH_TRACE_START=\(folder.file("trace"))")
        var trace = folder.read("trace")
        for _ in 0..<500 where trace?.hasSuffix("\n") != true {
            try await Task.sleep(for: .milliseconds(20))
            trace = folder.read("trace")
        }
        let painted = try #require(trace).contains("first frame painted ")
        #expect(painted == (term != "linux"), "TERM=\(term): \(trace ?? "")")
        let first = try session.styledScreen()

        // Ctrl-L: ncurses clears the screen and writes every cell; its output is watched until it ends.
        let log = folder.file("redraw")
        try session.tmux(["pipe-pane", "-t", "main", "-o", "cat >> " + TmuxSession.quoted(log)])
        try session.press("C-l")
        var size = 0, steady = 0
        for _ in 0..<500 where steady < 10 {
            try await Task.sleep(for: .milliseconds(20))
            let now = folder.read("redraw")?.utf8.count ?? 0
            (steady, size) = now > 0 && now == size ? (steady + 1, now) : (0, now)
        }
        #expect(size > width * 4, "the redraw wrote \(size) bytes")
        let redrawn = try session.styledScreen()
        let (paintedCells, redrawnCells) = (StyledScreen.cells(first), StyledScreen.cells(redrawn))
        #expect(paintedCells.count == redrawnCells.count)
        for (row, (left, right)) in zip(paintedCells, redrawnCells).enumerated() where left != right {
            let column = Array(zip(left, right)).firstIndex { $0.0 != $0.1 } ?? min(left.count, right.count)
            Issue.record("TERM=\(term) \(width)x\(height) \(arguments): row \(row) differs from column \(column):\n\(StyledScreen.describe(left))\n\(StyledScreen.describe(right))")
        }
        try session.type("q")
        #expect(try await session.exitStatus() == 0)
    }
}

/// `tmux capture-pane -e` read back into cells with their looks, as a person sees them: a space shows
/// only its background (and its colour where reversed or underlined), so the colour of a plain space is
/// not compared (ncurses erases runs of blanks, which keeps the background only).
enum StyledScreen {
    struct Cell: Equatable {
        var character: Character
        var bold = false, dim = false, italic = false, underline = false, reverse = false
        var foreground: String?, background: String?
        var other: [String] = []
    }

    static func cells(_ captured: String) -> [[Cell]] {
        var look = Cell(character: " ")
        var rows: [[Cell]] = []
        for line in captured.split(separator: "\n", omittingEmptySubsequences: false) {
            var row: [Cell] = []
            var characters = Array(line)
            var index = 0
            while index < characters.count {
                if characters[index] == "\u{1B}", index + 1 < characters.count, characters[index + 1] == "[" {
                    var end = index + 2
                    while end < characters.count, !(characters[end].asciiValue.map { $0 >= 0x40 && $0 <= 0x7E } ?? false) { end += 1 }
                    if end < characters.count, characters[end] == "m" {
                        apply(String(characters[(index + 2)..<end]), to: &look)
                    }
                    index = end + 1
                    continue
                }
                var cell = look
                cell.character = characters[index]
                row.append(visible(cell))
                index += 1
            }
            while let last = row.last, last == visible(Cell(character: " ")) { row.removeLast() }
            rows.append(row)
            characters.removeAll()
        }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows
    }

    private static func visible(_ cell: Cell) -> Cell {
        guard cell.character == " ", !cell.reverse, !cell.underline else { return cell }
        var blank = Cell(character: " ")
        blank.background = cell.background
        return blank
    }

    private static func apply(_ parameters: String, to look: inout Cell) {
        var codes = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        if codes.isEmpty { codes = [0] }
        var index = 0
        while index < codes.count {
            let code = codes[index]
            switch code {
            case 0: look = Cell(character: " ")
            case 1: look.bold = true
            case 2: look.dim = true
            case 3: look.italic = true
            case 4: look.underline = true
            case 7: look.reverse = true
            case 22: (look.bold, look.dim) = (false, false)
            case 23: look.italic = false
            case 24: look.underline = false
            case 27: look.reverse = false
            case 30...37, 90...97: look.foreground = String(code)
            case 39: look.foreground = nil
            case 40...47, 100...107: look.background = String(code)
            case 49: look.background = nil
            case 38, 48:
                let kind = index + 1 < codes.count ? codes[index + 1] : 0
                let count = kind == 5 ? 1 : kind == 2 ? 3 : 0
                let colour = codes[(index + 1)..<min(codes.count, index + 2 + count)].map(String.init).joined(separator: ";")
                if code == 38 { look.foreground = colour } else { look.background = colour }
                index += 1 + count
            default: look.other.append(String(code))
            }
            index += 1
        }
    }

    static func describe(_ row: [Cell]) -> String {
        row.map { cell in
            var marks = ""
            if cell.bold { marks += "b" }
            if cell.dim { marks += "d" }
            if cell.reverse { marks += "r" }
            if cell.underline { marks += "u" }
            return "\(cell.character)[\(marks)\(cell.foreground ?? "")/\(cell.background ?? "")]"
        }.joined()
    }
}
