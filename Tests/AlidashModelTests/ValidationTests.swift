import Foundation
import AlidashModel
import Testing
import TestSupport

/// Broken copies of the bundled data must fail with a precise problem, never a crash.
@Suite struct ValidationTests {
    /// Decodes the bundled files with one file replaced by `edit(text)`.
    func problems(editing name: String, _ edit: (String) -> String) -> [DataProblem] {
        var files = TestData.bundledFiles
        let original = String(decoding: files[name] ?? [], as: UTF8.self)
        let edited = edit(original)
        #expect(edited != original, "the edit did not change \(name)")
        files[name] = Array(edited.utf8)
        do {
            _ = try DataLoader.decode(files, origin: "test")
            return []
        } catch {
            return error.problems
        }
    }

    /// Applies `change` to the JSON object tree of a file.
    func problems(changingJSON name: String, _ change: (inout [String: Any]) -> Void) -> [DataProblem] {
        problems(editing: name) { text in
            var object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
            change(&object)
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }
    }

    /// What a hub's key fact measures and whose figure a comparison fact is are data, checked against the fact.
    @Test func factTopicsMustFitTheFactAndComparisonFactsNameTheirCompany() throws {
        let wrongTopic = problems(editing: "hubs.json") {
            $0.replacing("\"topic\": \"signed\"", with: "\"topic\": \"jobs\"")
        }
        #expect(wrongTopic.contains { $0.file == "hubs.json" && $0.path.hasSuffix(".topic") && $0.message.contains("needs a count") },
                "\(wrongTopic)")
        let unknownTopic = problems(editing: "hubs.json") {
            $0.replacing("\"topic\": \"signed\"", with: "\"topic\": \"signing\"")
        }
        #expect(!unknownTopic.isEmpty)
        let noCompany = problems(editing: "comparison.json") {
            $0.replacing("\"cmp.amazon.3p-share-gms\",\n      \"company\": \"amazon\",", with: "\"cmp.amazon.3p-share-gms\",")
        }
        #expect(noCompany.contains { $0.path.hasSuffix(".company") && $0.message.contains("amazon") }, "\(noCompany)")
    }

    @Test func aCardsHeadlineMustBeOneOfItsFigures() {
        let found = problems(editing: "overview.json") {
            $0.replacing("\"headline\": \"alibaba-year:FY2019\"", with: "\"headline\": \"singles-day:2018\"")
        }
        #expect(found.contains { $0.path.hasSuffix(".headline") && $0.message.contains("not one of the card's figures") }, "\(found)")
    }

    @Test func bundledFilesDecodeUnchanged() throws {
        _ = try DataLoader.decode(TestData.bundledFiles, origin: "test")
    }

    @Test func malformedJSONNamesLineAndColumn() throws {
        let found = problems(editing: "hubs.json") { "{\n  \"hubs\": [\n    {,\n" + $0 }
        let problem = try #require(found.first)
        #expect(problem.file == "hubs.json")
        #expect(problem.message.hasPrefix("not valid JSON"))
        #expect(problem.line == 3)
    }

    @Test func wrongTypeNamesThePathAndLine() throws {
        let found = problems(changingJSON: "hubs.json") { object in
            var hubs = object["hubs"] as! [[String: Any]]
            var location = hubs[1]["location"] as! [String: Any]
            location["lat"] = "north"
            hubs[1]["location"] = location
            object["hubs"] = hubs
        }
        let problem = try #require(found.first)
        #expect(problem.file == "hubs.json")
        #expect(problem.path == "hubs[1].location.lat")
        #expect(problem.message == "expected a number, found text")
        #expect(problem.line != nil)
        #expect(problem.description.contains("hubs.json:"))
    }

    @Test func missingFieldIsNamed() throws {
        let found = problems(changingJSON: "revenue.json") { object in
            var quarters = object["alibabaQuarters"] as! [[String: Any]]
            quarters[0]["rmbMillions"] = nil
            object["alibabaQuarters"] = quarters
        }
        let problem = try #require(found.first)
        #expect(problem.path == "alibabaQuarters[0]")
        #expect(problem.message == "missing required field \"rmbMillions\"")
    }

    @Test func unknownSourceID() {
        let found = problems(changingJSON: "singles-day.json") { object in
            var years = object["years"] as! [[String: Any]]
            years[0]["sources"] = ["S9999"]
            object["years"] = years
        }
        #expect(found.contains { $0.file == "singles-day.json" && $0.path == "years[0].sources[0]" && $0.message.contains("S9999") })
    }

    @Test func quartersThatDoNotAddUp() {
        let found = problems(changingJSON: "revenue.json") { object in
            var quarters = object["alibabaQuarters"] as! [[String: Any]]
            let index = quarters.firstIndex { ($0["fiscalYear"] as? Int) == 2019 && ($0["fiscalQuarter"] as? Int) == 2 }!
            quarters[index]["rmbMillions"] = 85_149
            object["alibabaQuarters"] = quarters
        }
        #expect(found.contains { $0.message.contains("FY2019 total is 376844") })
    }

    @Test func validationProblemsPointIntoTheFile() throws {
        let found = problems(changingJSON: "revenue.json") { object in
            var quarters = object["alibabaQuarters"] as! [[String: Any]]
            quarters[3]["sources"] = ["S999"]
            object["alibabaQuarters"] = quarters
        }
        let problem = try #require(found.first { $0.message.contains("S999") })
        #expect(problem.path == "alibabaQuarters[3].sources[0]")
        #expect(problem.line != nil && problem.column != nil)
        #expect(problem.description.hasPrefix("revenue.json:\(problem.line!):"))
    }

    @Test func singlesDayGrowthMustMatchItsYears() {
        let found = problems(changingJSON: "singles-day.json") { object in
            var years = object["years"] as! [[String: Any]]
            let index = years.firstIndex { ($0["year"] as? Int) == 2018 }!
            years[index]["rmbBillions"] = 999.5
            object["years"] = years
        }
        #expect(found.contains { $0.message.hasPrefix("reported growth 27% does not match") })
        #expect(!found.contains { $0.message.contains(".0%") || $0.message.contains("999.5.0") })
    }

    @Test func gapsAndOverlapsInQuarters() {
        let gap = problems(changingJSON: "revenue.json") { object in
            var quarters = object["alibabaQuarters"] as! [[String: Any]]
            quarters.remove(at: 3)
            object["alibabaQuarters"] = quarters
        }
        #expect(gap.contains { $0.message.hasPrefix("gap between") })
        let wrongDates = problems(changingJSON: "revenue.json") { object in
            var quarters = object["alibabaQuarters"] as! [[String: Any]]
            quarters[2]["start"] = "2016-09-01"
            object["alibabaQuarters"] = quarters
        }
        #expect(wrongDates.contains { $0.path == "alibabaQuarters[2]" && $0.message.contains("fiscal year starts in April") })
    }

    @Test func coordinatesOutOfRange() {
        let found = problems(changingJSON: "hubs.json") { object in
            var hubs = object["hubs"] as! [[String: Any]]
            var location = hubs[0]["location"] as! [String: Any]
            location["lon"] = 200.5
            hubs[0]["location"] = location
            object["hubs"] = hubs
        }
        #expect(found.contains { $0.path == "hubs[0].location.lon" && $0.message.contains("longitude") })
    }

    @Test func duplicateIDsAndNegativeAmounts() {
        let found = problems(changingJSON: "timeline.json") { object in
            var events = object["events"] as! [[String: Any]]
            events[1]["id"] = events[0]["id"]
            object["events"] = events
        }
        #expect(found.contains { $0.message.hasPrefix("duplicate event id") })
        let negative = problems(changingJSON: "singles-day.json") { object in
            var years = object["years"] as! [[String: Any]]
            years[3]["rmbBillions"] = -1
            object["years"] = years
        }
        #expect(negative.contains { $0.path == "years[3].rmbBillions" })
    }

    @Test func impossibleDate() {
        let found = problems(changingJSON: "timeline.json") { object in
            var events = object["events"] as! [[String: Any]]
            events[0]["date"] = "2018-02-30"
            object["events"] = events
        }
        #expect(found.first?.path == "events[0].date")
        #expect(found.first?.message.contains("2018-02-30") == true)
    }

    @Test func unresolvedOverviewReference() {
        let found = problems(changingJSON: "overview.json") { object in
            var cards = object["cards"] as! [[String: Any]]
            cards[0]["figures"] = ["fact:no.such.fact"]
            object["cards"] = cards
        }
        #expect(found.contains { $0.path == "cards[0].figures[0]" && $0.message.contains("no.such.fact") })
    }

    @Test func everyMissingFileIsNamed() throws {
        let folder = "/tmp/alidash-empty-\(getpid())"
        mkdir(folder, 0o755)
        defer { rmdir(folder) }
        do {
            _ = try DataLoader.load(.directory(folder))
            Issue.record("an empty folder was accepted")
        } catch {
            #expect(error.exitCode == 66)
            for name in DataLoader.fileNames { #expect(error.description.contains(name)) }
        }
    }

    @Test func aMissingFileAndATypeErrorElsewhereAreBothReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("alidash-partial-\(getpid())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, bytes) in TestData.bundledFiles where name != "timeline.json" {
            var text = String(decoding: bytes, as: UTF8.self)
            if name == "hubs.json", let latitude = text.firstRange(of: /"lat": *-?[0-9.]+/) {
                text.replaceSubrange(latitude, with: "\"lat\": \"north\"")
            }
            try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
        do {
            _ = try DataLoader.load(.directory(folder))
            Issue.record("a folder without timeline.json was accepted")
        } catch {
            #expect(error.exitCode == 66)
            let problems = error.problems
            #expect(problems.contains { $0.file == folder + "/timeline.json" && $0.message == "no such file" }, "\(problems)")
            #expect(problems.contains { $0.file == "hubs.json" && $0.path == "hubs[0].location.lat" }, "\(problems)")
            #expect(problems.count == 2, "\(problems)")
        }
    }

    @Test func missingDirectoryIsAMissingFile() {
        #expect(throws: DataLoadError.self) { try DataLoader.load(.directory("/nonexistent/alidash-data")) }
        do {
            _ = try DataLoader.load(.directory("/nonexistent/alidash-data"))
        } catch {
            #expect(error.exitCode == 66)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let found = problems(editing: "timeline.json") { _ in
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        }
        #expect(found.first?.file == "timeline.json")
    }

    @Test func hugeNumbersAreRejected() {
        let found = problems(editing: "singles-day.json") { text in
            text.replacingOccurrences(of: "\"rmbBillions\": 213.5", with: "\"rmbBillions\": 1e400")
        }
        #expect(found.first?.file == "singles-day.json")
    }
}

@Suite struct SyntaxErrorTests {
    func firstProblem(_ text: String) throws -> DataProblem {
        var files = TestData.bundledFiles
        files["sources.json"] = Array(text.utf8)
        do {
            _ = try DataLoader.decode(files, origin: "test")
        } catch {
            return try #require(error.problems.first)
        }
        Issue.record("\(text) was accepted")
        return DataProblem(file: "", path: "", message: "")
    }

    @Test(arguments: [
        ("{\"sources\": [1 2]}", 1, 16, "expected ',' or ']'"),
        ("{\"sources\": \"open", 1, 13, "expected the end of the string"),
        ("{\n\"sources\" []}", 2, 11, "expected ':' after the key"),
        ("{\"sources\": []\n\n  x", 3, 3, "expected ',' or '}'"),
        ("{\"sources\": [], \"errata\": []} extra", 1, 31, "expected the end of the file"),
        ("", 1, 1, "expected a value"),
    ])
    func pointsAtTheFirstError(text: String, line: Int, column: Int, expected: String) throws {
        let problem = try firstProblem(text)
        #expect(problem.file == "sources.json")
        #expect(problem.line == line)
        #expect(problem.column == column)
        #expect(problem.message.hasPrefix("not valid JSON: " + expected))
    }
}
