import AlidashModel

/// Amazon and Alibaba side by side, row by row, then how each one's revenue splits up and the key facts.
/// The caveat that revenue and GMV measure different things stays pinned above the scrolling content.
extension PaneID {
    public static let comparison = PaneID("comparison")
}

public struct ComparisonPane: PaneModel {
    public private(set) var scroll = 0
    public private(set) var filter = ""
    /// The caveat in full (Enter) rather than folded to one line.
    public private(set) var caveatOpen = false
    /// The body's height and how many rows the content has, measured for the last area, filter and caveat.
    private var measured: (key: LayoutKey, filter: String, caveatOpen: Bool, bodyHeight: Int, rowCount: Int)?

    public init() {}

    public mutating func setFilter(_ text: String, context: RenderContext) {
        filter = text
        scroll = 0
    }

    public mutating func layout(area: Rect, context: RenderContext) {
        let key = context.layoutKey(area)
        guard measured?.key != key || measured?.filter != filter || measured?.caveatOpen != caveatOpen else { return }
        let layout = Layout(area: area, caveatOpen: caveatOpen, context: context)
        measured = (key, filter, caveatOpen, layout.body.height, content(width: layout.body.width, context: context).count)
    }

    public mutating func handle(_ action: Action, context: RenderContext) -> Bool {
        switch action {
        case .open:
            caveatOpen.toggle()
            return true
        case .close where caveatOpen:
            caveatOpen = false
            return true
        default:
            break
        }
        guard let measured else { return false }
        guard let next = TextScroll.offset(after: action, from: scroll,
                                           maxOffset: measured.rowCount.saturatingSubtract(measured.bodyHeight),
                                           pageSize: measured.bodyHeight - 1) else { return false }
        defer { scroll = next }
        return next != scroll
    }

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let layout = Layout(area: area, caveatOpen: caveatOpen, context: context)
        TextLines.drawScrolled(layout.caveat, offset: 0, into: &buffer, area: layout.caveatArea)
        let rows = content(width: layout.body.width, context: context)
        let offset = min(scroll, rows.count.saturatingSubtract(layout.body.height))
        for (index, row) in rows.dropFirst(offset).prefix(layout.body.height).enumerated() {
            for piece in row {
                TextLines.draw(piece.line, into: &buffer, x: layout.body.x + piece.x, y: layout.body.y + index,
                               area: layout.body)
            }
        }
        ScrollMarks.draw(into: &buffer, area: layout.marks, moreAbove: offset > 0,
                         moreBelow: offset + layout.body.height < rows.count, glyphs: context.glyphs)
    }

    // MARK: - Layout

    /// The pinned caveat on top, folded to one line unless opened; below it the scrolling body, with one
    /// column kept for the scroll marks.
    private struct Layout {
        var caveat: [StyledLine]
        var caveatArea: Rect
        var body: Rect
        var marks: Rect

        init(area: Rect, caveatOpen: Bool, context: RenderContext) {
            let text = ComparisonPane.caveatText(context)
            let room = area.width.saturatingSubtract(2)
            let wrapped = TextLines.wrapped(text, width: room, style: Style(.warning), indent: " ")
            if caveatOpen || wrapped.count <= 1 {
                // Open, it never takes more than half the pane, so the comparison itself stays visible.
                caveat = Array(wrapped.prefix(max(1, area.height / 2)))
            } else {
                let hint = " (" + context.key(.open) + context.t(": all)", ": alles)")
                let cut = TerminalText.truncate(text, to: room.saturatingSubtract(1 + TerminalText.width(of: hint)),
                                                ellipsis: context.glyphs.ellipsis)
                caveat = [[Span(" " + cut, Style(.warning)), Span(hint, Style(.dim))]]
            }
            let (top, rest) = area.splitTop(caveat.count)
            caveatArea = top
            marks = rest
            body = rest.inset(horizontal: 1, vertical: 0).splitLeft(rest.width.saturatingSubtract(3)).left
        }
    }

    /// A line placed at a column of the body.
    private struct Piece {
        var x: Int
        var line: StyledLine
    }

    private typealias Row = [Piece]

    /// Every row of the scrolling body for `width` cells; the filter narrows rows, breakdowns and facts.
    private func content(width: Int, context: RenderContext) -> [Row] {
        guard width > 0 else { return [] }
        let comparison = context.data.comparison
        let rows = comparison.rows.filter {
            filterMatches(filter, [$0.topic, $0.amazon, $0.alibaba].flatMap(Self.bothLanguages) + $0.sources)
        }
        let breakdowns = comparison.breakdowns.filter {
            filterMatches(filter, ([$0.title, $0.period] + $0.parts.map(\.label)).flatMap(Self.bothLanguages) + $0.sources)
        }
        let facts = comparison.facts.filter {
            filterMatches(filter, [$0.label, $0.text, $0.note].compactMap { $0 }.flatMap(Self.bothLanguages) + $0.sources)
        }
        var result: [Row] = []
        if !filter.isEmpty {
            let summary = context.t("Filter “\(filter)”: \(rows.count) of \(comparison.rows.count) rows, \(facts.count) of \(comparison.facts.count) facts",
                                    "Filter „\(filter)“: \(rows.count) von \(comparison.rows.count) Zeilen, \(facts.count) von \(comparison.facts.count) Fakten")
            result += TextLines.wrapped(summary, width: width, style: Style(.accent)).map { [Piece(x: 0, line: $0)] }
            result.append([])
        }
        if !rows.isEmpty {
            result += tableRows(rows, width: width, context: context)
        }
        // One label width for all breakdowns, so their bars start in the same column.
        let labelWidth = min(28, breakdowns.flatMap(\.parts).map { TerminalText.width(of: context.text($0.label)) }.max() ?? 0)
        for breakdown in breakdowns {
            result.append([])
            result += breakdownRows(breakdown, labelWidth: labelWidth, width: width, context: context)
                .map { [Piece(x: 0, line: $0)] }
        }
        if !facts.isEmpty {
            result.append([])
            result.append([Piece(x: 0, line: [Span(context.t("Key facts", "Kennzahlen"), Style(.title, bold: true))])])
            let amazonFacts = facts.filter { $0.company == .amazon }
            let alibabaFacts = facts.filter { $0.company == .alibaba }
            for (company, group) in [("Amazon", amazonFacts), ("Alibaba", alibabaFacts)] where !group.isEmpty {
                result.append([Piece(x: 0, line: [Span(company, Style(.header))])])
                result += factRows(group, width: width, context: context)
            }
        }
        if rows.isEmpty, breakdowns.isEmpty, facts.isEmpty {
            result.append([Piece(x: 0, line: [Span(context.t("Nothing matches the filter.", "Nichts passt zum Filter."), Style(.dim))])])
        }
        return result
    }

    private static func bothLanguages(_ text: LocalizedText) -> [String] {
        [text.english, text.german ?? ""]
    }

    // MARK: - Side by side

    /// Topic | Amazon | Alibaba, each cell wrapped; the topic cell also carries confidence and sources.
    private func tableRows(_ rows: [ComparisonRow], width: Int, context: RenderContext) -> [Row] {
        let gap = 2
        let topicWidth = min(22, max(8, width / 5))
        let companyWidth = width.saturatingSubtract(topicWidth + 2 * gap) / 2
        let columns = [0, topicWidth + gap, topicWidth + gap + companyWidth + gap]
        let rule: Row = [Piece(x: 0, line: [Span(String(repeating: context.glyphs.horizontal, count: width), Style(.border))])]
        var result: [Row] = [[
            Piece(x: columns[0], line: [Span(context.t("Topic", "Thema"), Style(.header))]),
            Piece(x: columns[1], line: [Span("Amazon", Style(.header))]),
            Piece(x: columns[2], line: [Span("Alibaba", Style(.header))]),
        ], rule]
        for (index, row) in rows.enumerated() {
            var topic = TextLines.wrapped(context.text(row.topic), width: topicWidth, style: Style(.label, bold: true))
            let tag = context.confidenceTag(row.confidence)
            if !tag.isEmpty {
                topic += TextLines.wrapped(row.confidence.mark + " " + tag, width: topicWidth,
                                           style: Style(row.confidence == .unverified ? .unverified : .dim))
            }
            topic += TextLines.wrapped(context.cite(row.sources), width: topicWidth, style: Style(.source))
            let cells = [
                topic,
                TextLines.wrapped(context.text(row.amazon), width: companyWidth),
                TextLines.wrapped(context.text(row.alibaba), width: companyWidth),
            ]
            let height = cells.map(\.count).max() ?? 0
            for line in 0..<height {
                result.append(zip(columns, cells).compactMap { x, cell in
                    line < cell.count ? Piece(x: x, line: cell[line]) : nil
                })
            }
            if index < rows.count - 1 { result.append(rule) }
        }
        return result
    }

    // MARK: - Breakdowns

    /// A title, the period with the total (converted to the chosen currency where it differs), and one share bar a part.
    private func breakdownRows(_ breakdown: Breakdown, labelWidth: Int, width: Int, context: RenderContext) -> [StyledLine] {
        let formatter = context.formatter
        guard let unit = Unit(rawValue: breakdown.unit.rawValue) else { return [] }
        func amount(_ value: Double) -> String {
            formatter.quantity(Quantity(value: value, unit: unit, scale: breakdown.scale))
        }
        var lines = TextLines.wrapped(context.text(breakdown.title), width: width, style: Style(.title, bold: true))
        var totalLine: StyledLine = [
            Span(context.text(breakdown.period) + " \(context.glyphs.separator) " + context.t("total ", "gesamt ")),
            Span(amount(breakdown.total), Style(.value, bold: true)),
        ]
        // A year is never converted at one day's rate, and these totals have no quarters to sum: as reported only.
        let footnote: String? = (context.chosenCurrency ?? breakdown.unit) == breakdown.unit ? nil
            : context.t("As reported: a year's total is not converted at one day's rate.",
                        "Wie gemeldet: eine Jahressumme wird nicht zum Kurs eines Tages umgerechnet.")
        if let mark = context.confidenceSpan(breakdown.confidence) { totalLine.append(mark) }
        totalLine.append(Span(" " + context.cite(breakdown.sources), Style(.source)))
        lines.append(totalLine)
        if let footnote {
            lines += TextLines.wrapped(footnote, width: width, style: Style(.dim), indent: "  ")
        }
        let labels = breakdown.parts.map { context.text($0.label) }
        let amounts = breakdown.parts.map { amount($0.value) }
        let percentWidth = 7
        var amountWidth = amounts.map(TerminalText.width(of:)).max() ?? 0
        var barWidth = width.saturatingSubtract(2 + labelWidth + 1 + percentWidth + 2 + amountWidth + 1)
        if barWidth < 6 {
            // Too narrow for amounts too: the share bar and the percentage matter most.
            amountWidth = 0
            barWidth = width.saturatingSubtract(2 + labelWidth + 1 + percentWidth + 1)
        }
        // The table view ('t') shows the numbers alone.
        barWidth = context.showTable ? 0 : min(barWidth, 40)
        let style = Style(breakdown.company == .amazon ? .barPrimary : .barSecondary)
        let chart = BarChart(maximum: breakdown.total, width: barWidth)
        for (part, (label, partAmount)) in zip(breakdown.parts, zip(labels, amounts)) {
            let share = breakdown.total > 0 ? part.value / breakdown.total : 0
            let percent = formatter.number(share * 100, fractionDigits: 1) + (context.language == .de ? " %" : "%")
            var line: StyledLine = [Span("  " + TerminalText.pad(label, to: labelWidth) + " ", Style(.label))]
            if barWidth > 0 {
                line.append(Span(TerminalText.pad(chart.bar(for: part.value, glyphs: context.glyphs), to: barWidth), style))
            }
            line.append(Span(" " + TerminalText.pad(percent, to: percentWidth, alignRight: true), Style(.value, bold: true)))
            if amountWidth > 0 {
                line.append(Span("  " + TerminalText.pad(partAmount, to: amountWidth, alignRight: true), Style(.dim)))
            }
            lines.append(line)
        }
        return lines
    }

    // MARK: - Print

    /// The caveat, each row of the side-by-side table as a topic with Amazon's and Alibaba's text below it,
    /// the breakdowns as aligned numbers, then the key facts.
    public func printDocument(width: Int, context: RenderContext) -> PrintDocument {
        let comparison = context.data.comparison
        var document = PrintDocument()
        document.heading(PaneID.comparison.title(context.language), level: 1)
        document.lines(TextLines.wrapped(ComparisonPane.caveatText(context), width: width, style: Style(.warning)))
        for row in comparison.rows {
            document.heading(context.text(row.topic), level: 3)
            var lines: [StyledLine] = []
            for (company, text) in [("Amazon", row.amazon), ("Alibaba", row.alibaba)] {
                lines += TextLines.wrapped(spans: [Span(company + ":", Style(.header)), Span(context.text(text))],
                                           width: width, indent: "    ", firstIndent: "  ")
            }
            var sources: StyledLine = []
            if let mark = context.confidenceSpan(row.confidence, leading: "") { sources.append(mark) }
            sources.append(Span((sources.isEmpty ? "" : " ") + context.cite(row.sources), Style(.source)))
            lines += TextLines.wrapped(spans: sources, width: width, indent: "    ", firstIndent: "  ")
            document.lines(lines)
        }
        var shown = context
        shown.showTable = true // numbers, no bars
        let labelWidth = min(28, comparison.breakdowns.flatMap(\.parts).map { TerminalText.width(of: context.text($0.label)) }.max() ?? 0)
        for breakdown in comparison.breakdowns {
            document.lines(breakdownRows(breakdown, labelWidth: labelWidth, width: min(width, 100), context: shown))
        }
        document.heading(context.t("Key facts", "Kennzahlen"), level: 2)
        for company in [Company.amazon, .alibaba] {
            let facts = comparison.facts.filter { $0.company == company }.compactMap { context.data.resolve(.fact($0.id)) }
            guard !facts.isEmpty else { continue }
            document.heading(company == .amazon ? "Amazon" : "Alibaba", level: 3)
            document.lines(facts.flatMap { FigureLines.lines(for: $0, width: width, context: context) })
        }
        return document
    }

    static func caveatText(_ context: RenderContext) -> String {
        context.t("Caveat: ", "Vorsicht: ") + context.text(context.data.comparison.caveat)
    }

    // MARK: - Facts

    /// The facts in as many columns as fit (one below 100 cells), row by row.
    private func factRows(_ facts: [Fact], width: Int, context: RenderContext) -> [Row] {
        let columns = width >= 150 ? 3 : (width >= 96 ? 2 : 1)
        let gap = 3
        let columnWidth = width.saturatingSubtract(gap * (columns - 1)) / columns
        let blocks = facts.compactMap { context.data.resolve(.fact($0.id)) }
            .map { FigureLines.lines(for: $0, width: columnWidth, context: context) }
        var result: [Row] = []
        for start in stride(from: 0, to: blocks.count, by: columns) {
            let group = blocks[start..<min(blocks.count, start + columns)]
            let height = group.map(\.count).max() ?? 0
            for line in 0..<height {
                result.append(group.enumerated().compactMap { column, block in
                    line < block.count ? Piece(x: column * (columnWidth + gap), line: block[line]) : nil
                })
            }
        }
        return result
    }
}
