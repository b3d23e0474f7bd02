/// A point on the globe in decimal degrees (WGS84).
public struct Coordinates: Sendable, Equatable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// Where a hub sits and how sure we are of it.
public struct HubLocation: Decodable, Sendable {
    public var lat: Double
    public var lon: Double
    public var label: LocalizedText
    public var confidence: Confidence
    public var sources: [String]

    public init(lat: Double, lon: Double, label: LocalizedText, confidence: Confidence, sources: [String]) {
        self.lat = lat
        self.lon = lon
        self.label = label
        self.confidence = confidence
        self.sources = sources
    }

    public var coordinates: Coordinates { Coordinates(latitude: lat, longitude: lon) }
}

/// What a site is: a built hub, a signed agreement, or the headquarters.
public enum HubKind: String, Decodable, Sendable {
    case hub, agreement, headquarters
}

/// A dated change to a hub after it was announced.
public struct HubChange: Decodable, Sendable {
    public var date: PartialDate?
    public var text: LocalizedText
    public var confidence: Confidence
    /// Set when only the date is less sure than the change.
    public var dateConfidence: Confidence?
    public var sources: [String]

    public init(date: PartialDate?, text: LocalizedText, confidence: Confidence, dateConfidence: Confidence?,
                sources: [String]) {
        self.date = date
        self.text = text
        self.confidence = confidence
        self.dateConfidence = dateConfidence
        self.sources = sources
    }
}

/// A Cainiao/eWTP site (or Alibaba's headquarters).
public struct Hub: Decodable, Sendable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var place: LocalizedText
    public var country: LocalizedText
    public var countryCode: String
    public var kind: HubKind
    public var role: LocalizedText
    public var location: HubLocation
    public var status: LocalizedText
    public var statusSources: [String]
    public var facts: [Fact]
    public var changes: [HubChange]

    public init(id: String, name: LocalizedText, place: LocalizedText, country: LocalizedText, countryCode: String,
                kind: HubKind, role: LocalizedText, location: HubLocation, status: LocalizedText,
                statusSources: [String], facts: [Fact], changes: [HubChange]) {
        self.id = id
        self.name = name
        self.place = place
        self.country = country
        self.countryCode = countryCode
        self.kind = kind
        self.role = role
        self.location = location
        self.status = status
        self.statusSources = statusSources
        self.facts = facts
        self.changes = changes
    }
}

/// `hubs.json`.
public struct HubCatalog: Decodable, Sendable {
    public var hubs: [Hub]

    public init(hubs: [Hub]) {
        self.hubs = hubs
    }
}
