import AlidashModel

/// The figures the Hubs pane works out or picks: distances, coordinates, kinds and key facts.
extension HubsPane {
    // MARK: - Figures

    /// A hub's great-circle distance to the headquarters, worked out from the two stored coordinates.
    struct Distance {
        var text: String
        /// "great-circle distance to Hangzhou (from the coordinates)"
        var description: String
        /// The headquarters' place.
        var target: String
        var confidence: Confidence
        var sources: [String]
    }

    /// Nil for the headquarters itself, or when the data has none.
    static func distance(of hub: Hub, context: RenderContext) -> Distance? {
        guard let headquarters = context.data.headquarters, headquarters.id != hub.id else { return nil }
        let kilometres = hub.location.coordinates.distanceKilometres(to: headquarters.location.coordinates)
        let target = shortPlace(headquarters, context: context)
        var sources = hub.location.sources
        for source in headquarters.location.sources where !sources.contains(source) { sources.append(source) }
        return Distance(text: context.formatter.number(kilometres, fractionDigits: 0) + " km",
                        description: context.t("great-circle distance to \(target), worked out from the coordinates",
                                               "Großkreis-Entfernung nach \(target), aus den Koordinaten berechnet"),
                        target: target,
                        confidence: weaker(hub.location.confidence, headquarters.location.confidence),
                        sources: sources)
    }

    /// "50.64°N, 5.44°E" / "50,64°N, 5,44°O".
    static func coordinatesText(_ coordinates: Coordinates, context: RenderContext) -> String {
        let formatter = context.formatter
        let latitude = formatter.number(abs(coordinates.latitude), fractionDigits: 2) + "°"
            + (coordinates.latitude < 0 ? "S" : "N")
        let longitude = formatter.number(abs(coordinates.longitude), fractionDigits: 2) + "°"
            + (coordinates.longitude < 0 ? context.t("W", "W") : context.t("E", "O"))
        return latitude + ", " + longitude
    }

    /// The place up to its first comma or bracket: "Liège Airport", "Addis Ababa", "Hangzhou".
    static func shortPlace(_ hub: Hub, context: RenderContext) -> String {
        let place = context.text(hub.place)
        let cut = place.firstIndex { $0 == "," || $0 == "(" } ?? place.endIndex
        return String(place[..<cut]).trimmingSpaces()
    }

    static func kindWord(_ kind: HubKind, context: RenderContext) -> String {
        switch kind {
        case .hub: return context.t("hub", "Hub")
        case .agreement: return context.t("agreement", "Abkommen")
        case .headquarters: return context.t("HQ", "Zentrale")
        }
    }

    /// What the marker means for sites that are not a hub building.
    static func kindNote(_ kind: HubKind, context: RenderContext) -> String? {
        switch kind {
        case .hub: return nil
        case .agreement:
            return context.t("Signed agreements, not a building: the marker is a reference point.",
                             "Unterzeichnete Abkommen, kein Gebäude: die Markierung ist ein Bezugspunkt.")
        case .headquarters:
            return context.t("Alibaba's headquarters: hub distances are measured from here.",
                             "Alibabas Zentrale: von hier aus werden die Entfernungen gemessen.")
        }
    }

    /// " ? UNVERIFIED"-style tag after a value; nothing for verified values.
    static func confidenceSpans(_ confidence: Confidence, context: RenderContext) -> [Span] {
        let tag = context.confidenceTag(confidence)
        guard !tag.isEmpty else { return [] }
        return [Span(" " + tag, Style(confidence == .unverified ? .unverified : .dim))]
    }

    /// The less certain of two confidences (verified, rounded, calculated, unverified in that order).
    static func weaker(_ first: Confidence, _ second: Confidence) -> Confidence {
        let order = Confidence.allCases
        return order.firstIndex(of: first)! >= order.firstIndex(of: second)! ? first : second
    }

    // MARK: - Key facts

    /// What the summary box picks from a hub's facts.
    enum KeyTopic: CaseIterable {
        case signed, opened, area, investment, jobs

        var isDate: Bool { self == .signed || self == .opened }

        func word(_ context: RenderContext) -> String {
            switch self {
            case .signed: return context.t("Signed", "Vertrag")
            case .opened: return context.t("Opened", "Eröffnung")
            case .area: return context.t("Area", "Fläche")
            case .investment: return context.t("Investment", "Investition")
            case .jobs: return context.t("Jobs", "Stellen")
            }
        }
    }

    /// The key facts, by the topic the data gives them: signings, openings or launches, areas, investments
    /// and jobs. `capped` keeps the most telling few: the first signing, two openings, the first two areas,
    /// two investments, and the first and the latest job figure; the detail view shows every fact.
    static func keyFacts(of hub: Hub, capped: Bool) -> [(topic: KeyTopic, fact: Fact)] {
        func facts(_ topic: FactTopic) -> [Fact] { hub.facts.filter { $0.topic == topic } }
        let limit = capped ? 2 : Int.max
        // Signings and openings carry dates (the validator checks it).
        let byDate: (Fact, Fact) -> Bool = { first, second in
            guard let one = first.date, let other = second.date else { return false }
            return one < other
        }
        let signed = facts(.signed).sorted(by: byDate).prefix(capped ? 1 : Int.max)
        let opened = facts(.opened).sorted(by: byDate).prefix(limit)
        let areas = facts(.area).prefix(limit)
        let investments = facts(.investment).prefix(limit)
        let allJobs = facts(.jobs)
        let jobs = capped && allJobs.count > 2 ? [allJobs.first!, allJobs.last!] : allJobs
        return signed.map { (.signed, $0) } + opened.map { (.opened, $0) } + areas.map { (.area, $0) }
            + investments.map { (.investment, $0) } + jobs.map { (.jobs, $0) }
    }
}
