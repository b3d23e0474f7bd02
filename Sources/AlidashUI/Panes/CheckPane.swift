import AlidashModel

extension PaneID {
    public static let check = PaneID("check")
}

/// The article, checked claim by claim in its own order: the few words under check, what they claim, the
/// verdict (in words and a mark, never colour alone), the evidence with its sources, what happened later,
/// and the errata the claim carries. A row shows the verdict, what the claim says in the interface's
/// language, then the article's words as far as they fit; the selected claim's detail sits below the
/// list, or beside it when wide.
public struct CheckPane: ListPane {
    public internal(set) var list = FilteredList()
    public var filter: String { list.filter }
    /// The layout for the last area and state (see `layout`).
    var kept = KeptLayout<Layout>()

    public init() {}

    public mutating func layout(area: Rect, context: RenderContext) { measureLayout(area: area, context: context) }
    public mutating func handle(_ action: Action, context: RenderContext) -> Bool { handleListAction(action, context: context) }
    public mutating func click(x: Int, y: Int, context: RenderContext) -> Bool { clickList(x: x, y: y, context: context) }

    func measure(area: Rect, context: RenderContext) -> Layout { Layout(pane: self, area: area, context: context) }

    // MARK: - Filtering

    public mutating func setFilter(_ text: String, context: RenderContext) {
        let claims = context.data.claims
        list.setFilter(text, total: claims.count) { CheckPane.matches(claims[$0], filter: text, data: context.data) }
    }

    public mutating func dataReloaded(from old: RenderContext, to new: RenderContext) {
        let selectedID = list.selectedEntry(total: old.data.claims.count).map { old.data.claims[$0].id }
        let claims = new.data.claims
        let filter = list.filter
        list.reload(selectedID: selectedID, total: claims.count, id: { claims[$0].id },
                    keeps: { CheckPane.matches(claims[$0], filter: filter, data: new.data) })
    }

    private static func matches(_ claim: Claim, filter: String, data: DataSet) -> Bool {
        var fields = [claim.id, claim.quote, claim.verdict.rawValue] + claim.sources + (claim.laterSources ?? [])
        for language in Language.allCases { fields.append(verdictWord(claim.verdict, language: language)) }
        for text in [claim.summary, claim.evidence] + (claim.later.map { [$0] } ?? []) {
            fields += [text.english, text.german ?? ""]
        }
        for erratum in (claim.errata ?? []).compactMap(data.erratum(id:)) {
            fields += [erratum.id] + [erratum.problem, erratum.correction].flatMap { [$0.english, $0.german ?? ""] }
        }
        return filterMatches(filter, fields)
    }

    private static func oneRow(_ position: Int, _ atTop: Bool) -> Int { 1 }

    // MARK: - Keys and mouse

    func entryCount(_ context: RenderContext) -> Int { context.data.claims.count }

    func entryID(_ index: Int, context: RenderContext) -> String { context.data.claims[index].id }

    func heights(_ context: RenderContext) -> FilteredList.Height { CheckPane.oneRow }

    func isEntryRow(_ row: Int, of shown: FilteredList.Visible, context: RenderContext) -> Bool { true }

    // MARK: - Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: RenderContext) {
        guard !area.isEmpty else { return }
        let claims = context.data.claims
        let layout = currentLayout(area: area, context: context)
        TextLines.draw(summary(width: layout.summary.width.saturatingSubtract(1), context: context), into: &buffer,
                       x: layout.summary.x + 1, y: layout.summary.y, area: layout.summary)
        let content = layout.list.splitLeft(layout.list.width.saturatingSubtract(2)).left
        if list.count(of: claims.count) == 0, layout.summary.maxY < area.maxY {
            buffer.put(context.t("No claim matches “\(filter)”", "Keine Aussage passt zu „\(filter)“"), x: area.x + 1,
                       y: layout.summary.maxY, style: Style(.dim), clip: area)
        }
        for shown in list.visible(total: claims.count, rows: layout.list.height, height: CheckPane.oneRow) {
            guard let index = list.entry(at: shown.position, total: claims.count) else { continue }
            drawRow(claims[index], selected: shown.position == list.selected, y: layout.list.y + shown.row,
                    area: content, context: context, into: &buffer)
        }
        let hidden = list.hidden(total: claims.count, rows: layout.list.height, height: CheckPane.oneRow)
        ScrollMarks.draw(into: &buffer, area: layout.list, moreAbove: hidden.above, moreBelow: hidden.below,
                         glyphs: context.glyphs)
        if let detail = layout.detail, let panel = detailPanel(width: detail.width, context: context) {
            panel.render(into: &buffer, area: detail, context: context)
        }
    }

    /// The counts: claims by verdict, then errata by kind (errors apart from weak points); in words when
    /// they fit, else by mark.
    private func summary(width: Int, context: RenderContext) -> StyledLine {
        let claims = context.data.claims
        let shown = list.count(of: claims.count)
        let head = filter.isEmpty
            ? context.t("\(claims.count) claims", "\(claims.count) Aussagen")
            : context.t("Filter “\(filter)”: \(shown) of \(claims.count) claims", "Filter „\(filter)“: \(shown) von \(claims.count) Aussagen")
        // The tally counts the claims shown, so it follows the filter.
        let shownClaims = (0..<shown).compactMap { list.entry(at: $0, total: claims.count) }.map { claims[$0] }
        let tally = Verdict.allCases.map { verdict in (verdict, shownClaims.filter { $0.verdict == verdict }.count) }
        let errors = context.data.errata.filter { $0.kind == .error }.count
        let weak = context.data.errata.count - errors
        let errata = context.t("errata: \(errors) errors, \(weak) weak points", "Fehlerliste: \(errors) Fehler, \(weak) Schwachstellen")
        let dot = " \(context.glyphs.separator) "
        let words = tally.map { "\($0.1) " + CheckPane.verdictWord($0.0, language: context.language) }.joined(separator: dot)
        let marks = tally.map { verdictMark($0.0, context: context) + "\($0.1)" }.joined(separator: " ")
        let headStyle = Style(filter.isEmpty ? .label : .accent, bold: true)
        for (counts, withErrata) in [(words, true), (marks, true), (marks, false)] {
            let rest = dot + counts + (withErrata ? dot + errata : "")
            if TerminalText.width(of: head + rest) <= width { return [Span(head, headStyle), Span(rest, Style(.dim))] }
        }
        return [Span(head, headStyle)]
    }

    private func drawRow(_ claim: Claim, selected: Bool, y: Int, area: Rect, context: RenderContext,
                         into buffer: inout Buffer) {
        let row = Rect(x: area.x, y: y, width: area.width, height: 1)
        if selected { buffer.fill(row, style: Style(.selection)) }
        func style(_ role: Role, bold: Bool = false) -> Style { selected ? Style(.selection, bold: bold) : Style(role, bold: bold) }
        let verdictWidth = Verdict.allCases.map { TerminalText.width(of: verdictTag($0, context: context)) }.max() ?? 0
        var x = row.x + 1
        x += buffer.put(TerminalText.pad(verdictTag(claim.verdict, context: context), to: verdictWidth) + "  ", x: x, y: y,
                        style: style(CheckPane.verdictRole(claim.verdict), bold: true), clip: row)
        // What the claim says, in the interface's language, then as many of the article's words as fit.
        let ellipsis = context.glyphs.ellipsis
        let summary = TerminalText.truncate(context.text(claim.summary), to: row.maxX.saturatingSubtract(x), ellipsis: ellipsis)
        x += buffer.put(summary, x: x, y: y, style: style(.normal), clip: row)
        let room = row.maxX.saturatingSubtract(x + 2)
        if room >= 12 {
            buffer.put("  " + TerminalText.truncate("„" + claim.quote + "“", to: room, ellipsis: ellipsis), x: x, y: y,
                       style: style(.warning), clip: row)
        }
    }

    // MARK: - Detail

    /// Everything about one claim, `width` cells wide; `withSummary` false where a heading already says it.
    func detailLines(_ claim: Claim, width: Int, expanded: Bool, withSummary: Bool = true, context: RenderContext) -> [StyledLine] {
        var lines = TextLines.wrapped(context.t("Article: ", "Artikel: ") + "„" + claim.quote + "“", width: width,
                                      style: Style(.warning))
        if withSummary {
            lines += TextLines.wrapped(context.text(claim.summary), width: width, style: Style(.value, bold: true))
        }
        let kind = claim.kind == .wording ? context.t(" (wording)", " (Wortlaut)")
            : claim.verdict == .unverifiable ? context.t(": cannot be checked with the sources here", ": mit den Quellen hier nicht prüfbar")
            : claim.verdict == .imprecise ? context.t(": correct but imprecise", ": im Kern richtig, aber ungenau") : ""
        lines.append([Span(context.t("Verdict: ", "Urteil: "), Style(.label)),
                      Span(verdictTag(claim.verdict, context: context) + kind, Style(CheckPane.verdictRole(claim.verdict), bold: true))])
        lines += TextLines.wrapped(spans: [Span(context.t("Evidence:", "Belege:"), Style(.label)),
                                           Span(context.text(claim.evidence)),
                                           Span(context.cite(claim.sources), Style(.source))], width: width, indent: "  ")
        if let later = claim.later {
            lines += TextLines.wrapped(spans: [Span(context.t("Later:", "Später:"), Style(.label)), Span(context.text(later)),
                                               Span(context.cite(claim.laterSources ?? []), Style(.source))],
                                       width: width, indent: "  ")
        }
        for erratum in (claim.errata ?? []).compactMap(context.data.erratum(id:)) {
            let kindWord = erratum.kind == .error ? context.t("error", "Fehler") : context.t("weak point", "Schwachstelle")
            lines += TextLines.wrapped(spans: [Span(erratum.id + " " + kindWord + ":", Style(.source, bold: true)),
                                               Span(context.text(erratum.problem))], width: width, indent: "  ")
            var correction: [Span] = []
            if let said = erratum.articleSaid {
                correction.append(Span(context.t("article ", "Artikel ") + context.formatter.quantity(said), Style(.warning)))
                correction.append(Span(erratum.corrected == nil ? " →" : " → "))
            }
            if let corrected = erratum.corrected {
                correction.append(Span(context.formatter.quantity(corrected), Style(.positive, bold: true)))
                correction.append(Span(" \(context.glyphs.separator)"))
            }
            correction.append(Span(context.text(erratum.correction)))
            correction.append(Span(context.cite(erratum.sources), Style(.source)))
            lines += TextLines.wrapped(spans: correction, width: width, indent: "  ", firstIndent: "  ")
        }
        if expanded {
            for id in claim.sources + (claim.laterSources ?? []) {
                guard let source = context.data.source(id: id) else { continue }
                let dated = source.date.map { " (" + context.formatter.date($0) + ")" } ?? ""
                lines += TextLines.wrapped(id + " " + source.publisher + dated + ": " + source.title, width: width,
                                           style: Style(.dim), indent: "  ")
            }
        }
        return lines
    }

    private func detailPanel(width: Int, context: RenderContext) -> DetailPanel? {
        let claims = context.data.claims
        guard let index = list.selectedEntry(total: claims.count) else { return nil }
        let claim = claims[index]
        let count = list.count(of: claims.count)
        let title = claim.id + " \(context.glyphs.separator) "
            + context.t("\(context.count(list.selected + 1)) of \(context.count(count))",
                        "\(context.count(list.selected + 1)) von \(context.count(count))")
        return DetailPanel(title: title, lines: detailLines(claim, width: width.saturatingSubtract(4), expanded: list.expanded,
                                                            context: context), expanded: list.expanded)
    }

    /// The selected claim: id, verdict, what it claims and the evidence's sources.
    public func copyText(context: RenderContext) -> String? {
        let claims = context.data.claims
        guard let index = list.selectedEntry(total: claims.count) else { return nil }
        let claim = claims[index]
        return claim.id + " " + verdictTag(claim.verdict, context: context) + ": " + context.text(claim.summary) + " "
            + context.cite(claim.sources)
    }

    // MARK: - Print

    /// The counts, then each claim's whole detail under its id, with its sources' titles.
    public func printDocument(width: Int, context: RenderContext) -> PrintDocument {
        let claims = context.data.claims
        let counts = Verdict.allCases.map { verdict in
            "\(claims.filter { $0.verdict == verdict }.count) " + CheckPane.verdictWord(verdict, language: context.language)
        }.joined(separator: ", ")
        let errors = context.data.errata.filter { $0.kind == .error }.count
        let heading = context.t("\(claims.count) claims of the article, in its order: \(counts). Errata: \(errors) errors, "
                                + "\(context.data.errata.count - errors) weak points.",
                                "\(claims.count) Aussagen des Artikels, in seiner Reihenfolge: \(counts). Fehlerliste: \(errors) Fehler, "
                                + "\(context.data.errata.count - errors) Schwachstellen.")
        var document = PrintDocument()
        document.heading(PaneID.check.title(context.language), level: 1)
        document.lines(TextLines.wrapped(heading, width: width, style: Style(.label, bold: true)))
        for claim in claims {
            document.heading(claim.id + " " + context.glyphs.separator + " " + context.text(claim.summary), level: 3)
            document.lines(detailLines(claim, width: width, expanded: true, withSummary: false, context: context))
        }
        return document
    }

    // MARK: - Words

    /// The verdict with its mark, so it never rests on colour: "✓ correct", "~ imprecise" …
    func verdictTag(_ verdict: Verdict, context: RenderContext) -> String {
        verdictMark(verdict, context: context) + " " + CheckPane.verdictWord(verdict, language: context.language)
    }

    func verdictMark(_ verdict: Verdict, context: RenderContext) -> String {
        let ascii = context.glyphs == .ascii
        switch verdict {
        case .correct: return ascii ? "+" : "✓"
        case .imprecise: return "~"
        case .wrong: return ascii ? "x" : "✗"
        case .unverifiable: return "?"
        }
    }

    static func verdictWord(_ verdict: Verdict, language: Language) -> String {
        switch (verdict, language) {
        case (.correct, .en): return "correct"
        case (.correct, .de): return "richtig"
        case (.imprecise, .en): return "imprecise"
        case (.imprecise, .de): return "ungenau"
        case (.wrong, .en): return "wrong"
        case (.wrong, .de): return "falsch"
        case (.unverifiable, .en): return "unverifiable"
        case (.unverifiable, .de): return "nicht prüfbar"
        }
    }

    static func verdictRole(_ verdict: Verdict) -> Role {
        switch verdict {
        case .correct: return .positive
        case .imprecise: return .warning
        case .wrong: return .negative
        case .unverifiable: return .unverified
        }
    }

    // MARK: - Layout

    /// A summary line, the list, and the detail box below it (narrow) or beside it (wide).
    struct Layout: ListPaneLayout {
        var area: Rect
        var summary: Rect
        var list: Rect
        var detail: Rect?

        init(pane: CheckPane, area: Rect, context: RenderContext) {
            self.area = area
            let total = context.data.claims.count
            let (summary, rest) = area.splitTop(1)
            self.summary = summary
            if area.width >= 110 {
                let (left, right) = rest.splitLeft(area.width * 55 / 100)
                let box = right.splitLeft(1).rest
                let natural = pane.detailPanel(width: box.width, context: context)?.naturalHeight ?? 0
                list = Rect(x: left.x, y: left.y, width: left.width,
                            height: pane.list.rowsNeeded(total: total, limit: left.height, height: CheckPane.oneRow))
                detail = natural > 0 ? box.splitTop(natural).top : nil
                return
            }
            let natural = pane.detailPanel(width: rest.width, context: context)?.naturalHeight ?? 0
            let height = pane.list.detailHeight(natural: natural, available: rest.height, collapsedRows: 10)
            let rows = pane.list.rowsNeeded(total: total, limit: rest.height.saturatingSubtract(height), height: CheckPane.oneRow)
            let (top, below) = rest.splitTop(rows)
            list = top
            detail = height > 0 ? below.splitTop(height).top : nil
        }
    }
}
