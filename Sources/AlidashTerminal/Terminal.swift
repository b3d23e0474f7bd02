import AlidashUI
import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// When the dashboard may use colour (`--color`).
public enum ColorMode: String, Sendable, CaseIterable {
    case never, auto, always
}

/// What the dashboard asks of the terminal.
public struct TerminalOptions: Sendable {
    public var colorMode: ColorMode
    public var mouse: Bool
    /// URLs as OSC 8 links (only where the terminal takes them; `--no-links` turns them off).
    public var links: Bool
    /// Each frame wrapped in synchronized output, DEC mode 2026 (`--no-sync` turns it off).
    public var synchronizedOutput: Bool
    public var theme: ThemeChoice
    /// The background the terminal reported at start (OSC 11), for `--theme auto`.
    public var reportedBackground: Theme.Background?
    /// The process environment (TERM, NO_COLOR and the locale variables).
    public var environment: [String: String]
    /// Foregrounds of the user's for some meanings (the settings file's `[theme.colors]`).
    public var colors: [Role: Color] = [:]
    /// What `TerminalLocale.activate` answered: the caller sets the locale, before any second thread
    /// runs (setlocale is not thread-safe, and the start sets ncurses up on a thread of its own).
    public var localeIsUTF8: Bool

    public init(colorMode: ColorMode = .auto, mouse: Bool = true, links: Bool = false, synchronizedOutput: Bool = false,
                theme: ThemeChoice = .auto, environment: [String: String], localeIsUTF8: Bool) {
        self.localeIsUTF8 = localeIsUTF8
        self.theme = theme
        self.colorMode = colorMode
        self.mouse = mouse
        self.links = links
        self.synchronizedOutput = synchronizedOutput
        self.environment = environment
    }
}

/// Why no dashboard can be shown on this terminal (exit status 2).
public enum TerminalError: Error, Sendable, Equatable, CustomStringConvertible {
    case notATerminal
    case termUnset
    case unknownTerm(String)
    case noCursorAddressing(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal for the dashboard."
        case .termUnset:
            return "TERM is not set, so the type of terminal is unknown."
        case .unknownTerm(let name):
            return "the terminal type TERM=\(name) is not known on this system."
        case .noCursorAddressing(let name):
            return "the terminal type TERM=\(name) cannot move the cursor, so no dashboard can be drawn."
        }
    }
}

/// What one read of the terminal produced.
public enum TerminalInput: Sendable {
    case event(Event)
    /// Nothing arrived within the input timeout (a tick: time to poll for other work).
    case idle
    /// A signal asked the program to stop (SIGINT, SIGTERM, SIGHUP).
    case signal(Int32)
    /// The terminal is gone (hang-up, closed input): nothing more will come.
    case hangUp
}

/// The ncurses screen: set up and torn down as a pair, draws `Buffer`s (only what changed) and
/// turns keys, mouse and resizes into `Event`s. The only code in alidash that talks to ncurses.
public final class Terminal {
    /// Milliseconds `nextInput` waits for a key before reporting `.idle`.
    public static let inputTimeout: Int32 = 250
    /// How long a lone Esc waits for the rest of an escape sequence (ncurses' default is a full second).
    public static let escapeDelay: Int32 = 25

    /// False when the locale cannot show UTF-8: use `Glyphs.ascii`; drawn buffers are folded to ASCII.
    public let isUTF8: Bool
    public private(set) var scheme: Theme.Scheme = .monochrome
    /// The terminfo entry drawn with instead of TERM's own, which this system lacks (nil when TERM's own
    /// was found).
    public let termFallback: String?
    private var links = false
    private var synchronizedOutput = false
    private var theme = Theme(scheme: .monochrome, background: .dark, colors: [:])
    /// What `adopt` needs to choose the theme again once the terminal has told its background.
    private var themeChoice = ThemeChoice.auto
    private var themeEnvironment: [String: String] = [:]
    private var themeColors: [Role: Color] = [:]
    private var screen: OpaquePointer?
    private var palette = ColorPalette(theme: Theme(scheme: .monochrome, background: .dark, colors: [:]))
    /// What is on screen now; nil forces the next frame to write every cell.
    private var previous: Buffer?
    /// The cells of one row's run of changes, kept between frames so drawing allocates nothing.
    private var run: [cchar_t] = []
    private var isOpen = true
    /// True from the set-up's clear until the first frame: only then may a frame be written without
    /// ncurses' update (`ScreenPainter`), since only then is what is on screen known to be blank.
    private var screenIsBlank = false
    /// Whether the first frame was written by `ScreenPainter` (for the start's trace and its tests).
    public private(set) var paintedFirstFrame = false
    /// The terminal's sequences for `ScreenPainter`, read at the first frame; nil where it cannot be used.
    private lazy var paintSequences: ScreenPainter.Sequences? = Terminal.paintSequences(colors: scheme != .monochrome,
                                                                                      palette: palette)
    /// Reads in a row that failed without waiting (see `brokenInputStreak`).
    private var instantFailures = 0
    /// The wait `nextInput` uses now: a read that fails in a tenth of it did not wait at all.
    private var currentInputTimeout = Terminal.inputTimeout
    private static let instantFailureLimit = 100

    /// The glyph set that this terminal's locale can show.
    public var glyphs: Glyphs { isUTF8 ? .unicode : .ascii }

    public var width: Int { Int(getmaxx(alidash_stdscr())) }
    public var height: Int { Int(getmaxy(alidash_stdscr())) }

    /// The size ncurses will find, known before it starts: the terminal's window size, with LINES and
    /// COLUMNS taking precedence as ncurses gives them. Nil when the terminal does not say.
    public static func expectedSize(environment: [String: String]) -> (width: Int, height: Int)? {
        var size = winsize()
        let reported = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 && size.ws_row > 0
        let width = environment["COLUMNS"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? (reported ? Int(size.ws_col) : nil)
        let height = environment["LINES"].flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? (reported ? Int(size.ws_row) : nil)
        guard let width, let height else { return nil }
        return (width, height)
    }

    // MARK: - Set-up and tear-down

    /// Takes over the terminal with `options`. Pair every successful call with `close()`.
    public convenience init(options: TerminalOptions) throws(TerminalError) {
        try self.init(environment: options.environment, localeIsUTF8: options.localeIsUTF8)
        configure(options)
    }

    /// Takes over the terminal, in monochrome until `configure`: what needs only TERM and the locale, so
    /// the start can do it on its second thread before the settings are read. Pair with `close()`.
    public init(environment: [String: String], localeIsUTF8: Bool) throws(TerminalError) {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        guard let term = environment["TERM"], !term.isEmpty else { throw .termUnset }
        isUTF8 = localeIsUTF8
        // Before newterm, so ncurses keeps ours instead of installing its own (it only replaces defaults).
        SignalFlag.install()
        var screen = newterm(nil, alidash_stdout(), alidash_stdin())
        var fallback: String?
        if screen == nil, let compatible = TerminalFamily.fallback(for: term) {
            screen = compatible.withCString { newterm($0, alidash_stdout(), alidash_stdin()) }
            fallback = compatible
        }
        guard let screen else { throw .unknownTerm(term) }
        self.screen = screen
        termFallback = fallback
        guard alidash_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            throw .noCursorAddressing(term)
        }
        CrashRestore.arm()

        cbreak()
        noecho()
        nonl()
        keypad(alidash_stdscr(), true)
        leaveok(alidash_stdscr(), true)
        set_escdelay(Terminal.escapeDelay)
        wtimeout(alidash_stdscr(), Terminal.inputTimeout)
        curs_set(0)
        // Out of curses mode and back in, before colours and the mouse are on: until then ncurses 6.4
        // counts the screen as not yet started and writes its output at every cursor movement, about
        // eighty writes for a first frame at 120x40 instead of two. Colours not on yet means the
        // terminal's palette is not reset on the way back in.
        endwin()
        doupdate() // clears the screen once
        clearok(alidash_stdscr(), false) // and the first frame need not clear it again
        screenIsBlank = true
    }

    /// Colours, theme, mouse, links and synchronized output, once: before the first frame.
    public func configure(_ options: TerminalOptions) {
        guard isOpen else { return }
        links = options.links
        synchronizedOutput = options.synchronizedOutput
        let colorWanted: Bool
        switch options.colorMode {
        case .never: colorWanted = false
        case .always: colorWanted = true
        case .auto: colorWanted = (options.environment["NO_COLOR"] ?? "").isEmpty && options.theme != .mono
        }
        // COLORS is known only after start_color; monochrome never calls it, so no colour escape is sent.
        let colorStarted = colorWanted && has_colors() && start_color() == OK
        let scheme = Theme.scheme(colors: colorStarted ? Int(alidash_colors()) : 0, colorEnabled: colorStarted)
        self.scheme = scheme
        themeChoice = options.theme
        themeEnvironment = options.environment
        themeColors = options.theme == .mono ? [:] : options.colors
        theme = Theme(scheme: scheme, background: options.theme.background(environment: options.environment,
                                                                             reported: options.reportedBackground),
                      colors: themeColors)
        palette = ColorPalette(theme: theme)

        if options.mouse {
            mousemask(alidash_button1_pressed() | alidash_button4_pressed() | alidash_button5_pressed(), nil)
            mouseinterval(0) // report presses at once instead of waiting to see a click
        }
    }

    /// Writes questions to the terminal (`TerminalProbe`) with the cursor parked at the start of the last
    /// row: a terminal that does not understand one (the Linux console, pyte) prints part of it there,
    /// and `repairAfterQuestions` draws that row again. The questions are followed by the same absolute
    /// move, so the cursor is where ncurses thinks it is for what is drawn before the answers come.
    /// False when the write failed.
    public func ask(_ questions: String) -> Bool {
        guard isOpen, let move = lastRowAddress else { return false }
        moveToLastRow()
        return writeRaw(move + questions + move)
    }

    /// After the answers: the last row is written again, and the cursor is placed where ncurses thinks
    /// it is (a printed question moved it).
    public func repairAfterQuestions() {
        guard isOpen else { return }
        moveToLastRow()
        if let move = lastRowAddress { writeRaw(move) }
        wredrawln(alidash_stdscr(), lastRow, 1)
        wnoutrefresh(alidash_stdscr())
        doupdate()
    }

    private var lastRow: Int32 { Int32(max(0, height - 1)) }

    /// The terminal's own move to the start of the last row, without the padding some entries ask for
    /// (vt100's `$<5>`: a delay for tputs, not bytes for the terminal).
    private var lastRowAddress: String? {
        alidash_cursor_address(lastRow, 0).map { Terminal.withoutPadding(String(cString: $0)) }
    }

    static func withoutPadding(_ sequence: String) -> String {
        var bytes = Array(sequence.utf8)
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), bytes[index + 1] == UInt8(ascii: "<"),
               let end = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: ">")),
               bytes[(index + 2)..<end].allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "/") }) {
                bytes.removeSubrange(index...end)
            } else {
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Tells ncurses the cursor goes to the start of the last row (-1, -1: by absolute addressing).
    /// mvcur writes through stdio, which drops what it holds when a signal interrupts the write, so the
    /// callers send the move again themselves (`lastRowAddress` through `writeRaw`).
    private func moveToLastRow() {
        _ = mvcur(-1, -1, lastRow, 0)
    }

    /// Takes what the terminal answered after the first frames were drawn: its background (for
    /// `--theme auto`) and whether frames are wrapped in synchronized output. True when the colours
    /// changed, so the next frame must be drawn whole.
    public func adopt(reportedBackground: Theme.Background?, synchronizedOutput: Bool) -> Bool {
        self.synchronizedOutput = synchronizedOutput
        let background = themeChoice.background(environment: themeEnvironment, reported: reportedBackground)
        // Without colour the background changes nothing on screen.
        guard background != theme.background, scheme != .monochrome else { return false }
        theme = Theme(scheme: scheme, background: background, colors: themeColors)
        // The pairs are defined again with the new colours (same numbers, as the roles are the same).
        palette = ColorPalette(theme: theme)
        previous = nil
        return true
    }

    /// Gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        CrashRestore.disarm()
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        fflush(alidash_stdout())
    }

    deinit { close() }

    // MARK: - Drawing

    /// Copies `buffer` to the screen, writing only cells that changed since the last frame
    /// (all of them when `full`, after a resize, or when the size changed).
    public func draw(_ buffer: Buffer, full: Bool = false) {
        let frame = isUTF8 ? buffer : ASCIIFolding.fold(buffer)
        let window = alidash_stdscr()
        let last = full ? nil : previous.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        if last == nil {
            if full { clearok(window, true) }
            werase(window)
        }
        // Neighbouring cells mostly share a style: look it up once per run of them, and keep a blank of
        // that look to copy (setcchar for every cell was a tenth of the first frame's drawing).
        var styled: (style: Style, look: ColorPalette.Look)?
        var drawn = Drawn()
        let width = frame.width
        // The first frame on the blank screen is written here, not by ncurses' update (see ScreenPainter).
        let paintsItself = screenIsBlank && !full && frame.width == self.width && frame.height == self.height
        var painter = paintsItself ? paintSequences.map { ScreenPainter(sequences: $0, capacity: frame.cells.count * 2) } : nil
        let painting = painter != nil
        let lastColumn = width - 1, bottomRow = frame.height - 1
        if run.count < width { run = Array(repeating: cchar_t(), count: width) }
        run.withUnsafeMutableBufferPointer { run in
            frame.cells.withUnsafeBufferPointer { cells in
                let lastCells = last?.cells
                for y in 0..<frame.height {
                    // Changed cells go to ncurses a run at a time (mvwadd_wchnstr copies them into the window
                    // without the per-character work of mvwadd_wch, and never scrolls at the bottom-right corner).
                    var runStart = 0, runLength = 0
                    func flush() {
                        guard runLength > 0 else { return }
                        mvwadd_wchnstr(window, Int32(y), Int32(runStart), run.baseAddress, Int32(runLength))
                        runLength = 0
                    }
                    let row = y * width
                    for x in 0..<width {
                        let index = row + x
                        if let lastCells, !Terminal.cellChanged(at: index, x: x, width: width, cells: cells, last: lastCells) {
                            flush()
                            continue
                        }
                        let style = cells[index].style, cellWidth = cells[index].width
                        if styled == nil || styled!.style != style { styled = (style, palette.look(for: style)) }
                        let look = styled!.look
                        let code = cells[index].code
                        let byte = cellWidth == 1 && code >= 0x20 && code < 0x7F ? UInt8(code) : nil
                        let blank = byte == UInt8(ascii: " ")
                        // A space in the default colours is what the erase left there.
                        if last == nil, blank, look.attributes == 0, look.pair == 0 {
                            flush()
                            continue
                        }
                        // The right half of a wide character: ncurses fills it in with the left half.
                        if cellWidth == 0, x > 0, cells[index - 1].width == 2, runLength > 0 { continue }
                        if runLength == 0 { runStart = x }
                        drawn.use(look)
                        var character = drawn.template
                        if let byte {
                            character.chars.0 = wchar_t(byte)
                        } else if cellWidth == 1 || (cellWidth == 2 && x + 1 < width) {
                            Terminal.set(cells[index], in: &character, look: look)
                        } // else an orphaned right half, or a wide character in the last column: a blank
                        run[runLength] = character
                        runLength += 1
                        // The bottom-right corner (and a wide character reaching it) is left to ncurses,
                        // which knows how to write it without scrolling on every terminal.
                        if painting, y < bottomRow || x + max(1, Int(cellWidth)) <= lastColumn {
                            if let byte {
                                painter!.put(byte: byte, row: y, column: x, look: look.painted, lastColumn: lastColumn)
                            } else {
                                Terminal.paint(cells[index], row: y, column: x, look: look.painted, lastColumn: lastColumn, into: &painter!)
                            }
                        }
                    }
                    flush()
                }
            }
        }
        if synchronizedOutput { writeRaw(TerminalSequences.beginSynchronizedUpdate) }
        wnoutrefresh(window)
        if var painter {
            writeRaw(painter.finish())
            let wideCorner = width > 1 && frame[width - 2, bottomRow].width == 2
            Terminal.adoptPaintedFrame(width: width, height: frame.height, cornerCells: wideCorner ? 2 : 1)
            paintedFirstFrame = true
        }
        screenIsBlank = false
        doupdate()
        if links, !frame.links.isEmpty { writeRaw(TerminalSequences.links(frame.links, in: frame)) }
        if synchronizedOutput { writeRaw(TerminalSequences.endSynchronizedUpdate) }
        previous = frame
    }

    /// Hands one cell to the painter, as `set` hands it to ncurses (the same scalars, or a blank).
    private static func paint(_ cell: Cell, row: Int, column: Int, look: ScreenPainter.Look, lastColumn: Int,
                              into painter: inout ScreenPainter) {
        let cellWidth = Int(cell.width)
        guard cellWidth == 1 || (cellWidth == 2 && column + 1 <= lastColumn) else {
            // An orphaned right half, or a wide character in the last column: a blank, as for ncurses.
            painter.put(byte: UInt8(ascii: " "), row: row, column: column, look: look, lastColumn: lastColumn)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * Int(CCHARW_MAX)) { utf8 in
            var count = 0, scalars = 0
            func append(_ scalar: Unicode.Scalar) {
                for unit in UTF8.encode(scalar)! {
                    utf8[count] = unit
                    count += 1
                }
                scalars += 1
            }
            if let scalar = cell.scalar {
                append(scalar)
            } else {
                for scalar in cell.symbol.unicodeScalars.prefix(Int(CCHARW_MAX)) { append(scalar) }
            }
            painter.put(UnsafeBufferPointer(rebasing: utf8[..<count]), scalars: scalars, row: row, column: column,
                        width: cellWidth, look: look, lastColumn: lastColumn)
        }
    }

    /// After a painted frame: ncurses is told the screen holds what it is about to draw (its own update
    /// then writes only what the painter left out, the bottom-right corner), and where the cursor is.
    private static func adoptPaintedFrame(width: Int, height: Int, cornerCells: Int) {
        guard width > 0, height > 0 else { return }
        let (lastRow, lastColumn) = (Int32(height - 1), Int32(width - 1))
        copywin(alidash_newscr(), alidash_curscr(), 0, 0, 0, 0, lastRow, lastColumn, 0)
        // The corner is still blank on screen (both cells of a wide character that reaches it).
        var blank = cchar_t()
        var space: (wchar_t, wchar_t) = (wchar_t(UInt8(ascii: " ")), 0)
        _ = withUnsafePointer(to: &space.0) { setcchar(&blank, $0, alidash_a_normal(), 0, nil) }
        var blanks = [blank, blank]
        mvwadd_wchnstr(alidash_curscr(), lastRow, lastColumn - Int32(cornerCells - 1), &blanks, Int32(cornerCells))
        // Rows above the last are the same in both: marked unchanged, ncurses' update skips comparing them.
        wtouchln(alidash_newscr(), 0, lastRow, 0)
        wtouchln(alidash_curscr(), 0, lastRow, 0)
        // The painter's last move is not ncurses' idea of the cursor: an absolute move sets both.
        _ = mvcur(-1, -1, 0, 0)
    }

    /// The sequences the painter needs, or nil when this terminal needs what only ncurses does: magic
    /// cookie attributes (`xmc`), attributes that do not go with colour (`ncv`), colours other than by
    /// `setaf`/`setab` with the terminal's own as pair 0.
    private static func paintSequences(colors: Bool, palette: ColorPalette) -> ScreenPainter.Sequences? {
        func string(_ name: String) -> [UInt8]? {
            alidash_string_capability(name).map { Array(Terminal.withoutPadding(String(cString: $0)).utf8) }
        }
        guard alidash_number_capability("xmc") <= 0, let reset = string("sgr0"),
              let cup = alidash_string_capability("cup").map({ String(cString: $0) }) else { return nil }
        var foreground: (Int16) -> [UInt8]? = { _ in nil }
        var background: (Int16) -> [UInt8]? = { _ in nil }
        var defaultColors: [UInt8]?
        if colors {
            guard alidash_number_capability("ncv") <= 0, palette.defaultColorsWork,
                  let setaf = alidash_string_capability("setaf"), let setab = alidash_string_capability("setab"),
                  let op = string("op") else { return nil }
            defaultColors = op
            // A table per capability, filled on first use: a frame uses a handful of colours.
            let foregrounds = ColorSequences(capability: setaf), backgrounds = ColorSequences(capability: setab)
            foreground = { foregrounds.sequence($0) }
            background = { backgrounds.sequence($0) }
        }
        // The common entry is formatted here, any other through terminfo.
        let move: (Int, Int) -> [UInt8] = cup == "\u{1B}[%i%p1%d;%p2%dH"
            ? { row, column in Array("\u{1B}[\(row + 1);\(column + 1)H".utf8) }
            : { row, column in Array(Terminal.withoutPadding(alidash_cursor_address(Int32(row), Int32(column)).map { String(cString: $0) } ?? "").utf8) }
        return ScreenPainter.Sequences(move: move, reset: reset, bold: string("bold"), dim: string("dim"),
                                       reverse: string("rev"), underline: string("smul"), foreground: foreground,
                                       background: background, defaultColors: defaultColors)
    }

    /// `setaf` or `setab` formatted once per colour number.
    private final class ColorSequences {
        let capability: UnsafePointer<CChar>
        var formatted: [[UInt8]?] = Array(repeating: nil, count: 256)
        init(capability: UnsafePointer<CChar>) { self.capability = capability }
        func sequence(_ color: Int16) -> [UInt8]? {
            guard color >= 0, Int(color) < formatted.count else { return nil }
            if let known = formatted[Int(color)] { return known }
            guard let text = alidash_format1(capability, Int32(color)) else { return nil }
            let sequence = Array(Terminal.withoutPadding(String(cString: text)).utf8)
            formatted[Int(color)] = sequence
            return sequence
        }
    }

    /// Puts `text` on the clipboard of the terminal's machine (OSC 52), over SSH too.
    public func copyToClipboard(_ text: String) {
        writeRaw(TerminalSequences.clipboard(text))
    }

    /// Bytes beside ncurses' own, between its updates, so the order holds: what stdio holds goes first,
    /// then the bytes by write(2), carrying on after a signal (no SA_RESTART here) or a short write,
    /// where stdio would drop the rest. False when they could not be written.
    @discardableResult
    private func writeRaw(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { writeRaw($0) }
    }

    @discardableResult
    private func writeRaw(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { writeRaw($0) }
    }

    private func writeRaw(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard isOpen else { return false }
        let output = alidash_stdout()
        if fflush(output) != 0 { clearerr(output) } // what was lost is sent again by the callers that need it
        return Terminal.writeAll(bytes, to: fileno(output))
    }

    static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { writeAll($0, to: descriptor) }
    }

    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, start + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// True when the cell, or the wide character it belongs to, differs from the last frame.
    private static func cellChanged(at index: Int, x: Int, width: Int, cells: UnsafeBufferPointer<Cell>, last: [Cell]) -> Bool {
        if cells[index] != last[index] { return true }
        // A wide character is drawn whole: redraw it when its right half changed.
        return cells[index].width == 2 && x + 1 < width && cells[index + 1] != last[index + 1]
    }

    /// The look of the last cell handed to ncurses, and a blank of it whose character is replaced.
    private struct Drawn {
        var look: ColorPalette.Look?
        var template = cchar_t()

        mutating func use(_ next: ColorPalette.Look) {
            if let look, look.attributes == next.attributes, look.pair == next.pair { return }
            look = next
            var space: (wchar_t, wchar_t) = (wchar_t(UInt8(ascii: " ")), 0)
            _ = withUnsafePointer(to: &space.0) { setcchar(&template, $0, next.attributes, next.pair, nil) }
        }
    }

    /// The byte of a one-byte printable character (most cells), found without walking its scalars.
    /// Puts the character of `cell` (at most the scalars a cell holds) into `character`.
    private static func set(_ cell: Cell, in character: inout cchar_t, look: ColorPalette.Look) {
        // On the stack: no array is allocated for it.
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: Int(CCHARW_MAX) + 1) { scalars in
            var count = 0
            if let scalar = cell.scalar {
                scalars[0] = wchar_t(bitPattern: scalar.value)
                count = 1
            } else {
                for scalar in cell.symbol.unicodeScalars.prefix(Int(CCHARW_MAX)) {
                    scalars[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
            }
            scalars[count] = 0
            _ = setcchar(&character, scalars.baseAddress, look.attributes, look.pair, nil)
        }
    }

    // MARK: - Input

    /// How long `nextInput` waits, in milliseconds (`inputTimeout` unless changed, as while data loads).
    public func setInputTimeout(_ milliseconds: Int32) {
        currentInputTimeout = max(1, milliseconds)
        wtimeout(alidash_stdscr(), currentInputTimeout)
    }

    /// Waits up to `inputTimeout` for input and decodes it.
    public func nextInput() -> TerminalInput {
        if let signal = SignalFlag.take() { return .signal(signal) }
        var character: wint_t = 0
        let started = ContinuousClock.now
        let status = wget_wch(alidash_stdscr(), &character)
        if let signal = SignalFlag.take() { return .signal(signal) }
        if status != ERR { instantFailures = 0 }
        switch status {
        case KEY_CODE_YES:
            return functionKey(Int32(bitPattern: character))
        case OK:
            guard let key = KeyDecoder.key(forCharacter: character) else { return .idle }
            return .event(.key(key))
        default:
            // ERR is a timeout, an interrupted read, or a terminal that went away: only the last must end.
            if Terminal.inputIsGone() { return .hangUp }
            return brokenInputStreak(readStarted: started) ? .hangUp : .idle
        }
    }

    /// True after many reads in a row failed at once instead of waiting out the timeout: input is broken
    /// (for example EIO without a hang-up flag), and looping on it would spin the CPU.
    private func brokenInputStreak(readStarted: ContinuousClock.Instant) -> Bool {
        if ContinuousClock.now - readStarted < .microseconds(Int(currentInputTimeout) * 100) {
            instantFailures += 1
        } else {
            instantFailures = 0
        }
        return instantFailures >= Terminal.instantFailureLimit
    }

    private func functionKey(_ code: Int32) -> TerminalInput {
        switch code {
        case KEY_RESIZE:
            previous = nil // everything must be written again at the new size
            return .event(.resize(width: width, height: height))
        case KEY_MOUSE:
            var mouse = MEVENT()
            guard getmouse(&mouse) == OK else { return .idle }
            let x = Int(mouse.x), y = Int(mouse.y)
            if mouse.bstate & alidash_button4_pressed() != 0 { return .event(.mouse(.scrollUp(x: x, y: y))) }
            if mouse.bstate & alidash_button5_pressed() != 0 { return .event(.mouse(.scrollDown(x: x, y: y))) }
            if mouse.bstate & alidash_button1_pressed() != 0 { return .event(.mouse(.click(x: x, y: y))) }
            return .idle
        default:
            guard let key = KeyDecoder.key(forFunctionKey: code) else { return .idle }
            return .event(.key(key))
        }
    }

    /// True when standard input has hung up or closed (the terminal or SSH connection went away).
    static func inputIsGone() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return errno != EINTR }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }
}

/// The character set of the user's locale, for ncurses and for output that ncurses does not draw.
public enum TerminalLocale {
    /// Sets the character type of the locale from the environment and tells whether it encodes text as
    /// UTF-8. Only LC_CTYPE: it is all ncurses and our output use, and loading every category of the
    /// locale took 0.2 ms of the start. A UTF-8 locale that is named but not installed (common in
    /// containers) falls back to C.UTF-8, so letters are not lost only because `de_DE.UTF-8` was never generated.
    @discardableResult
    public static func activate(environment: [String: String]) -> Bool {
        if setlocale(LC_CTYPE, "") == nil, namesUTF8(environment) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        return alidash_locale_is_utf8() != 0
    }

    /// The environment variables that decide the character set, in the order POSIX gives them.
    public static let variables = ["LC_ALL", "LC_CTYPE", "LANG"]

    static func namesUTF8(_ environment: [String: String]) -> Bool {
        guard let name = variables.lazy.compactMap({ environment[$0] }).first(where: { !$0.isEmpty }) else {
            return false
        }
        let lower = name.lowercased()
        return TerminalText.includes(lower, "utf-8") || TerminalText.includes(lower, "utf8")
    }
}
