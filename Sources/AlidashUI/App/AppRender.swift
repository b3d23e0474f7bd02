import AlidashModel

extension AppState {
    /// Draws the whole screen into a fresh buffer of the window's size.
    public func render() -> Buffer {
        var buffer = Buffer(width: width, height: height)
        render(into: &buffer)
        return buffer
    }

    /// Only the active pane, drawn into a buffer the size of its area (no tab bar, no status line, no
    /// overlay): what the pane tests compare, so a change to the chrome does not touch every expected screen.
    public func renderPane() -> Buffer {
        let area = paneArea
        var buffer = Buffer(width: area.width, height: area.height)
        guard !isTooSmall else { return buffer }
        model(of: active).render(into: &buffer, area: Rect(width: area.width, height: area.height), context: context)
        return buffer
    }

    public func render(into buffer: inout Buffer) {
        let context = self.context
        guard !isTooSmall else {
            renderTooSmall(into: &buffer, context: context)
            return
        }
        TabBar.render(into: &buffer, y: 0, width: width, active: active, language: language, glyphs: glyphs)
        let area = paneArea
        model(of: active).render(into: &buffer, area: area, context: context)
        renderStatusLine(into: &buffer, context: context)
        if case .help(let scroll) = overlay {
            HelpOverlay(keyMap: keyMap, scroll: scroll).render(into: &buffer, area: area, context: context)
        }
        // Whatever is drawn over the pane (help, the command line's hints, an error) may cover a link.
        if overlay != nil || status?.isError == true || staleDataError != nil { buffer.links = [] }
    }

    private func renderTooSmall(into buffer: inout Buffer, context: RenderContext) {
        let lines = [
            context.t("Window too small", "Fenster zu klein"),
            context.t("need \(AppState.minimumWidth)×\(AppState.minimumHeight)", "benötigt \(AppState.minimumWidth)×\(AppState.minimumHeight)"),
            context.t("now \(width)×\(height)", "jetzt \(width)×\(height)"),
            context.t("q quits", "q beendet"),
        ]
        let top = height.saturatingSubtract(lines.count) / 2
        for (index, line) in lines.enumerated() {
            let text = TerminalText.truncate(line, to: width)
            let x = width.saturatingSubtract(TerminalText.width(of: text)) / 2
            buffer.put(text, x: x, y: top + index, style: Style(index == 0 ? .warning : .normal))
        }
    }

    private func renderStatusLine(into buffer: inout Buffer, context: RenderContext) {
        let y = height - 1
        let row = Rect(x: 0, y: y, width: width, height: 1)
        buffer.fill(row, style: Style(.statusBar))
        switch overlay {
        case .commandLine(let text):
            let candidates = CommandLine.candidates(for: text)
            if !candidates.isEmpty, y > 1 {
                let hint = Rect(x: 0, y: y - 1, width: width, height: 1)
                buffer.fill(hint, style: Style(.overlay))
                // As many whole words as fit, then how many more there are.
                var line = ""
                var shown = 0
                for word in candidates {
                    let rest = candidates.count - shown - 1
                    let room = width - 1 - (rest > 0 ? TerminalText.width(of: "  +\(rest)") : 0)
                    guard TerminalText.width(of: line + "  " + word) <= room else { break }
                    line += "  " + word
                    shown += 1
                }
                if shown < candidates.count { line += "  +\(candidates.count - shown)" }
                buffer.put(line, x: 0, y: y - 1, style: Style(.dim), clip: hint)
            }
            let used = buffer.put(":", x: 0, y: y, style: Style(.statusKey), clip: row)
            let shown = buffer.put(text, x: used, y: y, style: Style(.statusBar), clip: row)
            buffer.put("█", x: used + shown, y: y, style: Style(.statusBar), clip: row)
            return
        case .filter(let text):
            let used = buffer.put("/", x: 0, y: y, style: Style(.statusKey), clip: row)
            let shown = buffer.put(text, x: used, y: y, style: Style(.statusBar), clip: row)
            buffer.put("█", x: used + shown, y: y, style: Style(.statusBar), clip: row)
            let hint = context.t("  Enter keeps · Esc clears", "  Enter behält · Esc löscht")
            buffer.put(hint, x: used + shown + 1, y: y, style: Style(.statusBar), clip: row)
            return
        default:
            break
        }
        // Only the keys that do something here; quit and help first, then the pane's own keys, ":" last.
        var hints: [(String, String)] = [(context.key(.quit), context.t("quit", "Ende")),
                                          (context.key(.help), context.t("help", "Hilfe"))]
        let features = active.entry.features
        if features.contains(.filter) { hints.append((context.key(.filter), context.t("filter", "Filter"))) }
        if features.contains(.currency) { hints.append((context.key(.cycleCurrency), context.t("currency", "Währung"))) }
        if features.contains(.table) {
            hints.append((context.key(.toggleView), showTable ? context.t("chart", "Diagramm") : context.t("table", "Tabelle")))
        }
        hints += model(of: active).keyHints(context: context).map { (context.key($0.action), $0.word) }
        hints.append((context.key(.commandLine), context.t("go", "gehe")))
        let hintsWidth = hints.reduce(1) { $0 + TerminalText.width(of: $1.0) + 1 + TerminalText.width(of: $1.1) + 2 }
        let currencyWord = currency?.code ?? context.t("as reported", "wie gemeldet")
        var parts = [language.rawValue.uppercased(), currencyWord]
        var origin = data.origin == "bundled" ? context.t("bundled data", "eingebaute Daten") : data.origin
        let withOrigin = " " + (parts + [origin]).joined(separator: " \(glyphs.separator) ") + " "
        let fits = hintsWidth + TerminalText.width(of: withOrigin) <= width
        // A data folder is always named (it is not the bundled copy), by its last folder when the keys need the room.
        if data.origin != "bundled", !fits, let last = data.origin.split(separator: "/").last, String(last) != data.origin {
            origin = glyphs.ellipsis + "/" + last
        }
        // The bundled data is the usual case: its name gives way to the keys first; a data folder never does.
        if data.origin != "bundled" || fits { parts.append(origin) }
        let right = " " + parts.joined(separator: " \(glyphs.separator) ") + " "
        let rightWidth = TerminalText.width(of: right)
        let leftRoom = width.saturatingSubtract(rightWidth)
        let status = self.status ?? staleDataError.map {
            (text: context.t("Showing last good data; the files have a problem: ", "Letzte gültige Daten; die Dateien haben einen Fehler: ") + $0, isError: true)
        }
        if let status, status.isError {
            renderError(status.text, into: &buffer)
        } else if let status {
            // A message says what just happened: it may take the whole line, the state words give way.
            let room = TerminalText.width(of: status.text) + 1 > leftRoom ? width : leftRoom
            buffer.put(" " + status.text, x: 0, y: y, style: Style(.statusBar), maxWidth: room, clip: row)
            if room == width { return }
        } else {
            var x = 1
            for (key, word) in hints {
                let needed = TerminalText.width(of: key) + 1 + TerminalText.width(of: word) + 2
                guard x + needed <= leftRoom else { break }
                x += buffer.put(key, x: x, y: y, style: Style(.statusKey), clip: row)
                x += buffer.put(" " + word + "  ", x: x, y: y, style: Style(.statusBar), clip: row)
            }
        }
        if status?.isError != true, width > rightWidth {
            buffer.put(right, x: width - rightWidth, y: y, style: Style(.statusBar), clip: row)
        }
    }
}

extension AppState {
    /// An error is read whole (a reload's message names file, line and path): wrapped at the window's
    /// width and ending on the status line, over the pane's last rows, at most half the window high.
    private func renderError(_ text: String, into buffer: inout Buffer) {
        let room = max(1, (height - 1) / 2)
        var lines = TerminalText.wrap(text, width: width.saturatingSubtract(2))
        if lines.count > room {
            lines = Array(lines.prefix(room))
            lines[room - 1] = TerminalText.truncate(lines[room - 1] + " " + glyphs.ellipsis, to: width.saturatingSubtract(2),
                                                    ellipsis: glyphs.ellipsis)
        }
        let top = height - lines.count
        for (index, line) in lines.enumerated() {
            let row = Rect(x: 0, y: top + index, width: width, height: 1)
            buffer.fill(row, style: Style(.statusError))
            buffer.put(" " + line, x: 0, y: row.y, style: Style(.statusError), clip: row)
        }
    }
}

/// The help overlay, generated from the key map.
struct HelpOverlay {
    var keyMap: KeyMap
    var scroll: Int

    /// The help text, one styled line per binding plus the marks and how to close.
    private func lines(context: RenderContext) -> [StyledLine] {
        let keyWidth = keyMap.bindings.map { TerminalText.width(of: $0.label) }.max() ?? 0
        var lines: [StyledLine] = keyMap.bindings.map { binding in
            [Span(TerminalText.pad(binding.label, to: keyWidth), Style(.statusKey)),
             Span("  " + (context.language == .de ? binding.german : binding.english))]
        }
        lines.append([])
        lines.append([Span(context.t("Marks: ≈ approximate  ~ source's rounding  = calculated  ? unverified",
                                     "Zeichen: ≈ ungefähr  ~ Rundung der Quelle  = berechnet  ? unbestätigt"), Style(.dim))])
        lines.append([Span(context.t("       [S31] source id", "         [S31] Quellen-ID"), Style(.dim))])
        lines.append([Span(context.t("Article check: ✓ correct  ~ imprecise  ✗ wrong  ? unverifiable",
                                     "Faktencheck: ✓ richtig  ~ ungenau  ✗ falsch  ? nicht prüfbar"), Style(.dim))])
        lines.append([Span(context.t("Mouse: click a tab or a row; the wheel scrolls", "Maus: Reiter oder Zeile anklicken; das Rad blättert"), Style(.dim))])
        lines.append([Span(context.t("Esc, ? or q closes this help", "Esc, ? oder q schließt die Hilfe"), Style(.dim))])
        return lines
    }

    /// The box the help is drawn in, centred in `area`.
    private func box(for lines: [StyledLine], in area: Rect) -> Rect {
        let contentWidth = lines.map { $0.reduce(0) { $0 + TerminalText.width(of: $1.text) } }.max() ?? 0
        let boxWidth = min(area.width, contentWidth + 4)
        let boxHeight = min(area.height, lines.count + 2)
        return Rect(x: area.x + (area.width - boxWidth) / 2, y: area.y + (area.height - boxHeight) / 2,
                    width: boxWidth, height: boxHeight)
    }

    /// How many help lines `area` shows at once.
    func visibleLines(in area: Rect, context: RenderContext) -> Int {
        box(for: lines(context: context), in: area).height.saturatingSubtract(2)
    }

    /// How far the help can scroll in `area` before its last line is in view.
    func maximumScroll(in area: Rect, context: RenderContext) -> Int {
        lines(context: context).count.saturatingSubtract(visibleLines(in: area, context: context))
    }

    func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        let lines = lines(context: context)
        let box = box(for: lines, in: area)
        buffer.fill(box, style: Style(.overlay))
        let inner = Block(title: context.t("Keys", "Tasten"), focused: true).render(into: &buffer, area: box, glyphs: context.glyphs)
        let offset = min(scroll, lines.count.saturatingSubtract(inner.height))
        TextLines.drawScrolled(lines, offset: offset, into: &buffer, area: inner.inset(horizontal: 1, vertical: 0))
        // On the bottom border, so the hint never hides a line of the help.
        let hidden = lines.count.saturatingSubtract(offset + inner.height)
        if let hint = TextScroll.hint(offset: offset, hidden: hidden, context: context), box.height >= 2 {
            let border = Rect(x: box.x + 2, y: box.maxY - 1, width: box.width.saturatingSubtract(4), height: 1)
            buffer.put(" " + hint + " ", x: border.x, y: border.y, style: Style(.accent, bold: true), clip: border)
        }
    }
}
