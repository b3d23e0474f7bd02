import AlidashModel

/// The Hubs pane's text: the summary box, the full detail view, what changed later and the map caption.
extension HubsPane {
    /// Country and place, what kind of site it is, its status and its key facts, one line each.
    func summaryLines(_ hub: Hub, width: Int, capped: Bool, context: RenderContext) -> [StyledLine] {
        let place = context.text(hub.country) + " \(context.glyphs.separator) " + context.text(hub.place)
        var lines: [StyledLine] = [[Span(TerminalText.truncate(place, to: width, ellipsis: context.glyphs.ellipsis), Style(.dim))]]
        if let note = HubsPane.kindNote(hub.kind, context: context) {
            lines += TextLines.wrapped(note, width: width, style: Style(.warning))
        }
        lines += TextLines.wrapped(spans: [Span(context.t("Status:", "Stand:"), Style(.label)),
                                           Span(context.text(hub.status)),
                                           Span(context.cite(hub.statusSources), Style(.source))], width: width)
        let topics = HubsPane.keyFacts(of: hub, capped: capped)
        let topicWidth = (topics.map { TerminalText.width(of: $0.topic.word(context)) }.max() ?? 0) + 1
        for entry in topics {
            lines += keyFactLines(entry.fact, topic: entry.topic, topicWidth: topicWidth, width: width, context: context)
        }
        return lines
    }

    /// "Opened     8 Nov 2021 [S8, S14] Official inauguration": the value and its sources first, so a narrow
    /// box shortens only the label (or leaves it out rather than show a stub); sources that do not fit wrap.
    func keyFactLines(_ fact: Fact, topic: KeyTopic, topicWidth: Int, width: Int,
                              context: RenderContext) -> [StyledLine] {
        var value: StyledLine = []
        let confidence: Confidence
        if topic.isDate, let date = fact.date {
            confidence = HubsPane.weaker(fact.confidence, fact.dateConfidence ?? .verified)
            value.append(Span(confidence.mark + context.formatter.date(date), Style(.value, bold: true)))
        } else if let quantity = fact.quantity {
            confidence = fact.confidence
            value.append(Span(confidence.mark + context.formatter.quantity(quantity), Style(.value, bold: true)))
        } else {
            confidence = fact.confidence
        }
        value += HubsPane.confidenceSpans(confidence, context: context)
        value.append(Span(" " + context.cite(fact.sources), Style(.source)))
        let valueRoom = width.saturatingSubtract(topicWidth)
        let used = value.reduce(0) { $0 + TerminalText.width(of: $1.text) }
        let topicSpan = Span(TerminalText.pad(topic.word(context), to: topicWidth), Style(.label))
        guard used <= valueRoom else {
            let blank = Span(String(repeating: " ", count: topicWidth))
            return TextLines.wrapped(spans: value, width: valueRoom).enumerated().map { index, line in
                [index == 0 ? topicSpan : blank] + line
            }
        }
        let label = context.text(fact.label)
        let labelRoom = valueRoom.saturatingSubtract(used + 1)
        if labelRoom >= min(12, TerminalText.width(of: label)) {
            value.append(Span(" " + TerminalText.truncate(label, to: labelRoom, ellipsis: context.glyphs.ellipsis),
                              Style(.dim)))
            return [[topicSpan] + value]
        }
        // No room beside the value: the label goes below it, so two areas are never told apart by number alone.
        let blank = Span(String(repeating: " ", count: topicWidth))
        return [[topicSpan] + value,
                [blank, Span(TerminalText.truncate(label, to: valueRoom, ellipsis: context.glyphs.ellipsis), Style(.dim))]]
    }

    /// A heading, then each later change with its date, confidence and sources.
    func changeLines(_ hub: Hub, width: Int, context: RenderContext) -> [StyledLine] {
        var lines: [StyledLine] = [[Span(context.t("What changed later", "Was sich später änderte"), Style(.title, bold: true))]]
        guard !hub.changes.isEmpty else {
            lines += TextLines.wrapped(context.t("No later changes recorded.", "Keine späteren Änderungen erfasst."),
                                       width: width, style: Style(.dim))
            return lines
        }
        for change in hub.changes {
            let date = (change.date.map(context.formatter.date) ?? context.t("undated", "ohne Datum"))
                + (change.dateConfidence == .unverified ? "?" : "")
            var spans: StyledLine = [Span(date, Style(.accent)), Span(change.confidence.mark + context.text(change.text))]
            spans += HubsPane.confidenceSpans(change.confidence, context: context)
            spans.append(Span(context.cite(change.sources), Style(.source)))
            lines += TextLines.wrapped(spans: spans, width: width, indent: "  ")
        }
        return lines
    }

    /// Everything about one hub: role, location, distance, status, every fact with its note, the changes.
    func detailLines(_ hub: Hub, width: Int, context: RenderContext) -> [StyledLine] {
        var lines = TextLines.wrapped(context.text(hub.role), width: width, style: Style(.normal, bold: true))
        lines += TextLines.wrapped(context.text(hub.place) + " \(context.glyphs.separator) " + context.text(hub.country)
                                   + " (\(hub.countryCode))", width: width, style: Style(.dim))
        if let note = HubsPane.kindNote(hub.kind, context: context) {
            lines += TextLines.wrapped(note, width: width, style: Style(.warning))
        }
        lines.append([])
        let location = hub.location
        lines += TextLines.wrapped(spans: [Span(context.t("Location:", "Lage:"), Style(.label)),
                                           Span(context.text(location.label)),
                                           Span(location.confidence.mark + HubsPane.coordinatesText(location.coordinates, context: context),
                                                Style(.value))]
                                   + HubsPane.confidenceSpans(location.confidence, context: context)
                                   + [Span(context.cite(location.sources), Style(.source))],
                                   width: width, indent: "  ")
        if let distance = HubsPane.distance(of: hub, context: context) {
            lines += TextLines.wrapped(spans: [Span(context.t("Distance:", "Entfernung:"), Style(.label)),
                                               Span(distance.confidence.mark + distance.text, Style(.value, bold: true)),
                                               Span(distance.description)]
                                       + HubsPane.confidenceSpans(distance.confidence, context: context)
                                       + [Span(context.cite(distance.sources), Style(.source))],
                                       width: width, indent: "  ")
        }
        lines.append([])
        lines.append([Span(context.t("Status", "Stand"), Style(.title, bold: true))])
        lines += TextLines.wrapped(spans: [Span(context.text(hub.status)),
                                           Span(context.cite(hub.statusSources), Style(.source))], width: width, indent: "  ",
                                   firstIndent: "  ")
        lines.append([])
        lines.append([Span(context.t("Facts", "Angaben") + " (\(hub.facts.count))", Style(.title, bold: true))])
        for fact in hub.facts {
            lines += factLines(fact, width: width, context: context)
        }
        lines.append([])
        lines += changeLines(hub, width: width, context: context)
        return lines
    }

    /// One fact as the detail view shows it: date and label, the amount or words with confidence and
    /// sources, then its text and note.
    func factLines(_ fact: Fact, width: Int, context: RenderContext) -> [StyledLine] {
        let formatter = context.formatter
        var lines: [StyledLine] = []
        var heading: StyledLine = []
        if let date = fact.date {
            let dateConfidence = fact.dateConfidence ?? .verified
            heading.append(Span(dateConfidence.mark + formatter.date(date), Style(.accent)))
            heading += HubsPane.confidenceSpans(dateConfidence, context: context)
        }
        heading.append(Span(context.text(fact.label), Style(.label, bold: true)))
        lines += TextLines.wrapped(spans: heading, width: width, indent: "  ")
        // The amount (or, without one, the words) carries the confidence and the sources.
        var value: StyledLine = []
        if let quantity = fact.quantity {
            value.append(Span(fact.confidence.mark + formatter.quantity(quantity), Style(.value, bold: true)))
        } else if let text = fact.text {
            value.append(Span(fact.confidence.mark + context.text(text)))
        }
        value += HubsPane.confidenceSpans(fact.confidence, context: context)
        value.append(Span(context.cite(fact.sources), Style(.source)))
        lines += TextLines.wrapped(spans: value, width: width, indent: "    ", firstIndent: "  ")
        if fact.quantity != nil, let text = fact.text {
            lines += TextLines.wrapped(context.text(text), width: width, indent: "    ")
        }
        if let note = fact.note {
            lines += TextLines.wrapped(context.text(note), width: width, style: Style(.dim), indent: "    ")
        }
        return lines
    }

    /// The caption under the map: the selected hub, its distance to the headquarters, its coordinates.
    func mapCaption(_ hub: Hub, context: RenderContext) -> [StyledLine] {
        let marker = Span(String(context.glyphs.selectedMarker), Style(.mapSelected, bold: true))
        let location = hub.location
        let coordinates: StyledLine = [Span("  " + location.confidence.mark
                                            + HubsPane.coordinatesText(location.coordinates, context: context))]
            + HubsPane.confidenceSpans(location.confidence, context: context)
            + [Span(" " + context.cite(location.sources), Style(.source))]
        guard let distance = HubsPane.distance(of: hub, context: context) else {
            let origin = hub.kind == .headquarters
                ? context.t("  headquarters: distances start here", "  Zentrale: Ausgangspunkt der Entfernungen") : ""
            return [[marker, Span(" " + HubsPane.shortPlace(hub, context: context), Style(.normal, bold: true))],
                    [Span(origin, Style(.dim))], coordinates]
        }
        var distanceLine: StyledLine = [Span("  " + distance.confidence.mark + distance.text, Style(.value, bold: true)),
                                        Span(" " + context.t("great circle", "Großkreis"), Style(.dim))]
        distanceLine += HubsPane.confidenceSpans(distance.confidence, context: context)
        distanceLine.append(Span(" " + context.cite(distance.sources), Style(.source)))
        let route = HubsPane.shortPlace(hub, context: context) + context.t(" to ", " nach ") + distance.target
        return [[marker, Span(" " + route,
                              Style(.normal, bold: true))],
                distanceLine, coordinates]
    }
}
