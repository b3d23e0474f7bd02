import AlidashModel
import Testing
import TestSupport

@Suite("Export as CSV and JSON")
struct ExportTests {
    @Test func csvQuotesWhatNeedsQuoting() {
        let table = ExportTable(columns: ["name", "note"], rows: [
            [.text("Liège"), .text("said \"hub\", then left")],
            [.text("two\nlines"), .list(["S1", "S2"])],
            [.number(75), .empty],
        ])
        #expect(table.csv() == "name,note\r\nLiège,\"said \"\"hub\"\", then left\"\r\n\"two\nlines\",S1;S2\r\n75,\r\n")
    }

    @Test func jsonKeepsTypesAndEscapes() {
        let table = ExportTable(columns: ["a", "b", "c", "d", "e"], rows: [
            [.text("q\"\u{1B}[31m"), .number(213.5), .bool(true), .list(["S31"]), .empty],
        ])
        #expect(table.json() == "[\n  {\"a\": \"q\\\"\\u001b[31m\", \"b\": 213.5, \"c\": true, \"d\": [\"S31\"], \"e\": null}\n]\n")
    }

    @Test func revenueHasEveryQuarterOfBothCompaniesWithBothLabels() throws {
        let data = TestData.bundled
        let table = ExportDataset.revenue.table(from: data)
        #expect(table.rows.count == data.revenue.alibabaQuarters.count + data.revenue.amazonQuarters.count)
        let fiscal = try #require(table.columns.firstIndex(of: "fiscal_label"))
        let calendar = try #require(table.columns.firstIndex(of: "calendar_label"))
        let rmb = try #require(table.columns.firstIndex(of: "rmb_millions"))
        // Alibaba's FY2019 Q2 is July–September 2018.
        let row = try #require(table.rows.first { $0[fiscal] == .text("FY2019 Q2") && $0[0] == .text("alibaba") })
        #expect(row[calendar] == .text("Q3 2018"))
        let stored = try #require(data.revenue.alibabaQuarter(fiscalYear: 2019, quarter: 2))
        #expect(row[rmb] == .number(stored.rmbMillions))
    }

    @Test func claimsHaveEveryClaimWithItsVerdictAndSources() throws {
        let data = TestData.bundled
        let table = ExportDataset.claims.table(from: data)
        #expect(table.rows.count == data.claims.count)
        #expect(table.columns.prefix(5) == ["id", "kind", "quote", "summary", "verdict"])
        let csv = table.csv()
        let lines = csv.split(separator: "\r\n")
        #expect(lines.first == "id,kind,quote,summary,verdict,evidence,sources,later,later_sources,errata")
        #expect(csv.contains("C01,wording,Alibaba blässt zum Angriff,"))
        let verdict = try #require(table.columns.firstIndex(of: "verdict"))
        let verdicts = Set(table.rows.compactMap { row -> String? in if case .text(let word) = row[verdict] { word } else { nil } })
        #expect(verdicts == Set(Verdict.allCases.map(\.rawValue)))
    }

    @Test(arguments: ExportDataset.allCases)
    func everyDatasetHasRowsOfTheHeaderWidth(dataset: ExportDataset) {
        let table = dataset.table(from: TestData.bundled)
        #expect(!table.rows.isEmpty)
        #expect(table.rows.allSatisfy { $0.count == table.columns.count })
        let lines = table.csv().split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.first.map(String.init) == table.columns.joined(separator: ","))
    }
}
