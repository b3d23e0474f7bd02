import AlidashModel

// MARK: - Section views

/// One section as drawn: fixed lines above and below a body of slots that scrolls.
struct SectionView {
    /// Shown only when both sections are stacked.
    var title: StyledLine
    var header: [StyledLine]
    var footer: [StyledLine]
    var itemCount: Int
    var slotCount: Int
    /// Screen rows per slot (a quarter takes two: Alibaba's bar and Amazon's).
    var slotHeight: Int
    /// Rows the body takes besides its slots (a table's column headings).
    var bodyChrome: Int
    var slotOfItem: (Int) -> Int
    /// Draws the visible slots from the given first slot into the body's area.
    /// The other entries' notes, one group each, shown below the footer where the pane has room to spare.
    var otherNotes: [[StyledLine]] = []
    var drawBody: (inout Buffer, Rect, Int) -> Void

    var naturalBodyHeight: Int { bodyChrome + slotCount * slotHeight }
    var naturalHeight: Int { header.count + naturalBodyHeight + footer.count }
}

/// Text and styles shared by both sections.
struct Notation {
    var context: RenderContext

    /// Put in front of an amount the data calls approximate.
    static let approximatePrefix = "≈ "

    /// The amount as a compact or full money string, "≈" in front when the data calls it approximate.
    func amount(_ amount: ConvertedAmount?, approximate: Bool = false, compact: Bool) -> String {
        guard let amount else { return "–" }
        return (approximate ? Notation.approximatePrefix : "") + context.formatter.money(millions: amount.millions, currency: amount.currency,
                                                                     compact: compact)
    }

    /// "▲ +27%"; a growth we computed carries the calculated mark, one on an approximate base "≈".
    func growth(_ percent: Double?, computed: Bool, approximate: Bool = false) -> (span: Span, mark: String) {
        guard let percent else { return (Span("–", Style(.dim)), "") }
        let arrow = percent > 0 ? context.glyphs.up + " " : (percent < 0 ? context.glyphs.down + " " : "")
        return (Span(arrow + (approximate ? "≈ " : "") + context.formatter.percentChange(percent),
                     Style(percent < 0 ? .negative : .positive)),
                computed ? Confidence.derived.mark : "")
    }

    /// A Singles' Day year against the one before: growth like for like, or "new scope" where none can be given.
    func growth(_ growth: SinglesDayGrowth) -> (span: Span, mark: String) {
        switch growth {
        case .reported(let percent): return self.growth(percent, computed: false)
        case .computed(let percent, let approximate), .likeForLike(let percent, let approximate):
            return self.growth(percent, computed: true, approximate: approximate)
        case .scopeChanged: return (Span(context.t("new scope", "Umfang neu"), Style(.warning)), "")
        case .none: return (Span("–", Style(.dim)), "")
        }
    }

    /// How converted amounts came about: each period at its own rate. One or two rates are named; more
    /// are described, since every quarter has its own.
    private func rateFootnote(_ origins: [AmountOrigin], width: Int) -> [StyledLine] {
        let rates = RateNote.rates(behind: origins, context: context)
        guard !rates.isEmpty else { return [] }
        let text: String
        if rates.count <= 2, let note = RateNote.text(for: rates, context: context) {
            text = note
        } else {
            let sources = Array(Set(rates.filter { $0.id.hasPrefix("eur-") }.flatMap(\.sources))).sorted()
            text = Confidence.derived.mark + " " + context.t(
                "each quarter converted at its own period's rate: USD↔RMB as Alibaba translated that quarter (Amazon's quarter of the same months too), EUR at a central parity rate dated in it",
                "jedes Quartal zum Kurs seines Zeitraums umgerechnet: USD↔RMB wie Alibaba dieses Quartal umrechnete (auch Amazons Quartal derselben Monate), EUR zu einem Leitkurs aus dem Quartal")
                + (sources.isEmpty ? "" : " " + context.cite(sources))
                + context.t("; no rate, no converted figure", "; ohne Kurs kein umgerechneter Wert")
        }
        return TextLines.wrapped(text, width: width.saturatingSubtract(2), style: Style(.dim))
    }

    /// The rates behind converted amounts, then what the marks mean.
    func closingLines(_ origins: [AmountOrigin], width: Int) -> [StyledLine] {
        let legend = context.t("≈ approximate  ~ source's rounding  = calculated or converted  ? unverified",
                               "≈ ungefähr  ~ Rundung der Quelle  = berechnet oder umgerechnet  ? unbestätigt")
        let room = width.saturatingSubtract(2)
        // Wrapping would close up the double spaces between the marks, so only a legend too wide is wrapped.
        return rateFootnote(origins, width: width) + (TerminalText.width(of: legend) <= room
            ? [[Span(legend, Style(.dim))]] : TextLines.wrapped(legend, width: room, style: Style(.dim)))
    }

    /// The selected item's notes, at most two lines.
    func detail(_ text: String, width: Int, expanded: Bool) -> [StyledLine] {
        var lines = TerminalText.wrap("> " + text, width: width.saturatingSubtract(2))
        if lines.count > 2, !expanded {
            lines = [lines[0], TerminalText.truncate(lines[1] + " " + lines[2], to: width.saturatingSubtract(2),
                                                     ellipsis: context.glyphs.ellipsis)]
        }
        return lines.map { [Span($0, Style(.normal))] }
    }
}

/// Column widths of a bar chart row: marker, label, bar, right-aligned amount, mark, growth, then
/// sources and tag. The bar gets what is left, up to a width that still reads as one chart.
struct BarRowLayout {
    static let maximumBarWidth = 100
    var labelWidth: Int
    var valueWidth: Int
    var growthWidth: Int
    var chart: BarChart

    /// `trailingWidth` is what the sources need; a tag after them is drawn only where it fits whole, so
    /// bars never shrink for it (the mark beside the amount already says it).
    init(width: Int, labelWidth: Int, valueWidth: Int, growthWidth: Int, trailingWidth: Int, maximum: Double,
         logFloor: Double? = nil) {
        self.labelWidth = labelWidth
        self.valueWidth = valueWidth
        self.growthWidth = growthWidth
        let fixed = 1 + 2 + labelWidth + 1 + 1 + valueWidth + 3 + (growthWidth > 0 ? growthWidth + 2 : 0)
        let barWidth = min(BarRowLayout.maximumBarWidth, width.saturatingSubtract(fixed + trailingWidth))
        chart = BarChart(maximum: maximum, width: barWidth, logFloor: logFloor)
    }
}

/// What one bar chart row shows.
struct BarRow {
    var label: String
    var value: Double?
    var barStyle: Style
    var amount: String
    var confidence: Confidence
    var growth: (span: Span, mark: String)?
    var sources: String
    var tag: String

    func draw(into buffer: inout Buffer, y: Int, area: Rect, layout: BarRowLayout, selected: Bool, marker: Bool,
              glyphs: Glyphs) {
        var x = area.x + 1
        if marker { buffer.put(">", x: x, y: y, style: Style(.selection, bold: true), clip: area) }
        x += 2
        buffer.put(TerminalText.pad(label, to: layout.labelWidth), x: x, y: y,
                   style: selected ? Style(.selection, bold: true) : Style(.label), clip: area)
        x += layout.labelWidth + 1
        if let value { layout.chart.render(value, into: &buffer, x: x, y: y, style: barStyle, glyphs: glyphs, clip: area) }
        x += layout.chart.width + 1
        x += buffer.put(TerminalText.pad(amount, to: layout.valueWidth, alignRight: true), x: x, y: y,
                        style: Style(.value), clip: area) + 1
        buffer.put(confidence.mark(besideApproximate: amount.hasPrefix(Notation.approximatePrefix)), x: x, y: y, style: Style(confidence == .unverified ? .unverified : .dim), clip: area)
        x += 2
        if let growth {
            buffer.put(TerminalText.pad(growth.span.text, to: layout.growthWidth, alignRight: true), x: x, y: y,
                       style: growth.span.style, clip: area)
            buffer.put(growth.mark, x: x + layout.growthWidth, y: y, style: Style(.dim), clip: area)
            x += layout.growthWidth + 2
        }
        x += buffer.put(sources, x: x, y: y, style: Style(.source), clip: area)
        if !tag.isEmpty, x + 1 + TerminalText.width(of: tag) <= area.maxX {
            buffer.put(" " + tag, x: x, y: y, style: Style(.unverified), clip: area)
        }
    }
}
