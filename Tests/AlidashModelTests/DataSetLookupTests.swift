import Foundation
import AlidashModel
import Testing
import TestSupport

/// Lookups by id stay right when the data changes, and texts decode in both of their shapes.
@Suite struct DataSetLookupTests {
    @Test func hubLookupsFollowChangesToTheCatalog() throws {
        var data = TestData.bundled
        let headquarters = try #require(data.headquarters)
        #expect(data.hub(id: "liege")?.id == "liege")
        #expect(data.hubCoordinates.count == data.hubs.count)

        data.hubCatalog.hubs.removeAll { $0.id == "liege" }
        #expect(data.hub(id: "liege") == nil)
        #expect(data.headquarters?.id == headquarters.id)
        #expect(data.hub(id: headquarters.id)?.id == headquarters.id)
        #expect(data.hubCoordinates.count == data.hubs.count)

        data.hubCatalog.hubs.removeAll { $0.kind == .headquarters }
        #expect(data.headquarters == nil)
    }

    @Test func textsDecodeAsPlainStringsAndAsObjects() throws {
        var files = TestData.bundledFiles
        var timeline = try #require(try JSONSerialization.jsonObject(with: Data(files["timeline.json"] ?? [])) as? [String: Any])
        var events = try #require(timeline["events"] as? [[String: Any]])
        events[0]["title"] = "Plain title"
        events[1]["title"] = ["en": "English only"]
        events[2]["title"] = ["en": "Both", "de": "Beide"]
        timeline["events"] = events
        files["timeline.json"] = Array(try JSONSerialization.data(withJSONObject: timeline))
        let decoded = try DataLoader.decode(files, origin: "test").timeline.events
        #expect(decoded[0].title.english == "Plain title" && decoded[0].title.german == nil)
        #expect(decoded[1].title.english == "English only" && decoded[1].title.german == nil)
        #expect(decoded[2].title.english == "Both" && decoded[2].title.german == "Beide")

        events[0]["title"] = ["de": "Nur Deutsch"]
        timeline["events"] = events
        files["timeline.json"] = Array(try JSONSerialization.data(withJSONObject: timeline))
        #expect(throws: DataLoadError.self) { try DataLoader.decode(files, origin: "test") }
    }
}
