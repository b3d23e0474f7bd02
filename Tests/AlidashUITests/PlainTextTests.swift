import AlidashModel
import AlidashUI
import Testing
import TestSupport

@Suite("Plain text for alidash print")
struct PlainTextTests {
    @Test(arguments: PaneID.allCases)
    func everyPaneHasTextAndNoTrailingBlankRows(pane: PaneID) {
        let lines = AppState.plainText(pane: pane, width: 80, data: TestData.bundled, language: .en)
        #expect(!lines.isEmpty)
        #expect(lines.last?.isEmpty == false)
        #expect(lines.allSatisfy { TerminalText.width(of: $0) <= 80 && $0.last != " " })
        #expect(lines.count < AppState.plainTextHeight - 2)
    }

    @Test func showsOnlyThePaneNotTheTabBarOrStatusLine() {
        let lines = AppState.plainText(pane: .overview, width: 100, data: TestData.bundled, language: .en)
        let joined = lines.joined(separator: "\n")
        #expect(!joined.contains("1 Overview"))
        #expect(!joined.contains("bundled data"))
    }

    @Test func asciiOnlyFoldsEveryCharacter() {
        let lines = AppState.plainText(pane: .overview, width: 80, data: TestData.bundled, language: .de,
                                       asciiOnly: true)
        #expect(lines.allSatisfy { $0.allSatisfy { $0.isASCII } })
        let unicode = AppState.plainText(pane: .overview, width: 80, data: TestData.bundled, language: .de)
        #expect(lines.count == unicode.count)
    }

    @Test func printTakesTheDashboardsViewOptions() {
        let chart = AppState.plainText(pane: .revenue, width: 100, data: TestData.bundled, language: .en).joined(separator: "\n")
        let table = AppState.plainText(pane: .revenue, width: 100, data: TestData.bundled, language: .en,
                                       currency: .usd, table: true).joined(separator: "\n")
        #expect(chart.contains("Singles' Day GMV by year in RMB"))
        #expect(table.contains("Singles' Day GMV by year in USD"))
        #expect(table.contains("RMB m     USD m     EUR m"), "the quarterly table")
        #expect(table.contains("393,331="), "Amazon Oct–Dec 2017 at Alibaba's rate for those months")
    }
}
