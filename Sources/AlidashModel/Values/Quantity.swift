/// What a quantity counts or measures.
public enum Unit: String, Decodable, Sendable, CaseIterable {
    case rmb = "RMB", usd = "USD", eur = "EUR", hkd = "HKD", thb = "THB", myr = "MYR"
    case squareMetres = "m2", hectares = "ha", acres = "acre", squareFeet = "sqft"
    case percent, count, year, rank, km

    public var currency: Currency? { Currency(rawValue: rawValue) }
}

/// The currencies figures are given in.
public enum Currency: String, Decodable, Sendable, CaseIterable {
    case rmb = "RMB", usd = "USD", eur = "EUR", hkd = "HKD", thb = "THB", myr = "MYR"

    /// The code shown on screen ("RM" is Malaysia's own sign, but the ISO code reads better beside RMB).
    public var code: String { rawValue }
}

/// The power of a thousand a value is written in.
public enum Scale: String, Decodable, Sendable, CaseIterable {
    case one, thousand, million, billion

    public var multiplier: Double {
        switch self {
        case .one: return 1
        case .thousand: return 1e3
        case .million: return 1e6
        case .billion: return 1e9
        }
    }
}

/// How exact a stated value is.
public enum Qualifier: String, Decodable, Sendable {
    case about, moreThan, atLeast, upTo
}

/// A number with its unit, scale and, where given, the top of its range.
public struct Quantity: Decodable, Sendable, Equatable {
    public var value: Double
    public var unit: Unit
    public var scale: Scale
    public var upTo: Double?
    public var qualifier: Qualifier?

    public init(value: Double, unit: Unit, scale: Scale = .one, upTo: Double? = nil, qualifier: Qualifier? = nil) {
        self.value = value
        self.unit = unit
        self.scale = scale
        self.upTo = upTo
        self.qualifier = qualifier
    }

    private enum CodingKeys: String, CodingKey { case value, unit, scale, upTo, qualifier }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.decode(Double.self, forKey: .value)
        unit = try container.decode(Unit.self, forKey: .unit)
        scale = try container.decodeIfPresent(Scale.self, forKey: .scale) ?? .one
        upTo = try container.decodeIfPresent(Double.self, forKey: .upTo)
        qualifier = try container.decodeIfPresent(Qualifier.self, forKey: .qualifier)
    }

}
