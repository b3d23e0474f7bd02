import AlidashModel

/// Everything a pane needs to draw itself, passed down instead of read from globals.
public struct RenderContext: Sendable {
    public var data: DataSet
    public var language: Language
    public var glyphs: Glyphs
    /// The currency the user chose with `c`; nil shows every figure as reported (each section picks).
    public var chosenCurrency: Currency?
    /// The chosen currency, else RMB (Singles' Day and Alibaba report in RMB).
    public var currency: Currency { chosenCurrency ?? .rmb }
    public var showTable: Bool
    /// Counts data reloads, so a pane can tell that what it measured is for older data without comparing it.
    public var dataVersion: Int
    /// The keys as the user set them, so hints name the keys that work.
    public var keyMap = KeyMap.standard
    /// Lay out only what the first frame shows; the rest follows right after it (`AppState.completeLayout`).
    public var firstFrameOnly = false

    /// The name of the key that does `action` ("s"), for hints.
    public func key(_ action: Action) -> String { keyMap.keyName(for: action) ?? "?" }

    public init(data: DataSet, language: Language, glyphs: Glyphs, currency: Currency?, showTable: Bool,
                dataVersion: Int = 0) {
        self.data = data
        self.language = language
        self.glyphs = glyphs
        self.chosenCurrency = currency
        self.showTable = showTable
        self.dataVersion = dataVersion
    }

    /// Everything besides a pane's own state that its layout depends on, for `area`.
    public func layoutKey(_ area: Rect) -> LayoutKey {
        LayoutKey(area: area, language: language, glyphs: glyphs, currency: chosenCurrency, showTable: showTable,
                  dataVersion: dataVersion)
    }

    public var formatter: Formatter { Formatter(language: language) }
    /// A count as the rest of the screen writes numbers: 36,300 / 36.300.
    public func count(_ value: Int) -> String { formatter.number(Double(value)) }

    /// Picks the English or German words for the interface.
    public func t(_ english: String, _ german: String) -> String {
        language == .de ? german : english
    }

    public func text(_ localized: LocalizedText) -> String { localized.text(in: language) }

    /// Source ids as shown after a figure: "[S31, S33]".
    public func cite(_ ids: [String]) -> String {
        ids.isEmpty ? "" : "[" + ids.joined(separator: ", ") + "]"
    }

    /// "~ source's rounding", "? UNVERIFIED" …, styled by how far the figure can be trusted; nil for verified.
    public func confidenceSpan(_ confidence: Confidence, leading: String = " ") -> Span? {
        guard confidence != .verified else { return nil }
        return Span(leading + confidence.mark + " " + confidenceTag(confidence),
                    Style(confidence == .unverified ? .unverified : .dim))
    }

    /// A short mark for how far a figure can be trusted ("" for verified).
    public func confidenceTag(_ confidence: Confidence) -> String {
        switch confidence {
        case .verified: return ""
        // Verified only as far as the source rounded it (Amazon's quarters), not a figure we rounded.
        case .rounded: return t("source's rounding", "Rundung der Quelle")
        case .derived: return t("calculated", "berechnet")
        case .unverified: return t("UNVERIFIED", "UNBESTÄTIGT")
        }
    }
}

/// What a pane's measured layout was made for; when it differs, the pane measures again.
public struct LayoutKey: Sendable, Equatable {
    public var area: Rect
    public var language: Language
    public var glyphs: Glyphs
    public var currency: Currency?
    public var showTable: Bool
    public var dataVersion: Int
}
