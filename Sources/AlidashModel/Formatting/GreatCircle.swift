#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Coordinates {
    /// Mean Earth radius (IUGG), in kilometres.
    public static let earthRadiusKilometres = 6371.0088

    /// Great-circle distance by the haversine formula, in kilometres.
    public func distanceKilometres(to other: Coordinates) -> Double {
        let radians = Double.pi / 180
        let lat1 = latitude * radians, lat2 = other.latitude * radians
        let dLat = (other.latitude - latitude) * radians
        let dLon = (other.longitude - longitude) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1) * cos(lat2) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * Coordinates.earthRadiusKilometres * asin(min(1, sqrt(a)))
    }

    /// True when both values are finite and within ±90° / ±180°.
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && abs(latitude) <= 90 && abs(longitude) <= 180
    }
}
