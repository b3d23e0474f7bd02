import AlidashModel
import AlidashUI
import Testing
import TestSupport

@Suite("alidash print: complete linear text")
struct PlainTextTests {
    static func printed(_ pane: PaneID, width: Int = 80, language: Language = .en, format: PrintFormat = .text,
                        asciiOnly: Bool = false) -> [String] {
        AppState.plainText(pane: pane, width: width, data: TestData.bundled, language: language, format: format,
                           asciiOnly: asciiOnly)
    }

    /// The whole text of every pane at 80 columns, kept as readable files.
    @Test(arguments: PaneID.allCases)
    func everyPaneMatchesItsExpectedText(pane: PaneID) {
        let lines = Self.printed(pane)
        if let diff = ExpectedScreen.mismatch(lines: lines, named: "print-\(pane.name)-80") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test(arguments: PaneID.allCases)
    func nothingIsCutAndThereAreNoHintsMarksOrBoxes(pane: PaneID) {
        for language in Language.allCases {
            let lines = Self.printed(pane, language: language)
            #expect(!lines.isEmpty && lines.first?.isEmpty == false && lines.last?.isEmpty == false)
            for line in lines {
                // Only a URL, which is never broken, may be wider than the page.
                #expect(TerminalText.width(of: line) <= 80 || line.hasPrefix("http"), "\(pane): \(line)")
                #expect(line.last != " ", "\(pane): trailing space in \(line)")
                // The old screenshots marked the selected bar with ">" in the second column.
                #expect(!line.hasPrefix("> ") && !line.hasPrefix(" > "), "\(pane): a selection mark in \(line)")
                for hint in ["Enter", "Esc", "j/k", "↑↓", "PgDn", "scroll", "blättern"] {
                    #expect(!line.contains(hint), "\(pane): a key hint “\(hint)” in \(line)")
                }
                for border in ["│", "┌", "┐", "└", "┘", "╭", "╰"] {
                    #expect(!line.contains(border), "\(pane): a box border in \(line)")
                }
                // An ellipsis may only be the data's own (a source title that ends in one), never a cut.
                if let cut = line.range(of: "…") {
                    let before = String(line[line.startIndex..<cut.lowerBound].drop { $0 == " " }.suffix(12))
                    #expect(Self.dataText.contains(before + "…"), "\(pane): cut text in \(line)")
                }
            }
        }
    }

    /// Every raw data file, to tell the data's own ellipses from cuts.
    static let dataText: String = TestData.bundledFiles.values.map { String(decoding: $0, as: UTF8.self) }.joined()

    private static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func sourcesHoldEveryURLWholeOnItsOwnLineWithTitlePublisherAndDate() {
        let lines = Self.printed(.sources)
        let text = Self.normalized(lines.joined(separator: "\n"))
        for source in TestData.bundled.sources {
            #expect(lines.contains(source.url), "\(source.id): URL not on a line of its own")
            #expect(text.contains(Self.normalized(source.id + " · " + source.title)), "\(source.id) title")
            #expect(text.contains(Self.normalized(source.publisher)), "\(source.id) publisher")
        }
    }

    @Test func timelineHoldsEveryEventsDetailAndSources() {
        for language in Language.allCases {
            let text = Self.normalized(Self.printed(.timeline, language: language).joined(separator: "\n"))
            for event in TestData.bundled.timeline.events {
                let title = language == .de ? (event.title.german ?? event.title.english) : event.title.english
                #expect(text.contains(Self.normalized(title)), "\(event.id)")
                if let detail = event.detail {
                    let words = language == .de ? (detail.german ?? detail.english) : detail.english
                    #expect(text.contains(Self.normalized(words)), "\(event.id): detail missing")
                }
                for id in event.sources { #expect(text.contains(id), "\(event.id): \(id)") }
            }
        }
    }

    @Test func hubsAndClaimsAreEachWrittenInFull() {
        let hubs = Self.normalized(Self.printed(.hubs).joined(separator: "\n"))
        for hub in TestData.bundled.hubs {
            #expect(hubs.contains(hub.name.english))
            for fact in hub.facts { #expect(hubs.contains(Self.normalized(fact.label.english)), "\(hub.id): \(fact.id)") }
        }
        let check = Self.normalized(Self.printed(.check).joined(separator: "\n"))
        for claim in TestData.bundled.claims {
            #expect(check.contains(Self.normalized(claim.evidence.english)), "\(claim.id): evidence")
            #expect(check.contains("„" + claim.quote + "“"), "\(claim.id): quote")
        }
    }

    @Test func revenueHasEveryYearAndQuarterAndEveryNote() {
        let text = Self.printed(.revenue).joined(separator: "\n")
        let flat = Self.normalized(text)
        for year in TestData.bundled.singlesDay.years {
            #expect(text.contains("\n\(year.year)  "), "\(year.year) row")
            if let note = year.note { #expect(flat.contains(Self.normalized(note.english)), "\(year.year) note") }
        }
        for quarter in TestData.bundled.revenue.alibabaQuarters {
            #expect(text.contains("FY\(quarter.fiscalYear) Q\(quarter.fiscalQuarter)"))
            if let note = quarter.note { #expect(flat.contains(Self.normalized(note.english)), "quarter note") }
        }
    }

    @Test func showsOnlyThePaneNotTheTabBarOrStatusLine() {
        let joined = Self.printed(.overview, width: 100).joined(separator: "\n")
        #expect(!joined.contains("1 Overview"))
        #expect(!joined.contains("bundled data"))
    }

    @Test func asciiOnlyFoldsEveryCharacterAndKeepsTheWidth() {
        for pane in PaneID.allCases {
            let lines = Self.printed(pane, language: .de, asciiOnly: true)
            #expect(lines.allSatisfy { $0.allSatisfy(\.isASCII) })
            #expect(lines.allSatisfy { $0.count <= 80 || $0.hasPrefix("http") }, "\(pane)")
        }
    }

    @Test func printTakesTheChosenCurrency() {
        let table = AppState.plainText(pane: .revenue, width: 100, data: TestData.bundled, language: .en,
                                       currency: .usd).joined(separator: "\n")
        #expect(table.contains("RMB m    USD m    EUR m"), "the quarterly table")
        #expect(table.contains("393,331="), "Amazon Oct–Dec 2017 at Alibaba's rate for those months")
    }

    @Test func markdownHasHeadingsListsPipeTablesAndLinks() {
        let hubs = Self.printed(.hubs, format: .markdown)
        #expect(hubs.first == "# Hubs")
        #expect(hubs.contains("## Cainiao eHub Liège"))
        #expect(hubs.contains { $0.hasPrefix("- ") })
        let revenue = Self.printed(.revenue, format: .markdown)
        #expect(revenue.contains { $0.hasPrefix("| Year | Scope |") })
        #expect(revenue.contains { $0.hasPrefix("| --- | --- | ---: |") })
        let sources = Self.printed(.sources, format: .markdown)
        for source in TestData.bundled.sources.prefix(5) { #expect(sources.contains("<" + source.url + ">")) }
        // Paragraphs are not wrapped: the story is one line.
        let overview = Self.printed(.overview, format: .markdown)
        #expect(overview.contains { $0.hasPrefix("In December 2018 Cainiao") && $0.hasSuffix("]") })
    }
}
